/**
 * FigureChart (shared/size.ts): the chart of a widget, painted into its svg at the width of its
 * figure, only once the figure has been measured, and again whenever that width changes.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { LitElement, html } from 'lit';
import { FigureChart } from '../../src/widgets/shared/size';
import { placeWidget, settle } from './settle';

afterEach(() => {
  document.body.innerHTML = '';
});

class ChartBox extends LitElement {
  /** Each paint: the svg's class and the width it was painted at. */
  paints: [string, number][] = [];
  readonly chart = new FigureChart(
    this,
    (svg, width) => this.paints.push([svg.getAttribute('class') ?? '', width]),
    { figure: 'figure.plot', svg: 'svg.plot', fallbackWidth: 480 },
  );
  override render() {
    return html`
      <figure style="width: 50%; margin: 0"><svg class="other"></svg></figure>
      <figure class="plot" style="margin: 0"><svg class="plot"></svg></figure>
    `;
  }
  protected override updated(): void {
    this.chart.draw();
  }
}
customElements.define('test-chart-box', ChartBox);
declare global {
  interface HTMLElementTagNameMap {
    'test-chart-box': ChartBox;
  }
}

describe('FigureChart', () => {
  it('paints nothing before the figure is measured, then its svg at the width of its figure, and again on each resize', async () => {
    const el = await placeWidget('test-chart-box', '', 300);
    // The first update asked for a paint, but nothing is measured yet (no layout read in an update).
    expect(el.chart.frame()).toBeUndefined();
    expect(el.paints).toEqual([]);

    await settle(el);
    expect(el.chart.svg?.getAttribute('class')).toBe('plot');
    expect(el.paints).toEqual([['plot', 300]]);

    el.parentElement!.style.width = '200px';
    await expect.poll(() => el.paints.at(-1)).toEqual(['plot', 200]);

    // An update paints at once, at the width measured last.
    el.requestUpdate();
    await el.updateComplete;
    expect(el.paints.at(-1)).toEqual(['plot', 200]);
    expect(el.chart.frame()).toEqual({ svg: el.chart.svg, width: 200 });
  });
});
