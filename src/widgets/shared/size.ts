import type { ReactiveController, ReactiveControllerHost } from 'lit';

type Host = ReactiveControllerHost & HTMLElement & { readonly hasUpdated: boolean };

/**
 * A function run at most once per animation frame, however often it is asked for; a pending run
 * is cancelled when the host leaves the page.
 */
export class FrameTask implements ReactiveController {
  private _frame = 0;

  constructor(
    host: ReactiveControllerHost,
    private readonly _run: () => void,
  ) {
    host.addController(this);
  }

  /** Run on the next animation frame (once, however many calls come before it). */
  schedule(): void {
    if (this._frame) return;
    this._frame = requestAnimationFrame(() => {
      this._frame = 0;
      this._run();
    });
  }

  cancel(): void {
    cancelAnimationFrame(this._frame);
    this._frame = 0;
  }

  hostDisconnected(): void {
    this.cancel();
  }
}

export interface SizeOptions {
  /** The element to measure, looked up after each update (a re-render may replace it). */
  target: () => Element | null | undefined;
  /** What to redraw when the width changes: run on the next animation frame. */
  redraw: (() => void) | FrameTask;
  /** Which box's width counts: 'content-box' (the default) or 'border-box'. */
  box?: ResizeObserverBoxOptions;
}

/**
 * The width of one element of a widget, for drawing a chart to fit it. A ResizeObserver measures
 * it (off the first render: nothing forces a layout inside an update) and asks for a redraw, in
 * the next animation frame, whenever it changes by a pixel or more. Until the first measurement
 * `measured` is false and a widget draws nothing; without ResizeObserver it draws at its nominal
 * size at once. Leaving the page stops the observer and any pending redraw.
 */
export class SizeController implements ReactiveController {
  /** The measured width in CSS pixels; 0 until measured (or while the element is not laid out). */
  width = 0;

  private _observer: ResizeObserver | undefined;
  private _observed: Element | undefined;
  private readonly _redraw: FrameTask;

  constructor(
    private readonly _host: Host,
    private readonly _options: SizeOptions,
  ) {
    const { redraw } = _options;
    this._redraw = redraw instanceof FrameTask ? redraw : new FrameTask(_host, redraw);
    _host.addController(this);
  }

  /** Whether the chart may be drawn: the element has been measured (or cannot be). */
  get measured(): boolean {
    return this.width > 0 || typeof ResizeObserver === 'undefined';
  }

  /** The measured width, or `fallback` where there is no ResizeObserver to measure with. */
  widthOr(fallback: number): number {
    return this.width > 0 ? this.width : fallback;
  }

  hostConnected(): void {
    // Moved in the page (disconnected, then connected again): observe again.
    if (this._host.hasUpdated) this._observe();
  }

  hostUpdated(): void {
    this._observe();
  }

  hostDisconnected(): void {
    this._observer?.disconnect();
    this._observer = undefined;
    this._observed = undefined;
  }

  private _observe(): void {
    // An update may still run after the host left the page: observe nothing then.
    if (typeof ResizeObserver === 'undefined' || !this._host.isConnected) return;
    const target = this._options.target() ?? undefined;
    if (target === this._observed && this._observer) return;
    this._observer?.disconnect();
    this._observed = target;
    if (!target) {
      this._observer = undefined;
      return;
    }
    const box = this._options.box ?? 'content-box';
    this._observer = new ResizeObserver((entries) => {
      const entry = entries[0];
      if (!entry) return;
      const width =
        box === 'border-box'
          ? (entry.borderBoxSize?.[0]?.inlineSize ?? 0)
          : entry.contentRect.width;
      if (width > 0 && Math.abs(width - this.width) >= 1) {
        this.width = width;
        // Redraw on the next frame, not inside the observer callback: the redraw changes the
        // element's height, which would otherwise re-trigger the observer in the same frame.
        this._redraw.schedule();
      }
    });
    this._observer.observe(target, { box });
  }
}

export interface FigureChartOptions {
  /** The element measured: `'figure'` unless given. */
  figure?: string;
  /** The `<svg>` drawn into: the first `'svg'` unless given. */
  svg?: string;
  /** The width drawn at where there is no ResizeObserver to measure with. */
  fallbackWidth: number;
}

/**
 * A chart drawn into an `<svg>` of a widget, as wide as the widget's figure: `paint` runs with the
 * svg and the width whenever the widget calls `draw()` (after each update) and again whenever the
 * figure's width changes, but only once the figure has been measured (see `SizeController`):
 * never by measuring inside an update.
 */
export class FigureChart {
  readonly size: SizeController;

  constructor(
    private readonly _host: Host & { readonly renderRoot: ParentNode },
    private readonly _paint: (svg: SVGSVGElement, width: number) => void,
    private readonly _options: FigureChartOptions,
  ) {
    const figure = _options.figure ?? 'figure';
    this.size = new SizeController(_host, {
      target: () => _host.renderRoot.querySelector(figure),
      redraw: () => this.draw(),
    });
  }

  /** The svg drawn into, once rendered. */
  get svg(): SVGSVGElement | null {
    return this._host.renderRoot.querySelector<SVGSVGElement>(this._options.svg ?? 'svg');
  }

  /** The svg and the width to draw it at, or undefined until there is a measured figure. */
  frame(): { svg: SVGSVGElement; width: number } | undefined {
    const svg = this.svg;
    if (!svg || !this.size.measured) return undefined;
    return { svg, width: this.size.widthOr(this._options.fallbackWidth) };
  }

  /** Paint the chart now, where it can be (see `frame`). */
  draw(): void {
    const frame = this.frame();
    if (frame) this._paint(frame.svg, frame.width);
  }
}
