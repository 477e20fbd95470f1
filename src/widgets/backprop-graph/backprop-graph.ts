import { html, nothing } from 'lit';
import type { PropertyValues, TemplateResult } from 'lit';
import { drawGraph, edgeKey } from '../../charts/graph-layout';
import type { GraphLayout, GraphNodeView } from '../../charts/graph-layout';
import { centralDifference } from '../../math/derivative';
import { ExpressionError, formatValues, parseValues } from '../../math/expression';
import { formatNumber } from '../../math/format';
import { NnElement, defaultOf, numberAttribute, warnOnce } from '../shared/base';
import { SizeController } from '../shared/size';
import { tokens } from '../shared/tokens';
import { styles } from './styles';
import {
  backwardLines,
  backwardSentence,
  definition,
  displayName,
  expressionModel,
  fmt,
  forwardFormula,
  gradName,
  networkModel,
  nodeLabel,
  opSymbol,
  readNumber,
  refresh,
} from './walk';
import type { WalkModel, WalkNode } from './walk';

const TAG = 'nn-backprop-graph';

/** The step of a central difference in the check panel. */
const H = 1e-5;
/** Expressions with more nodes than this are not drawn: the graph would be unreadable. */
const MAX_NODES = 80;
/** Characters of the expression shown around a mistake, so the caret line fits a phone. */
const ERROR_WINDOW = 28;

/** A string attribute that is not written back while empty (no `expression=""` on the host). */
const stringAttribute = (attribute?: string) => ({
  type: String,
  reflect: true,
  ...(attribute ? { attribute } : {}),
  converter: {
    fromAttribute: (value: string | null) => value ?? '',
    toAttribute: (value: string) => (value === '' ? null : value),
  },
});

/** The `detail` of `nn-change`. */
export interface BackpropChangeDetail {
  /** The expression drawn ('' for the network). */
  expression: string;
  /** Every variable's value, by name. */
  values: Record<string, number>;
  learningRate: number;
  /** The output (the loss L, or f). */
  output: number;
  /** ∂output/∂variable for every variable, by name. */
  gradients: Record<string, number>;
}

/** The `detail` of `nn-step`. */
export interface BackpropStepDetail {
  step: number;
  total: number;
  phase: 'start' | 'forward' | 'backward';
  /** The node of this step ("h₁"), or null at step 0. */
  node: string | null;
  /** The step in words, as announced. */
  text: string;
}

interface ExpressionProblem {
  source: string;
  message: string;
  index: number;
}

/**
 * @summary The computational graph of a small network — or of any expression an author writes —
 * with the forward pass and backpropagation one node at a time. Each backward step writes out the
 * chain rule with numbers (local derivative × upstream gradient = gradient); an update step applies
 * the learning rate; a check panel compares every gradient with a numerical estimate.
 *
 * Keyboard: Tab reaches the graph (one stop), the arrow keys move between its nodes (←/→ between
 * columns, ↑/↓ within one and on to the next), Home/End go to the first/last node, Enter on a
 * variable jumps to its field. The step buttons walk the passes; each step is announced.
 *
 * @event nn-change - The user edited a value, the expression or the learning rate, or applied an
 *   update. `detail`: `{ expression, values, learningRate, output, gradients }`
 *   (`BackpropChangeDetail`). Bubbles and is composed.
 * @event nn-step - The user moved the walk. `detail`: `{ step, total, phase, node, text }`
 *   (`BackpropStepDetail`). Bubbles and is composed.
 *
 * @csspart base - The layout wrapper around everything.
 * @csspart expression - The expression field (expression mode).
 * @csspart error - The message and caret for an expression that cannot be read.
 * @csspart graph - The scrolling container of the graph.
 * @csspart node-details - The line describing the selected node.
 * @csspart controls - The step buttons.
 * @csspart progress - "Forward pass: step 3 of 17".
 * @csspart explanation - The step's formulas with the numbers substituted.
 * @csspart update - The learning rate, the update button and its result.
 * @csspart values - The fields for inputs, weights and target.
 * @csspart table - The table of nodes (while shown).
 * @csspart check - The numerical check table (while shown).
 *
 * @cssproperty --nn-color-fg - Text colour.
 * @cssproperty --nn-color-bg - Background of the widget and of the nodes.
 * @cssproperty --nn-color-surface - Background of panels and of the current node.
 * @cssproperty --nn-color-muted - Edges, leaf outlines and secondary text.
 * @cssproperty --nn-color-border - Borders and idle edges.
 * @cssproperty --nn-color-accent - The forward pass (current node, edges).
 * @cssproperty --nn-color-accent-2 - The backward pass: gradients and their edges.
 * @cssproperty --nn-color-danger - Error messages.
 * @cssproperty --nn-color-focus - The focus ring.
 * @cssproperty --nn-radius - Corner radius.
 * @cssproperty --nn-font - Text font.
 * @cssproperty --nn-font-mono - Font of the numbers.
 */
