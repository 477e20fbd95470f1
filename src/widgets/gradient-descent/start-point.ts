/**
 * Where the descent starts, moved on the plot: drag the start handle (mouse, finger or pen), click
 * or tap anywhere to put it there, or the arrow keys on the focused plot (Shift: 5 times as far).
 * Each move pauses the run and restarts it at the new point, through the host's `move`.
 */
import type { ChartLayout } from '../../charts/descent-1d';
import type { Surface } from '../../math/surfaces';
import { keyedStart } from './model';

export interface StartPointHost {
  /** The plot's SVG and its layout, to turn a pointer's position into parameters. */
  svg(): SVGSVGElement | null;
  layout(): ChartLayout | undefined;
  surface(): Surface;
  /** The current start (parameters). */
  start(): number[];
  pause(): void;
  /** Put the start at `p` (the host rounds and clamps it to the domain). */
  move(p: readonly number[]): void;
}

export class StartPoint {
  private dragging = false;

  constructor(private readonly host: StartPointHost) {}

  /** The element left the page: a drag in progress ends. */
  cancel(): void {
    this.dragging = false;
  }

  readonly pointerDown = (event: PointerEvent): void => {
    const target = event.target as Element | null;
    if (!target?.classList.contains('start-handle')) return;
    event.preventDefault();
    this.dragging = true;
    this.host.pause();
    try {
      // Keep receiving moves when the finger or mouse leaves the chart mid-drag.
      (event.currentTarget as Element).setPointerCapture(event.pointerId);
    } catch {
      // A synthetic or already-released pointer cannot be captured; dragging still works inside.
    }
  };

  readonly pointerMove = (event: PointerEvent): void => {
    if (!this.dragging) return;
    const p = this.parameters(event);
    if (p) this.host.move(p);
  };

  readonly pointerUp = (event: PointerEvent): void => {
    if (!this.dragging) return;
    this.dragging = false;
    const target = event.currentTarget as Element;
    if (target.hasPointerCapture?.(event.pointerId)) target.releasePointerCapture(event.pointerId);
  };

  /** A click (or tap) anywhere on the plot puts the start point there. */
  readonly click = (event: MouseEvent): void => {
    const p = this.parameters(event);
    if (!p) return;
    this.host.pause();
    this.host.move(p);
  };

  /** Arrow keys on the focused plot move the start point; Shift moves it 5 times as far. */
  readonly plotKey = (event: KeyboardEvent): void => {
    const start = keyedStart(this.host.surface(), this.host.start(), event.key, event.shiftKey);
    if (!start) return;
    event.preventDefault();
    this.host.pause();
    this.host.move(start);
  };

  private parameters(event: PointerEvent | MouseEvent): number[] | null {
    const svg = this.host.svg();
    const matrix = svg?.getScreenCTM();
    const layout = this.host.layout();
    if (!svg || !matrix || !layout) return null;
    const pt = new DOMPoint(event.clientX, event.clientY).matrixTransform(matrix.inverse());
    return layout.invert(pt.x, pt.y);
  }
}
