import { define } from '../shared/base';
import { NnDerivative } from './derivative';

export { NnDerivative };
export type { ChainVariable, DerivativeChangeDetail, DerivativeMode } from './model';

define('nn-derivative', NnDerivative);

declare global {
  interface HTMLElementTagNameMap {
    'nn-derivative': NnDerivative;
  }
}
