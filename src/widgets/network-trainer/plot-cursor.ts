/**
 * The trainer's plot as an input, a Lit reactive controller: the keyboard cursor (arrow keys, Home,
 * End, Page Up/Down), what a click or tap does (add a point of the chosen class, or read the
 * network there), the number keys that choose the class, and the words read out for each. It
 * keeps that state (cursor, whether the plot has the keyboard, the class to add, the words) and
 * asks the element, through `PlotContext`, for the data, the layout and what the network says.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { HeatmapLayout } from '../../charts/trainer-heatmap';
import type { PlaneData } from './data';
import { centreOf, moveCursor } from './model';
import type { Place } from './model';
import { axisNumber, cursorWords } from './describe';
import type { Names } from './describe';
import type { TapMode } from './points-panel';

export interface PlotContext {
  data: PlaneData | null;
  layout: HeatmapLayout | null;
  names: Names;
  /** Whether points may be added (not hidden, not a regression dataset). */
  canAdd: boolean;
  /** What the network says at a place: each class's probability, [ŷ] for regression, or null. */
  answerAt(x: number, y: number): number[] | null;
  /** Add a point of class `label` (the element sets `points`). */
  addPoint(x: number, y: number, label: number): void;
}

export class PlotCursor implements ReactiveController {
  /** The keyboard cursor in data units; null before the plot first had it. */
  cursor: Place | null = null;
  /** Whether the plot has the keyboard (or was clicked to read): the cursor is then drawn. */
  focused = false;
  /** What a click or tap adds: a class 0 … k − 1, or 'read'. */
  addClass: TapMode = 1;
  /** The words about the cursor or the last point added (read out politely). */
  text = '';

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly context: () => PlotContext,
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  /** The classes changed: a class to add that no longer exists becomes class 1. */
  classesChanged(k: number): void {
    if (typeof this.addClass === 'number' && this.addClass >= k) this.addClass = 1;
  }

  setAddClass(mode: TapMode): void {
    this.addClass = mode;
    this.host.requestUpdate();
  }

  /** A click or tap adds a point where it lands, or (read mode, or no points allowed) reads there. */
  readonly onClick = (event: MouseEvent): void => {
    const { layout, canAdd } = this.context();
    if (!layout) return;
    const rect = (event.currentTarget as HTMLElement).getBoundingClientRect();
    const at = layout.toData(event.clientX - rect.left, event.clientY - rect.top);
    if (!at) return;
    if (this.addClass === 'read' || !canAdd) {
      this.set({ focused: true, cursor: at });
      this.set({ text: this.reading() });
      return;
    }
    this.add(at.x, at.y);
  };

  readonly onKey = (event: KeyboardEvent): void => {
    const { data, canAdd, names } = this.context();
    if (!data) return;
    const cursor = this.cursor ?? centreOf(data);
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      if (canAdd) this.add(cursor.x, cursor.y);
      return;
    }
    if (/^\d$/.test(event.key) && Number(event.key) < names.classNames.length) {
      event.preventDefault();
      if (!canAdd) return;
      this.addClass = Number(event.key);
      this.set({ text: `New points: ${names.labelName} = ${names.classNames[this.addClass]}.` });
      return;
    }
    const moved = moveCursor(event.key, event.shiftKey, cursor, data.xDomain, data.yDomain);
    if (!moved) return;
    event.preventDefault();
    this.set({ focused: true, cursor: moved });
    this.set({ text: this.reading() });
  };

  readonly onFocus = (event: FocusEvent): void => {
    // The cursor follows the keyboard here; a click (which also focuses) is handled by onClick.
    if (!(event.target as HTMLElement).matches(':focus-visible')) return;
    const { data } = this.context();
    if (!data) return;
    this.set({ focused: true, cursor: this.cursor ?? centreOf(data) });
    this.set({ text: this.reading() });
  };

  readonly onBlur = (): void => this.set({ focused: false });

  /** "x₁ = 0.50, x₂ = −0.20". */
  where(x: number, y: number): string {
    const { names } = this.context();
    return `${names.xLabel} = ${axisNumber(x)}, ${names.yLabel} = ${axisNumber(y)}`;
  }

  /** "Cursor at x₁ = 0.50, x₂ = −0.20: the network says 73% class = 1." */
  reading(): string {
    const c = this.cursor;
    if (!c) return '';
    const { names, answerAt } = this.context();
    return `Cursor at ${this.where(c.x, c.y)}: ${cursorWords(answerAt(c.x, c.y), names)}.`;
  }

  private add(x: number, y: number): void {
    const { names, addPoint } = this.context();
    const label = this.addClass;
    if (label === 'read') {
      const k = names.classNames.length;
      this.set({
        text: `${this.reading()} (To add points, choose a class under “Your own points”, or press ${k === 2 ? '0 or 1' : `0 to ${k - 1}`}.)`,
      });
      return;
    }
    addPoint(x, y, label);
    this.set({
      text: `Added a point of ${names.labelName} = ${names.classNames[label]} at ${this.where(x, y)}.`,
    });
  }

  private set(change: Partial<Pick<PlotCursor, 'cursor' | 'focused' | 'text'>>): void {
    Object.assign(this, change);
    this.host.requestUpdate();
  }
}
