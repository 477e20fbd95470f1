/**
 * Moving through the drawn graph of `<nn-backprop-graph>`: which node an arrow key leads to, and
 * where to scroll the graph's box so that a node is in view. Pure functions of the layout
 * (positions and columns) that charts/graph-layout.ts returns; no DOM.
 */
import type { GraphLayout } from '../../charts/graph-layout';

/** How close to the box's edge (px) a node may come before the box scrolls to it. */
const EDGE = 40;

/**
 * The node an arrow key leads to from node `id` in the drawing (←/→ between columns, to the
 * nearest row; ↑/↓ within a column and on to the next; Home/End the first/last node), or
 * undefined for other keys.
 */
export function neighbour(id: number, key: string, layout: GraphLayout): number | undefined {
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
 * Where to scroll a box `clientWidth` wide, now scrolled to `scrollLeft`, so that a node centred
 * at `x` is in view: centred, if it is within EDGE px of an edge or past it; null if it is in view.
 */
export function scrollTo(x: number, scrollLeft: number, clientWidth: number): number | null {
  const outside = x < scrollLeft + EDGE || x > scrollLeft + clientWidth - EDGE;
  return outside ? x - clientWidth / 2 : null;
}
