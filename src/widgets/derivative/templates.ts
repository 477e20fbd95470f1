/**
 * The pieces of `<nn-derivative>` that are markup: the formulas with their numbers substituted
 * and the tables, each a function of the widget's attributes. The numbers come from model.ts and
 * are written by describe.ts; the controls and the chart stay in the element.
 */
import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import {
  chainFormulaText,
  chainTableRows,
  hTableRows,
  param,
  slopeFormulaText,
  slopesRow,
} from './describe';
import { fnOf } from './model';
import type { DerivativeParams } from './model';
import { dataTable } from '../shared/data-table';

/** Slope mode: f, x₀ and h, then the secant's slope and the tangent's, numbers substituted. */
export function slopeFormula(p: DerivativeParams): TemplateResult {
  const fn = fnOf(p.fn);
  const n = slopeFormulaText(fn, p.x0, p.h);
  return html`
    <p class="eq">
      <span class="seg"><var>f</var>(<var>x</var>) = ${fn.label},</span>
      <span class="seg"><var>x</var>₀ = ${n.x0},</span>
      <span class="seg"><var>h</var> = ${n.h}</span>
    </p>
    <p class="eq">
      <span class="seg">secant slope</span>
      <span class="seg"
        >= (<var>f</var>(<var>x</var>₀+<var>h</var>) − <var>f</var>(<var>x</var>₀)) /
        <var>h</var></span
      >
      <span class="seg">= (<var>f</var>(${n.x1}) − <var>f</var>(${n.x0})) / ${n.h}</span>
      <span class="seg">= (${n.y1} − ${n.y0}) / ${n.h}</span>
      <span class="seg">= <strong class="num" data-value="secant">${n.secant}</strong></span>
    </p>
    <p class="eq tangent">
      <span class="seg">tangent slope</span>
      <span class="seg"><var>f</var>′(<var>x</var>) = ${fn.dfLabel}, so</span>
      <span class="seg"><var>f</var>′(${n.x0}) = ${n.dfAt}</span>
      <span class="seg">= <strong class="num" data-value="exact">${n.exact}</strong></span>
    </p>
  `;
}

/** Slope mode: the secant, central and exact slopes at the current h, with their errors. */
export function slopesTable(p: DerivativeParams): TemplateResult {
  const fn = fnOf(p.fn);
  const row = slopesRow(fn, p.x0, p.h);
  return html`
    <div class="slopes-wrap">
      ${dataTable({
        part: 'slopes',
        class: 'slopes',
        caption: html`Slopes of ${fn.label} at <var>x</var>₀ = ${param(p.x0)} with <var>h</var> =
          ${row.h}`,
        columns: ['method', 'slope', 'error'],
        body: html`
          <tr data-row="secant">
            <th scope="row">
              secant<br /><span class="how"
                >(<var>f</var>(<var>x</var>₀+<var>h</var>) − <var>f</var>(<var>x</var>₀)) /
                <var>h</var></span
              >
            </th>
            <td>${row.secant}</td>
            <td>${row.secantError}</td>
          </tr>
          <tr data-row="central">
            <th scope="row">
              central<br /><span class="how"
                >(<var>f</var>(<var>x</var>₀+<var>h</var>) −
                <var>f</var>(<var>x</var>₀−<var>h</var>)) / 2<var>h</var></span
              >
            </th>
            <td>${row.central}</td>
            <td>${row.centralError}</td>
          </tr>
          <tr data-row="exact">
            <th scope="row">
              exact<br /><span class="how"><var>f</var>′(<var>x</var>₀)</span>
            </th>
            <td>${row.exact}</td>
            <td>—</td>
          </tr>
        `,
      })}
    </div>
  `;
}