export class NnBackpropGraph extends NnElement {
  static override styles = [tokens, styles];

  static override properties = {
    expression: stringAttribute(),
    values: stringAttribute(),
    params: stringAttribute(),
    learningRate: { ...numberAttribute(TAG, 'learning-rate'), attribute: 'learning-rate' },
    step: numberAttribute(TAG, 'step'),
    _focusId: { state: true },
    _showTable: { state: true },
    _showCheck: { state: true },
    _fieldErrors: { state: true },
    _drafts: { state: true },
    _exprDraft: { state: true },
    _exprDraftError: { state: true },
    _lrDraft: { state: true },
    _lrError: { state: true },
    _updateSummary: { state: true },
    _overflow: { state: true },
  };

  /** The expression to draw; empty (the default) draws the network. Reflected. */
  declare expression: string;
  /** The variables' values as "name=number" pairs. Reflects the user's edits and updates. */
  declare values: string;
  /** Expression mode: the variables the update changes (space-separated); empty: w… and b…. */
  declare params: string;
  /** The learning rate η of the update step, 0 to 10. Default 0.5. Reflected to `learning-rate`. */
  declare learningRate: number;
  /** How many steps of the walk are shown (0 = none). Default 0. Reflected. */
  declare step: number;

  declare private _focusId: number;
  declare private _showTable: boolean;
  declare private _showCheck: boolean;
  declare private _fieldErrors: Record<string, string>;
  declare private _drafts: Record<string, string>;
  declare private _exprDraft: string | undefined;
  declare private _exprDraftError: ExpressionProblem | undefined;
  declare private _lrDraft: string | undefined;
  declare private _lrError: string;
  declare private _updateSummary: { lines: string[]; sentence: string } | undefined;
  declare private _overflow: boolean;

  private _model: WalkModel | undefined;
  private _attrError: ExpressionProblem | undefined;
  private _tooBig = 0;
  private _missing: string[] = [];
  /** The graph's shape, to keep the focused node while only numbers change. */
  private _structure = '';
  private _layout: GraphLayout | undefined;
  private readonly _size = new SizeController(this, {
    target: () => this._container,
    redraw: () => this._draw(),
  });
  private _wantFocus = false;
  private _scrollToCurrent = true;

  constructor() {
    super();
    this.expression = defaultOf<string>(TAG, 'expression');
    this.values = defaultOf<string>(TAG, 'values');
    this.params = defaultOf<string>(TAG, 'params');
    this.learningRate = defaultOf<number>(TAG, 'learning-rate');
    this.step = defaultOf<number>(TAG, 'step');
    this._focusId = 0;
    this._showTable = false;
    this._showCheck = false;
    this._fieldErrors = {};
    this._drafts = {};
    this._exprDraft = undefined;
    this._exprDraftError = undefined;
    this._lrDraft = undefined;
    this._lrError = '';
    this._updateSummary = undefined;
    this._overflow = false;
  }

  // ——— the model ———

  protected override willUpdate(changed: PropertyValues): void {
    if (
      !this.hasUpdated ||
      changed.has('expression') ||
      changed.has('values') ||
      changed.has('params')
    ) {
      this._rebuild();
    }
  }

  /** Parse the attributes into the graph, compute every value and gradient. */
  private _rebuild(): void {
    const parsed = parseValues(this.values);
    for (const problem of parsed.problems) {
      warnOnce(`<${TAG}> values: ${problem}; ignoring it.`);
    }
    const source = this.expression.trim();
    let model: WalkModel | undefined;
    this._attrError = undefined;
    this._tooBig = 0;
    if (source === '') {
      model = networkModel(parsed.values);
    } else {
      try {
        model = expressionModel(source, parsed.values, this.params.split(/[\s,]+/).filter(Boolean));
      } catch (error) {
        if (!(error instanceof ExpressionError)) throw error;
        this._attrError = { source, message: error.message, index: error.index };
      }
      if (model && model.nodes.length > MAX_NODES) {
        this._tooBig = model.nodes.length;
        model = undefined;
      }
    }
    if (model) {
      const known = new Set(model.variables.map((v) => v.key));
      for (const key of Object.keys(parsed.values)) {
        if (!known.has(key)) {
          const names = [...known].join(', ');
          warnOnce(
            `<${TAG}> values: "${key}" is not a variable here (the variables are ${names}); ignoring it.`,
          );
        }
      }
      this._missing =
        source === ''
          ? []
          : model.variables.map((v) => v.key!).filter((key) => !(key in parsed.values));
      refresh(model);
      const structure = model.nodes.map((n) => `${n.name}:${n.inputs.join(',')}`).join(' ');
      if (structure !== this._structure) this._focusId = model.first;
      this._structure = structure;
    }
    this._model = model;
  }

