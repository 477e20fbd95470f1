/**
 * Lazy loaders for every widget a lesson can use, keyed by tag. A lesson loads only the widgets
 * it shows, so the course map downloads none of them (and never tfjs).
 */
const LOADERS: Record<string, () => Promise<unknown>> = {
  'nn-sigmoid-explorer': () => import('./sigmoid-explorer/index'),
  'nn-matrix-multiply': () => import('./matrix-multiply/index'),
  'nn-neuron': () => import('./neuron/index'),
  'nn-derivative': () => import('./derivative/index'),
  'nn-network-teaser': () => import('./network-teaser/index'),
  'nn-gradient-descent': () => import('./gradient-descent/index'),
  'nn-loss-chart': () => import('./loss-chart/index'),
  'nn-logistic-neuron': () => import('./logistic-neuron/index'),
  'nn-network-trainer': () => import('./network-trainer/index'),
  'nn-backprop-graph': () => import('./backprop-graph/index'),
  'nn-softmax': () => import('./softmax/index'),
  'nn-gradient-flow': () => import('./gradient-flow/index'),
  'nn-digits': () => import('./digits/index'),
};

/** Load (once) the code of every known widget among `tags`; unknown tags are ignored. */
export async function loadWidgets(tags: Iterable<string>): Promise<void> {
  await Promise.all([...tags].filter((t) => LOADERS[t]).map((t) => LOADERS[t]!()));
}

export const loadableWidgetTags = Object.keys(LOADERS);
