import { define } from '../shared/base';
import { NnGradientDescent } from './gradient-descent';

export { NnGradientDescent };
export type { DescentChangeDetail, DescentStatus, DescentStepDetail } from './gradient-descent';

define('nn-gradient-descent', NnGradientDescent);

declare global {
  interface HTMLElementTagNameMap {
    'nn-gradient-descent': NnGradientDescent;
  }
}