  private get _forwardCount(): number {
    return this._model?.forward.length ?? 0;
  }

  private get _total(): number {
    return this._forwardCount + (this._model?.backward.length ?? 0);
  }

  /** The step shown: the `step` attribute, at most the end of the walk. */
  private get _step(): number {
    return Math.min(Math.max(0, Math.round(this.step)), this._total);
  }

  private _valueKnown(node: WalkNode): boolean {
    if (node.inputs.length === 0) return true;
    return this._model!.forward.indexOf(node.id) < this._step;
  }

  private _gradKnown(node: WalkNode): boolean {
    const done = this._step - this._forwardCount;
    return done > 0 && this._model!.backward.indexOf(node.id) < done;
  }

  /** The node of the current step and the pass it belongs to. */
  private _current(): { node: WalkNode; phase: 'forward' | 'backward'; index: number } | undefined {
    const model = this._model;
    const step = this._step;
    if (!model || step === 0) return undefined;
    const F = this._forwardCount;
    if (step <= F)
      return { node: model.nodes[model.forward[step - 1]!]!, phase: 'forward', index: step };
    return {
      node: model.nodes[model.backward[step - F - 1]!]!,
      phase: 'backward',
      index: step - F,
    };
  }

  private _values(): Record<string, number> {
    return Object.fromEntries(this._model?.variables.map((v) => [v.key!, v.value.data]) ?? []);
  }

  // ——— drawing ———

  protected override updated(): void {
    this._draw();
  }

  private get _container(): HTMLElement | null {
    return this.renderRoot.querySelector('.graph-scroll');
  }

  private _draw(): void {
    const svg = this.renderRoot.querySelector<SVGSVGElement>('svg.graph');
    const container = this._container;
    const model = this._model;
    // Drawn once the box is measured (see SizeController), never by measuring in an update.
    if (!svg || !container || !model || !this._size.measured) return;
    const width = this._size.widthOr(600);
    const current = this._current();
    const activeEdges = new Map<string, 'forward' | 'backward'>();
    if (current?.phase === 'forward') {
      for (const input of current.node.inputs)
        activeEdges.set(edgeKey(input, current.node.id), 'forward');
    } else if (current) {
      for (const user of current.node.users)
        activeEdges.set(edgeKey(current.node.id, user), 'backward');
    }
    const nodes: GraphNodeView[] = model.nodes.map((node) => {
      const valueKnown = this._valueKnown(node);
      const gradKnown = this._gradKnown(node);
      return {
        id: node.id,
        inputs: node.inputs,
        name: node.name,
        op: opSymbol(node.value),
        kind: node.kind,
        value: valueKnown ? fmt(node.value.data) : null,
        grad: gradKnown && node.kind !== 'constant' ? fmt(node.value.grad) : null,
        label: nodeLabel(model, node, valueKnown, gradKnown),
        current: current?.node === node ? current.phase : null,
      };
    });
    this._layout = drawGraph(
      svg,
      { nodes, focusId: this._focusId, activeEdges, label: `Nodes of ${model.description}` },
      width,
    );
    // Whether the graph must scroll decides the box's tab stop and hint; set it after this update
    // (not during it), so that it costs one more render only when it changes.
    const overflow = this._layout.width > width + 1;
    if (overflow !== this._overflow) {
      requestAnimationFrame(() => {
        this._overflow = overflow;
      });
    }
    if (this._wantFocus) {
      this._wantFocus = false;
      svg.querySelector<SVGGElement>(`g.node[data-id="${this._focusId}"]`)?.focus();
    }
    if (this._scrollToCurrent && current) {
      this._scrollToCurrent = false;
      const p = this._layout.positions.get(current.node.id);
      if (
        p &&
        (p.x < container.scrollLeft + 40 || p.x > container.scrollLeft + container.clientWidth - 40)
      ) {
        const reduce = matchMedia('(prefers-reduced-motion: reduce)').matches;
        container.scrollTo({
          left: p.x - container.clientWidth / 2,
          behavior: reduce ? 'auto' : 'smooth',
        });
      }
    }
  }

  // ——— the walk ———

  private _goTo(step: number): void {
    const model = this._model;
    if (!model) return;
    const next = Math.min(Math.max(0, step), this._total);
    this.step = next;
    this._updateSummary = undefined;
    const current = this._stepAt(next);
    if (current) this._focusId = current.id;
    this._scrollToCurrent = true;
    const F = this._forwardCount;
    this.emit<BackpropStepDetail>('nn-step', {
      step: next,
      total: this._total,
      phase: next === 0 ? 'start' : next <= F ? 'forward' : 'backward',
      node: current?.name ?? null,
      text: this._sentence(next),
    });
  }

  private _stepAt(step: number): WalkNode | undefined {
    const model = this._model!;
    const F = this._forwardCount;
    if (step === 0) return undefined;
    return model.nodes[step <= F ? model.forward[step - 1]! : model.backward[step - F - 1]!];
  }

