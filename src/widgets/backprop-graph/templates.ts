/**
 * The markup of `<nn-backprop-graph>`: templates of what describe.ts says and model.ts computes.
 * No state here: the element passes in what to show and the handlers of its controls.
 */
import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { ownValue } from '../../math/expression';
import {
  NO_CHECK_YET,
  checkCaption,
  checkTableRows,
  fieldGroups,
  missingNote,
  nodeDetails as describeNode,
  nodeTableCaption,
  nodeRows,
  problemMessage,
  problemWindow,
  progressText,
  stepExplanation,
  stepSentence,
  tooBigMessage,
  updateHint as describeHint,
} from './describe';
import type { NodeDetails, StepExplanation } from './describe';
import { stepAt, totalSteps } from './model';
import type { ExpressionProblem, WalkModel, WalkNode } from './model';
import { dataTable, tableRegion, tableToggle } from '../shared/data-table';

type Handler<E extends Event = Event> = (event: E) => void;

/** The expression field (expression mode) and its messages. */
export interface HeaderView {
  expression: string;
  /** What is typed in the field, while it differs from the drawn expression. */
  draft: string | undefined;
  problem: ExpressionProblem | undefined;
  /** Whether a graph (the last one that could be read) is shown under a problem. */
  showingLastGraph: boolean;
  /** The node count of an expression too large to draw, else 0. */
  tooBig: number;
  onInput: Handler;
  onCommit: () => void;
}

