import { define } from '../shared/base';
import { NnNeuron } from './neuron';

export { NnNeuron };
export type { NeuronActivation, NeuronChangeDetail } from './model';

define('nn-neuron', NnNeuron);

declare global {
  interface HTMLElementTagNameMap {
    'nn-neuron': NnNeuron;
  }
}