  /** The step in words, for the live region (what a screen reader announces). */
  private _sentence(step = this._step): string {
    const model = this._model;
    if (!model) return '';
    const F = this._forwardCount;
    const B = model.backward.length;
    const out = model.outputName;
    if (step === 0) {
      return 'Nothing computed yet: only the leaves hold numbers. Next step starts the forward pass.';
    }
    const node = this._stepAt(step)!;
    if (step <= F) {
      const done =
        step === F
          ? ` The forward pass is complete: ${out} = ${fmt(model.output.value.data)}. Next, the backward pass.`
          : '';
      return `Forward pass, step ${step} of ${F}: ${forwardFormula(model, node)}.${done}`;
    }
    const k = step - F;
    const update = model.params.length ? ' You can update the weights.' : '';
    const done = k === B ? ` The backward pass is complete: every gradient is known.${update}` : '';
    return `Backward pass, step ${k} of ${B}: ${backwardSentence(model, node)}${done}`;
  }

  private _finishPass(): void {
    const F = this._forwardCount;
    this._goTo(this._step < F ? F : this._total);
  }

  // ——— the update ———

  private _applyUpdate(): void {
    const model = this._model;
    if (!model || this._step < this._total || model.params.length === 0) return;
    const eta = this.learningRate;
    const before = model.output.value.data;
    const values = this._values();
    const lines: string[] = [];
    for (const key of model.params) {
      const node = model.variables.find((v) => v.key === key)!;
      const old = node.value.data;
      const grad = node.value.grad;
      values[key] = Number((old - eta * grad).toPrecision(6));
      lines.push(
        `${node.name} = ${fmt(old)} − ${fmt(eta)} × ${paren(fmt(grad))} = ${fmt(values[key]!)}`,
      );
    }
    this._setValues(values);
    const after = this._model!.output.value.data;
    const out = this._model!.outputName;
    const verdict =
      after < before
        ? 'lower'
        : after > before
          ? 'higher: the step overshot, try a smaller learning rate'
          : 'unchanged';
    const sentence = `Updated ${model.params.length} parameters with learning rate ${fmt(eta)}. ${out} went from ${fmt(before)} to ${fmt(after)}: ${verdict}.`;
    lines.push(`${out}: ${fmt(before)} → ${fmt(after)} (${verdict})`);
    this.step = this._forwardCount;
    this._updateSummary = { lines, sentence };
    this._emitChange();
  }

  /** New values, reflected to the attribute, with every value and gradient recomputed now. */
  private _setValues(values: Record<string, number>): void {
    this.values = formatValues(Object.entries(values));
    this._rebuild();
  }

  private _emitChange(): void {
    const model = this._model;
    if (!model) return;
    this.emit<BackpropChangeDetail>('nn-change', {
      expression: this.expression,
      values: this._values(),
      learningRate: this.learningRate,
      output: model.output.value.data,
      gradients: Object.fromEntries(model.variables.map((v) => [v.key!, v.value.grad])),
    });
  }

  // ——— edits ———

  private _onField(key: string, event: Event): void {
    const text = (event.target as HTMLInputElement).value;
    this._drafts = { ...this._drafts, [key]: text };
    const result = readNumber(text);
    const errors = { ...this._fieldErrors };
    if (!result.ok) {
      errors[key] = `${displayName(key)}: ${result.message}`;
      this._fieldErrors = errors;
      return;
    }
    delete errors[key];
    this._fieldErrors = errors;
    this._setValues({ ...this._values(), [key]: result.value });
    this._updateSummary = undefined;
    this._emitChange();
  }

  /** Leaving a field shows its value again (the last valid one if the text was not a number). */
  private _onFieldBlur(key: string): void {
    const drafts = { ...this._drafts };
    delete drafts[key];
    this._drafts = drafts;
    const errors = { ...this._fieldErrors };
    delete errors[key];
    this._fieldErrors = errors;
  }

  private _onLearningRate(event: Event): void {
    const text = (event.target as HTMLInputElement).value;
    this._lrDraft = text;
    const result = readNumber(text);
    if (!result.ok) {
      this._lrError = `Learning rate: ${result.message}`;
    } else if (result.value < 0 || result.value > 10) {
      this._lrError = 'Learning rate: choose a number from 0 to 10';
    } else {
      this._lrError = '';
      this.learningRate = result.value;
      this._emitChange();
    }
  }

  private _onExpressionInput(event: Event): void {
    this._exprDraft = (event.target as HTMLInputElement).value;
  }

