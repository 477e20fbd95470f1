import { define } from '../shared/base';
import { NnLossChart } from './loss-chart';

export { NnLossChart };
export type {
  LossChartChangeDetail,
  LossMarker,
  LossPoint,
  LossSeriesSnapshot,
} from './loss-chart';

define('nn-loss-chart', NnLossChart);

declare global {
  interface HTMLElementTagNameMap {
    'nn-loss-chart': NnLossChart;
  }
}
