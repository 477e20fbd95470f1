import { define } from '../shared/base';
import { NnLogisticNeuron } from './logistic-neuron';

export { NnLogisticNeuron };
export type { LogisticChangeDetail, LogisticStepDetail } from './logistic-neuron';
export type { StartName } from './model';

define('nn-logistic-neuron', NnLogisticNeuron);

declare global {
  interface HTMLElementTagNameMap {
    'nn-logistic-neuron': NnLogisticNeuron;
  }
}
