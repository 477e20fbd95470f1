import { describe, expect, it } from 'vitest';
import { layoutGraph } from '../../src/charts/graph-layout';
import type { GraphLayout } from '../../src/charts/graph-layout';
import { totalCrossings, untangle } from '../../src/charts/graph-crossings';
import {
  NETWORK_DEFAULTS,
  expressionModel,
  networkModel,
} from '../../src/widgets/backprop-graph/model';
import type { WalkModel } from '../../src/widgets/backprop-graph/model';

/** The pairs of edges that cross as drawn (both edges between the same two columns). */
function crossings(model: WalkModel, layout: GraphLayout): string[] {
  const p = layout.positions;
  const edges = model.nodes.flatMap((n) => [...new Set(n.inputs)].map((i) => [i, n.id] as const));
  const found: string[] = [];
  edges.forEach(([a, b], k) => {
    for (const [c, d] of edges.slice(k + 1)) {
      const [A, B, C, D] = [p.get(a)!, p.get(b)!, p.get(c)!, p.get(d)!];
      if (A.column !== C.column || B.column !== D.column) continue;
      if ((A.y - C.y) * (B.y - D.y) < 0) {
        const name = (id: number) => model.nodes[id]!.name;
        found.push(`${name(a)}→${name(b)} × ${name(c)}→${name(d)}`);
      }
    }
  });
  return found;
}

const nodesOf = (model: WalkModel) => model.nodes.map((n) => ({ id: n.id, inputs: n.inputs }));

describe('layoutGraph: edges cross as little as they can (issue 14 item 9)', () => {
  it('the network of lesson 7 step 6 crosses once, where x₁ and x₂ both feed h₁ and h₂', () => {
    const model = networkModel(NETWORK_DEFAULTS);
    const layout = layoutGraph(nodesOf(model), 1200);
    // Two inputs each feeding two hidden units cannot be drawn in layers without one crossing.
    expect(crossings(model, layout)).toHaveLength(1);
  });

  it.each([
    'L = (sigmoid(w*x + b) - t)^2',
    'f = x*y + x',
    'f = a*b + b^2',
    'tanh(w1*x1 + w2*x2 + b)',
  ])('the lesson-sized expression %s crosses no edges', (source) => {
    const model = expressionModel(source, {});
    expect(crossings(model, layoutGraph(nodesOf(model), 800))).toEqual([]);
  });

  it('every node is placed once, each column top to bottom, inputs left of their users', () => {
    const model = expressionModel('tanh(a*b + c*d)*sigmoid(a*c - b*d) + (a - b)*(c - d)', {});
    const layout = layoutGraph(nodesOf(model), 900);
    expect([...layout.positions.keys()].sort((x, y) => x - y)).toEqual(
      model.nodes.map((n) => n.id),
    );
    for (const ids of layout.columns) {
      const ys = ids.map((id) => layout.positions.get(id)!.y);
      expect(ys).toEqual([...ys].sort((x, y) => x - y));
    }
    for (const node of model.nodes) {
      for (const input of node.inputs) {
        expect(layout.positions.get(input)!.x).toBeLessThan(layout.positions.get(node.id)!.x);
      }
    }
  });

  it('the same graph at another width keeps its rows (only the spacing changes)', () => {
    const nodes = nodesOf(networkModel(NETWORK_DEFAULTS));
    const wide = layoutGraph(nodes, 1400);
    const narrow = layoutGraph(nodes, 500);
    expect(narrow.columns).toEqual(wide.columns);
    // A caller changing the returned columns does not change the next layout.
    wide.columns[0]!.reverse();
    expect(layoutGraph(nodes, 1400).columns).toEqual(narrow.columns);
  });
});

describe('untangle (graph-crossings.ts): fewer crossings than the order it is given', () => {
  it('a two-column graph whose rows are drawn in reverse is untangled to no crossing', () => {
    // Leaves 0, 1, 2 feed 3, 4, 5 in the same order; drawn with the right column reversed, every
    // pair of edges crosses (3 crossings).
    const byId = new Map<number, { inputs: number[] }>([
      [0, { inputs: [] }],
      [1, { inputs: [] }],
      [2, { inputs: [] }],
      [3, { inputs: [0] }],
      [4, { inputs: [1] }],
      [5, { inputs: [2] }],
    ]);
    const columns = [
      [0, 1, 2],
      [5, 4, 3],
    ];
    expect(totalCrossings(columns, byId)).toBe(3);
    untangle(columns, byId, 3);
    expect(totalCrossings(columns, byId)).toBe(0);
    // Every node is still there, once, in its own column.
    expect(columns.map((c) => [...c].sort())).toEqual([
      [0, 1, 2],
      [3, 4, 5],
    ]);
  });
});
