/**
 * The trainer's whole markup as one function of what the element holds (`TrainerView`): the
 * playback bar, a notice, the plot with its options, key and summary, the loss chart and the
 * diagram, the panels, the share area and the data tables. The element keeps the state and the
 * training; the panels are in panels.ts and points-panel.ts, the words in describe.ts.
 */
import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import type { HiddenLayer } from '../../math/trainer-setup';
import type { EngineName } from '../../train/types';
import { dataTableArea } from '../shared/data-table';
import type { TrainingSession } from './controller';
import type { CsvColumns } from './csv-import';
import type { DataSource } from './data';
import { badgeText, badgeTitle, diagramLabel, featureLabel } from './describe';
import { plotLabel, speedText, summaryText } from './describe';
import { answerAt, matchingWeights } from './model';
import type { HideablePart } from './meta';
import { architecturePanel, dataPanel, hyperPanel, regularisationPanel } from './panels';
import type { PlotCursor } from './plot-cursor';
import { pointsPanel } from './points-panel';
import { formatDropout } from './settings';
import type { TrainingSettings } from './settings';
import type { CsvReport } from './points-panel';
import type { TrainerState } from './state';
import { dataTables, keyList } from './tables';
import { noticeBox, playbackBar, plotOptions, shareArea } from './templates';
import type { WeightEditor } from './weight-editor';

/** The element's settings the view shows (its public properties). */
export interface ViewSettings extends TrainingSettings {
  datasetName: DataSource;
  samples: number;
  noise: number;
  testFraction: number;
  backend: EngineName | 'auto';
  testData: 'show' | 'hide';
  discretize: boolean;
}

/** Changes the student makes: properties by name (the element applies and reports them). */
export type Change = Partial<Record<string, unknown>>;

/** The element's own passing state (what it shows besides its settings and the network's). */
export interface TrainerUi {
  showTable: boolean;
  csvReport: CsvReport | null;
  csvColumns: CsvColumns | null;
  unitsError: { layer: number; message: string } | null;
  seedError: string | null;
  /** The live summary last announced ('' before the first). */
  announcement: string;
  link: string;
  linkNote: string;
}

export const INITIAL_UI: TrainerUi = {
  showTable: false,
  csvReport: null,
  csvColumns: null,
  unitsError: null,
  seedError: null,
  announcement: '',
  link: '',
  linkNote: '',
};

export interface TrainerView {
  settings: ViewSettings & { xLabel: string; yLabel: string; labelName: string };
  state: TrainerState;
  ui: TrainerUi;
  session: TrainingSession;
  cursor: PlotCursor;
  editor: WeightEditor;
  act: {
    set(change: Change): void;
    togglePlay(): void;
    step(): void;
    reset(): void;
    regenerate(): void;
    setLayers(layers: HiddenLayer[]): void;
    unitsInput(layer: number, text: string): void;
    seedInput(text: string): void;
    useCsv(text: string): void;
    file(file: File): void;
    download(): void;
    columns(x: number, y: number): void;
    undoPoint(): void;
    share(): void;
    toggleTable(): void;
  };
}

