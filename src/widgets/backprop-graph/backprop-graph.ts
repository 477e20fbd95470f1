import { html, nothing } from 'lit';
import type { PropertyValues, TemplateResult } from 'lit';
import { drawGraph } from '../../charts/graph-layout';
import type { GraphLayout } from '../../charts/graph-layout';
import { formatValues } from '../../math/expression';
import { NnElement, attributeProperties, states, warnOnce } from '../shared/base';
import { TableSwitch } from '../shared/table-switch';
import type { AttributeValues } from '../shared/base';
import type { backpropGraphDoc } from './meta';
import { SizeController } from '../shared/size';
import { tokens } from '../shared/tokens';
import { styles } from './styles';
import {
  graphView,
  readField,
  readLearningRate,
  stepSentence,
  updateSummary,
  valuesWarnings,
} from './describe';
import {
  buildModel,
  clampStep,
  paramList,
  passEnd,
  phaseOf,
  readExpression,
  stepAt,
  structureOf,
  totalSteps,
  updateStep,
  variableGradients,
  variableValues,
  without,
} from './model';
import type {
  BackpropChangeDetail,
  BackpropStepDetail,
  ExpressionProblem,
  WalkModel,
} from './model';
import { neighbour, scrollTo } from './navigation';
import { stringAttribute } from './attributes';
import * as parts from './templates';

const TAG = 'nn-backprop-graph';

export type { BackpropChangeDetail, BackpropStepDetail } from './model';

// meta.ts's attributes as typed properties (declared by attributeProperties, set by NnElement).
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging, @typescript-eslint/no-empty-object-type
export interface NnBackpropGraph extends AttributeValues<typeof backpropGraphDoc> {}

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
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging -- see the interface above
export class NnBackpropGraph extends NnElement {
  static override styles = [tokens, styles];

  static override properties = {
    ...attributeProperties(TAG, {
      expression: stringAttribute(),
      values: stringAttribute(),
      params: stringAttribute(),
    }),
    ...states({
      _focusId: 0,
      _showCheck: false,
      _fieldErrors: {},
      _drafts: {},
      _exprDraft: undefined,
      _exprDraftError: undefined,
      _lrDraft: undefined,
      _lrError: '',
      _updateSummary: undefined,
      _overflow: false,
    }),
  };

  private readonly _table = new TableSwitch(this);

