import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Runs `onChange` whenever the reader's system switches between light and dark
 * (`prefers-color-scheme`), while the host is on the page: for a widget that paints with colours
 * resolved from its styles (a canvas, a shading) and must paint again when they flip.
 */
export class SchemeWatch implements ReactiveController {
  private readonly _query =
    typeof matchMedia === 'function' ? matchMedia('(prefers-color-scheme: dark)') : undefined;

  constructor(
    host: ReactiveControllerHost,
    private readonly _onChange: () => void,
  ) {
    host.addController(this);
  }

  private readonly _listener = (): void => this._onChange();

  hostConnected(): void {
    this._query?.addEventListener('change', this._listener);
  }

  hostDisconnected(): void {
    this._query?.removeEventListener('change', this._listener);
  }
}
