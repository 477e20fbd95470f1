/**
 * The network diagram: one column per layer (the two inputs, each hidden layer, the output), one
 * square per neuron showing that neuron's own heatmap — its activation over the whole plane — and
 * one line per weight, orange for a positive weight and blue for a negative one, thicker for a
 * larger |w|. It is what the TensorFlow Playground taught everyone to look at: each hidden neuron
 * carves the plane with its own boundary, and the next layer combines them.
 *
 * A pure drawing function on a `<canvas>` (up to 6 × 16 neurons and ~1,600 weights: cheap to
 * repaint, and no DOM per element). The caller passes the theme's colours, resolved from the
 * design tokens, and owns the canvas's accessible name and text alternative.
 */
import type { Rgb, ThemeColors } from './trainer-heatmap';
import { parseColor } from './trainer-heatmap';
import { drawSize, paintContext, paintPixels } from './common';

export type UnitActivation = 'tanh' | 'relu' | 'sigmoid' | 'linear';

export interface DiagramLayerWeights {
  /** inputs × units, row-major: kernel[i * units + j] is the weight from input i to unit j. */
  kernel: ArrayLike<number>;
  inputs: number;
  units: number;
}

export interface DiagramData {
  /** Units per layer, inputs first: [2, 4, 4, 1]. */
  sizes: readonly number[];
  /** The activation of each layer after the inputs (the output's is 'sigmoid'). */
  activations: readonly UnitActivation[];
  /** Names of the inputs (x₁, x₂, or the chosen features), written under their squares. */
  inputLabels: readonly string[];
  /** One entry per layer after the inputs; null before the first read. */
  weights: readonly DiagramLayerWeights[] | null;
  /**
   * Each neuron's activation on a gridSize × gridSize grid (rows from the top), per layer after
   * the inputs: maps[layer][unit]. Null before the first read.
   */
  maps: readonly (readonly Float32Array[])[] | null;
  /** The inputs' own maps: each input (x₁, x₂, x₁², sin x₁ …) over the grid, in order. */
  inputMaps: readonly Float32Array[];
  gridSize: number;
  colors: ThemeColors;
}

export interface DiagramSize {
  width: number;
  height: number;
  dpr: number;
}

/**
 * The height the diagram wants at `width` for a network with `sizes` units per layer: room for
 * its largest layer at the neuron size it gets, capped so that 16 neurons stay on a screen.
 */
export function diagramHeight(sizes: readonly number[], width: number): number {
  const node = nodeSize(width, sizes.length);
  const largest = Math.max(1, ...sizes);
  // More than two inputs (features): room for each one's name under its square as well.
  const inputs = (sizes[0] ?? 0) > 2 ? (sizes[0] ?? 0) * (node + 16) - 8 : 0;
  return Math.round(Math.min(640, Math.max(150, 56 + largest * (node + 10), 56 + inputs)));
}

/** Where the diagram puts things, for a drawing of `width` × `height` (as drawn: clamped). */
export interface DiagramGeometry {
  width: number;
  height: number;
  /** Side of a neuron's square. */
  side: number;
  /** Centre x of column `l` (0 = the inputs). */
  colX(l: number): number;
  /** Centre y of unit `j` of column `l`. */
  unitY(l: number, j: number): number;
}

/**
 * The diagram's geometry: the one `drawNetworkDiagram` draws with, for a caller that hit-tests
 * the edges and neurons (a click on an edge) or draws over them (the edge being edited).
 */
export function diagramGeometry(
  sizes: readonly number[],
  size: { width: number; height: number },
): DiagramGeometry {
  const { width, height } = drawSize(size, 200, 120);
  const columns = sizes.length;
  const side = nodeSize(width, columns);
  const top = 30;
  const bottom = height - 24;
  return {
    width,
    height,
    side,
    colX: (l) =>
      columns === 1 ? width / 2 : side / 2 + 8 + (l * (width - side - 16)) / (columns - 1),
    unitY: (l, j) => {
      const n = sizes[l] ?? 1;
      const gap = Math.min(side + 16, (bottom - top) / Math.max(n, 1));
      const span = gap * (n - 1);
      return (top + bottom) / 2 - span / 2 + j * gap;
    },
  };
}

/** Side of a neuron's square: larger for fewer columns, between 14 and 56 px. */
function nodeSize(width: number, columns: number): number {
  return Math.max(14, Math.min(56, Math.floor((width / Math.max(columns, 2)) * 0.42)));
}

/** Thickness of an edge for weight w: visible for tiny weights, capped for huge ones. */
export function edgeWidth(w: number): number {
  if (!Number.isFinite(w)) return 0.5;
  return Math.min(6, 0.5 + Math.abs(w) * 1.5);
}

/**
 * A neuron's value mapped to [−1, 1] for colouring: tanh is already there; sigmoid's 0…1 is
 * centred on 0.5; ReLU and linear units are unbounded, so they are scaled by their largest |value|.
 */
function normaliser(
  values: Float32Array,
  activation: UnitActivation | 'input',
): (v: number) => number {
  if (activation === 'tanh' || activation === 'input') return (v) => v;
  if (activation === 'sigmoid') return (v) => 2 * v - 1;
  let max = 0;
  for (const v of values) if (Number.isFinite(v) && Math.abs(v) > max) max = Math.abs(v);
  const scale = max > 1e-9 ? max : 1;
  return (v) => v / scale;
}

let tile: HTMLCanvasElement | undefined;

