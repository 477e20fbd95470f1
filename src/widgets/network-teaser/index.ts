import { define } from '../shared/base';
import { NnNetworkTeaser } from './network-teaser';

export { NnNetworkTeaser };
export type { NetworkTeaserChangeDetail } from './network-teaser';

define('nn-network-teaser', NnNetworkTeaser);

declare global {
  interface HTMLElementTagNameMap {
    'nn-network-teaser': NnNetworkTeaser;
  }
}
