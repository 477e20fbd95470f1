/**
 * The network trainer's setup as attribute text: the hidden layers ("4:tanh,2:relu"), the points
 * a student added or imported ("0.5,-0.2,1;0.1,0.3,0") and the controls an instructor hides
 * ("architecture dataset"). Attributes are the whole setup, so they also make the shareable link
 * (the embed page's `embed.html#nn-network-trainer?layers=4%3Atanh&…`).
 *
 * Pure string ⇄ data functions, so that the attribute and URL formats are tested in node. Every
 * parser is lenient in the way an attribute must be: it returns what it could read and says what
 * it could not, and the element warns once and carries on.
 */
import type { ActivationName as AnyActivation } from './activations';
import type { ClassPoint } from './datasets';

/**
 * Activation functions a hidden layer of the trainer can use, in the order its menu lists them:
 * those of the course's table (`ACTIVATIONS` in activations.ts) that both engines compute.
 */
export const ACTIVATION_NAMES = [
  'tanh',
  'relu',
  'leaky-relu',
  'sigmoid',
  'linear',
] as const satisfies readonly AnyActivation[];
export type ActivationName = (typeof ACTIVATION_NAMES)[number];

/** The activation of a layer written without one ("4" means "4:tanh"). */
export const DEFAULT_ACTIVATION: ActivationName = 'tanh';

/** Limits of the architecture editor: 0–6 hidden layers of 1–16 units. */
export const LAYER_LIMITS = { maxLayers: 6, minUnits: 1, maxUnits: 16 } as const;

export interface HiddenLayer {
  units: number;
  activation: ActivationName;
}

export interface LayersResult {
  layers: HiddenLayer[];
  /** Why the text could not be read (then `layers` is empty and the caller keeps its default). */
  error?: string;
}

function isActivation(name: string): name is ActivationName {
  return (ACTIVATION_NAMES as readonly string[]).includes(name);
}

/**
 * Read hidden layers from text: units and an optional activation per layer, separated by commas
 * or spaces — "4:tanh,4:tanh", "8 8", "" (no hidden layer: a single neuron).
 */
export function parseLayers(text: string): LayersResult {
  const tokens = text
    .split(/[\s,]+/)
    .map((t) => t.trim())
    .filter((t) => t !== '');
  if (tokens.length > LAYER_LIMITS.maxLayers) {
    return {
      layers: [],
      error: `${tokens.length} hidden layers; at most ${LAYER_LIMITS.maxLayers} are allowed`,
    };
  }
  const layers: HiddenLayer[] = [];
  for (const token of tokens) {
    const match = /^(\d+)(?::([a-z-]+))?$/i.exec(token);
    if (!match) {
      return {
        layers: [],
        error: `“${token}” is not a layer: write units:activation, e.g. 4:tanh`,
      };
    }
    const units = Number(match[1]);
    const activation = (match[2] ?? DEFAULT_ACTIVATION).toLowerCase();
    if (units < LAYER_LIMITS.minUnits || units > LAYER_LIMITS.maxUnits) {
      return {
        layers: [],
        error: `a layer of ${units} units; each layer has ${LAYER_LIMITS.minUnits} to ${LAYER_LIMITS.maxUnits}`,
      };
    }
    if (!isActivation(activation)) {
      return {
        layers: [],
        error: `“${match[2]}” is not an activation; use ${ACTIVATION_NAMES.join(', ')}`,
      };
    }
    layers.push({ units, activation });
  }
  return { layers };
}

/** The canonical text of hidden layers: "4:tanh,2:relu" ("" for none). */
export function formatLayers(layers: readonly HiddenLayer[]): string {
  return layers.map((l) => `${l.units}:${l.activation}`).join(',');
}

/** The layer sizes of a whole network with two inputs and one output: [2, 4, 2, 1]. */
export function layerSizes(layers: readonly HiddenLayer[]): number[] {
  return [2, ...layers.map((l) => l.units), 1];
}

export interface PointsResult {
  points: ClassPoint[];
  /** Entries that could not be read (they are left out), e.g. "abc" or "1,2,5". */
  bad: string[];
}

/** Significant digits kept when points are written: enough for a plot, short enough for a URL. */
const POINT_DIGITS = 4;

/**
 * Read points from text: "x,y,label" triples separated by semicolons (or line breaks), the label
 * 0 or 1 — "0.5,-0.2,1;0.1,0.3,0" — or, with `maxClasses` k (up to 10), a class 0 … k − 1.
 * Entries that do not parse are returned in `bad`.
 */
export function parsePoints(text: string, maxClasses = 2): PointsResult {
  const points: ClassPoint[] = [];
  const bad: string[] = [];
  for (const raw of text.split(/[;\n]+/)) {
    const entry = raw.trim();
    if (entry === '') continue;
    const parts = entry.split(',').map((p) => p.trim());
    const [xs, ys, ls] = parts;
    const x = xs === undefined || xs === '' ? NaN : Number(xs);
    const y = ys === undefined || ys === '' ? NaN : Number(ys);
    if (
      parts.length !== 3 ||
      !Number.isFinite(x) ||
      !Number.isFinite(y) ||
      ls === undefined ||
      !/^\d$/.test(ls) ||
      Number(ls) >= maxClasses
    ) {
      bad.push(entry);
      continue;
    }
    points.push({ x, y, label: Number(ls) });
  }
  return { points, bad };
}

/** A coordinate to a few significant digits, without trailing zeros: 0.1235, 7.5, 12350. */
export function compactNumber(v: number, digits = POINT_DIGITS): string {
  if (!Number.isFinite(v)) return '0';
  const text = String(Number(v.toPrecision(digits)));
  return text === '-0' ? '0' : text;
}

/** The text of points, the inverse of `parsePoints` (to `POINT_DIGITS` significant digits). */
export function formatPoints(points: readonly ClassPoint[], digits = POINT_DIGITS): string {
  return points
    .map((p) => `${compactNumber(p.x, digits)},${compactNumber(p.y, digits)},${p.label}`)
    .join(';');
}

export interface HideResult {
  /** The known parts named, in the order of `known`. */
  parts: string[];
  /** Words that name no part (the caller warns about them). */
  unknown: string[];
}

/** Read a `hide` attribute: part names separated by spaces or commas, e.g. "architecture dataset". */
export function parseHide(text: string, known: readonly string[]): HideResult {
  const words = text
    .toLowerCase()
    .split(/[\s,]+/)
    .filter((w) => w !== '');
  return {
    parts: known.filter((k) => words.includes(k)),
    unknown: [...new Set(words.filter((w) => !known.includes(w)))],
  };
}

/** A value of the setup as attributes hold it (for the `nn-change` event). */
export type SetupValue = string | number | boolean;