  declare private _focusId: number;
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
    const built = buildModel(this.expression, this.values, this.params);
    for (const warning of valuesWarnings(built)) warnOnce(`<${TAG}> ${warning}`);
    this._attrError = built.problem;
    this._tooBig = built.tooBig;
    const model = built.model;
    if (model) {
      this._missing = built.missing;
      const structure = structureOf(model);
      if (structure !== this._structure) this._focusId = model.first;
      this._structure = structure;
    }
    this._model = model;
  }

  private get _total(): number {
    return this._model ? totalSteps(this._model) : 0;
  }

  /** The step shown: the `step` attribute, at most the end of the walk. */
  private get _step(): number {
    return this._model ? clampStep(this._model, this.step) : 0;
  }

  private _values(): Record<string, number> {
    return this._model ? variableValues(this._model) : {};
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
    const current = stepAt(model, this._step);
    this._layout = drawGraph(svg, graphView(model, this._step, this._focusId), width);
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
      const left = p ? scrollTo(p.x, container.scrollLeft, container.clientWidth) : null;
      if (left !== null) {
        const reduce = matchMedia('(prefers-reduced-motion: reduce)').matches;
        container.scrollTo({ left, behavior: reduce ? 'auto' : 'smooth' });
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
    const current = stepAt(model, next);
    if (current) this._focusId = current.node.id;
    this._scrollToCurrent = true;
    this.emit<BackpropStepDetail>('nn-step', {
      step: next,
      total: this._total,
      phase: phaseOf(model, next),
      node: current?.node.name ?? null,
      text: stepSentence(model, next),
    });
  }

  private _finishPass(): void {
    if (this._model) this._goTo(passEnd(this._model, this._step));
  }

  // ——— the update ———

  private _applyUpdate(): void {
    const model = this._model;
    if (!model || this._step < this._total || model.params.length === 0) return;
    const eta = this.learningRate;
    const before = model.output.value.data;
    const { values, changes } = updateStep(model, eta);
    this._setValues(values);
    const updated = this._model!;
    const after = updated.output.value.data;
    this.step = updated.forward.length;
    this._updateSummary = updateSummary(updated.outputName, changes, eta, before, after);
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
      values: variableValues(model),
      learningRate: this.learningRate,
      output: model.output.value.data,
      gradients: variableGradients(model),
    });
  }

  // ——— edits ———

  private _onField(key: string, event: Event): void {
    const text = (event.target as HTMLInputElement).value;
    this._drafts = { ...this._drafts, [key]: text };
    const result = readField(key, text);
    this._fieldErrors = { ...without(this._fieldErrors, key), ...result.error };
    if (result.value === undefined) return;
    this._setValues({ ...this._values(), [key]: result.value });
    this._updateSummary = undefined;
    this._emitChange();
  }

  /** Leaving a field shows its value again (the last valid one if the text was not a number). */
  private _onFieldBlur(key: string): void {
    this._drafts = without(this._drafts, key);
    this._fieldErrors = without(this._fieldErrors, key);
  }

  private _onLearningRate(event: Event): void {
    const text = (event.target as HTMLInputElement).value;
    this._lrDraft = text;
    const result = readLearningRate(text);
    if (!result.ok) {
      this._lrError = result.message;
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
    const read = readExpression(draft, this._values(), paramList(this.params));
    if (!read.ok) {
      this._exprDraftError = read.problem;
      return;
    }
    this._exprDraftError = undefined;
    this._exprDraft = undefined;
    if (read.source === this.expression) return;
    this.expression = read.source;
    this._setValues(read.values);
    this._updateSummary = undefined;
    this._emitChange();
  }

  // ——— keyboard and pointer on the graph ———

  private _onNodeKey(id: number, event: KeyboardEvent): void {
    const layout = this._layout;
    if (!layout || !this._model) return;
    const next = neighbour(id, event.key, layout);
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

  private _onNodeClick(id: number): void {
    this._focusId = id;
    this._wantFocus = true;
  }

  private _onNodeFocus(id: number): void {
    if (id !== this._focusId) this._focusId = id;
  }

  // ——— rendering ———

  override render(): TemplateResult {
    const model = this._model;
    return html`
      <div class="layout" part="base">
        ${parts.header({
          expression: this.expression,
          draft: this._exprDraft,
          problem: this._exprDraftError ?? this._attrError,
          showingLastGraph: model !== undefined,
          tooBig: this._tooBig,
          onInput: (e) => this._onExpressionInput(e),
          onCommit: () => this._onExpressionCommit(),
        })}
        ${model ? this._renderWalk(model) : nothing}
      </div>
    `;
  }

  private _renderWalk(model: WalkModel): TemplateResult {
    const step = this._step;
    const update = parts.update({
      model,
      ready: step === this._total,
      learningRate: this.learningRate,
      draft: this._lrDraft,
      error: this._lrError,
      onInput: (e) => this._onLearningRate(e),
      onBlur: () => {
        this._lrDraft = undefined;
        this._lrError = '';
      },
      onUpdate: () => this._applyUpdate(),
    });
    const fields = parts.fields({
      model,
      network: this.expression.trim() === '',
      missing: this._missing,
      drafts: this._drafts,
      errors: this._fieldErrors,
      onInput: (key, e) => this._onField(key, e),
      onBlur: (key) => this._onFieldBlur(key),
    });
    const tables = parts.tables({
      model,
      step,
      showTable: this._table.shown,
      showCheck: this._showCheck,
      toggleTable: this._table.toggle,
      toggleCheck: () => (this._showCheck = !this._showCheck),
    });
    return parts.walk({
      model,
      step,
      focus: model.nodes[this._focusId] ?? model.nodes[0]!,
      overflow: this._overflow,
      update: this._updateSummary,
      goTo: (to) => this._goTo(to),
      finishPass: () => this._finishPass(),
      onScrollKey: (e) => this._onScrollKey(e),
      onNodeKey: (id, e) => this._onNodeKey(id, e),
      onNodeClick: (id) => this._onNodeClick(id),
      onNodeFocus: (id) => this._onNodeFocus(id),
      below: { update, fields, tables },
    });
  }
}
