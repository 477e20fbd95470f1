/**
 * The computational graph, drawn left to right: leaves (inputs, weights, target) on the left, the
 * output on the right, every edge pointing from a node to the node that uses it.
 *
 * `layoutGraph` is pure: it assigns each node a column (its depth) and a row (ordered to cross as
 * few edges as it can) and returns positions. `drawGraph` draws that layout with d3 into an
 * `<svg>` it owns, and can be called again with new data to update in place: nodes are joined by
 * id, so a focused node keeps its DOM element (and its focus) across redraws.
 *
 * Each node is a `<g role="option">` inside a `<g role="listbox">`: the caller decides which node
 * is in the tab order (`focusId`, a roving tabindex) and handles the keys; the chart draws. The
 * node's value sits inside its box and its gradient under it, so the two are told apart by place
 * and by their words ("grad"), not by colour alone. Colours come from the design tokens.
 */
import { linkHorizontal, select } from 'd3';
import { ensure, keyedGroups, type Sel } from './common';
import { untangle } from './graph-crossings';

/** What a node plays in the graph; leaves are drawn with a different outline from operations. */
export type GraphNodeKind = 'input' | 'param' | 'target' | 'constant' | 'op' | 'output';

export interface GraphNodeView {
  id: number;
  /** Ids of the nodes this one is computed from (a node used twice appears twice). */
  inputs: readonly number[];
  /** The node's name, shown in its box: "h₁". */
  name: string;
  /** The operation's symbol, shown in a badge where the edges arrive ("σ", "+", "×"); '' for leaves. */
  op: string;
  kind: GraphNodeKind;
  /** The value as text, or null while the forward pass has not reached the node. */
  value: string | null;
  /** The gradient as text, or null while the backward pass has not reached the node. */
  grad: string | null;
  /** The accessible name of the node. */
  label: string;
  /** Whether the walk's current step is this node, going forward or backward. */
  current: 'forward' | 'backward' | null;
}

export interface GraphView {
  nodes: readonly GraphNodeView[];
  /** The node in the tab order (tabindex 0); every other node has tabindex −1. */
  focusId: number;
  /** Edges to highlight, as "from>to" keys, with the direction the numbers flow along them. */
  activeEdges: ReadonlyMap<string, 'forward' | 'backward'>;
  /** The accessible name of the listbox of nodes. */
  label: string;
}

export interface NodePosition {
  /** Centre of the node's box. */
  x: number;
  y: number;
  column: number;
  /** Index within its column, from the top. */
  row: number;
}

export interface GraphLayout {
  width: number;
  height: number;
  positions: Map<number, NodePosition>;
  /** Node ids by column, each column from top to bottom. */
  columns: number[][];
}

/** Box of a node, in px. */
export const NODE = { width: 64, height: 44 } as const;
/** Vertical distance between rows (room for the gradient under each box). */
const ROW_PITCH = 74;
/** Horizontal distance between columns: at least this, more when there is room. */
const MIN_COLUMN_PITCH = 92;
const MAX_COLUMN_PITCH = 150;
const MARGIN = { top: 16, right: 16, bottom: 30, left: 16 } as const;

/** The key of an edge in `activeEdges`. */
export const edgeKey = (from: number, to: number): string => `${from}>${to}`;

/**
 * The column of each node of a DAG given in topological order: an operation sits one column right
 * of its deepest input; a leaf sits just left of its first user, so a weight used late in the graph
 * is drawn next to where it is used, not far left. Every node's column is greater than its inputs',
 * so nodes of one column never depend on each other: walking the columns left to right is a valid
 * order for the forward pass, and right to left for the backward pass.
 */
export function assignColumns(
  nodes: readonly { id: number; inputs: readonly number[] }[],
): Map<number, number> {
  const column = new Map<number, number>();
  const users = new Map<number, number[]>();
  for (const node of nodes) {
    users.set(node.id, []);
    for (const input of node.inputs) users.get(input)?.push(node.id);
  }
  for (const node of nodes) {
    const depth = node.inputs.length
      ? 1 + Math.max(...node.inputs.map((i) => column.get(i) ?? 0))
      : 0;
    column.set(node.id, depth);
  }
  for (const node of nodes) {
    const used = users.get(node.id) ?? [];
    if (node.inputs.length === 0 && used.length > 0) {
      column.set(node.id, Math.min(...used.map((u) => column.get(u) ?? 1)) - 1);
    }
  }
  return column;
}

