import { define } from '../shared/base';
import { NnNetworkTeaser } from './network-teaser';

export { NnNetworkTeaser };
export type { NetworkTeaserChangeDetail } from './model';

define('nn-network-teaser', NnNetworkTeaser);

declare global {
  interface HTMLElementTagNameMap {
    'nn-network-teaser': NnNetworkTeaser;
  }
}
