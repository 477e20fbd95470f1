import { define } from '../shared/base';
import { NnBackpropGraph } from './backprop-graph';

export { NnBackpropGraph };
export type { BackpropChangeDetail, BackpropStepDetail } from './backprop-graph';

define('nn-backprop-graph', NnBackpropGraph);

declare global {
  interface HTMLElementTagNameMap {
    'nn-backprop-graph': NnBackpropGraph;
  }
}
