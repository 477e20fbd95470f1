/**
 * The words `<nn-digits>` shows and speaks, as pure functions: the network's shape, the status
 * line, a test digit and what the network reads in it, the drawing pad's reading, a confusion
 * cell, and the summary of a run. Numbers go through `formatPercent`/`formatNumber`, so a broken
 * value reads as a word, never "NaN".
 */
import { formatNumber, formatPercent } from '../../math/format';
import type { SessionPhase, DigitsReport } from './session';

const GROUPED = new Intl.NumberFormat('en-US');

/** 25450 → "25,450". */
export function thousands(n: number): string {
  return Number.isFinite(n) ? GROUPED.format(Math.round(n)) : formatNumber(n);
}

/** "784 → 32 → 10: 25,450 weights and biases", and the engine that trains it once there is one. */
export function architectureText(
  sizes: readonly number[],
  parameters: number,
  engine: string | null = null,
): string {
  const base = `${sizes.join(' → ')}: ${thousands(parameters)} weights and biases`;
  if (!engine) return base;
  const name = engine === 'js' ? 'the from-scratch engine' : `tfjs ${engine}`;
  return `${base}, trained by ${name}`;
}

/** 0.9345 → "93.5%". */
export function percent(p: number): string {
  return formatPercent(p, 1);
}

/** The status line under the buttons. */
export function statusText(
  phase: SessionPhase,
  report: DigitsReport | null,
  epochs: number,
  error = '',
  playWhenReady = false,
): string {
  if (phase === 'loading') {
    return playWhenReady
      ? 'Loading 10,000 handwritten digits… training starts when they are here.'
      : 'Loading 10,000 handwritten digits…';
  }
  if (phase === 'failed') return error;
  if (!report) return 'Reading the test digits…';
  const where = `Epoch ${formatNumber(report.epoch, 1)} of ${epochs}`;
  const accuracy = `test accuracy ${percent(report.testAccuracy)}`;
  if (phase === 'done') return `Done: ${epochs} epochs, ${accuracy}.`;
  if (report.step === 0) {
    return `Untrained: ${accuracy} (guessing gives about 10%). Press Train.`;
  }
  return `${where} · ${accuracy} · training ${percent(report.trainAccuracy)}${phase === 'playing' ? '' : ' · paused'}`;
}

/** The live summary: spoken when training pauses or ends, and now and then while it runs. */
export function summaryText(report: DigitsReport | null): string {
  if (!report) return '';
  return (
    `After ${formatNumber(report.epoch, 1)} epochs (${thousands(report.step)} steps), ` +
    `the network reads ${percent(report.testAccuracy)} of the 2,000 test digits right ` +
    `(${percent(report.trainAccuracy)} of training digits); test loss ${formatNumber(report.testLoss, 3)}.`
  );
}

/** "4 (62.1%), 9 (30.0%), 7 (3.2%)". */
export function topThreeText(top: readonly { digit: number; p: number }[]): string {
  return top.map((t) => `${t.digit} (${percent(t.p)})`).join(', ');
}

/** What the keyboard path says about one test digit. */
export function testDigitText(
  index: number,
  truth: number,
  top: readonly { digit: number; p: number }[] | null,
): string {
  const head = `Test digit ${index + 1} of 2,000 is a ${truth}.`;
  if (!top || top.length === 0) return `${head} The network has not read it yet.`;
  const best = top[0]!;
  const verdict = best.digit === truth ? 'right' : 'wrong';
  return `${head} The network reads ${best.digit}: ${verdict}. Its top three: ${topThreeText(top)}.`;
}

/** The pad's reading, or the request to draw. */
export function padText(top: readonly { digit: number; p: number }[] | null): string {
  if (!top || top.length === 0) return 'Draw a digit.';
  return `The network reads ${top[0]!.digit} (${percent(top[0]!.p)}); then ${topThreeText(top.slice(1))}.`;
}

/** The accessible name of a confusion cell. */
export function cellLabel(truth: number, read: number, count: number): string {
  const digits = count === 1 ? '1 test digit' : `${thousands(count)} test digits`;
  return truth === read
    ? `${truth} read as ${read}, right: ${digits}`
    : `${truth} read as ${read}: ${digits}`;
}

/** The heading of an opened cell's digits. */
export function cellHeading(truth: number, read: number, count: number): string {
  if (count === 0) return `No ${truth} was read as ${read}.`;
  const what = count === 1 ? 'test digit' : 'test digits';
  return truth === read
    ? `${thousands(count)} ${what} of ${truth} read right`
    : `${thousands(count)} ${what} of ${truth} read as ${read}`;
}

/** The most confused pairs, as a sentence. */
export function confusedText(
  pairs: readonly { truth: number; read: number; count: number }[],
): string {
  if (pairs.length === 0) return 'No mistakes on the test digits.';
  return `Most mixed up: ${pairs.map((p) => `${p.truth} read as ${p.read} (${p.count})`).join(', ')}.`;
}
