/**
 * Editing a weight by hand in the trainer's network diagram, as in TensorFlow Playground: click or
 * tap an edge (a neuron, for its bias) — or focus the diagram, choose one with the arrow keys and
 * press Enter — and type its value in a small labelled field (Enter sets it, Escape cancels; what
 * is not a number gets an error in words and changes nothing). The session then sets it in the
 * network, and the heatmaps, the diagram and the losses follow at once.
 *
 * A Lit reactive controller that renders the diagram's box (the canvas the picture draws into, an
 * overlay marking the chosen weight, the live words and the field). The diagram itself is drawn by
 * `src/charts/network-diagram.ts`; this reads its geometry (`diagramGeometry`) to hit-test.
 */
import { html, nothing, svg } from 'lit';
import type { ReactiveController, ReactiveControllerHost, TemplateResult } from 'lit';
import { diagramGeometry } from '../../charts/network-diagram';
import type { DiagramGeometry } from '../../charts/network-diagram';
import type { LayerWeights } from '../../train/types';
import { parseWeight, weightName, weightText } from './edit-words';
import type { WeightRef } from './edit-words';

/** What the editor needs to know about the network shown, read when it is used. */
export interface EditorInput {
  /** Units per layer, inputs first (as the diagram draws them). */
  sizes: readonly number[];
  /** The inputs' names (x₁, x₂ or the chosen features). */
  inputLabels: readonly string[];
  /** The weights shown, matching `sizes`; null when there are none yet. */
  weights: readonly LayerWeights[] | null;
}

/** Sets a weight (from −1: a bias); returns an error in words, or null when it is set. */
export type ApplyWeight = (ref: WeightRef, value: number) => string | null;

type Host = ReactiveControllerHost & HTMLElement & { renderRoot: ParentNode };

/** How far from an edge a pointer still picks it, in CSS pixels (a finger is broad). */
const PICK_MOUSE = 8;
const PICK_TOUCH = 18;

export class WeightEditor implements ReactiveController {
  /** The weight chosen (outlined on the diagram), or null. */
  selected: WeightRef | null = null;
  /** Whether the value field is open. */
  editing = false;
  /** What was wrong with the value typed, or ''. */
  error = '';
  /** The live words: the chosen weight and its value, or what was just set. */
  status = '';

  private typed = '';
  private resize: ResizeObserver | undefined;
  private observed: Element | null = null;

  constructor(
    private readonly host: Host,
    private readonly input: () => EditorInput,
    private readonly apply: ApplyWeight,
  ) {
    host.addController(this);
  }

  hostUpdated(): void {
    // The overlay is drawn in the diagram's units: redrawn when the canvas changes size.
    const canvas = this.canvas();
    if (!canvas || canvas === this.observed || typeof ResizeObserver === 'undefined') return;
    this.resize?.disconnect();
    this.resize = new ResizeObserver(() => {
      if (this.selected) this.host.requestUpdate();
    });
    this.resize.observe(canvas);
    this.observed = canvas;
  }

  hostDisconnected(): void {
    this.resize?.disconnect();
    this.resize = undefined;
    this.observed = null;
  }

  /** Forget the choice (the network changed shape). */
  reset(): void {
    this.selected = null;
    this.editing = false;
    this.error = '';
    this.status = '';
    this.host.requestUpdate();
  }

  // ---- What can be edited ----------------------------------------------------------------------

  /** Every editable weight in keyboard order: per unit, its incoming weights, then its bias. */
  private refs(): WeightRef[] {
    const { sizes } = this.input();
    const refs: WeightRef[] = [];
    for (let layer = 0; layer + 1 < sizes.length; layer++) {
      const inputs = sizes[layer] ?? 0;
      for (let to = 0; to < (sizes[layer + 1] ?? 0); to++) {
        for (let from = 0; from < inputs; from++) refs.push({ layer, from, to });
        refs.push({ layer, from: -1, to });
      }
    }
    return refs;
  }

  /** Whether the network shown has this weight. */
  private exists(ref: WeightRef): boolean {
    const { sizes } = this.input();
    const inputs = sizes[ref.layer];
    const units = sizes[ref.layer + 1];
    return inputs !== undefined && units !== undefined && ref.to < units && ref.from < inputs;
  }

  private valueOf(ref: WeightRef): number | null {
    const w = this.input().weights?.[ref.layer];
    if (!w || ref.to >= w.units || ref.from >= w.inputs) return null;
    const v = ref.from < 0 ? w.bias[ref.to] : w.kernel[ref.from * w.units + ref.to];
    return v === undefined ? null : v;
  }

  private name(ref: WeightRef): string {
    const { sizes, inputLabels } = this.input();
    return weightName(ref, sizes, inputLabels);
  }

  /** "weight from x₁ to hidden 1 unit 2: 0.43". */
  describe(ref: WeightRef): string {
    const v = this.valueOf(ref);
    return `${this.name(ref)}: ${v === null ? 'not known yet' : weightText(v)}`;
  }

  // ---- Pointer ---------------------------------------------------------------------------------

  private canvas(): HTMLCanvasElement | null {
    return this.host.renderRoot.querySelector<HTMLCanvasElement>('canvas.diagram');
  }

