import { dataTableStyles } from './data-table';
import { gridLayout, widgetFrame } from './tokens';

/**
 * What most widgets' styles start from: the card (`widgetFrame`), the one-column `.layout` grid
 * (`gridLayout`) and the data table every chart offers (`dataTableStyles`). A widget adds the
 * shared parts it uses (`chartFigure`, `sliderRows`, …) and its own rules after them.
 */
export const widgetBase = [widgetFrame, gridLayout, dataTableStyles];
