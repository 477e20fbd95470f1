/**
 * What the trainer hands its loss chart: every measured report's train and test loss (and, with
 * early stopping, the validation loss), one point per new step, in batches — while training runs
 * the chart redraws at most every `everyMs` (each redraw is raster work for the compositor), at
 * once otherwise. The chart is found when needed (it is in the element's shadow root). When early
 * stopping stops a run, the chart marks where it stopped and the step whose weights it kept.
 */
import type { EarlyStop } from '../../train/types';
import type { LossMarker, NnLossChart } from '../loss-chart/index';
import { earlyStopMarkers } from './edit-words';

type Point = { step: number; loss: number };

export class LossFeed {
  private readonly series = new Map<string, Point[]>([
    ['train', []],
    ['test', []],
    ['validation', []],
  ]);
  private markers: readonly LossMarker[] = [];
  private lastStep = -1;
  private flushed = 0;

  constructor(
    private readonly chart: () => NnLossChart | null,
    private readonly everyMs: number,
  ) {}

  /** A new report: its losses join the chart (now, or with the next batch while `playing`). */
  add(
    report: {
      step: number;
      trainLoss: number;
      testLoss: number;
      validationLoss?: number;
      earlyStop?: EarlyStop;
    },
    hasTest: boolean,
    playing: boolean,
  ): void {
    if (report.step > this.lastStep) {
      const at = report.step;
      this.series.get('train')!.push({ step: at, loss: report.trainLoss });
      if (hasTest) this.series.get('test')!.push({ step: at, loss: report.testLoss });
      if (report.validationLoss !== undefined && Number.isFinite(report.validationLoss)) {
        this.series.get('validation')!.push({ step: at, loss: report.validationLoss });
      }
      this.lastStep = at;
    }
    if (report.earlyStop) this.markers = earlyStopMarkers(report.earlyStop);
    const now = performance.now();
    if (!playing || report.earlyStop || now - this.flushed >= this.everyMs) this.flush(now);
  }

  /** Hand every waiting point to the chart now. */
  flush(now = performance.now()): void {
    this.flushed = now;
    const chart = this.chart();
    if (!chart) return;
    for (const [name, points] of this.series) {
      if (points.length > 0) chart.append(name, points.splice(0));
    }
    if (chart.markers !== this.markers) chart.markers = this.markers;
  }

  /** A new run: no waiting points, and the chart starts again. */
  clear(): void {
    this.lastStep = -1;
    for (const points of this.series.values()) points.length = 0;
    this.markers = [];
    const chart = this.chart();
    chart?.clear();
    if (chart) chart.markers = this.markers;
  }
}
