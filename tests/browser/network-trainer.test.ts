/**
 * <nn-network-trainer> through its public surface: attributes, methods, the nn-train-progress
 * event, and the controls a user finds by their labels. Training runs on the real engine
 * (src/train), on the cpu backend so that runs are quick and the same on every machine.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import '../../src/widgets/network-trainer/index';
import type {
  NnNetworkTrainer,
  TrainProgressDetail,
  TrainerChangeDetail,
} from '../../src/widgets/network-trainer/index';
import { parseFrameHash } from '../../src/embed/frame';
import { expectNoAxeViolationsInDark, expectNoAxeViolationsWithTable } from './axe';
import { buttonNamed, inDarkMode, labelledControl, text } from './harness';
import { mounter } from './settle';
import { progress, ready } from './trainer-widget';

const TAG = 'nn-network-trainer';
/** Quick, deterministic runs: cpu backend, a small network. */
const QUICK = 'backend="cpu" layers="4:tanh" seed="1"';

const mount = mounter(TAG, { settled: false });

/** Finds controls the way a user does: by label or accessible name; never calls private members. */
function harness(el: NnNetworkTrainer) {
  const root = el.shadowRoot!;
  const labelled = <T extends HTMLElement>(pattern: RegExp) => labelledControl<T>(root, pattern);
  return {
    root,
    labelled,
    button: (pattern: RegExp) => buttonNamed(root, pattern),
    plot: () => root.querySelector<HTMLCanvasElement>('canvas.plot')!,
    diagram: () => root.querySelector<HTMLCanvasElement>('canvas.diagram')!,
    lossChart: () => root.querySelector('nn-loss-chart')!,
    stat: (name: string) => text(root.querySelector(`[data-value="${name}"]`)),
    summary: () => text(root.querySelector('[part~="summary"]')),
    notice: () => root.querySelector<HTMLElement>('[part~="notice"]'),
    csvReport: () => root.querySelector('.csv-report')!,
    part: (name: string) => root.querySelector<HTMLElement>(`[part~="${name}"]`)!,
  };
}

/** How many pixels of the canvas differ from its most common colour (the background). */
function painted(canvas: HTMLCanvasElement): { distinct: number; total: number } {
  const ctx = canvas.getContext('2d')!;
  const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
  const colours = new Set<number>();
  for (let i = 0; i < data.length; i += 16) {
    colours.add((data[i]! << 16) | (data[i + 1]! << 8) | data[i + 2]!);
  }
  return { distinct: colours.size, total: data.length / 4 };
}