  /** Enter or leaving the field: read the expression; keep the last good graph on a mistake. */
  private _onExpressionCommit(): void {
    const draft = this._exprDraft;
    if (draft === undefined) return;
    const source = draft.trim();
    if (source === '') {
      this._exprDraftError = { source: draft, message: 'the expression is empty', index: 0 };
      return;
    }
    const values = this._values();
    try {
      expressionModel(source, values, this.params.split(/[\s,]+/).filter(Boolean));
    } catch (error) {
      if (!(error instanceof ExpressionError)) throw error;
      this._exprDraftError = { source: draft, message: error.message, index: error.index };
      return;
    }
    this._exprDraftError = undefined;
    this._exprDraft = undefined;
    if (source === this.expression) return;
    this.expression = source;
    // Keep the values of the names that are still there; new names start at 0.
    const model = expressionModel(source, values);
    this._setValues(Object.fromEntries(model.variables.map((v) => [v.key!, values[v.key!] ?? 0])));
    this._updateSummary = undefined;
    this._emitChange();
  }

  // ——— keyboard and pointer on the graph ———

  private _nodeOf(event: Event): number | undefined {
    const target = (event.target as Element).closest?.('g.node');
    const id = target?.getAttribute('data-id');
    return id === null || id === undefined ? undefined : Number(id);
  }

