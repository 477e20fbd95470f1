/**
 * The catalog of custom elements a lesson may use, as plain data: tag, summary and attributes.
 * The lesson compiler checks lessons against it (in node, at build time), so it must not import
 * any element code. Each widget's element reads its attribute defaults from here, and a browser
 * test checks that the element's observed attributes match this list.
 */

import { sigmoidExplorerDoc } from './sigmoid-explorer/meta.ts';
import { matrixMultiplyDoc } from './matrix-multiply/meta.ts';
import { neuronDoc } from './neuron/meta.ts';
import { derivativeDoc } from './derivative/meta.ts';
import { networkTeaserDoc } from './network-teaser/meta.ts';
import { gradientDescentDoc } from './gradient-descent/meta.ts';
import { lossChartDoc } from './loss-chart/meta.ts';
import { logisticNeuronDoc } from './logistic-neuron/meta.ts';
import { networkTrainerDoc } from './network-trainer/meta.ts';
import { backpropGraphDoc } from './backprop-graph/meta.ts';
import { softmaxDoc } from './softmax/meta.ts';
import { gradientFlowDoc } from './gradient-flow/meta.ts';
import { digitsDoc } from './digits/meta.ts';

export type AttributeType = 'number' | 'boolean' | 'string';

export interface AttributeDoc {
  name: string;
  type: AttributeType;
  /** The value used when the attribute is absent or invalid. */
  default: number | boolean | string;
  description: string;
  /** For numbers: the accepted range (inclusive). */
  min?: number;
  max?: number;
  /** For strings that name a choice (mode="layer"): the accepted values. */
  values?: readonly string[];
}

export interface WidgetDoc {
  tag: string;
  summary: string;
  attributes: readonly AttributeDoc[];
}

/** Attributes every widget has, handled by the shared base element (src/widgets/shared/base.ts). */
export const COMMON_ATTRIBUTES: readonly AttributeDoc[] = [
  {
    name: 'theme',
    type: 'string',
    default: '',
    values: ['light', 'dark'],
    description:
      "Force the light or dark palette; absent, the widget follows the reader's system preference.",
  },
];

/** HTML attributes any element in a lesson may carry besides its own. */
export const GLOBAL_ATTRIBUTES = ['id', 'class', 'title', 'lang', 'hidden', 'theme'] as const;
/** Attribute name prefixes any element may carry (`aria-label`, `data-step`, …). */
export const GLOBAL_ATTRIBUTE_PREFIXES = ['aria-', 'data-'] as const;

/** Every widget, in the order the gallery lists them. Each folder's meta.ts documents its attributes. */
export const WIDGETS: readonly WidgetDoc[] = [
  sigmoidExplorerDoc,
  matrixMultiplyDoc,
  neuronDoc,
  derivativeDoc,
  networkTeaserDoc,
  gradientDescentDoc,
  lossChartDoc,
  logisticNeuronDoc,
  networkTrainerDoc,
  backpropGraphDoc,
  softmaxDoc,
  gradientFlowDoc,
  digitsDoc,
];

/** Elements the lesson runtime provides; authors use them through exercise blocks, not by hand. */
export const RUNTIME_TAGS = ['nn-exercise', 'nn-lesson'] as const;

export function widgetDoc(tag: string): WidgetDoc | undefined {
  return WIDGETS.find((w) => w.tag === tag);
}
