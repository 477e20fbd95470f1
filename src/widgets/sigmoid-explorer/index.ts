import { define } from '../shared/base';
import { NnSigmoidExplorer } from './sigmoid-explorer';

export { NnSigmoidExplorer };
export type { SigmoidChangeDetail } from './model';

define('nn-sigmoid-explorer', NnSigmoidExplorer);

declare global {
  interface HTMLElementTagNameMap {
    'nn-sigmoid-explorer': NnSigmoidExplorer;
  }
}
