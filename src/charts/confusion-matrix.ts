/**
 * A confusion matrix drawn with d3 into an `<svg>`: rows are the true digits, columns what the
 * network read, each cell shaded by its share of its row and labelled with its count. Right
 * answers (the diagonal) and mistakes use two colours, so a mistake stands out however few digits
 * it holds. Each cell is a button (role, label, Enter/Space/click) with one tab stop for the whole
 * matrix: the arrow keys move between cells (a roving tabindex).
 */
import { select } from 'd3';
import { ensure, keyedGroups, type Sel } from './common';

export interface ConfusionData {
  /** k × k counts: counts[t·k + c] = digits of true class t read as c. */
  counts: ArrayLike<number>;
  k: number;
  /** The open cell, if any. */
  selected: { truth: number; read: number } | null;
  /** The cell that holds the tab stop. */
  focus: { truth: number; read: number };
}

export interface ConfusionLayout {
  /** Side of the whole matrix in px, labels included. */
  size: number;
  /** The accessible name of a cell. */
  label(truth: number, read: number, count: number): string;
  /** A cell was opened (click, Enter or Space). */
  onOpen(truth: number, read: number): void;
  /** The arrow keys moved the tab stop. */
  onFocus(truth: number, read: number): void;
}

interface Cell {
  truth: number;
  read: number;
  count: number;
  share: number;
}

const MARGIN = { top: 34, left: 34 };

export function drawConfusionMatrix(
  svgEl: SVGSVGElement,
  data: ConfusionData,
  layout: ConfusionLayout,
): void {
  const { k } = data;
  const svg = select(svgEl) as unknown as Sel<SVGSVGElement>;
  const side = Math.max(120, layout.size);
  svg.attr('viewBox', `0 0 ${side} ${side}`).attr('width', side).attr('height', side);
  const cellSize = (side - MARGIN.left - 2) / k;

  const rowTotals = Array.from({ length: k }, (_, t) => {
    let s = 0;
    for (let c = 0; c < k; c++) s += Number(data.counts[t * k + c]) || 0;
    return s;
  });
  const cells: Cell[] = [];
  for (let t = 0; t < k; t++) {
    for (let c = 0; c < k; c++) {
      const count = Number(data.counts[t * k + c]) || 0;
      cells.push({
        truth: t,
        read: c,
        count,
        share: rowTotals[t]! > 0 ? count / rowTotals[t]! : 0,
      });
    }
  }

  const axes = ensure(svg, 'g', 'axes');
  axes
    .selectAll<SVGTextElement, number>('text.col')
    .data(Array.from({ length: k }, (_, i) => i))
    .join('text')
    .attr('class', 'col')
    .attr('x', (d) => MARGIN.left + (d + 0.5) * cellSize)
    .attr('y', MARGIN.top - 8)
    .attr('text-anchor', 'middle')
    .text((d) => String(d));
  axes
    .selectAll<SVGTextElement, number>('text.row')
    .data(Array.from({ length: k }, (_, i) => i))
    .join('text')
    .attr('class', 'row')
    .attr('x', MARGIN.left - 8)
    .attr('y', (d) => MARGIN.top + (d + 0.5) * cellSize)
    .attr('dy', '0.35em')
    .attr('text-anchor', 'end')
    .text((d) => String(d));
  ensure(axes, 'text', 'axis-title read')
    .attr('x', MARGIN.left + (k * cellSize) / 2)
    .attr('y', 11)
    .attr('text-anchor', 'middle')
    .text('read as →');
  ensure(axes, 'text', 'axis-title truth')
    .attr('transform', `translate(11,${MARGIN.top + (k * cellSize) / 2}) rotate(-90)`)
    .attr('text-anchor', 'middle')
    .text('true digit →');

  const grid = ensure(svg, 'g', 'cells')
    .attr('role', 'group')
    .attr(
      'aria-label',
      'Confusion matrix: rows are the true digits, columns what the network read',
    );
  const isFocus = (d: Cell) => d.truth === data.focus.truth && d.read === data.focus.read;
  const isOpen = (d: Cell) =>
    data.selected !== null && d.truth === data.selected.truth && d.read === data.selected.read;
  const cellKey = (d: Cell) => `${d.truth}-${d.read}`;
  const groups = keyedGroups(grid, 'cell', cells, cellKey, (g) => {
    g.attr('role', 'button');
    g.append('rect');
    g.append('text').attr('text-anchor', 'middle').attr('dy', '0.35em');
  });
  groups
    .attr(
      'transform',
      (d) => `translate(${MARGIN.left + d.read * cellSize},${MARGIN.top + d.truth * cellSize})`,
    )
    .attr('tabindex', (d) => (isFocus(d) ? 0 : -1))
    .attr('aria-label', (d) => layout.label(d.truth, d.read, d.count))
    .attr('aria-pressed', (d) => (isOpen(d) ? 'true' : 'false'))
    .classed('right', (d) => d.truth === d.read)
    .classed('wrong', (d) => d.truth !== d.read && d.count > 0)
    .classed('open', isOpen)
    .on('click', (_event, d) => layout.onOpen(d.truth, d.read))
    .on('keydown', (event: KeyboardEvent, d) => {
      const moves: Record<string, [number, number]> = {
        ArrowUp: [-1, 0],
        ArrowDown: [1, 0],
        ArrowLeft: [0, -1],
        ArrowRight: [0, 1],
      };
      if (event.key === 'Enter' || event.key === ' ') {
        event.preventDefault();
        layout.onOpen(d.truth, d.read);
        return;
      }
      const move = moves[event.key];
      if (!move) return;
      event.preventDefault();
      const truth = Math.max(0, Math.min(k - 1, d.truth + move[0]));
      const read = Math.max(0, Math.min(k - 1, d.read + move[1]));
      layout.onFocus(truth, read);
    });
  groups
    .select('rect')
    .attr('width', Math.max(1, cellSize - 2))
    .attr('height', Math.max(1, cellSize - 2))
    .attr('x', 1)
    .attr('y', 1)
    .attr('rx', 3)
    // Opacity carries the share; at least a trace of colour for any non-empty cell.
    .style('fill-opacity', (d) => (d.count === 0 ? 0 : Math.max(0.12, Math.sqrt(d.share))));
  groups
    .select('text')
    .attr('x', cellSize / 2)
    .attr('y', cellSize / 2)
    .classed('strong', (d) => Math.sqrt(d.share) > 0.55)
    .text((d) => (d.count > 0 ? String(d.count) : ''));
}

/** Move keyboard focus to the cell that holds the tab stop (after `onFocus` redrew the matrix). */
export function focusCell(svgEl: SVGSVGElement): void {
  svgEl.querySelector<SVGGElement>('g.cell[tabindex="0"]')?.focus();
}
