import { define } from '../shared/base';
import { NnNetworkTrainer } from './network-trainer';

export { NnNetworkTrainer };
export type { TrainProgressDetail, TrainerChangeDetail } from './network-trainer';
export type { SessionReport } from './controller';

define('nn-network-trainer', NnNetworkTrainer);

declare global {
  interface HTMLElementTagNameMap {
    'nn-network-trainer': NnNetworkTrainer;
  }
}
