import { define } from '../shared/base';
import { NnLogisticNeuron } from './logistic-neuron';

export { NnLogisticNeuron };
export type { LogisticChangeDetail, LogisticStepDetail, StartName } from './logistic-neuron';

define('nn-logistic-neuron', NnLogisticNeuron);

declare global {
  interface HTMLElementTagNameMap {
    'nn-logistic-neuron': NnLogisticNeuron;
  }
}
