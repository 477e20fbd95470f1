/**
 * The catalog of custom elements a lesson may use, as plain data: tag, summary and attributes.
 * The lesson compiler checks lessons against it (in node, at build time), so it must not import
 * any element code. Each widget's element reads its attribute defaults from here, and a browser
 * test checks that the element's observed attributes match this list.
 */

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
}

export interface WidgetDoc {
  tag: string;
  summary: string;
  attributes: AttributeDoc[];
}

/** HTML attributes any element in a lesson may carry besides its own. */
export const GLOBAL_ATTRIBUTES = ['id', 'class', 'title', 'lang', 'hidden'] as const;
/** Attribute name prefixes any element may carry (`aria-label`, `data-step`, …). */
export const GLOBAL_ATTRIBUTE_PREFIXES = ['aria-', 'data-'] as const;

export const WIDGETS: readonly WidgetDoc[] = [
  {
    tag: 'nn-sigmoid-explorer',
    summary:
      'One sigmoid neuron σ(w·x + b): sliders for weight, bias and input, the curve and the derivative.',
    attributes: [
      {
        name: 'weight',
        type: 'number',
        default: 1,
        min: -10,
        max: 10,
        description: 'The weight w.',
      },
      { name: 'bias', type: 'number', default: 0, min: -10, max: 10, description: 'The bias b.' },
      {
        name: 'input',
        type: 'number',
        default: 0,
        min: -6,
        max: 6,
        description: 'The input x (the marked point).',
      },
      {
        name: 'derivative',
        type: 'boolean',
        default: false,
        description: "Overlay the derivative σ'(z) as a function of x.",
      },
    ],
  },
];

/** Elements the lesson runtime provides; authors use them through exercise blocks, not by hand. */
export const RUNTIME_TAGS = ['nn-exercise', 'nn-lesson'] as const;

export function widgetDoc(tag: string): WidgetDoc | undefined {
  return WIDGETS.find((w) => w.tag === tag);
}
