/**
 * The drawing pad of `<nn-digits>`: pointer events (mouse, touch and pen alike, captured so a
 * stroke that leaves the pad still ends), strokes kept in the pad's unit square, painted on the
 * pad's canvas, and turned into MNIST's form (src/math/digit-preprocess.ts) on every move. While a
 * stroke is drawn the pad redraws and reads at most once per animation frame, however many events
 * arrive; when it ends (pointerup) it reads at once.
 */
import type { ReactiveControllerHost } from 'lit';
import {
  rasterizeStrokes,
  toMnist,
  type Preprocessed,
  type StrokePoint,
} from '../../math/digit-preprocess';
import { FrameTask } from '../shared/size';

/** Pen width as a share of the pad's side (MNIST's strokes are ~2–3 px of 20). */
export const PEN = 0.075;
/** The grid the strokes are rasterised to before preprocessing. */
export const PAD_GRID = 112;

export class DrawingPad {
  strokes: StrokePoint[][] = [];
  /** The latest MNIST form of the drawing. */
  input: Preprocessed = { empty: true };
  private pointer: number | null = null;
  private readonly task: FrameTask;

  constructor(
    host: ReactiveControllerHost,
    private readonly canvas: () => HTMLCanvasElement | null | undefined,
    private readonly colors: () => { ink: string; paper: string },
    /** Called (once per frame at most) after the drawing changed. */
    private readonly onChange: (input: Preprocessed) => void,
  ) {
    this.task = new FrameTask(host, () => this.refresh());
  }

  get empty(): boolean {
    return this.input.empty;
  }

  clear(): void {
    this.strokes = [];
    this.pointer = null;
    this.refresh();
  }

  /** Replace the drawing by these strokes (tests, and a drawn example). */
  setStrokes(strokes: StrokePoint[][]): void {
    this.strokes = strokes.map((s) => s.map((p) => ({ ...p })));
    this.refresh();
  }

  readonly onPointerDown = (event: PointerEvent): void => {
    if (event.button !== 0 && event.pointerType === 'mouse') return;
    const canvas = event.currentTarget as HTMLCanvasElement;
    event.preventDefault();
    canvas.setPointerCapture?.(event.pointerId);
    this.pointer = event.pointerId;
    this.strokes.push([this.point(event, canvas)]);
    this.task.schedule();
  };

  readonly onPointerMove = (event: PointerEvent): void => {
    if (event.pointerId !== this.pointer) return;
    event.preventDefault();
    const canvas = event.currentTarget as HTMLCanvasElement;
    const stroke = this.strokes[this.strokes.length - 1];
    const events = event.getCoalescedEvents?.() ?? [];
    for (const e of events.length > 0 ? events : [event]) stroke?.push(this.point(e, canvas));
    this.task.schedule();
  };

  /** The stroke is finished: read it now, not on the next frame, so that frame shows the answer. */
  readonly onPointerUp = (event: PointerEvent): void => {
    if (event.pointerId !== this.pointer) return;
    this.pointer = null;
    this.task.cancel();
    this.refresh();
  };

  private point(event: PointerEvent, canvas: HTMLCanvasElement): StrokePoint {
    const box = canvas.getBoundingClientRect();
    const clamp = (v: number) => Math.max(0, Math.min(1, v));
    return {
      x: clamp((event.clientX - box.left) / Math.max(1, box.width)),
      y: clamp((event.clientY - box.top) / Math.max(1, box.height)),
    };
  }

  /** Repaint the pad and read the drawing again. */
  refresh(): void {
    this.paint();
    this.input = toMnist(rasterizeStrokes(this.strokes, PAD_GRID, PEN));
    this.onChange(this.input);
  }

  paint(): void {
    const canvas = this.canvas();
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx) return;
    const side = canvas.width;
    const { ink, paper } = this.colors();
    ctx.fillStyle = paper;
    ctx.fillRect(0, 0, side, side);
    ctx.strokeStyle = ink;
    ctx.fillStyle = ink;
    ctx.lineWidth = PEN * side;
    ctx.lineCap = 'round';
    ctx.lineJoin = 'round';
    for (const stroke of this.strokes) {
      if (stroke.length === 1) {
        ctx.beginPath();
        ctx.arc(stroke[0]!.x * side, stroke[0]!.y * side, (PEN * side) / 2, 0, 2 * Math.PI);
        ctx.fill();
        continue;
      }
      ctx.beginPath();
      stroke.forEach((p, i) =>
        i === 0 ? ctx.moveTo(p.x * side, p.y * side) : ctx.lineTo(p.x * side, p.y * side),
      );
      ctx.stroke();
    }
  }
}
