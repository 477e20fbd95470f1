/**
 * What the trainer's controls do (`TrainerView['act']`), built once per element over the few
 * things of it they need: its public methods, its state, its passing UI state and how it applies
 * a change the student made. The share button's link, with a note when the points are too many
 * for it, is here too.
 */
import type { CsvTable } from '../../math/csv';
import { formatNumber } from '../../math/format';
import { formatLayers, formatPoints } from '../../math/trainer-setup';
import type { HiddenLayer } from '../../math/trainer-setup';
import { download, importCsvFile } from './csv-import';
import type { Names } from './describe';
import { checkSeed, checkUnits, pointsCsv } from './model';
import type { CsvReport } from './points-panel';
import type { TrainerState } from './state';
import type { Change, TrainerUi, TrainerView } from './view';

/** Longest share link that still carries the points; beyond it, the link leaves them out. */
export const MAX_LINK = 8000;

export type TrainerActions = TrainerView['act'];

/** The element's public side the controls use. */
interface Trainer {
  readonly seed: number;
  readonly playing: boolean;
  play(): void;
  pause(): void;
  step(): Promise<void>;
  reset(): Promise<void>;
  regenerate(): void;
  loadCsv(text: string): CsvReport;
  shareUrl(options?: { withPoints?: boolean }): string;
}

/** What the controls need of the element besides its public side. */
export interface ActionHost {
  trainer: Trainer;
  state: TrainerState;
  ui(): TrainerUi;
  setUi(change: Partial<TrainerUi>): void;
  /** Apply a change the student made and tell the page. */
  set(change: Change): void;
  /** Make two columns of a CSV table the data (training restarts). */
  useColumns(table: CsvTable, x: number, y: number): void;
  names(): Names;
}

export function trainerActions(h: ActionHost): TrainerActions {
  const { trainer, state } = h;
  const setLayers = (layers: HiddenLayer[]): void => {
    h.setUi({ unitsError: null });
    h.set({ layers: formatLayers(layers) });
  };
  return {
    set: (change) => h.set(change),
    togglePlay: () => (trainer.playing ? trainer.pause() : trainer.play()),
    step: () => void trainer.step(),
    reset: () => void trainer.reset(),
    regenerate: () => trainer.regenerate(),
    setLayers,
    unitsInput: (layer, value) => {
      const hidden = state.hidden;
      const checked = checkUnits(value, layer, hidden[layer]?.units ?? 4);
      if ('error' in checked) h.setUi({ unitsError: { layer, message: checked.error } });
      else setLayers(hidden.map((l, i) => (i === layer ? { ...l, ...checked } : l)));
    },
    seedInput: (value) => {
      const checked = checkSeed(value, trainer.seed);
      h.setUi({ seedError: 'error' in checked ? checked.error : null });
      if (!('error' in checked)) h.set({ seed: checked.seed });
    },
    useCsv: (csv) => trainer.loadCsv(csv),
    file: (file) =>
      void importCsvFile(file).then(({ report, columns, table }) => {
        h.setUi({ csvReport: report, csvColumns: columns });
        if (table) h.useColumns(table, 0, 1);
      }),
    download: () => {
      if (state.data) download(pointsCsv(state.data.points, h.names()), 'data.csv');
    },
    columns: (x, y) => {
      const columns = h.ui().csvColumns;
      if (!columns) return;
      h.setUi({ csvColumns: { ...columns, x, y } });
      h.useColumns(columns.table, x, y);
    },
    undoPoint: () => h.set({ points: formatPoints(state.userPoints.slice(0, -1)) }),
    share: () => void share(h),
    toggleTable: () => h.setUi({ showTable: !h.ui().showTable }),
  };
}

/** Show the share link and copy it; without the points when they make it too long. */
async function share(h: ActionHost): Promise<void> {
  let link = h.trainer.shareUrl();
  let note = '';
  const count = h.state.userPoints.length;
  if (link.length > MAX_LINK && count > 0) {
    link = h.trainer.shareUrl({ withPoints: false });
    note = `The ${formatNumber(count, 0)} points are too many for a link: it holds the settings only. Download the data as CSV to share them.`;
  }
  h.setUi({ link });
  try {
    await navigator.clipboard.writeText(link);
    h.setUi({ linkNote: `Copied. ${note}`.trim() });
  } catch {
    h.setUi({ linkNote: `Select the link and copy it. ${note}`.trim() });
  }
}