  private _onGraphKey(event: KeyboardEvent): void {
    const id = this._nodeOf(event);
    const layout = this._layout;
    if (id === undefined || !layout || !this._model) return;
    const next = this._neighbour(id, event.key, layout);
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      const node = this._model.nodes[id]!;
      if (node.key !== undefined) {
        this.renderRoot.querySelector<HTMLInputElement>(`#field-${node.key}`)?.focus();
      }
      return;
    }
    if (next === undefined) return;
    event.preventDefault();
    this._focusId = next;
    this._wantFocus = true;
  }

  /** The node an arrow key leads to, or undefined for other keys. */
  private _neighbour(id: number, key: string, layout: GraphLayout): number | undefined {
    const here = layout.positions.get(id)!;
    const columns = layout.columns.filter((c) => c.length > 0);
    const c = columns.findIndex((col) => col.includes(id));
    const column = columns[c]!;
    const nearest = (ids: number[]) =>
      ids.reduce((best, other) =>
        Math.abs(layout.positions.get(other)!.y - here.y) <
        Math.abs(layout.positions.get(best)!.y - here.y)
          ? other
          : best,
      );
    switch (key) {
      case 'ArrowRight':
        return c + 1 < columns.length ? nearest(columns[c + 1]!) : id;
      case 'ArrowLeft':
        return c > 0 ? nearest(columns[c - 1]!) : id;
      case 'ArrowDown': {
        const r = column.indexOf(id);
        if (r + 1 < column.length) return column[r + 1];
        return c + 1 < columns.length ? columns[c + 1]![0] : id;
      }
      case 'ArrowUp': {
        const r = column.indexOf(id);
        if (r > 0) return column[r - 1];
        return c > 0 ? columns[c - 1]!.at(-1) : id;
      }
      case 'Home':
        return columns[0]![0];
      case 'End':
        return columns.at(-1)!.at(-1);
      default:
        return undefined;
    }
  }

  /**
   * ← and → on the focused scroll box scroll it. Handled here (and marked handled) because a page
   * may use those keys for itself, as the lesson does to change steps.
   */
  private _onScrollKey(event: KeyboardEvent): void {
    const container = this._container;
    if (event.target !== container || !container) return;
    if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
    event.preventDefault();
    container.scrollBy({ left: event.key === 'ArrowRight' ? 60 : -60 });
  }

  private _onGraphClick(event: Event): void {
    const id = this._nodeOf(event);
    if (id === undefined) return;
    this._focusId = id;
    this._wantFocus = true;
  }

  private _onGraphFocus(event: FocusEvent): void {
    const id = this._nodeOf(event);
    if (id !== undefined && id !== this._focusId) this._focusId = id;
  }

  // ——— rendering ———

  override render(): TemplateResult {
    const model = this._model;
    return html`
      <div class="layout" part="base">
        ${this._renderHeader()} ${model ? this._renderWalk(model) : nothing}
      </div>
    `;
  }

  private _renderHeader(): TemplateResult {
    const expressionMode = this.expression.trim() !== '';
    const problem = this._exprDraftError ?? this._attrError;
    if (!expressionMode) {
      return html`<p class="caption">
        A network with inputs <var>x</var>₁ and <var>x</var>₂, two sigmoid hidden units
        <var>h</var>₁ and <var>h</var>₂, a sigmoid output <var>ŷ</var> and the squared error
        <var>L</var> = (<var>ŷ</var> − <var>t</var>)² against the target <var>t</var>.
      </p>`;
    }
    return html`
      <div class="expression" part="expression">
        <label for="expression-field">Expression</label>
        <input
          id="expression-field"
          type="text"
          spellcheck="false"
          autocomplete="off"
          autocapitalize="off"
          aria-invalid=${problem ? 'true' : 'false'}
          aria-describedby="expression-help ${problem ? 'expression-error' : ''}"
          .value=${this._exprDraft ?? this.expression}
          @input=${this._onExpressionInput}
          @change=${this._onExpressionCommit}
          @keydown=${(e: KeyboardEvent) => e.key === 'Enter' && this._onExpressionCommit()}
        />
        <p id="expression-help" class="help">
          Use + − * / ^, numbers, names, and exp, log, tanh, sigmoid, relu; name the result if you
          like (L = …). Press Enter to draw it.
        </p>
        ${problem ? this._renderError(problem) : nothing}
        ${
          this._tooBig
            ? html`<p class="error-text" role="alert">
                This expression has ${this._tooBig} nodes: too many to draw clearly (at most
                ${MAX_NODES}).
              </p>`
            : nothing
        }
      </div>
    `;
  }

  /** The message, and the expression (a window around the mistake) with a caret under it. */
  private _renderError(problem: ExpressionProblem): TemplateResult {
    const { source, index } = problem;
    const start = Math.max(0, Math.min(index - ERROR_WINDOW / 2, source.length - ERROR_WINDOW));
    const end = Math.min(source.length, start + ERROR_WINDOW);
    const before = start > 0 ? '…' : '';
    const shown = before + source.slice(start, end) + (end < source.length ? '…' : '');
    const caret = ' '.repeat(before.length + index - start) + '^';
    const showing = this._model
      ? ' The graph below is the last expression that could be read.'
      : '';
    return html`
      <div class="error" part="error" role="alert">
        <p id="expression-error" class="error-text">
          This expression cannot be read: ${problem.message}.${showing}
        </p>
        <pre aria-hidden="true">
${shown}
${caret}</pre>
      </div>
    `;
  }

  private _renderWalk(model: WalkModel): TemplateResult {
    const step = this._step;
    const total = this._total;
    const F = this._forwardCount;
    const current = this._current();
    const focus = model.nodes[this._focusId] ?? model.nodes[0]!;
    return html`
      <div
        class="graph-scroll"
        part="graph"
        role="region"
        aria-label="Computational graph${this._overflow ? ', scrolls sideways' : ''}"
        tabindex=${this._overflow ? '0' : nothing}
        @keydown=${this._onScrollKey}
      >
        <svg
          class="graph"
          @keydown=${this._onGraphKey}
          @click=${this._onGraphClick}
          @focusin=${this._onGraphFocus}
        ></svg>
      </div>
      ${
        this._overflow
          ? html`<p class="help scroll-hint">
              The graph is wider than the page: scroll it sideways (or move through it with the
              arrow keys).
            </p>`
          : nothing
      }
      <p class="node-details" part="node-details">${this._details(model, focus)}</p>
      <p class="help">
        Boxes show values, <strong class="grad-word">grad</strong> under a box its gradient
        ∂${model.outputName}/∂node. Dashed boxes are parameters the update changes. In the graph,
        the arrow keys move between nodes.
      </p>

      <div class="walk">
        <p class="progress" part="progress">${this._progress(step, F, total)}</p>
        <div class="controls" part="controls">
          <button type="button" ?disabled=${step === 0} @click=${() => this._goTo(step - 1)}>
            ← Previous step
          </button>
          <button
            type="button"
            class="primary"
            ?disabled=${step === total}
            @click=${() => this._goTo(step + 1)}
          >
            Next step →
          </button>
          <button type="button" ?disabled=${step === total} @click=${this._finishPass}>
            ${step < F ? 'Finish the forward pass' : 'Finish the backward pass'}
          </button>
          <button type="button" ?disabled=${step === 0} @click=${() => this._goTo(0)}>Reset</button>
        </div>
        <div class="explanation" part="explanation">${this._explanation(model, current)}</div>
        <p class="visually-hidden" aria-live="polite">
          ${this._updateSummary?.sentence ?? this._sentence()}
        </p>
      </div>

      ${this._renderUpdate(model)} ${this._renderFields(model)} ${this._renderTables(model)}
    `;
  }

  private _progress(step: number, F: number, total: number): string {
    if (step === 0) return 'Ready: nothing computed yet.';
    if (step <= F) return `Forward pass: step ${step} of ${F}`;
    return `Backward pass: step ${step - F} of ${total - F}`;
  }

  private _details(model: WalkModel, node: WalkNode): TemplateResult {
    const valueKnown = this._valueKnown(node);
    const gradKnown = this._gradKnown(node);
    const what = node.inputs.length
      ? definition(model, node)
      : node.name + (node.role ? ` (${node.role})` : '');
    return html`Selected: <strong>${what}</strong> · value
      <span class="num">${valueKnown ? fmt(node.value.data) : 'not computed yet'}</span>
      ${
        node.kind === 'constant'
          ? nothing
          : html`· ${gradName(model, node)}
              <span class="num">${gradKnown ? fmt(node.value.grad) : 'not computed yet'}</span>`
      }`;
  }

  private _explanation(
    model: WalkModel,
    current: { node: WalkNode; phase: 'forward' | 'backward'; index: number } | undefined,
  ): TemplateResult {
    if (this._updateSummary) {
      return html`<p class="title">The update: each parameter moves by −η × its gradient</p>
        ${this._updateSummary.lines.map((line) => html`<p class="eq">${line}</p>`)}`;
    }
    if (!current) {
      return html`<p>
        Press <strong>Next step</strong> to compute the first node of the forward pass. Values fill
        the boxes from left to right; then the backward pass brings each gradient from right to
        left.
      </p>`;
    }
    const node = current.node;
    if (current.phase === 'forward') {
      const done =
        current.index === this._forwardCount
          ? html`<p>
              The forward pass is complete: ${model.outputName} =
              <strong class="num">${fmt(model.output.value.data)}</strong>. Next, the backward pass.
            </p>`
          : nothing;
      return html`<p class="title">Forward: the value of ${node.name}</p>
        <p class="eq" data-formula="forward">${forwardFormula(model, node)}</p>
        ${done}`;
    }
    const [rule, ...rest] = backwardLines(model, node);
    const done =
      current.index === model.backward.length
        ? html`<p>
            The backward pass is complete: every gradient is
            known.${model.params.length ? ' Update the weights next.' : ''}
          </p>`
        : nothing;
    return html`<p class="title">Backward: the gradient arrives at ${node.name}</p>
      <p class="eq" data-formula="chain-rule">${rule}</p>
      ${rest.map((line) => html`<p class="eq">${line}</p>`)} ${done}`;
  }

  private _renderUpdate(model: WalkModel): TemplateResult {
    const ready = this._step === this._total;
    const noParams = model.params.length === 0;
    return html`
      <div class="update" part="update">
        <div class="field">
          <label for="learning-rate">Learning rate <var>η</var></label>
          <input
            id="learning-rate"
            type="text"
            autocomplete="off"
            spellcheck="false"
            aria-invalid=${this._lrError ? 'true' : 'false'}
            aria-describedby="learning-rate-error"
            .value=${this._lrDraft ?? String(this.learningRate)}
            @input=${this._onLearningRate}
            @blur=${() => {
              this._lrDraft = undefined;
              this._lrError = '';
            }}
          />
          <span id="learning-rate-error" class="error-text">${this._lrError}</span>
        </div>
        <button
          type="button"
          class="primary"
          ?disabled=${!ready || noParams}
          aria-describedby="update-hint"
          @click=${this._applyUpdate}
        >
          Update the weights
        </button>
        <p id="update-hint" class="help">
          ${
            noParams
              ? 'Nothing to update: only weights and biases change (names starting with w or b), and this expression has none.'
              : ready
                ? html`Each parameter <var>p</var> becomes <var>p</var> − <var>η</var> ×
                    ∂${model.outputName}/∂<var>p</var>.`
                : 'The update needs every gradient: finish the backward pass first.'
          }
        </p>
      </div>
    `;
  }

  private _renderFields(model: WalkModel): TemplateResult {
    const groups: { legend: string; nodes: WalkNode[] }[] =
      this.expression.trim() === ''
        ? [
            { legend: 'Inputs', nodes: model.variables.filter((v) => v.kind === 'input') },
            {
              legend: 'Weights and biases',
              nodes: model.variables.filter((v) => v.kind === 'param'),
            },
            { legend: 'Target', nodes: model.variables.filter((v) => v.kind === 'target') },
          ]
        : [
            {
              legend: 'Parameters (the update changes these)',
              nodes: model.variables.filter((v) => v.kind === 'param'),
            },
            { legend: 'Other variables', nodes: model.variables.filter((v) => v.kind !== 'param') },
          ];
    const missing = this._missing.map(displayName);
    return html`
      <div class="values" part="values">
        ${groups
          .filter((g) => g.nodes.length > 0)
          .map(
            (group) => html`
              <fieldset>
                <legend>${group.legend}</legend>
                <div class="fields">${group.nodes.map((node) => this._field(node))}</div>
              </fieldset>
            `,
          )}
        ${
          missing.length
            ? html`<p class="help">
                No value was given for ${missing.join(', ')}:
                ${missing.length > 1 ? 'they start' : 'it starts'} at 0.
              </p>`
            : nothing
        }
      </div>
    `;
  }

  private _field(node: WalkNode): TemplateResult {
    const key = node.key!;
    const error = this._fieldErrors[key];
    return html`
      <div class="field">
        <label for=${`field-${key}`}
          >${node.name}${
            node.role ? html`<span class="visually-hidden">, ${node.role}</span>` : nothing
          }</label
        >
        <input
          id=${`field-${key}`}
          type="text"
          autocomplete="off"
          spellcheck="false"
          aria-invalid=${error ? 'true' : 'false'}
          aria-describedby=${`field-${key}-error`}
          .value=${this._drafts[key] ?? String(node.value.data)}
          @input=${(e: Event) => this._onField(key, e)}
          @blur=${() => this._onFieldBlur(key)}
        />
        <span id=${`field-${key}-error`} class="error-text">${error ?? ''}</span>
      </div>
    `;
  }

  private _renderTables(model: WalkModel): TemplateResult {
    return html`
      <div class="tables">
        <div class="toggles">
          <button
            type="button"
            aria-expanded=${this._showTable ? 'true' : 'false'}
            aria-controls="node-table"
            @click=${() => (this._showTable = !this._showTable)}
          >
            ${this._showTable ? 'Hide the table of nodes' : 'Show the table of nodes'}
          </button>
          <button
            type="button"
            aria-expanded=${this._showCheck ? 'true' : 'false'}
            aria-controls="check-table"
            @click=${() => (this._showCheck = !this._showCheck)}
          >
            ${this._showCheck ? 'Hide the numerical check' : 'Check the gradients numerically'}
          </button>
        </div>
        <div
          class="table-wrap"
          id="node-table"
          role="region"
          aria-labelledby="node-table-caption"
          tabindex=${this._showTable ? '0' : '-1'}
          ?hidden=${!this._showTable}
        >
          ${this._showTable ? this._nodeTable(model) : nothing}
        </div>
        <div
          class="table-wrap"
          id="check-table"
          role="region"
          aria-labelledby="check-table-caption"
          tabindex=${this._showCheck ? '0' : '-1'}
          ?hidden=${!this._showCheck}
        >
          ${this._showCheck ? this._checkTable(model) : nothing}
        </div>
      </div>
    `;
  }

  private _nodeTable(model: WalkModel): TemplateResult {
    return html`
      <table part="table">
        <caption id="node-table-caption">
          Every node of ${model.description}, in the order the forward pass computes them
        </caption>
        <thead>
          <tr>
            <th scope="col">Node</th>
            <th scope="col">Definition</th>
            <th scope="col">Value</th>
            <th scope="col">Gradient ∂${model.outputName}/∂node</th>
          </tr>
        </thead>
        <tbody>
          ${model.nodes.map(
            (node) => html`
              <tr>
                <th scope="row">${node.name}</th>
                <td class="text">
                  ${node.inputs.length ? definition(model, node) : node.role || node.kind}
                </td>
                <td>${this._valueKnown(node) ? fmt(node.value.data) : 'not yet'}</td>
                <td>
                  ${
                    node.kind === 'constant'
                      ? '—'
                      : this._gradKnown(node)
                        ? fmt(node.value.grad)
                        : 'not yet'
                  }
                </td>
              </tr>
            `,
          )}
        </tbody>
      </table>
    `;
  }

  private _checkTable(model: WalkModel): TemplateResult {
    const out = model.output.value;
    const rows = [...model.backward]
      .reverse()
      .map((id) => model.nodes[id]!)
      .filter((node) => this._gradKnown(node))
      .map((node) => {
        const estimate = centralDifference(
          (v) => out.evaluateWith(new Map([[node.value, v]])),
          node.value.data,
          H,
        );
        const difference = Math.abs(estimate - node.value.grad);
        return {
          node,
          estimate,
          difference,
          agree: difference <= 1e-6 * Math.max(1, Math.abs(estimate)),
        };
      });
    return html`
      <table part="check">
        <caption id="check-table-caption">
          Each gradient from backpropagation next to a numerical estimate: nudge the node by h =
          ${formatNumber(H, 5)} both ways and measure the change, (${model.outputName}(+h) −
          ${model.outputName}(−h)) / 2h
        </caption>
        <thead>
          <tr>
            <th scope="col">Node</th>
            <th scope="col">Backpropagation</th>
            <th scope="col">Numerical estimate</th>
            <th scope="col">Difference</th>
          </tr>
        </thead>
        <tbody>
          ${
            rows.length
              ? rows.map(
                  (r) => html`
                    <tr>
                      <th scope="row">${r.node.name}</th>
                      <td>${fmt(r.node.value.grad)}</td>
                      <td>${fmt(r.estimate)}</td>
                      <td>
                        ${r.difference < 1e-6 ? '< 0.000001' : fmt(r.difference)}
                        ${r.agree ? '✓ agree' : '✗ differ'}
                      </td>
                    </tr>
                  `,
                )
              : html`<tr>
                  <td colspan="4" class="text">
                    No gradient yet: step through the backward pass, and each gradient appears here
                    as it arrives.
                  </td>
                </tr>`
          }
        </tbody>
      </table>
    `;
  }
}

/** "(−0.5)" for a negative number after an operator. */
function paren(text: string): string {
  return text.startsWith('−') ? `(${text})` : text;
}