  /** The diagram's geometry as last drawn (its CSS size is what the chart set). */
  private geometry(): DiagramGeometry | null {
    const canvas = this.canvas();
    const width = parseFloat(canvas?.style.width ?? '');
    const height = parseFloat(canvas?.style.height ?? '');
    if (!canvas || !(width > 0) || !(height > 0)) return null;
    return diagramGeometry(this.input().sizes, { width, height });
  }

  /** The weight under a point of the diagram (its units), or null: a neuron's bias, or an edge. */
  pick(x: number, y: number, reach: number): WeightRef | null {
    const g = this.geometry();
    const { sizes } = this.input();
    if (!g) return null;
    const half = g.side / 2;
    // A neuron above the inputs: its bias.
    for (let l = 1; l < sizes.length; l++) {
      if (Math.abs(x - g.colX(l)) > half + 2) continue;
      for (let j = 0; j < (sizes[l] ?? 0); j++) {
        if (Math.abs(y - g.unitY(l, j)) <= half + 2) return { layer: l - 1, from: -1, to: j };
      }
    }
    let best: WeightRef | null = null;
    let bestDistance = reach;
    for (let l = 0; l + 1 < sizes.length; l++) {
      const x0 = g.colX(l) + half;
      const x1 = g.colX(l + 1) - half;
      if (x < x0 - reach || x > x1 + reach) continue;
      for (let i = 0; i < (sizes[l] ?? 0); i++) {
        for (let j = 0; j < (sizes[l + 1] ?? 0); j++) {
          const d = segmentDistance(x, y, x0, g.unitY(l, i), x1, g.unitY(l + 1, j));
          if (d < bestDistance) {
            bestDistance = d;
            best = { layer: l, from: i, to: j };
          }
        }
      }
    }
    return best;
  }

  private readonly onClick = (event: MouseEvent): void => {
    const canvas = event.currentTarget as HTMLCanvasElement;
    const g = this.geometry();
    if (!g) return;
    const rect = canvas.getBoundingClientRect();
    if (rect.width <= 0 || rect.height <= 0) return;
    const x = ((event.clientX - rect.left) * g.width) / rect.width;
    const y = ((event.clientY - rect.top) * g.height) / rect.height;
    const touch = (event as PointerEvent).pointerType === 'touch';
    const ref = this.pick(x, y, touch ? PICK_TOUCH : PICK_MOUSE);
    if (!ref) return;
    this.open(ref);
  };

  // ---- Keyboard --------------------------------------------------------------------------------

  private readonly onKey = (event: KeyboardEvent): void => {
    const refs = this.refs();
    if (refs.length === 0) return;
    const at = this.selected ? refs.findIndex((r) => same(r, this.selected!)) : -1;
    let next: number | undefined;
    switch (event.key) {
      case 'ArrowDown':
        next = at < 0 ? 0 : Math.min(refs.length - 1, at + 1);
        break;
      case 'ArrowUp':
        next = at < 0 ? 0 : Math.max(0, at - 1);
        break;
      case 'ArrowRight':
      case 'ArrowLeft': {
        // The same place one layer on (or back): the first weight of that layer if none.
        const layer = (this.selected?.layer ?? -1) + (event.key === 'ArrowRight' ? 1 : -1);
        const first = refs.findIndex((r) => r.layer === layer);
        if (first < 0) {
          next = at < 0 ? 0 : at;
          break;
        }
        const sel = this.selected;
        const match = sel
          ? refs.findIndex((r) => r.layer === layer && r.to === sel.to && r.from === sel.from)
          : -1;
        next = match >= 0 ? match : first;
        break;
      }
      case 'Home':
        next = 0;
        break;
      case 'End':
        next = refs.length - 1;
        break;
      case 'Enter':
      case 'F2':
        event.preventDefault();
        this.open(this.selected ?? refs[0]!);
        return;
      case 'Escape':
        if (!this.selected) return;
        event.preventDefault();
        this.selected = null;
        this.status = '';
        this.host.requestUpdate();
        return;
      default:
        return;
    }
    event.preventDefault();
    const ref = refs[next]!;
    this.selected = ref;
    this.status = `${this.describe(ref)} (${next + 1} of ${refs.length}). Press Enter to change it.`;
    this.host.requestUpdate();
  };

  private readonly onFocus = (event: FocusEvent): void => {
    // From the keyboard only: a click (which focuses too) picks what it lands on.
    if (!(event.target as HTMLElement).matches(':focus-visible')) return;
    if (this.selected || this.editing) return;
    const first = this.refs()[0];
    if (!first) return;
    this.selected = first;
    this.status = `${this.describe(first)}. Arrow keys choose another weight; Enter changes it.`;
    this.host.requestUpdate();
  };

  // ---- The value field -------------------------------------------------------------------------

