/**
 * The trainer's settings read and turned into what the engine gets, as pure functions (tested in
 * node, tests/unit/trainer-settings.test.ts): the attributes that need more than a number read
 * (layers, features, dropout, hide) each with the one warning the page is given when it cannot be
 * used; the engine's `ModelSpec` (`buildSpec`); and the data and grids as rows of the chosen input
 * features (`engineData`, `engineGrids`).
 */
import { expandRows, isPlain, parseFeatures } from '../../math/features';
import type { FeatureName } from '../../math/features';
import { parseHide, parseLayers } from '../../math/trainer-setup';
import type { HiddenLayer } from '../../math/trainer-setup';
import type { ModelSpec, Points, TaskName } from '../../train/types';
import { HIDEABLE_PARTS } from './meta';
import type { HideablePart } from './meta';

/** A value read from an attribute, and the warning for the page when the text could not be used. */
export interface Read<T> {
  value: T;
  warning: string | null;
}

/** `layers`: the hidden layers, or (with a warning) those of `fallback`, the default. */
export function readLayers(text: string, fallback: string): Read<HiddenLayer[]> {
  const result = parseLayers(text);
  if (!result.error) return { value: result.layers, warning: null };
  return {
    value: parseLayers(fallback).layers,
    warning: `layers="${text}": ${result.error}; using the default.`,
  };
}

/** `features`: the input features, or (with a warning) x₁ and x₂. */
export function readFeatures(text: string): Read<FeatureName[]> {
  const { features, error } = parseFeatures(text);
  return {
    value: features,
    warning: error ? `features="${text}": ${error}; using the default.` : null,
  };
}

/** `dropout` for `layers` hidden layers: each layer's rate, or (with a warning) none. */
export function readDropout(text: string, layers: number): Read<number[]> {
  const { rates, error } = parseDropout(text, layers);
  return {
    value: rates,
    warning: error ? `dropout="${text}": ${error}; using the default (none).` : null,
  };
}

/** `hide`: the parts to hide; words that name no part are named in the warning. */
export function readHide(text: string): Read<Set<HideablePart>> {
  const { parts, unknown } = parseHide(text, HIDEABLE_PARTS);
  return {
    value: new Set(parts as HideablePart[]),
    warning:
      unknown.length === 0
        ? null
        : `hide="${text}": ${unknown.map((u) => `"${u}"`).join(', ')} ` +
          `name${unknown.length === 1 ? 's' : ''} no part; the parts are ${HIDEABLE_PARTS.join(', ')}.`,
  };
}

/** The largest dropout rate the trainer accepts (a rate of 1 would drop every unit). */
export const MAX_DROPOUT = 0.9;

/**
 * The `dropout` attribute: "" (none), one rate for every hidden layer ("0.2"), or a rate per layer
 * ("0.5,0.2"), each from 0 to 0.9. Returns the rate of each of `layers` hidden layers (a list
 * shorter than the layers leaves the rest at 0; extra rates are not used). `error` says why the
 * text cannot be used; the rates are then all 0 (the default: no dropout).
 */
export function parseDropout(text: string, layers: number): { rates: number[]; error?: string } {
  const none = new Array<number>(layers).fill(0);
  const parts = text
    .split(',')
    .map((s) => s.trim())
    .filter((s, i, all) => s !== '' || all.length > 1);
  if (parts.length === 0) return { rates: none };
  const values = parts.map((s) => (s === '' ? NaN : Number(s)));
  if (values.some((v) => !Number.isFinite(v) || v < 0 || v > MAX_DROPOUT)) {
    return {
      rates: none,
      error: `each rate is a number from 0 to ${MAX_DROPOUT}, one for every hidden layer or one per layer separated by commas`,
    };
  }
  if (values.length === 1) return { rates: none.map(() => values[0]!) };
  return { rates: none.map((_, i) => values[i] ?? 0) };
}

/** The `dropout` text for per-layer rates: "" for none, one number when all are equal, else a list. */
export function formatDropout(rates: readonly number[]): string {
  if (rates.every((r) => r === 0)) return '';
  if (rates.every((r) => r === rates[0])) return String(rates[0]);
  return rates.map(String).join(',');
}

/** The element's training settings (its Training and Regularisation panels), from its attributes. */
export interface TrainingSettings {
  loss: ModelSpec['loss'];
  optimizer: ModelSpec['optimizer'];
  learningRate: number;
  batchSize: number;
  l1: number;
  l2: number;
  /** Patience in epochs; 0: no early stopping. */
  earlyStopping: number;
  validationFraction: number;
  seed: number;
}

/** What the element's attributes say about the network and its training (see `buildSpec`). */
export interface SpecInput extends TrainingSettings {
  hidden: readonly { units: number; activation: ModelSpec['hidden'][number]['activation'] }[];
  /** Dropout rate of each hidden layer (0: none). */
  dropout: readonly number[];
  inputs: number;
  classes: number;
  task: TaskName;
}

/**
 * The engine's `ModelSpec` for the element's settings. With the defaults (two inputs, two
 * classes, no L1, no dropout, no early stopping) it is the spec as it always was, field for field,
 * so that the same seed gives the same run as before; each option adds only its own field.
 * Regression always trains on the squared error (the `loss` choice is for classes).
 */
export function buildSpec(s: SpecInput): ModelSpec {
  const regression = s.task === 'regression';
  return {
    ...(s.inputs !== 2 ? { inputs: s.inputs } : {}),
    ...(!regression && s.classes > 2 ? { classes: s.classes } : {}),
    ...(regression ? { task: 'regression' as const } : {}),
    hidden: s.hidden.map((l, i) => ({
      units: l.units,
      activation: l.activation,
      ...((s.dropout[i] ?? 0) > 0 ? { dropout: s.dropout[i]! } : {}),
    })),
    loss: regression ? 'squared-error' : s.loss,
    optimizer: s.optimizer,
    learningRate: s.learningRate,
    batchSize: Math.round(s.batchSize),
    l2: s.l2,
    ...(s.l1 > 0 ? { l1: s.l1 } : {}),
    ...(s.earlyStopping > 0
      ? {
          earlyStopping: {
            patience: Math.round(s.earlyStopping),
            validationFraction: s.validationFraction,
          },
        }
      : {}),
    seed: s.seed,
  };
}

/**
 * The data as the engine gets it: each point (x₁, x₂) expanded into a row of the chosen features
 * (`expandRows`), labels unchanged. With the plain features x₁, x₂ the sets are returned as they
 * are (the same arrays: no copy, and a run is what it always was).
 */
export function engineData(
  data: { train: Points; test: Points },
  features: readonly FeatureName[],
): { train: Points; test: Points } {
  if (isPlain(features)) return { train: data.train, test: data.test };
  return {
    train: { x: expandRows(data.train.x, features), y: data.train.y },
    test: { x: expandRows(data.test.x, features), y: data.test.y },
  };
}

/** The engine's grids (heatmap and neurons' maps) for the features: grid points expanded into rows. */
export function engineGrids(
  points: { heatmap: Float32Array; maps: Float32Array },
  features: readonly FeatureName[],
): { heatmap: Float32Array; maps: Float32Array } {
  if (isPlain(features)) return { heatmap: points.heatmap, maps: points.maps };
  return {
    heatmap: expandRows(points.heatmap, features),
    maps: expandRows(points.maps, features),
  };
}
