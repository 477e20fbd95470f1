import { define } from '../shared/base';
import { NnDigits } from './digits';

export { NnDigits };
export type { DigitsProgressDetail } from './digits';

define('nn-digits', NnDigits);

declare global {
  interface HTMLElementTagNameMap {
    'nn-digits': NnDigits;
  }
}