  /** Open the field for `ref`, filled with its value, and focus it. */
  open(ref: WeightRef): void {
    const v = this.valueOf(ref);
    if (v === null) {
      this.selected = ref;
      this.status = 'The weights are not known yet: try again in a moment.';
      this.host.requestUpdate();
      return;
    }
    this.selected = ref;
    this.editing = true;
    this.error = '';
    this.typed = weightText(v).replace('\u2212', '-');
    this.status = '';
    this.host.requestUpdate();
    void this.host.updateComplete.then(() => {
      const field = this.host.renderRoot.querySelector<HTMLInputElement>('#weight-value');
      field?.focus();
      field?.select();
    });
  }

  private close(focusDiagram: boolean): void {
    this.editing = false;
    this.error = '';
    this.host.requestUpdate();
    if (focusDiagram) void this.host.updateComplete.then(() => this.canvas()?.focus());
  }

  private readonly onSubmit = (event: Event): void => {
    event.preventDefault();
    const ref = this.selected;
    if (!ref) return;
    const parsed = parseWeight(this.typed);
    if ('error' in parsed) {
      this.error = parsed.error;
      this.host.requestUpdate();
      return;
    }
    const problem = this.apply(ref, parsed.value);
    if (problem) {
      this.error = problem;
      this.host.requestUpdate();
      return;
    }
    this.status = `Set the ${this.name(ref)} to ${weightText(parsed.value)}.`;
    this.close(true);
  };

  private readonly onFieldKey = (event: KeyboardEvent): void => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    event.stopPropagation();
    if (this.selected) this.status = `Kept the ${this.describe(this.selected)}.`;
    this.close(true);
  };

  // ---- Render ----------------------------------------------------------------------------------

  /**
   * The diagram's box (the canvas the picture draws into, named `label`, and the overlay), the
   * help, the live words and, while open, the field.
   */
  render(label: string): TemplateResult {
    if (this.selected && !this.exists(this.selected)) {
      // The network changed shape under the choice: forget it.
      this.selected = null;
      this.editing = false;
      this.status = '';
    }
    const ref = this.selected;
    return html`
      <div class="diagram-box">
        <canvas
          class="diagram"
          role="img"
          tabindex="0"
          aria-label=${label}
          aria-describedby="diagram-help"
          @click=${this.onClick}
          @keydown=${this.onKey}
          @focus=${this.onFocus}
        ></canvas>
        ${ref ? this.overlay(ref) : nothing}
      </div>
      <p class="help diagram-help" id="diagram-help">
        To change a weight, click or tap its edge (a neuron for its bias), or focus the diagram,
        choose one with the arrow keys and press Enter.
      </p>
      <p class="edit-text" aria-live="polite">${this.status}</p>
      ${this.editing && ref ? this.field(ref) : nothing}
    `;
  }

  private field(ref: WeightRef): TemplateResult {
    const name = this.name(ref);
    return html`<form class="weight-editor" @submit=${this.onSubmit}>
      <label for="weight-value">${name[0]!.toUpperCase() + name.slice(1)}</label>
      <input
        id="weight-value"
        type="text"
        autocomplete="off"
        spellcheck="false"
        enterkeyhint="done"
        aria-invalid=${this.error ? 'true' : 'false'}
        aria-describedby="weight-error"
        .value=${this.typed}
        @input=${(e: Event) => (this.typed = (e.target as HTMLInputElement).value)}
        @keydown=${this.onFieldKey}
      />
      <button type="submit" class="primary">Set</button>
      <button type="button" @click=${() => this.close(true)}>Cancel</button>
      <p class="field-error" id="weight-error" role="alert">${this.error}</p>
    </form>`;
  }

  /** The chosen weight, outlined over the diagram (a halo along its edge, or round its neuron). */
  private overlay(ref: WeightRef): TemplateResult | typeof nothing {
    const g = this.geometry();
    if (!g) return nothing;
    const half = g.side / 2;
    const mark =
      ref.from < 0
        ? svg`<rect class="chosen" x=${g.colX(ref.layer + 1) - half - 3} y=${g.unitY(ref.layer + 1, ref.to) - half - 3} width=${g.side + 6} height=${g.side + 6} rx="3"></rect>`
        : svg`<line class="chosen" x1=${g.colX(ref.layer) + half} y1=${g.unitY(ref.layer, ref.from)} x2=${g.colX(ref.layer + 1) - half} y2=${g.unitY(ref.layer + 1, ref.to)}></line>`;
    return html`<svg
      class="diagram-overlay"
      viewBox="0 0 ${g.width} ${g.height}"
      preserveAspectRatio="none"
      aria-hidden="true"
    >
      ${mark}
    </svg>`;
  }
}

function same(a: WeightRef, b: WeightRef): boolean {
  return a.layer === b.layer && a.from === b.from && a.to === b.to;
}

/** Distance from (px, py) to the segment (x0, y0)–(x1, y1). */
export function segmentDistance(
  px: number,
  py: number,
  x0: number,
  y0: number,
  x1: number,
  y1: number,
): number {
  const dx = x1 - x0;
  const dy = y1 - y0;
  const length2 = dx * dx + dy * dy;
  const t = length2 > 0 ? Math.max(0, Math.min(1, ((px - x0) * dx + (py - y0) * dy) / length2)) : 0;
  return Math.hypot(px - (x0 + t * dx), py - (y0 + t * dy));
}
