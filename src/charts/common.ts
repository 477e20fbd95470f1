/** Small drawing pieces several charts share. Pure d3; no Lit, no app state. */
import { select, type Selection } from 'd3';

/** A d3 selection of one element, as every chart here uses them. */
export type Sel<E extends Element> = Selection<E, unknown, null, undefined>;

/**
 * Select the single child `<tag class="className">` of `parent`, creating it the first time: this
 * is what makes a second call of a draw function update the chart instead of drawing it twice.
 */
export function ensure<K extends keyof SVGElementTagNameMap, P extends SVGElement>(
  parent: Sel<P>,
  tag: K,
  className: string,
): Sel<SVGElementTagNameMap[K]> {
  const existing = parent.select<SVGElementTagNameMap[K]>(
    `:scope > ${tag}.${className.trim().split(/\s+/).join('.')}`,
  );
  if (!existing.empty()) return existing as unknown as Sel<SVGElementTagNameMap[K]>;
  return parent.append(tag).attr('class', className) as unknown as Sel<SVGElementTagNameMap[K]>;
}

/** Tick labels with a real minus sign ("−2", not "-2"). */
export function formatTick(value: number | { valueOf(): number }): string {
  const v = Number(value);
  return v < 0 ? `\u2212${Math.abs(v)}` : String(v);
}

/** One line style in a legend: told apart by dash and width as well as colour. */
export interface LineLegendEntry {
  key: string;
  label: string;
  stroke: string;
  dash: string | null;
  width: number;
}

/**
 * A key of line styles laid side by side by their measured width (so it fits a 320px phone),
 * drawn into `g` at (left, top); calling it again updates it in place.
 */
export function drawLineLegend(
  g: Selection<SVGGElement, unknown, null, undefined>,
  entries: readonly LineLegendEntry[],
  left: number,
  top: number,
  gap = 20,
): void {
  g.attr('transform', `translate(${left},${top})`);
  const rows = g
    .selectAll<SVGGElement, LineLegendEntry>('g.legend-entry')
    .data(entries, (d) => d.key)
    .join((enter) => {
      const row = enter.append('g').attr('class', 'legend-entry');
      row.append('line').attr('x1', 0).attr('x2', 26);
      row.append('text').attr('x', 32).attr('dy', '0.35em').style('font-size', '12px');
      return row;
    });
  rows
    .select('line')
    .style('stroke', (d) => d.stroke)
    .style('stroke-width', (d) => String(d.width))
    .style('stroke-dasharray', (d) => d.dash);
  rows
    .select('text')
    .style('fill', 'var(--_fg)')
    .text((d) => d.label);
  let offset = 0;
  rows.each(function () {
    select(this).attr('transform', `translate(${offset},0)`);
    const label = this.querySelector('text');
    // getComputedTextLength is 0 when not rendered (display: none): estimate from the length.
    const measured = label?.getComputedTextLength?.() ?? 0;
    const textWidth = measured > 0 ? measured : (label?.textContent?.length ?? 0) * 7;
    offset += 32 + textWidth + gap;
  });
}
