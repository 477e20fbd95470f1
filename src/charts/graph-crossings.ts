/**
 * Fewer crossing edges in a layered drawing of a graph: count the edges that cross between
 * neighbouring columns, as drawn, and move nodes within their columns while that lowers the count
 * ("sifting", then two moves at once where no single move helps). `graph-layout.ts` orders a
 * graph's rows by the barycentre heuristic and calls `untangle` for what that leaves.
 */
export type Inputs = ReadonlyMap<number, { inputs: readonly number[] }>;

/**
 * Counts crossing edges between neighbouring columns, at the heights they are drawn (a column
 * shorter than the tallest is centred). Only edges between neighbouring columns are counted: in
 * these graphs nearly every edge joins neighbours. After changing the order of column `c`, call
 * `relevel(c)`.
 */
function crossingCounter(columns: readonly number[][], byId: Inputs, rows: number) {
  const columnOf = new Map<number, number>();
  columns.forEach((ids, c) => ids.forEach((id) => columnOf.set(id, c)));
  // pairs[c]: the edges from column c to column c + 1.
  const pairs: [number, number][][] = columns.map(() => []);
  for (const [id, node] of byId) {
    const c = columnOf.get(id)!;
    for (const input of new Set(node.inputs)) {
      if (columnOf.get(input) === c - 1) pairs[c - 1]!.push([input, id]);
    }
  }
  const level = new Map<number, number>();
  const relevel = (c: number): void => {
    const ids = columns[c] ?? [];
    ids.forEach((id, r) => level.set(id, r + (rows - ids.length) / 2));
  };
  columns.forEach((_, c) => relevel(c));
  const between = (c: number): number => {
    const edges = pairs[c] ?? [];
    let count = 0;
    for (let a = 0; a < edges.length; a++) {
      const [a0, a1] = edges[a]!;
      for (let b = a + 1; b < edges.length; b++) {
        const [b0, b1] = edges[b]!;
        if ((level.get(a0)! - level.get(b0)!) * (level.get(a1)! - level.get(b1)!) < 0) count++;
      }
    }
    return count;
  };
  return {
    relevel,
    /** Crossings between column c and both its neighbours. */
    around: (c: number): number => (c > 0 ? between(c - 1) : 0) + between(c),
    total: (): number => columns.reduce((sum, _, c) => sum + between(c), 0),
  };
}
type Counter = ReturnType<typeof crossingCounter>;

/** Every crossing between neighbouring columns, as drawn. */
export function totalCrossings(
  columns: readonly number[][],
  byId: Inputs,
  rows = Math.max(1, ...columns.map((c) => c.length)),
): number {
  return crossingCounter(columns, byId, rows).total();
}

/**
 * Move each node of column `c` to the place in its column where the fewest edges cross, when that
 * is fewer than where it is ("sifting"). Returns whether a node moved.
 */
function siftColumn(columns: number[][], c: number, counter: Counter): boolean {
  const ids = columns[c];
  if (!ids) return false;
  let moved = false;
  for (const id of [...ids]) {
    let fewest = counter.around(c);
    const from = ids.indexOf(id);
    let bestAt = from;
    ids.splice(from, 1);
    for (let at = 0; at <= ids.length; at++) {
      if (at === from) continue;
      ids.splice(at, 0, id);
      counter.relevel(c);
      const crossings = counter.around(c);
      ids.splice(at, 1);
      if (crossings < fewest) {
        fewest = crossings;
        bestAt = at;
      }
    }
    ids.splice(bestAt, 0, id);
    counter.relevel(c);
    moved ||= bestAt !== from;
  }
  return moved;
}

/** Graphs up to this many nodes also try two moves at once (see `untangle`). */
const LOOKAHEAD_NODES = 40;

/**
 * After a barycentre sweep, lower the number of crossing edges: sift every column while that
 * helps; then, where no single move helps, try a move that crosses no more followed by sifting the
 * neighbouring columns, and keep it if the whole crosses fewer. The barycentre leaves orders that
 * no single move improves, such as a hidden layer's inputs fanning out to two units: two rows
 * must trade places with two others at once.
 */
export function untangle(columns: number[][], byId: Inputs, rows: number): void {
  const counter = crossingCounter(columns, byId, rows);
  for (let pass = 0; pass < 6; pass++) {
    let moved = false;
    for (let c = 0; c < columns.length; c++) moved = siftColumn(columns, c, counter) || moved;
    if (moved) continue;
    const now = counter.total();
    if (now === 0 || byId.size > LOOKAHEAD_NODES || !sidestep(columns, counter, now)) return;
  }
}

/** One swap that crosses no more, then sifting its neighbours, if the whole crosses fewer. */
function sidestep(columns: number[][], counter: Counter, now: number): boolean {
  for (let c = 0; c < columns.length; c++) {
    const ids = columns[c]!;
    for (const id of [...ids]) {
      // A swap with a neighbour: the move the barycentre cannot see.
      const from = ids.indexOf(id);
      for (const at of [from - 1, from + 1]) {
        if (at < 0 || at >= ids.length) continue;
        const before = counter.around(c);
        const saved = [c - 1, c, c + 1].map((k) => [...(columns[k] ?? [])]);
        ids.splice(ids.indexOf(id), 1);
        ids.splice(at, 0, id);
        counter.relevel(c);
        if (counter.around(c) <= before) {
          siftColumn(columns, c - 1, counter);
          siftColumn(columns, c + 1, counter);
          if (counter.total() < now) return true;
        }
        // Put the three columns back as they were.
        [c - 1, c, c + 1].forEach((k, n) => {
          if (columns[k]) {
            columns[k]!.splice(0, columns[k]!.length, ...saved[n]!);
            counter.relevel(k);
          }
        });
      }
    }
  }
  return false;
}
