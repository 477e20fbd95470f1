import { define } from '../shared/base';
import { NnGradientFlow } from './gradient-flow';

export { NnGradientFlow };
export type { FlowActivation, FlowSnapshot, FlowVerdict } from './model';
export type { GradientFlowDetail } from './gradient-flow';

define('nn-gradient-flow', NnGradientFlow);

declare global {
  interface HTMLElementTagNameMap {
    'nn-gradient-flow': NnGradientFlow;
  }
}