/**
 * Columns and rows for a DAG given in topological order (inputs before their users).
 *
 * Columns: see `assignColumns`. Rows: a few sweeps of the barycentre heuristic, each node moving
 * towards the mean height of its neighbours in the previous column (inputs going right, users
 * going left), then `untangle` for the crossings the barycentre leaves. The rows of the last few
 * graphs are kept, so drawing the same graph again only spaces it for the width.
 */
export function layoutGraph(
  nodes: readonly { id: number; inputs: readonly number[] }[],
  availableWidth: number,
): GraphLayout {
  const column = assignColumns(nodes);
  const count = Math.max(0, ...column.values()) + 1;
  const key = nodes.map((n) => `${n.id}:${n.inputs.join(',')}`).join(' ');
  const columns = ORDERS.get(key)?.map((ids) => [...ids]) ?? orderRows(nodes, column, count);
  ORDERS.set(
    key,
    columns.map((ids) => [...ids]),
  );
  if (ORDERS.size > 8) ORDERS.delete(ORDERS.keys().next().value!);
  return place(columns, count, availableWidth);
}

/**
 * The rows of each column, top to bottom, for a graph: by the barycentre, then untangled. The
 * same graph is drawn again at every step of a walk, so the orders of the last few graphs are
 * kept (a 40-node graph takes tens of milliseconds to order).
 */
const ORDERS = new Map<string, number[][]>();

function orderRows(
  nodes: readonly { id: number; inputs: readonly number[] }[],
  column: ReadonlyMap<number, number>,
  count: number,
): number[][] {
  const users = new Map<number, number[]>();
  for (const node of nodes) users.set(node.id, []);
  for (const node of nodes) for (const input of node.inputs) users.get(input)?.push(node.id);
  const columns: number[][] = Array.from({ length: count }, () => []);
  for (const node of nodes) columns[column.get(node.id)!]!.push(node.id);

  const byId = new Map(nodes.map((n) => [n.id, n]));
  const row = new Map<number, number>();
  const renumber = (ids: number[]) => ids.forEach((id, i) => row.set(id, i));
  columns.forEach(renumber);
  const rows = Math.max(1, ...columns.map((c) => c.length));
  // A node's height as drawn, in rows: shorter columns are centred.
  const level = (id: number): number | undefined => {
    const r = row.get(id);
    const c = column.get(id);
    return r === undefined || c === undefined ? undefined : r + (rows - columns[c]!.length) / 2;
  };
  const mean = (ids: readonly number[]): number | undefined => {
    const levels = ids.map(level).filter((r): r is number => r !== undefined);
    return levels.length ? levels.reduce((s, r) => s + r, 0) / levels.length : undefined;
  };
  const sortBy = (ids: number[], key: (id: number) => number | undefined) => {
    const keyed = ids.map((id, i) => ({ id, k: key(id) ?? level(id) ?? i }));
    keyed.sort((a, b) => a.k - b.k);
    ids.splice(0, ids.length, ...keyed.map((e) => e.id));
    renumber(ids);
  };
  for (let sweep = 0; sweep < 4; sweep++) {
    // Right to left: order each column by the rows of its users.
    for (let c = count - 2; c >= 0; c--) sortBy(columns[c]!, (id) => mean(users.get(id) ?? []));
    // Left to right: order each column by the rows of its inputs (leaves keep their place).
    for (let c = 1; c < count; c++) {
      sortBy(columns[c]!, (id) => {
        const inputs = byId.get(id)?.inputs ?? [];
        return inputs.length ? mean(inputs) : undefined;
      });
    }
  }
  // Then the crossings the barycentre leaves.
  untangle(columns, byId, rows);
  return columns;
}

/** Positions for columns already ordered, as wide as `availableWidth` allows. */
function place(columns: number[][], count: number, availableWidth: number): GraphLayout {
  const rows = Math.max(1, ...columns.map((c) => c.length));
  const inner = availableWidth - MARGIN.left - MARGIN.right - NODE.width;
  const pitch =
    count > 1
      ? Math.min(MAX_COLUMN_PITCH, Math.max(MIN_COLUMN_PITCH, inner / (count - 1)))
      : MIN_COLUMN_PITCH;
  const contentWidth = NODE.width + pitch * (count - 1);
  const width = Math.max(
    MARGIN.left + contentWidth + MARGIN.right,
    Math.min(availableWidth, MARGIN.left + contentWidth + MARGIN.right + 2 * pitch),
  );
  const left = (width - contentWidth) / 2;
  const height = MARGIN.top + MARGIN.bottom + NODE.height + ROW_PITCH * (rows - 1);
  const positions = new Map<number, NodePosition>();
  columns.forEach((ids, c) => {
    // Centre shorter columns vertically.
    const offset = ((rows - ids.length) * ROW_PITCH) / 2;
    ids.forEach((id, r) => {
      positions.set(id, {
        x: left + NODE.width / 2 + c * pitch,
        y: MARGIN.top + NODE.height / 2 + offset + r * ROW_PITCH,
        column: c,
        row: r,
      });
    });
  });
  return { width: Math.round(width), height: Math.round(height), positions, columns };
}