/** The caption of the network, or the expression field. */
export function header(v: HeaderView): TemplateResult {
  if (v.expression.trim() === '') return networkCaption();
  const problem = v.problem;
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
        .value=${v.draft ?? v.expression}
        @input=${v.onInput}
        @change=${v.onCommit}
        @keydown=${(e: KeyboardEvent) => e.key === 'Enter' && v.onCommit()}
      />
      <p id="expression-help" class="help">
        Use + − * / ^, numbers, names, and exp, log, tanh, sigmoid, relu; name the result if you
        like (L = …). Press Enter to draw it.
      </p>
      ${problem ? expressionError(problem, v.showingLastGraph) : nothing}
      ${v.tooBig ? html`<p class="error-text" role="alert">${tooBigMessage(v.tooBig)}</p>` : nothing}
    </div>
  `;
}

/** The graph, the selected node, and the walk's buttons and explanation. */
export interface WalkView {
  model: WalkModel;
  step: number;
  /** The node that has the keyboard focus in the graph. */
  focus: WalkNode;
  /** Whether the graph is wider than its box. */
  overflow: boolean;
  /** The last update's lines and sentence, shown until the walk moves. */
  update: { lines: string[]; sentence: string } | undefined;
  goTo: (step: number) => void;
  finishPass: () => void;
  onScrollKey: Handler<KeyboardEvent>;
  /** A key, a click, focus arriving on the graph's node `id`. */
  onNodeKey: (id: number, event: KeyboardEvent) => void;
  onNodeClick: (id: number) => void;
  onNodeFocus: (id: number) => void;
  /** The parts under the walk: the update, the fields and the tables. */
  below: { update: TemplateResult; fields: TemplateResult; tables: TemplateResult };
}

/** The id of the graph's node an event happened in, if any. */
function nodeOf(event: Event): number | undefined {
  const target = (event.target as Element).closest?.('g.node');
  const id = target?.getAttribute('data-id');
  return id === null || id === undefined ? undefined : Number(id);
}

/** A listener for events on the graph that calls `on` with the node's id, if on a node. */
const onNode =
  <E extends Event>(on: (id: number, event: E) => void) =>
  (event: E): void => {
    const id = nodeOf(event);
    if (id !== undefined) on(id, event);
  };

export function walk(v: WalkView): TemplateResult {
  const { model, step } = v;
  const total = totalSteps(model);
  const F = model.forward.length;
  const details = nodeDetails(describeNode(model, v.focus, step));
  const explained = explanation(stepExplanation(model, stepAt(model, step)), v.update);
  const { update, fields, tables } = v.below;
  return html`
    <div
      class="graph-scroll"
      part="graph"
      role="region"
      aria-label="Computational graph${v.overflow ? ', scrolls sideways' : ''}"
      tabindex=${v.overflow ? '0' : nothing}
      @keydown=${v.onScrollKey}
    >
      <svg
        class="graph"
        @keydown=${onNode(v.onNodeKey)}
        @click=${onNode(v.onNodeClick)}
        @focusin=${onNode(v.onNodeFocus)}
      ></svg>
    </div>
    ${
      v.overflow
        ? html`<p class="help scroll-hint">
            The graph is wider than the page: scroll it sideways (or move through it with the arrow
            keys).
          </p>`
        : nothing
    }
    <p class="node-details" part="node-details">${details}</p>
    <p class="help">
      Boxes show values, <strong class="grad-word">grad</strong> under a box its gradient
      ∂${model.outputName}/∂node. Dashed boxes are parameters the update changes. In the graph, the
      arrow keys move between nodes.
    </p>

    <div class="walk">
      <p class="progress" part="progress">${progressText(model, step)}</p>
      <div class="controls" part="controls">
        <button type="button" ?disabled=${step === 0} @click=${() => v.goTo(step - 1)}>
          ← Previous step
        </button>
        <button
          type="button"
          class="primary"
          ?disabled=${step === total}
          @click=${() => v.goTo(step + 1)}
        >
          Next step →
        </button>
        <button type="button" ?disabled=${step === total} @click=${v.finishPass}>
          ${step < F ? 'Finish the forward pass' : 'Finish the backward pass'}
        </button>
        <button type="button" ?disabled=${step === 0} @click=${() => v.goTo(0)}>Reset</button>
      </div>
      <div class="explanation" part="explanation">${explained}</div>
      <p class="visually-hidden" aria-live="polite">
        ${v.update?.sentence ?? stepSentence(model, step)}
      </p>
    </div>

    ${update} ${fields} ${tables}
  `;
}

/** The learning rate and the update button. */
export interface UpdateView {
  model: WalkModel;
  /** Whether every gradient is known. */
  ready: boolean;
  learningRate: number;
  draft: string | undefined;
  error: string;
  onInput: Handler;
  onBlur: () => void;
  onUpdate: () => void;
}

export function update(v: UpdateView): TemplateResult {
  return html`
    <div class="update" part="update">
      <div class="field">
        <label for="learning-rate">Learning rate <var>η</var></label>
        <input
          id="learning-rate"
          type="text"
          autocomplete="off"
          spellcheck="false"
          aria-invalid=${v.error ? 'true' : 'false'}
          aria-describedby="learning-rate-error"
          .value=${v.draft ?? String(v.learningRate)}
          @input=${v.onInput}
          @blur=${v.onBlur}
        />
        <span id="learning-rate-error" class="error-text">${v.error}</span>
      </div>
      <button
        type="button"
        class="primary"
        ?disabled=${!v.ready || v.model.params.length === 0}
        aria-describedby="update-hint"
        @click=${v.onUpdate}
      >
        Update the weights
      </button>
      <p id="update-hint" class="help">
        ${updateHint(describeHint(v.model, v.ready), v.model.outputName)}
      </p>
    </div>
  `;
}

/** The fields of the variables. */
export interface FieldsView {
  model: WalkModel;
  /** Whether the graph is the default network (its fields are grouped differently). */
  network: boolean;
  /** Keys of the variables given no value. */
  missing: readonly string[];
  /** What is typed in a field while it is being edited, by key. */
  drafts: Readonly<Record<string, string>>;
  errors: Readonly<Record<string, string>>;
  onInput: (key: string, event: Event) => void;
  onBlur: (key: string) => void;
}

export function fields(v: FieldsView): TemplateResult {
  const note = missingNote(v.missing);
  return html`
    <div class="values" part="values">
      ${fieldGroups(v.model, v.network).map(
        (group) => html`
          <fieldset>
            <legend>${group.legend}</legend>
            <div class="fields">${group.nodes.map((node) => field(v, node))}</div>
          </fieldset>
        `,
      )}
      ${note ? html`<p class="help">${note}</p>` : nothing}
    </div>
  `;
}

function field(v: FieldsView, node: WalkNode): TemplateResult {
  const key = node.key!;
  const error = ownValue(v.errors, key);
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
        .value=${ownValue(v.drafts, key) ?? String(node.value.data)}
        @input=${(e: Event) => v.onInput(key, e)}
        @blur=${() => v.onBlur(key)}
      />
      <span id=${`field-${key}-error`} class="error-text">${error ?? ''}</span>
    </div>
  `;
}

/** The two tables behind their buttons. */
export interface TablesView {
  model: WalkModel;
  step: number;
  showTable: boolean;
  showCheck: boolean;
  toggleTable: () => void;
  toggleCheck: () => void;
}

export function tables(v: TablesView): TemplateResult {
  return html`
    <div class="tables">
      <div class="toggles">
        ${tableToggle({
          controls: 'node-table',
          shown: v.showTable,
          onToggle: v.toggleTable,
          words: ['Show the table of nodes', 'Hide the table of nodes'],
        })}
        ${tableToggle({
          controls: 'check-table',
          shown: v.showCheck,
          onToggle: v.toggleCheck,
          words: ['Check the gradients numerically', 'Hide the numerical check'],
        })}
      </div>
      ${tableRegion({
        id: 'node-table',
        shown: v.showTable,
        table: () => nodeTable(v.model, v.step),
      })}
      ${tableRegion({
        id: 'check-table',
        shown: v.showCheck,
        table: () => checkTable(v.model, v.step),
      })}
    </div>
  `;
}