function drawMap(
  ctx: CanvasRenderingContext2D,
  values: Float32Array | undefined,
  activation: UnitActivation | 'input',
  n: number,
  left: number,
  top: number,
  side: number,
  rgb: { c0: Rgb; c1: Rgb; bg: Rgb },
): void {
  if (!values || values.length < n * n) return;
  tile ??= document.createElement('canvas');
  const norm = normaliser(values, activation);
  const painted = paintPixels(tile, n, n, (image) => {
    for (let i = 0; i < n * n; i++) {
      const v = norm(values[i]!);
      const t = Number.isFinite(v) ? Math.max(-1, Math.min(1, v)) : 0;
      const target = t >= 0 ? rgb.c1 : rgb.c0;
      const a = Math.abs(t) * 0.85;
      image.data[4 * i] = Math.round(rgb.bg[0] + (target[0] - rgb.bg[0]) * a);
      image.data[4 * i + 1] = Math.round(rgb.bg[1] + (target[1] - rgb.bg[1]) * a);
      image.data[4 * i + 2] = Math.round(rgb.bg[2] + (target[2] - rgb.bg[2]) * a);
      image.data[4 * i + 3] = 255;
    }
  });
  if (!painted) return;
  ctx.imageSmoothingEnabled = true;
  ctx.drawImage(tile, left, top, side, side);
}

/** Draw (or redraw) the diagram into `canvas`. */
export function drawNetworkDiagram(
  canvas: HTMLCanvasElement,
  data: DiagramData,
  size: DiagramSize,
): void {
  const { colX, unitY, side, width, height } = diagramGeometry(data.sizes, size);
  const dpr = Math.max(1, Math.min(3, size.dpr || 1));
  if (canvas.width !== Math.round(width * dpr)) canvas.width = Math.round(width * dpr);
  if (canvas.height !== Math.round(height * dpr)) canvas.height = Math.round(height * dpr);
  canvas.style.width = `${width}px`;
  canvas.style.height = `${height}px`;
  const ctx = paintContext(canvas);
  if (!ctx) return;
  const { colors, sizes } = data;
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.clearRect(0, 0, width, height);

  const columns = sizes.length;

  // Edges first, under the neurons.
  const c0 = parseColor(colors.class0);
  const c1 = parseColor(colors.class1);
  const bg = parseColor(colors.background);
  ctx.globalAlpha = 0.8;
  for (let l = 0; l + 1 < columns; l++) {
    const w = data.weights?.[l];
    const from = sizes[l] ?? 0;
    const to = sizes[l + 1] ?? 0;
    for (let i = 0; i < from; i++) {
      for (let j = 0; j < to; j++) {
        const weight = w && w.inputs === from && w.units === to ? w.kernel[i * to + j]! : 0;
        ctx.strokeStyle = !w ? colors.muted : weight >= 0 ? colors.class1 : colors.class0;
        ctx.lineWidth = w ? edgeWidth(weight) : 0.75;
        ctx.beginPath();
        ctx.moveTo(colX(l) + side / 2, unitY(l, i));
        ctx.lineTo(colX(l + 1) - side / 2, unitY(l + 1, j));
        ctx.stroke();
      }
    }
  }
  ctx.globalAlpha = 1;

  // Neurons: a square with the neuron's own heatmap.
  const n = data.gridSize;
  for (let l = 0; l < columns; l++) {
    for (let j = 0; j < (sizes[l] ?? 0); j++) {
      const cx = colX(l);
      const cy = unitY(l, j);
      const left = cx - side / 2;
      const topY = cy - side / 2;
      ctx.fillStyle = colors.background;
      ctx.fillRect(left, topY, side, side);
      const values = l === 0 ? data.inputMaps[j] : data.maps?.[l - 1]?.[j];
      const activation = l === 0 ? 'input' : (data.activations[l - 1] ?? 'linear');
      drawMap(ctx, values, activation, n, left, topY, side, { c0, c1, bg });
      ctx.strokeStyle = colors.foreground;
      ctx.lineWidth = 1;
      ctx.strokeRect(left + 0.5, topY + 0.5, side - 1, side - 1);
    }
  }

  // Column titles, and the inputs' names under their squares.
  ctx.fillStyle = colors.foreground;
  ctx.font = '12px system-ui, sans-serif';
  ctx.textAlign = 'center';
  ctx.textBaseline = 'top';
  const narrow = width / columns < 70;
  for (let l = 0; l < columns; l++) {
    const title =
      l === 0 ? 'inputs' : l === columns - 1 ? 'output' : narrow ? `${l}` : `layer ${l}`;
    ctx.fillText(title, colX(l), 6, width / columns);
  }
  // The inputs' names: from the left edge, as wide as the gap to the next column allows.
  ctx.fillStyle = colors.muted;
  ctx.textBaseline = 'top';
  ctx.textAlign = 'left';
  ctx.font = '11px system-ui, sans-serif';
  const room = columns > 1 ? colX(1) - side / 2 - 6 : width - 4;
  for (let j = 0; j < (sizes[0] ?? 0); j++) {
    const label = fitText(ctx, data.inputLabels[j] ?? `input ${j + 1}`, room);
    ctx.fillText(label, 2, unitY(0, j) + side / 2 + 2);
  }
}

/** `text`, cut with an ellipsis to fit `room` pixels in the context's current font. */
function fitText(ctx: CanvasRenderingContext2D, text: string, room: number): string {
  if (ctx.measureText(text).width <= room) return text;
  let cut = text;
  while (cut.length > 1 && ctx.measureText(`${cut}…`).width > room) cut = cut.slice(0, -1);
  return `${cut.trimEnd()}…`;
}
