import { define } from '../shared/base';
import { NnMatrixMultiply } from './matrix-multiply';

export { NnMatrixMultiply };
export type { ActivationChoice, MatrixMultiplyChangeDetail, MatrixMultiplyMode } from './model';

define('nn-matrix-multiply', NnMatrixMultiply);

declare global {
  interface HTMLElementTagNameMap {
    'nn-matrix-multiply': NnMatrixMultiply;
  }
}