/** Chain mode: z and a, the two factors, their product and its numeric check. */
export function chainFormula(p: DerivativeParams): TemplateResult {
  const wrt = p.wrt;
  const n = chainFormulaText(p);
  const dzdvWhy = wrt === 'x' ? html`<var>w</var>` : html`<var>x</var>`;
  const v = html`<var>${wrt}</var>`;
  return html`
    <p class="eq">
      <span class="seg"><var>z</var> = <var>w</var>·<var>x</var> + <var>b</var></span>
      <span class="seg">= ${n.w} · ${n.x} ${n.b}</span>
      <span class="seg">= ${n.z},</span>
      <span class="seg"
        ><var>a</var> = σ(<var>z</var>) = <strong class="num" data-value="a">${n.a}</strong></span
      >
    </p>
    <p class="eq factor">
      <span class="seg"
        >∂<var>z</var>/∂${v} =
        ${
          wrt === 'b'
            ? html`<strong class="num" data-value="dz">1</strong>`
            : html`${dzdvWhy} = <strong class="num" data-value="dz">${n.dz}</strong>`
        }</span
      >
    </p>
    <p class="eq factor">
      <span class="seg">d<var>a</var>/d<var>z</var> = σ(<var>z</var>)(1 − σ(<var>z</var>))</span>
      <span class="seg">= ${n.a} · (1 − ${n.a})</span>
      <span class="seg">= <strong class="num" data-value="da">${n.dadz}</strong></span>
    </p>
    <p class="eq product">
      <span class="seg"
        >∂<var>a</var>/∂${v} = d<var>a</var>/d<var>z</var> · ∂<var>z</var>/∂${v}</span
      >
      <span class="seg">= ${n.dadz} · ${n.dzFactor}</span>
      <span class="seg">= <strong class="num" data-value="product">${n.product}</strong></span>
    </p>
    <p class="eq check">
      <span class="seg">numeric check</span>
      <span class="seg"
        >(<var>a</var>(${v}+<var>h</var>) − <var>a</var>(${v}−<var>h</var>)) / 2<var>h</var></span
      >
      <span class="seg">with <var>h</var> = ${n.check}</span>
      <span class="seg"
        >=
        <strong class="num" data-value="numeric">${n.numeric}</strong>
        ${n.agree ? html`<span class="ok">✓ agrees</span>` : nothing}</span
      >
    </p>
    <p class="reading">
      ${n.reading} The other two of <var>x</var>, <var>w</var>, <var>b</var> are held fixed: that is
      what the curly ∂ says.
    </p>
  `;
}

/** Data table (slope mode): the slopes for h = 1, 0.1, 0.01, 0.001 and the current h. */
export function hTable(p: DerivativeParams): TemplateResult {
  const fn = fnOf(p.fn);
  const rows = hTableRows(fn, p.x0, p.h);
  return dataTable({
    part: 'table',
    captionId: 'data-table-caption',
    caption: html`Secant and central slopes of ${fn.label} at <var>x</var>₀ = ${param(p.x0)} as
      <var>h</var>
      shrinks; the exact slope is ${slopesRow(fn, p.x0, p.h).exact}`,
    columns: ['h', 'secant', 'its error', 'central', 'its error'],
    body: rows.map(
      (r) => html`
        <tr class=${r.current ? 'current' : ''}>
          <th scope="row">${r.h}</th>
          <td>${r.secant}</td>
          <td>${r.secantError}</td>
          <td>${r.central}</td>
          <td>${r.centralError}</td>
        </tr>
      `,
    ),
  });
}

/** Data table (chain mode): the output and its slope along the chosen variable. */
export function chainTable(p: DerivativeParams): TemplateResult {
  const wrt = p.wrt;
  const { weight: w, bias: b, x0: x } = p;
  const fixed =
    wrt === 'x'
      ? html`<var>w</var> = ${param(w)}, <var>b</var> = ${param(b)}`
      : wrt === 'w'
        ? html`<var>x</var> = ${param(x)}, <var>b</var> = ${param(b)}`
        : html`<var>w</var> = ${param(w)}, <var>x</var> = ${param(x)}`;
  return dataTable({
    part: 'table',
    captionId: 'data-table-caption',
    caption: html`<var>a</var> = σ(<var>w</var>·<var>x</var>
      +
      <var>b</var>) and its slope as
      <var>${wrt}</var>
      varies, with ${fixed}`,
    columns: [`${wrt}`, 'z', 'a', `∂a/∂${wrt}`],
    body: chainTableRows(p).map(
      (r) => html`
        <tr class=${r.current ? 'current' : ''}>
          <th scope="row">${r.v}</th>
          <td>${r.z}</td>
          <td>${r.a}</td>
          <td>${r.slope}</td>
        </tr>
      `,
    ),
  });
}
