/**
 * The `autoplay` attribute: training starts the first time the trainer scrolls into view (not with
 * reduced motion), at once if the trainer is ready, else with its first report.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

type Host = ReactiveControllerHost & Element & { readonly autoplay: boolean };

export class Autoplay implements ReactiveController {
  private _observer: IntersectionObserver | undefined;
  private _done = false;
  private _waiting = false;

  constructor(
    private readonly host: Host,
    /** Whether the trainer can start now. */
    private readonly ready: () => boolean,
    private readonly play: () => void,
  ) {
    host.addController(this);
  }

  /** Watch for the trainer coming into view (after its first render, and when it is put back). */
  observe(): void {
    if (!this.host.autoplay || this._done || typeof IntersectionObserver === 'undefined') return;
    this._observer?.disconnect();
    this._observer = new IntersectionObserver((entries) => {
      if (!entries.some((e) => e.isIntersecting)) return;
      this._observer?.disconnect();
      this._done = true;
      if (matchMedia('(prefers-reduced-motion: reduce)').matches) return;
      if (this.ready()) this.play();
      else this._waiting = true;
    });
    this._observer.observe(this.host);
  }

  /** A report came: start now if the start waited for it. */
  reported(): void {
    if (!this._waiting || !this.ready()) return;
    this._waiting = false;
    this.play();
  }

  hostDisconnected(): void {
    this._observer?.disconnect();
    this._observer = undefined;
  }
}