interface EdgeDatum {
  key: string;
  from: number;
  to: number;
  active: 'forward' | 'backward' | undefined;
}

/**
 * Draw (or redraw) the graph into `svg`, as wide as `availableWidth` allows (wider if it must be:
 * the caller puts the svg in a container that scrolls sideways). Returns the layout used, for
 * keyboard navigation.
 */
export function drawGraph(
  svg: SVGSVGElement,
  view: GraphView,
  availableWidth: number,
): GraphLayout {
  const layout = layoutGraph(view.nodes, availableWidth);
  const { width, height, positions } = layout;
  const root = select(svg as SVGElement)
    .attr('viewBox', `0 0 ${width} ${height}`)
    .attr('width', width)
    .attr('height', height)
    .style('display', 'block')
    .style('font-family', 'var(--_font, sans-serif)');

  ensureArrowMarkers(root);

  // Edges: from the right side of the input to the operation badge on the left of the user.
  const edges: EdgeDatum[] = view.nodes.flatMap((node) =>
    [...new Set(node.inputs)].map((from) => ({
      key: edgeKey(from, node.id),
      from,
      to: node.id,
      active: view.activeEdges.get(edgeKey(from, node.id)),
    })),
  );
  const link = linkHorizontal<
    { source: [number, number]; target: [number, number] },
    [number, number]
  >();
  const pathOf = (e: EdgeDatum): string => {
    const a = positions.get(e.from)!;
    const b = positions.get(e.to)!;
    return (
      link({ source: [a.x + NODE.width / 2, a.y], target: [b.x - NODE.width / 2 - 2, b.y] }) ?? ''
    );
  };
  ensure(root, 'g', 'edges')
    .attr('aria-hidden', 'true')
    .selectAll<SVGPathElement, EdgeDatum>('path.edge')
    .data(edges, (e) => e.key)
    .join('path')
    .attr('class', (e) => `edge${e.active ? ` edge-${e.active}` : ''}`)
    .attr('d', pathOf)
    .style('fill', 'none')
    .style('stroke', (e) =>
      e.active === 'backward'
        ? 'var(--_accent-2)'
        : e.active === 'forward'
          ? 'var(--_accent)'
          : 'var(--_border)',
    )
    .style('stroke-width', (e) => (e.active ? '3' : '1.5'))
    // The gradient flows right to left: a dashed line with the arrow at the input's end.
    .style('stroke-dasharray', (e) => (e.active === 'backward' ? '6 4' : null))
    .attr('marker-end', (e) => (e.active === 'forward' ? 'url(#bp-arrow-forward)' : null))
    .attr('marker-start', (e) => (e.active === 'backward' ? 'url(#bp-arrow-backward)' : null));

  const list = ensure(root, 'g', 'nodes').attr('role', 'listbox').attr('aria-label', view.label);
  const byId = (d: GraphNodeView) => String(d.id);
  const nodes = keyedGroups(list, 'node', view.nodes, byId, (g) => {
    g.attr('role', 'option');
    g.append('rect').attr('class', 'box');
    g.append('text').attr('class', 'name');
    g.append('text').attr('class', 'value');
    g.append('text').attr('class', 'grad');
  });

  nodes
    .attr('data-id', (d) => d.id)
    .attr('data-kind', (d) => d.kind)
    .attr('data-current', (d) => d.current)
    .attr('transform', (d) => {
      const p = positions.get(d.id)!;
      return `translate(${p.x},${p.y})`;
    })
    .attr('tabindex', (d) => (d.id === view.focusId ? 0 : -1))
    .attr('aria-selected', (d) => (d.id === view.focusId ? 'true' : 'false'))
    .attr('aria-label', (d) => d.label)
    .style('cursor', 'pointer');

  const leaf = (d: GraphNodeView) => d.kind !== 'op' && d.kind !== 'output';
  nodes
    .select('rect.box')
    .attr('x', -NODE.width / 2)
    .attr('y', -NODE.height / 2)
    .attr('width', NODE.width)
    .attr('height', NODE.height)
    .attr('rx', (d) => (leaf(d) ? 4 : 12))
    .style('fill', (d) => (d.current ? 'var(--_surface)' : 'var(--_bg)'))
    .style('stroke', (d) =>
      d.current === 'backward'
        ? 'var(--_accent-2)'
        : d.current === 'forward'
          ? 'var(--_accent)'
          : d.kind === 'output'
            ? 'var(--_fg)'
            : 'var(--_muted)',
    )
    .style('stroke-width', (d) => (d.current ? '3.5' : d.kind === 'output' ? '2' : '1.25'))
    // Leaves that the update changes (weights, biases) get a dashed outline: they are the knobs.
    .style('stroke-dasharray', (d) => (d.kind === 'param' && !d.current ? '4 3' : null));

  nodes
    .select('text.name')
    .attr('y', -5)
    .attr('text-anchor', 'middle')
    .style('font-size', '14px')
    .style('font-weight', '700')
    .style('fill', 'var(--_fg)')
    // The trailing spaces keep the words apart in the node's text content ("h₁ 0.562 grad …"),
    // which must read the same as the start of its accessible name.
    .text((d) => `${d.name} `);

  nodes
    .select('text.value')
    .attr('y', 14)
    .attr('text-anchor', 'middle')
    .style('font-family', 'var(--_mono, monospace)')
    .style('font-size', '12.5px')
    .style('font-variant-numeric', 'tabular-nums')
    .style('fill', (d) => (d.value === null ? 'var(--_muted)' : 'var(--_fg)'))
    .text((d) => `${d.value ?? '?'} `);

  nodes
    .select('text.grad')
    .attr('y', NODE.height / 2 + 15)
    .attr('text-anchor', 'middle')
    .style('font-family', 'var(--_mono, monospace)')
    .style('font-size', '11.5px')
    .style('font-weight', '700')
    .style('fill', 'var(--_accent-2)')
    .text((d) => (d.grad === null ? '' : `grad ${d.grad}`));

  // The operation badges sit on the nodes' left edges, in their own layer hidden from assistive
  // technology: each node's accessible name already says what it computes.
  const badgeWidth = (d: GraphNodeView) => Math.max(20, 7 * [...d.op].length + 8);
  const badgeLayer = ensure(root, 'g', 'badges')
    .attr('aria-hidden', 'true')
    .style('pointer-events', 'none');
  const withOp = view.nodes.filter((d) => d.op);
  const badges = keyedGroups(badgeLayer, 'badge', withOp, byId, (g) => {
    g.append('rect');
    g.append('text');
  }).attr('transform', (d) => {
    const p = positions.get(d.id)!;
    return `translate(${p.x - NODE.width / 2},${p.y - NODE.height / 2})`;
  });
  // A pill that fits its symbol: "+" is a circle, "tanh" a wider lozenge.
  badges
    .select('rect')
    .attr('x', (d) => -badgeWidth(d) / 2)
    .attr('y', -10)
    .attr('width', badgeWidth)
    .attr('height', 20)
    .attr('rx', 10)
    .style('fill', 'var(--_surface)')
    .style('stroke', 'var(--_muted)')
    .style('stroke-width', '1');
  badges
    .select('text')
    .attr('text-anchor', 'middle')
    .attr('dy', '0.35em')
    .style('font-size', '11px')
    .style('font-weight', '700')
    .style('fill', 'var(--_fg)')
    .text((d) => d.op);

  return layout;
}

/** Arrow heads for highlighted edges, defined once per svg. */
function ensureArrowMarkers(root: Sel<SVGElement>): void {
  const defs = ensure(root, 'defs', 'markers');
  const arrows = [
    { id: 'bp-arrow-forward', colour: 'var(--_accent)', path: 'M0,0 L8,4 L0,8 z' },
    { id: 'bp-arrow-backward', colour: 'var(--_accent-2)', path: 'M8,0 L0,4 L8,8 z' },
  ];
  defs
    .selectAll<SVGMarkerElement, (typeof arrows)[number]>('marker')
    .data(arrows, (d) => d.id)
    .join((enter) => {
      const m = enter.append('marker');
      m.append('path');
      return m;
    })
    .attr('id', (d) => d.id)
    .attr('viewBox', '0 0 8 8')
    .attr('refX', (d) => (d.id === 'bp-arrow-forward' ? 7 : 1))
    .attr('refY', 4)
    .attr('markerWidth', 7)
    .attr('markerHeight', 7)
    .attr('orient', 'auto')
    .select('path')
    .attr('d', (d) => d.path)
    .style('fill', (d) => d.colour);
}