/** The caption above the default network. */
export const networkCaption = (): TemplateResult =>
  html`<p class="caption">
    A network with inputs <var>x</var>₁ and <var>x</var>₂, two sigmoid hidden units <var>h</var>₁
    and <var>h</var>₂, a sigmoid output <var>ŷ</var> and the squared error <var>L</var> = (<var
      >ŷ</var
    >
    − <var>t</var>)² against the target <var>t</var>.
  </p>`;

/** The message, and the expression (a window around the mistake) with a caret under it. */
export function expressionError(
  problem: ExpressionProblem,
  showingLastGraph: boolean,
): TemplateResult {
  const { shown, caret } = problemWindow(problem);
  return html`
    <div class="error" part="error" role="alert">
      <p id="expression-error" class="error-text">${problemMessage(problem, showingLastGraph)}</p>
      <pre aria-hidden="true">
${shown}
${caret}</pre>
    </div>
  `;
}

/** "Selected: h₁ = σ(z₁) · value 0.562 · ∂L/∂h₁ −0.105". */
export function nodeDetails(d: NodeDetails): TemplateResult {
  return html`Selected: <strong>${d.what}</strong> · value
    <span class="num">${d.value}</span>
    ${d.grad === null ? nothing : html`· ${d.grad.name} <span class="num">${d.grad.value}</span>`}`;
}

/** The explanation box: the update's lines, or the current step's formulas. */
export function explanation(
  step: StepExplanation,
  update: { lines: string[] } | undefined,
): TemplateResult {
  if (update) {
    return html`<p class="title">The update: each parameter moves by −η × its gradient</p>
      ${update.lines.map((line) => html`<p class="eq">${line}</p>`)}`;
  }
  if (step.phase === 'start') {
    return html`<p>
      Press <strong>Next step</strong> to compute the first node of the forward pass. Values fill
      the boxes from left to right; then the backward pass brings each gradient from right to left.
    </p>`;
  }
  if (step.phase === 'forward') {
    const done = step.done
      ? html`<p>
          The forward pass is complete: ${step.done.output} =
          <strong class="num">${step.done.value}</strong>. Next, the backward pass.
        </p>`
      : nothing;
    return html`<p class="title">${step.title}</p>
      <p class="eq" data-formula="forward">${step.formula}</p>
      ${done}`;
  }
  const done = step.done ? html`<p>${step.done}</p>` : nothing;
  return html`<p class="title">${step.title}</p>
    <p class="eq" data-formula="chain-rule">${step.rule}</p>
    ${step.rest.map((line) => html`<p class="eq">${line}</p>`)} ${done}`;
}

/** The hint under the update button: `hint`, or the update rule when the button can be pressed. */
export function updateHint(hint: string | null, outputName: string): TemplateResult | string {
  return (
    hint ??
    html`Each parameter <var>p</var> becomes <var>p</var> − <var>η</var> ×
      ∂${outputName}/∂<var>p</var>.`
  );
}

/** Every node with its definition, value and gradient as known after `step` steps. */
export function nodeTable(model: WalkModel, step: number): TemplateResult {
  return dataTable({
    part: 'table',
    captionId: 'node-table-caption',
    caption: nodeTableCaption(model),
    columns: ['Node', 'Definition', 'Value', `Gradient ∂${model.outputName}/∂node`],
    body: nodeRows(model, step).map(
      (row) => html`
        <tr>
          <th scope="row">${row.name}</th>
          <td class="text">${row.definition}</td>
          <td>${row.value}</td>
          <td>${row.grad}</td>
        </tr>
      `,
    ),
  });
}

/** Each gradient known after `step` steps next to its numerical estimate. */
export function checkTable(model: WalkModel, step: number): TemplateResult {
  const rows = checkTableRows(model, step);
  return dataTable({
    part: 'check',
    captionId: 'check-table-caption',
    caption: checkCaption(model),
    columns: ['Node', 'Backpropagation', 'Numerical estimate', 'Difference'],
    body: rows.length
      ? rows.map(
          (r) => html`
            <tr>
              <th scope="row">${r.name}</th>
              <td>${r.backprop}</td>
              <td>${r.estimate}</td>
              <td>${r.difference} ${r.verdict}</td>
            </tr>
          `,
        )
      : html`<tr>
          <td colspan="4" class="text">${NO_CHECK_YET}</td>
        </tr>`,
  });
}
