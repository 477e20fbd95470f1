import { define } from '../shared/base';
import { NnSoftmax } from './softmax';

export { NnSoftmax };
export type { SoftmaxChangeDetail } from './model';

define('nn-softmax', NnSoftmax);

declare global {
  interface HTMLElementTagNameMap {
    'nn-softmax': NnSoftmax;
  }
}
