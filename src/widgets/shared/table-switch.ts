import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Whether a widget's data table is shown: the state behind its "Show data table" button
 * (`dataTableArea({ ...this._table.area, table })`). Toggling updates the widget.
 */
export class TableSwitch implements ReactiveController {
  shown = false;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostConnected(): void {}

  readonly toggle = (): void => {
    this.shown = !this.shown;
    this.host.requestUpdate();
  };

  /** `dataTableArea`'s `shown` and `onToggle`. */
  get area(): { shown: boolean; onToggle: () => void } {
    return { shown: this.shown, onToggle: this.toggle };
  }
}