export function trainerView(v: TrainerView): TemplateResult {
  const { settings: s, session, act, cursor, state, ui } = v;
  const { data } = state;
  const names = state.names(s);
  const hidden = (part: HideablePart) => state.hide.has(part);
  const regression = data?.task === 'regression';
  const hasTest = (data?.test.y.length ?? 0) > 0;
  const notice = session.notice;
  const trainRows = data?.train.y.length ?? 0;
  return html`
    <div class="layout" part="base">
      ${playbackBar({
        report: session.report,
        playing: session.playing,
        // Enabled while the engine loads too: Train then starts it once it is there.
        canTrain: session.state !== 'failed' && trainRows > 0,
        hasTest,
        regression,
        validation: s.earlyStopping > 0,
        engine: s.backend,
        hideEngine: hidden('backend'),
        badge: badgeText(session),
        badgeTitle: badgeTitle(session),
        speed: speedText(session.rate, trainRows),
        onPlay: act.togglePlay,
        onStep: act.step,
        onReset: act.reset,
        onEngine: (backend) => act.set({ backend }),
      })}
      ${
        notice
          ? noticeBox({
              notice,
              learningRate: s.learningRate,
              onReset: act.reset,
              onLearningRate: (learningRate) => act.set({ learningRate }),
              onDismiss: () => session.dismissNotice(),
            })
          : nothing
      }

      <figure class="plot-area" part="plot">
        <div class="plot-box">
          <canvas
            class="plot"
            role="img"
            tabindex="0"
            aria-label=${plotLabel(data, s.datasetName, names)}
            aria-describedby=${hidden('points') ? nothing : 'plot-help'}
            @click=${cursor.onClick}
            @keydown=${cursor.onKey}
            @focus=${cursor.onFocus}
            @blur=${cursor.onBlur}
          ></canvas>
        </div>
        <p class="cursor-text" aria-live="polite">${cursor.focused ? cursor.text : ''}</p>
        <figcaption>
          ${plotOptions({
            showTest: s.testData !== 'hide',
            discretize: s.discretize,
            onShowTest: (show) => act.set({ testData: show ? 'show' : 'hide' }),
            onDiscretize: (discretize) => act.set({ discretize }),
          })}
          ${keyList(names, s.testData !== 'hide')}
          <p class="summary" part="summary" aria-live="polite">
            ${ui.announcement || summaryText(data, session.report, names.classNames)}
          </p>
        </figcaption>
      </figure>

      <div class="side">
        <nn-loss-chart
          part="loss"
          label=${regression ? 'Train and test loss (half the mean squared error)' : 'Train and test loss'}
          ?hidden=${hidden('loss')}
        ></nn-loss-chart>
        <figure class="diagram-area" part="diagram" ?hidden=${hidden('diagram')}>
          ${v.editor.render(
            diagramLabel(state.hidden, names.classNames.length, names.inputs, regression),
          )}
        </figure>
      </div>

      <div class="panels">
        ${dataPanel({
          dataset: s.datasetName,
          noise: s.noise,
          samples: s.samples,
          testFraction: s.testFraction,
          seed: s.seed,
          hidden: hidden('dataset'),
          onDataset: (datasetName) => act.set({ datasetName }),
          onNoise: (noise) => act.set({ noise }),
          onSamples: (samples) => act.set({ samples }),
          onTestFraction: (testFraction) => act.set({ testFraction }),
          onRegenerate: act.regenerate,
        })}
        ${pointsPanel({
          addClass: cursor.addClass,
          regression,
          classNames: names.classNames,
          labelName: names.labelName,
          added: state.userPoints.length,
          hidden: hidden('points'),
          csv: ui.csvReport,
          columns: ui.csvColumns
            ? { names: ui.csvColumns.table.features, x: ui.csvColumns.x, y: ui.csvColumns.y }
            : null,
          onClass: (c) => cursor.setAddClass(c),
          onUndo: act.undoPoint,
          onClear: () => act.set({ points: '' }),
          onUseCsv: act.useCsv,
          onFile: act.file,
          onDownload: act.download,
          onColumns: act.columns,
        })}
        ${architecturePanel({
          layers: state.hidden,
          features: state.features,
          featureLabel: (f) => featureLabel(f, s),
          dropout: state.dropout,
          regression,
          classes: names.classNames.length,
          hidden: hidden('architecture'),
          error: ui.unitsError,
          onFeatures: (features) => act.set({ features: features.join(',') }),
          onDropout: (rates) => act.set({ dropout: formatDropout(rates) }),
          onLayers: act.setLayers,
          onUnitsInput: act.unitsInput,
        })}
        ${hyperPanel({
          regression,
          loss: s.loss,
          optimizer: s.optimizer,
          learningRate: s.learningRate,
          batchSize: s.batchSize,
          seed: s.seed,
          hidden: hidden('hyperparameters'),
          seedError: ui.seedError,
          onLoss: (loss) => act.set({ loss }),
          onOptimizer: (optimizer) => act.set({ optimizer }),
          onLearningRate: (learningRate) => act.set({ learningRate }),
          onBatchSize: (batchSize) => act.set({ batchSize }),
          onSeedInput: act.seedInput,
        })}
        ${regularisationPanel({
          l1: s.l1,
          l2: s.l2,
          patience: s.earlyStopping,
          validationFraction: s.validationFraction,
          hidden: hidden('regularisation'),
          onPenalty: (l1, l2) => act.set({ l1, l2 }),
          onPatience: (earlyStopping) => act.set({ earlyStopping }),
          onValidationFraction: (validationFraction) => act.set({ validationFraction }),
        })}
      </div>

      ${shareArea({ hidden: hidden('share'), link: ui.link, note: ui.linkNote, onShare: act.share })}
      ${dataTableArea({
        shown: ui.showTable,
        onToggle: act.toggleTable,
        label: 'Data tables',
        table: () =>
          dataTables({
            data: data!,
            names,
            probabilitiesAt: (x, y) => answerAt(session.grid, { x, y }, data!),
            weights: matchingWeights(session.weights, state.sizes()),
          }),
      })}
    </div>
  `;
}