afterEach(() => {
  document.body.innerHTML = '';
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

describe('<nn-network-trainer>', () => {
  it('shows the untrained network without an engine, which starts in a worker when Train is pressed', async () => {
    const { liveEngines } = await import('../../src/train/client');
    const el = await mount(`dataset="xor" test-fraction="0.3" ${QUICK}`);
    const h = harness(el);
    const badge = () => text(h.root.querySelector('.badge'));
    const events = progress(el);
    await ready(el);
    // The untrained network is on screen: its numbers at step 0, its heatmap and its diagram…
    const shown = el.report!;
    expect(shown.step).toBe(0);
    expect(shown.backend).toBeNull();
    expect(h.stat('train-loss')).toMatch(/^0\.\d{3}$/);
    expect(h.stat('test-accuracy')).toMatch(/^\d+%$/);
    // The plot is drawn in one frame and the diagram in the next: wait for each.
    await expect.poll(() => painted(h.plot()).distinct).toBeGreaterThan(30);
    await expect.poll(() => painted(h.diagram()).distinct).toBeGreaterThan(30);
    expect([...(h.lossChart().series[0]?.steps ?? [])]).toEqual([0]);
    expect(badge()).toBe('not started');
    expect(el.backendInUse).toBeNull();
    // …drawn (above) without any engine, and without any training reported.
    expect(liveEngines()).toEqual([]);
    expect(events).toHaveLength(0);

    await userEvent.click(h.button(/^Train$/));
    expect(el.playing).toBe(true);
    await expect.poll(() => events.length, { timeout: 30_000 }).toBeGreaterThan(1);
    el.pause();
    // One engine, in a worker; the badge names it.
    expect(liveEngines().map((engine) => engine.where)).toEqual(['worker']);
    expect(badge()).toBe('tfjs · cpu');
    // The engine starts from the weights that were shown: its step-0 report is what was on screen.
    const first = events[0]!;
    expect(first.step).toBe(0);
    expect(first.trainLoss).toBeCloseTo(shown.trainLoss, 5);
    expect(first.testLoss).toBeCloseTo(shown.testLoss, 5);
    expect(first.trainAccuracy).toBeCloseTo(shown.trainAccuracy, 6);
    expect(first.testAccuracy).toBeCloseTo(shown.testAccuracy, 6);
  });

  it('renders the plot, the diagram, the loss chart and labelled controls from its attributes', async () => {
    const el = await mount(`dataset="xor" samples="100" test-fraction="0.2" ${QUICK}`);
    const h = harness(el);
    expect(el.datasetName).toBe('xor');
    expect(h.plot().getAttribute('role')).toBe('img');
    expect(h.plot().tabIndex).toBe(0);
    expect(h.plot().getAttribute('aria-label')).toMatch(
      /100 points of the XOR dataset \(20 of them test points/,
    );
    expect(h.diagram().getAttribute('aria-label')).toMatch(
      /2 inputs \(x₁, x₂\), 1 hidden layer of 4 tanh neurons, and 1 sigmoid output/,
    );
    expect(h.lossChart()).not.toBeNull();
    expect(h.labelled<HTMLSelectElement>(/^Dataset$/).value).toBe('xor');
    expect(h.labelled<HTMLSelectElement>(/^Learning rate$/).value).toBe('0.03');
    expect(h.labelled<HTMLSelectElement>(/^Optimizer$/).value).toBe('adam');
    expect(h.labelled<HTMLInputElement>(/^neurons$/).value).toBe('4');

    await ready(el);
    // Untrained: step 0 and finite losses on screen; the heatmap was painted from a prediction.
    expect(h.stat('epoch')).toBe('0');
    expect(h.stat('train-loss')).toMatch(/^0\.\d{3}$/);
    expect(h.summary()).toMatch(/^Epoch 0, train loss 0\.\d\d, test loss 0\.\d\d, \d+% of test/);
    await expect.poll(() => painted(h.plot()).distinct).toBeGreaterThan(30);
    expect(text(h.root)).not.toMatch(/NaN|Infinity|undefined/);
  });

  it('a seeded run learns XOR to at least 95% test accuracy, reported by nn-train-progress', async () => {
    // The default network (two hidden layers of 4 tanh neurons) on slightly noisy XOR.
    const el = await mount('dataset="xor" noise="0.05" seed="1" backend="cpu"');
    const events = progress(el);
    await ready(el);
    el.play();
    expect(el.playing).toBe(true);
    await expect
      .poll(() => events.at(-1)?.testAccuracy ?? 0, { timeout: 60_000, interval: 100 })
      .toBeGreaterThanOrEqual(0.95);
    el.pause();
    await el.updateComplete;
    const last = events.at(-1)!;
    expect(last.backend).toBe('cpu');
    expect(last.trainLoss).toBeLessThan(events[0]!.trainLoss);
    // What the page was told is what the student sees.
    const h = harness(el);
    await expect
      .poll(() => h.stat('test-accuracy'))
      .toBe(`${Math.round(el.report!.testAccuracy * 100)}%`);
    expect(h.summary()).toMatch(/of test points right/);
    // The loss chart got a train and a test series from step 0 on.
    const series = h.lossChart().series;
    expect(series.map((s) => s.name)).toEqual(['train', 'test']);
    expect(series[0]!.steps[0]).toBe(0);
  }, 90_000);

  it('nn-train-progress bubbles out of the shadow root, composed, with finite numbers every frame', async () => {
    const el = await mount(`dataset="circle" ${QUICK}`);
    const events: CustomEvent<TrainProgressDetail>[] = [];
    document.body.addEventListener('nn-train-progress', (e) =>
      events.push(e as CustomEvent<TrainProgressDetail>),
    );
    await ready(el);
    el.play();
    await expect.poll(() => events.length, { timeout: 30_000 }).toBeGreaterThan(5);
    el.pause();
    for (const event of events) {
      expect(event.bubbles).toBe(true);
      expect(event.composed).toBe(true);
      const d = event.detail;
      expect(Object.keys(d).sort()).toEqual(
        [
          'backend',
          'epoch',
          'step',
          'testAccuracy',
          'testClassAccuracy',
          'testLoss',
          'trainAccuracy',
          'trainClassAccuracy',
          'trainLoss',
        ].sort(),
      );
      // Two classes: the share of each class's points classified right.
      for (const v of [...d.trainClassAccuracy, ...d.testClassAccuracy]) {
        expect(v === null || (v >= 0 && v <= 1)).toBe(true);
      }
      expect(d.testClassAccuracy).toHaveLength(2);
      for (const v of [d.epoch, d.step, d.trainLoss, d.testLoss, d.trainAccuracy, d.testAccuracy]) {
        expect(Number.isFinite(v)).toBe(true);
      }
    }
    const steps = events.map((e) => e.detail.step);
    expect(steps).toEqual([...steps].sort((a, b) => a - b));
  });

  it('Step takes exactly one step; Reset goes back to step 0 and starts the loss chart again', async () => {
    const el = await mount(`dataset="gaussians" ${QUICK}`);
    const h = harness(el);
    await ready(el);
    await userEvent.click(h.button(/^Step$/));
    // The first Step starts the engine (tfjs's cpu backend, in the worker): allow for its download.
    await expect.poll(() => el.report?.step, { timeout: 30_000 }).toBe(1);
    await userEvent.click(h.button(/^Step$/));
    await expect.poll(() => el.report?.step).toBe(2);
    expect(el.playing).toBe(false);
    expect(h.stat('epoch')).toBe('2');
    await expect.poll(() => h.lossChart().series[0]?.length).toBe(3); // steps 0, 1, 2

    await userEvent.click(h.button(/^Reset$/));
    await expect.poll(() => el.report?.step).toBe(0);
    await expect.poll(() => h.lossChart().series[0]?.length).toBe(1);
    expect(h.stat('epoch')).toBe('0');
  });

  it('without Workers it trains on the main thread, says so, and frees every tensor it made', async () => {
    vi.stubGlobal('Worker', undefined);
    const { tf } = await import('../../src/train/backend');
    const { liveEngines } = await import('../../src/train/client');
    // Nothing else on this page trains on the main thread: count from here.
    const start = tf.memory().numTensors;
    const first = await mount(`dataset="xor" ${QUICK}`);
    await ready(first);
    await first.step();
    expect(text(harness(first).notice())).toBe('');
    expect(first.backendInUse).toBe('cpu');
    expect(text(harness(first).root.querySelector('.badge'))).toBe('tfjs · cpu · main thread');
    first.remove();
    expect(liveEngines()).toEqual([]);

    const el = await mount(`dataset="xor" ${QUICK}`);
    await ready(el);
    el.play();
    await expect.poll(() => el.report?.step ?? 0, { timeout: 30_000 }).toBeGreaterThan(50);
    el.pause();
    el.layers = '8:relu,4:tanh'; // a new network: the old one is disposed
    // The new network's untrained preview shows at once; then the engine's own step-0 report.
    await expect
      .poll(() => [el.report?.step, el.report?.backend, el.backendInUse], { timeout: 30_000 })
      .toEqual([0, 'cpu', 'cpu']);
    await el.step();
    await el.reset();
    el.remove();
    expect(liveEngines()).toEqual([]);
    await expect.poll(() => tf.memory().numTensors).toBe(start);
  }, 60_000);

  it('max-epochs pauses training on exactly that epoch', async () => {
    const el = await mount(`dataset="circle" max-epochs="40" ${QUICK}`);
    await ready(el);
    el.play();
    await expect.poll(() => el.playing, { timeout: 30_000 }).toBe(false);
    await expect.poll(() => el.report?.epoch).toBe(40);
  });

  it('a pasted CSV with bad rows reports their line numbers and trains on the rest', async () => {
    const el = await mount(QUICK);
    const h = harness(el);
    const csv = [
      'hours slept,mood,good day',
      '7.5,6,1',
      '5,three,0', // line 3
      '8,7,1',
      '6,4', // line 5
      '4.5,2,0',
      '9,8,1',
      '5.5,3,0',
    ].join('\n');
    h.labelled<HTMLTextAreaElement>(/paste a CSV/).value = csv;
    await userEvent.click(h.button(/^Use this data$/));
    await el.updateComplete;

    const report = text(h.csvReport());
    expect(report).toContain('Using 5 of 7 rows.');
    expect(report).toContain('line 3: “three” in “mood” is not a number');
    expect(report).toContain('line 5: 2 values where the header has 3');
    expect(el.datasetName).toBe('custom');
    expect(el.getAttribute('dataset')).toBe('custom');
    expect(el.getAttribute('x-label')).toBe('hours slept');
    expect(el.getAttribute('y-label')).toBe('mood');
    expect(el.getAttribute('label-name')).toBe('good day');
    expect(el.points.split(';')).toHaveLength(5);
    expect(h.plot().getAttribute('aria-label')).toMatch(/5 points of your data/);
    // It trains on them.
    await expect.poll(() => el.report?.step, { timeout: 30_000 }).toBe(0);
    await el.step();
    await expect.poll(() => el.report?.step).toBe(1);
  });

  it('new data replaces the trained model at once: no old epoch, accuracy or heatmap stays on screen', async () => {
    const el = await mount(`dataset="xor" ${QUICK}`);
    const h = harness(el);
    await ready(el);
    el.play();
    await expect.poll(() => el.report?.epoch ?? 0, { timeout: 30_000 }).toBeGreaterThan(20);
    el.pause();
    await expect.poll(() => h.button(/^Continue$/)).toBeTruthy();
    h.labelled<HTMLTextAreaElement>(/paste a CSV/).value = 'a,b,c\n1,2,0\n2,3,1\n3,1,0\n4,4,1\n';
    await userEvent.click(h.button(/^Use this data$/));
    // In the update that follows the click (the network is rebuilt for the new data in the next
    // microtask): the untrained network of the new data at step 0 (shown before the engine has
    // answered, or the engine's own step 0 if it was quicker).
    await el.updateComplete;
    await Promise.resolve();
    await el.updateComplete;
    expect(el.report!.step).toBe(0);
    expect(h.stat('epoch')).toBe('0');
    expect(h.button(/^Train$/)).toBeTruthy();
  });

  it('shows markup in a CSV as text and runs none of it', async () => {
    const el = await mount(QUICK);
    const h = harness(el);
    const w = window as unknown as { __pwned?: number };
    delete w.__pwned;
    const evil = '<img src=x onerror=__pwned=1>';
    const csv = [`${evil},y,label`, `${evil},1,0`, '0.1,0.2,1', '0.3,0.1,0', '0.2,0.9,1'].join(
      '\n',
    );
    el.loadCsv(csv);
    await el.updateComplete;
    await userEvent.click(h.button(/show data table/i));
    await el.updateComplete;
    await new Promise((r) => setTimeout(r, 100));

    expect(text(h.csvReport())).toContain(`line 2: “${evil}” in “${evil}” is not a number`);
    expect(el.getAttribute('x-label')).toBe(evil);
    expect(text(h.root.querySelector('table'))).toContain(evil);
    expect(h.root.querySelector('img')).toBeNull();
    expect(document.querySelector('img')).toBeNull();
    expect(w.__pwned).toBeUndefined();
  });

  it('a CSV that cannot be used says why and keeps the data it had', async () => {
    const el = await mount(`dataset="spiral" ${QUICK}`);
    const h = harness(el);
    el.loadCsv('only,two\n1,0');
    await el.updateComplete;
    expect(text(h.csvReport())).toMatch(/Line 1 has 2 columns; the data needs at least 3/);
    expect(el.datasetName).toBe('spiral');
  });

  it('attributes round-trip: user changes reflect, and the share link rebuilds the same setup', async () => {
    const el = await mount(`dataset="circle" hide="architecture dataset" ${QUICK}`);
    const h = harness(el);
    const changes: TrainerChangeDetail[] = [];
    el.addEventListener('nn-change', (e) =>
      changes.push((e as CustomEvent<TrainerChangeDetail>).detail),
    );
    // Hidden parts are hidden; the others are not.
    expect(h.part('architecture').hidden).toBe(true);
    expect(h.part('dataset').hidden).toBe(true);
    expect(h.part('hyperparameters').hidden).toBe(false);

    await userEvent.selectOptions(h.labelled<HTMLSelectElement>(/^Learning rate$/), '0.1');
    await userEvent.selectOptions(h.labelled<HTMLSelectElement>(/^Optimizer$/), 'momentum');
    await el.updateComplete;
    expect(el.getAttribute('learning-rate')).toBe('0.1');
    expect(el.getAttribute('optimizer')).toBe('momentum');
    await expect.poll(() => changes.length).toBe(2);
    expect(changes[1]!.setup).toMatchObject({ 'learning-rate': 0.1, optimizer: 'momentum' });
    el.addPoint(0.25, -0.5, 1);
    await el.updateComplete;

    const link = el.shareUrl();
    const hash = new URL(link).hash;
    const parsed = parseFrameHash(hash);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.request.tag).toBe(TAG);
    const copy = document.createElement(TAG);
    for (const [name, value] of parsed.request.attributes) copy.setAttribute(name, value);
    document.body.append(copy);
    await copy.updateComplete;
    for (const name of [
      'learning-rate',
      'optimizer',
      'hide',
      'layers',
      'points',
      'dataset',
      'seed',
    ]) {
      expect(copy.getAttribute(name), name).toBe(el.getAttribute(name));
    }
    expect(copy.shadowRoot!.querySelector<HTMLElement>('[part~="architecture"]')!.hidden).toBe(
      true,
    );
    copy.remove();
  });

  it('editing the architecture reflects to `layers`; a bad neuron count gets a message in place', async () => {
    const el = await mount(QUICK);
    const h = harness(el);
    await userEvent.click(h.button(/^\+$/));
    await el.updateComplete;
    expect(el.layers).toBe('4:tanh,4:tanh');
    await userEvent.selectOptions(
      h.root.querySelector<HTMLSelectElement>('#activation-1')!,
      'relu',
    );
    await el.updateComplete;
    expect(el.getAttribute('layers')).toBe('4:tanh,4:relu');

    const units = h.root.querySelector<HTMLInputElement>('#units-0')!;
    await userEvent.fill(units, '40');
    units.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(text(h.part('architecture'))).toMatch(
      /Layer 1 needs a whole number of neurons from 1 to 16; it keeps 4/,
    );
    expect(units.getAttribute('aria-invalid')).toBe('true');
    expect(el.layers).toBe('4:tanh,4:relu');

    await userEvent.fill(units, '7');
    units.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(el.layers).toBe('7:tanh,4:relu');
    expect(text(h.part('architecture'))).not.toMatch(/needs a whole number/);
    expect(h.diagram().getAttribute('aria-label')).toMatch(/7 tanh, 4 relu neurons/);
  });

  it('the keyboard moves a cursor over the plot, reads the network there, and adds points', async () => {
    const el = await mount(`dataset="gaussians" ${QUICK}`);
    const h = harness(el);
    const events = progress(el);
    await ready(el);
    await el.step();
    await el.step();
    await expect.poll(() => el.report?.step).toBe(2);
    h.plot().focus();
    await userEvent.keyboard('{ArrowRight}{ArrowRight}{ArrowUp}');
    await el.updateComplete;
    // Each arrow moves a twentieth of the −1…1 range: 0.1.
    expect(text(h.root.querySelector('.cursor-text'))).toMatch(
      /^Cursor at x₁ = 0\.20, x₂ = 0\.10: the network says \d+% class = 1\.$/,
    );
    await userEvent.keyboard('{Enter}');
    await userEvent.keyboard('0');
    await userEvent.keyboard('{ArrowDown}{ArrowDown}{Enter}');
    await el.updateComplete;
    expect(el.points).toBe('0.2,0.1,1;0.2,-0.1,0');
    expect(text(h.root.querySelector('.cursor-text'))).toMatch(/Added a point of class = 0/);
    // Adding points keeps the weights: the network is measured on the new data at step 2 (a
    // new network would report step 0).
    const seen = events.length;
    el.addPoint(-0.5, 0.5, 1);
    await expect.poll(() => events.length).toBeGreaterThan(seen);
    expect(events.slice(seen).map((e) => e.step)).toEqual(events.slice(seen).map(() => 2));
  });

  it('a click on the plot adds a point of the chosen class where it lands', async () => {
    const el = await mount(`dataset="custom" x-label="a" y-label="b" ${QUICK}`);
    const h = harness(el);
    expect(h.summary()).toMatch(/No training points yet/);
    expect(h.button(/^Train$/).disabled).toBe(true);
    await userEvent.click(h.labelled<HTMLInputElement>(/class = 0/));
    const rect = h.plot().getBoundingClientRect();
    await userEvent.click(h.plot(), { position: { x: rect.width / 2, y: rect.height / 2 } });
    await el.updateComplete;
    const [x, y, label] = el.points.split(',').map(Number);
    expect(label).toBe(0);
    expect(Number.isFinite(x) && Number.isFinite(y)).toBe(true);
  });

  it("in reading mode a click or tap reads the network's answer where it lands and adds nothing", async () => {
    const el = await mount(`dataset="xor" x-label="a" y-label="b" ${QUICK}`);
    const h = harness(el);
    const reading = () => text(h.root.querySelector('.cursor-text'));
    await userEvent.click(h.labelled<HTMLInputElement>(/reads the network's answer/));
    const rect = h.plot().getBoundingClientRect();
    await userEvent.click(h.plot(), { position: { x: rect.width / 2, y: rect.height / 2 } });
    await el.updateComplete;
    expect(el.points).toBe('');
    expect(reading()).toMatch(/^Cursor at a = −?\d\.\d\d, b = −?\d\.\d\d: the network says \d+%/);
    // Choosing a class again makes the next click add a point of it.
    await userEvent.click(h.labelled<HTMLInputElement>(/adds class = 1/));
    await userEvent.click(h.plot(), { position: { x: rect.width / 2, y: rect.height / 2 } });
    await el.updateComplete;
    expect(el.points.split(',').map(Number)[2]).toBe(1);
  });

  it('a learning rate that diverges pauses training with a message naming the cause and a Reset', async () => {
    const el = await mount(
      'dataset="xor" layers="8:tanh,8:tanh" optimizer="sgd" learning-rate="10" backend="cpu"',
    );
    await ready(el);
    el.play();
    const h = harness(el);
    await expect.poll(() => h.notice(), { timeout: 30_000 }).not.toBeNull();
    const notice = h.notice()!;
    expect(notice.getAttribute('role')).toBe('alert');
    expect(text(notice)).toMatch(/Training paused\..*learning rate 10 is probably too high/);
    expect(el.playing).toBe(false);
    expect(text(h.root)).not.toMatch(/NaN|Infinity/);
    await userEvent.click(h.button(/^Reset with learning rate 1$/));
    await expect.poll(() => el.learningRate).toBe(1);
    await expect.poll(() => h.notice()).toBeNull();
  }, 60_000);

  it.each([
    ['layers', '99:tanh', 'layers="99:tanh"'],
    ['dataset', 'moons', 'dataset="moons"'],
    ['hide', 'everything', 'hide="everything"'],
    ['points', '1,2,3;oops', 'points'],
  ])('a bad %s="%s" falls back with exactly one warning', async (name, value, message) => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const el = await mount(`${name}="${value}" backend="cpu"`);
    el.seed = 2;
    await el.updateComplete;
    const matching = warn.mock.calls.filter((c) => String(c[0]).includes(message));
    expect(matching).toHaveLength(1);
    expect(text(el.shadowRoot)).not.toMatch(/NaN|Infinity/);
  });

  it('fits a 375px phone without horizontal scrolling, and stacks the editor', async () => {
    const el = await mount(`dataset="xor" ${QUICK}`, 343);
    await ready(el);
    expect(el.scrollWidth).toBeLessThanOrEqual(el.clientWidth + 1);
    const h = harness(el);
    await expect.poll(() => h.plot().getBoundingClientRect().width).toBeLessThanOrEqual(343);
    const panels = [...h.root.querySelectorAll<HTMLElement>('fieldset.panel')];
    const lefts = new Set(panels.map((p) => Math.round(p.getBoundingClientRect().left)));
    expect(lefts.size).toBe(1); // one column
  });

  it('has no axe violations, with the data tables shown', async () => {
    const el = await mount(`dataset="xor" ${QUICK}`);
    await ready(el);
    await el.step();
    await expectNoAxeViolationsWithTable(el);
  });

  it('has no axe violations in dark mode', async () => {
    await inDarkMode(async () => {
      const el = await mount(`dataset="circle" ${QUICK}`);
      await ready(el);
      await expectNoAxeViolationsInDark(el);
    });
  });

  it('a training worker that dies is reported, and a new one goes on from the saved weights', async () => {
    const { liveEngines } = await import('../../src/train/client');
    const el = await mount(`dataset="xor" ${QUICK}`);
    const h = harness(el);
    await ready(el);
    el.play();
    // The worker sends a state to resume from about once a second.
    await expect.poll(() => el.report?.epoch ?? 0, { timeout: 30_000 }).toBeGreaterThan(0);
    const engine = liveEngines()[0]!;
    await expect.poll(() => engine.savedStep ?? 0, { timeout: 30_000 }).toBeGreaterThan(0);
    const before = engine.savedStep!;
    engine.crashForTest();
    await expect.poll(() => h.notice(), { timeout: 10_000 }).not.toBeNull();
    expect(text(h.notice())).toContain(
      `training engine stopped (it was stopped), so a new one took over from the weights saved at step ${before}`,
    );
    await expect.poll(() => el.report!.step, { timeout: 10_000 }).toBeGreaterThan(before);
    expect(el.playing).toBe(true);
    expect(text(h.root)).not.toMatch(/NaN|Infinity/);
  });

  // Last: it breaks WebGL for the rest of this page.
  it('a lost WebGL context shows a notice and training continues on another backend', async () => {
    const el = await mount('dataset="xor" backend="webgl" seed="1"');
    await ready(el);
    const h = harness(el);
    el.play(); // the engine starts on the first Train
    await expect.poll(() => el.backendInUse, { timeout: 30_000 }).toBe('webgl');
    await expect.poll(() => el.report?.step ?? 0, { timeout: 30_000 }).toBeGreaterThan(5);
    // The engine runs in a worker: it loses its own context there, as after a GPU reset.
    const { liveEngines } = await import('../../src/train/client');
    liveEngines()[0]!.loseContext();

    await expect.poll(() => h.notice(), { timeout: 30_000 }).not.toBeNull();
    expect(h.notice()!.getAttribute('role')).toBe('status');
    expect(text(h.notice())).toMatch(/GPU stopped answering.*continues on the (wasm|cpu) backend/);
    await expect.poll(() => el.backendInUse).toMatch(/^(wasm|cpu)$/);
    expect(text(h.part('backend'))).toContain(el.backendInUse!);
    const step = el.report!.step;
    await expect.poll(() => el.report!.step, { timeout: 30_000 }).toBeGreaterThan(step);
    expect(el.playing).toBe(true);
    el.pause();
    expect(text(h.root)).not.toMatch(/NaN|Infinity/);
  }, 90_000);
});
