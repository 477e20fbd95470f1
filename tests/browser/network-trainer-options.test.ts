/**
 * <nn-network-trainer>'s Playground options of issue 16 through its public surface: input features,
 * L1, dropout, early stopping and its validation share, the test-data and discretize toggles, the
 * regression datasets and leaky ReLU. Each round-trips through the share link, falls back with one
 * warning when out of range, is a labelled control a keyboard reaches, passes axe in light and
 * dark and fits a phone; early stopping pauses the run and says which weights it kept.
 */
import { describe, expect, it, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import '../../src/widgets/network-trainer/index';
import type { NnNetworkTrainer } from '../../src/widgets/network-trainer/index';
import type { NnLossChart } from '../../src/widgets/loss-chart/index';
import { parseFrameHash } from '../../src/embed/frame';
import type { EarlyStop } from '../../src/train/types';
import { expectNoAxeViolations, expectNoAxeViolationsInDark } from './axe';
import {
  buttonNamed,
  clearPageAfterEach,
  expectFitsItsWidth,
  inDarkMode,
  labelledControl,
  press,
  text,
} from './harness';
import { mountWidget, settle } from './settle';

const TAG = 'nn-network-trainer';

/** Every new option on, on a regression dataset, with a leaky-ReLU layer. */
const EVERYTHING = [
  'dataset="gaussian-hills"',
  'features="x1,x2,x1sq,x2sq,x1x2,sinx1,sinx2"',
  'layers="6:leaky-relu,4:tanh"',
  'l1="0.01"',
  'dropout="0.2,0.1"',
  'early-stopping="20"',
  'validation-fraction="0.3"',
  'test-data="hide"',
  'discretize',
  'backend="js"',
  'seed="3"',
].join(' ');

/** Every option on with two classes: Playground's spiral with the sine features. */
const EVERYTHING_CLASSES = EVERYTHING.replace('gaussian-hills', 'spiral').replace(
  'test-data="hide"',
  'test-data="show"',
);

/** The attributes of issue 16 (and those the options above need). */
const NEW_ATTRIBUTES = [
  'dataset',
  'features',
  'layers',
  'l1',
  'dropout',
  'early-stopping',
  'validation-fraction',
  'test-data',
  'discretize',
];

const mount = (attributes: string, width?: number) =>
  mountWidget(TAG, attributes, width) as Promise<NnNetworkTrainer>;

/** A second trainer built from `el`'s share link, as the embed page builds it. */
async function fromShareLink(el: NnNetworkTrainer): Promise<NnNetworkTrainer> {
  const parsed = parseFrameHash(new URL(el.shareUrl()).hash);
  if (!parsed.ok) throw new Error('the share link does not parse');
  expect(parsed.request.tag).toBe(TAG);
  const copy = document.createElement(TAG);
  for (const [name, value] of parsed.request.attributes) copy.setAttribute(name, value);
  document.body.append(copy);
  await copy.updateComplete;
  return copy;
}

/** What the student sees of the new options: the controls' values and the toggles. */
function shownOptions(el: NnNetworkTrainer) {
  const root = el.shadowRoot!;
  const value = (pattern: RegExp) => labelledControl<HTMLSelectElement>(root, pattern).value;
  const checked = (pattern: RegExp) => labelledControl(root, pattern).checked;
  return {
    dataset: value(/^Dataset$/),
    features: [...root.querySelectorAll<HTMLInputElement>('input[name="feature"]')]
      .filter((c) => c.checked)
      .map((c) => c.value),
    activations: [0, 1].map(
      (i) => root.querySelector<HTMLSelectElement>(`#activation-${i}`)?.value,
    ),
    dropout: [0, 1].map((i) => root.querySelector<HTMLSelectElement>(`#dropout-${i}`)?.value),
    penalty: value(/^Penalty$/),
    rate: value(/^Regularisation rate/),
    patience: value(/^Early stopping$/),
    validation: value(/^Validation share$/),
    showTest: checked(/^Show test data$/),
    discretize: checked(/^Discretize output$/),
  };
}

clearPageAfterEach();

describe('<nn-network-trainer>: the options of issue 16', () => {
  it('every new attribute round-trips through the share link, to the same properties and controls', async () => {
    const el = await mount(EVERYTHING);
    expect({
      datasetName: el.datasetName,
      features: el.features,
      layers: el.layers,
      l1: el.l1,
      dropout: el.dropout,
      earlyStopping: el.earlyStopping,
      validationFraction: el.validationFraction,
      testData: el.testData,
      discretize: el.discretize,
    }).toEqual({
      datasetName: 'gaussian-hills',
      features: 'x1,x2,x1sq,x2sq,x1x2,sinx1,sinx2',
      layers: '6:leaky-relu,4:tanh',
      l1: 0.01,
      dropout: '0.2,0.1',
      earlyStopping: 20,
      validationFraction: 0.3,
      testData: 'hide',
      discretize: true,
    });
    const shown = shownOptions(el);
    expect(shown).toEqual({
      dataset: 'gaussian-hills',
      features: ['x1', 'x2', 'x1sq', 'x2sq', 'x1x2', 'sinx1', 'sinx2'],
      activations: ['leaky-relu', 'tanh'],
      dropout: ['0.2', '0.1'],
      penalty: 'l1',
      rate: '0.01',
      patience: '20',
      validation: '0.3',
      showTest: false,
      discretize: true,
    });

    const copy = await fromShareLink(el);
    for (const name of NEW_ATTRIBUTES) {
      expect(copy.getAttribute(name), name).toBe(el.getAttribute(name));
    }
    expect(copy.datasetName).toBe('gaussian-hills');
    expect(copy.l1).toBe(0.01);
    expect(copy.discretize).toBe(true);
    expect(shownOptions(copy)).toEqual(shown);
  });

  it('options the student picks reflect to attributes, and the link carries them', async () => {
    const el = await mount('dataset="plane" backend="js" seed="4" layers="4:tanh"');
    const root = el.shadowRoot!;
    await userEvent.selectOptions(
      labelledControl<HTMLSelectElement>(root, /^activation$/),
      'leaky-relu',
    );
    await userEvent.selectOptions(labelledControl<HTMLSelectElement>(root, /^dropout$/), '0.3');
    await userEvent.selectOptions(labelledControl<HTMLSelectElement>(root, /^Penalty$/), 'l1');
    await userEvent.selectOptions(
      labelledControl<HTMLSelectElement>(root, /^Early stopping$/),
      '10',
    );
    await el.updateComplete;
    await userEvent.selectOptions(
      labelledControl<HTMLSelectElement>(root, /^Validation share$/),
      '0.1',
    );
    await userEvent.click(labelledControl(root, /^x₁²$/));
    await userEvent.click(labelledControl(root, /^Show test data$/));
    await userEvent.click(labelledControl(root, /^Discretize output$/));
    await el.updateComplete;
    const expected = {
      dataset: 'plane',
      layers: '4:leaky-relu',
      dropout: '0.3',
      l1: '0.003',
      'early-stopping': '10',
      'validation-fraction': '0.1',
      features: 'x1,x2,x1sq',
      'test-data': 'hide',
      discretize: '',
    };
    const attributes = (e: Element) =>
      Object.fromEntries(Object.keys(expected).map((n) => [n, e.getAttribute(n)]));
    expect(attributes(el)).toEqual(expected);
    const copy = await fromShareLink(el);
    expect(attributes(copy)).toEqual(expected);
  });

  it.each([
    ['l1', '5', 'l1', 0],
    ['early-stopping', '-3', 'earlyStopping', 0],
    ['validation-fraction', '0.9', 'validationFraction', 0.2],
    ['test-data', 'maybe', 'testData', 'show'],
  ])(
    'a bad %s="%s" falls back to the default with exactly one warning',
    async (name, value, property, fallback) => {
      const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
      const el = await mount(`${name}="${value}" backend="js"`);
      el.seed = 2; // another update: the warning is not given again
      await el.updateComplete;
      expect((el as unknown as Record<string, unknown>)[property]).toBe(fallback);
      const matching = warn.mock.calls.filter((c) => String(c[0]).includes(`${name}="${value}"`));
      expect(matching).toHaveLength(1);
      expect(String(matching[0]![0])).toMatch(/using the default/);
      expect(text(el.shadowRoot)).not.toMatch(/NaN|Infinity|undefined/);
    },
  );

  it.each([
    ['features', 'x1,x3'],
    ['dropout', '0.95'],
    ['layers', '4:swish'],
  ])('a bad %s="%s" is read as the default, with exactly one warning', async (name, value) => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const el = await mount(`${name}="${value}" backend="js" seed="1"`);
    el.seed = 2;
    await el.updateComplete;
    const matching = warn.mock.calls.filter((c) => String(c[0]).includes(`${name}="${value}"`));
    expect(matching).toHaveLength(1);
    const shown = shownOptions(el);
    expect(shown.features).toEqual(['x1', 'x2']);
    expect(shown.dropout[0]).toBe('0');
    expect(shown.activations[0]).not.toBe('swish');
    expect(text(el.shadowRoot)).not.toMatch(/NaN|Infinity|undefined/);
  });

  it('the new controls are labelled and reached by Tab, and the keyboard changes them', async () => {
    const el = await mount(EVERYTHING);
    const root = el.shadowRoot!;
    const controls = [
      ...[...root.querySelectorAll<HTMLInputElement>('input[name="feature"]')],
      labelledControl<HTMLSelectElement>(root, /^activation$/),
      labelledControl<HTMLSelectElement>(root, /^dropout$/),
      labelledControl<HTMLSelectElement>(root, /^Penalty$/),
      labelledControl<HTMLSelectElement>(root, /^Regularisation rate/),
      labelledControl<HTMLSelectElement>(root, /^Early stopping$/),
      labelledControl<HTMLSelectElement>(root, /^Validation share$/),
      labelledControl(root, /^Show test data$/),
      labelledControl(root, /^Discretize output$/),
      buttonNamed(root, /^Regenerate/),
    ];
    expect(controls).toHaveLength(16);
    // Walk the whole tab order from the first control, as a keyboard user does.
    const reached = new Set<Element>();
    root.querySelector<HTMLElement>('button')!.focus();
    for (let i = 0; i < 120 && reached.size < 200; i++) {
      const active = root.activeElement;
      if (!active) break;
      reached.add(active);
      await userEvent.tab();
    }
    for (const control of controls) {
      expect(reached.has(control), control.outerHTML.slice(0, 80)).toBe(true);
    }
    // Space toggles a checkbox; arrows choose in a select.
    await press(labelledControl(root, /^Show test data$/), ' ');
    expect(el.testData).toBe('show');
    await press(labelledControl(root, /^sin x₂$/), ' ');
    expect(el.features).toBe('x1,x2,x1sq,x2sq,x1x2,sinx1');
    await press(labelledControl<HTMLSelectElement>(root, /^Early stopping$/), '{ArrowDown}');
    expect(el.earlyStopping).toBe(50);
    const seed = el.seed;
    await press(buttonNamed(root, /^Regenerate/), '{Enter}');
    expect(el.seed).not.toBe(seed);
  });

  it.each([
    ['regression', EVERYTHING],
    ['two classes', EVERYTHING_CLASSES],
  ])(
    'has no axe violations with every option on (%s), in light and in dark mode',
    async (_, setup) => {
      const el = await mount(setup);
      await el.step();
      await settle(el);
      await expectNoAxeViolations(el);
      await inDarkMode(async () => {
        const dark = await mount(setup);
        await dark.step();
        await settle(dark);
        await expectNoAxeViolationsInDark(dark);
      });
    },
  );

  it('with every option on, fits a 375px phone, and its toggles are finger-sized targets', async () => {
    // A 375px phone less the page's margins, as the trainer's other phone tests.
    const el = await mount(EVERYTHING, 343);
    expectFitsItsWidth(el);
    expectFitsItsWidth(el, '.panel *, .plot-options *');
    const root = el.shadowRoot!;
    const targets = [
      ...root.querySelectorAll<HTMLElement>('label.check'),
      ...root.querySelectorAll<HTMLElement>('.layer-row select'),
      labelledControl<HTMLSelectElement>(root, /^Early stopping$/),
      buttonNamed(root, /^Regenerate/),
    ];
    for (const target of targets) {
      expect(target.getBoundingClientRect().height, text(target)).toBeGreaterThanOrEqual(44);
    }
    // A tap on a toggle's words toggles it.
    const label = [...root.querySelectorAll('label.check')].find(
      (l) => text(l) === 'Show test data',
    )!;
    const box = label.getBoundingClientRect();
    label.dispatchEvent(
      new PointerEvent('click', {
        bubbles: true,
        pointerType: 'touch',
        clientX: box.right - 4,
        clientY: box.top + box.height / 2,
      }),
    );
    await el.updateComplete;
    expect(el.testData).toBe('show');
  });

  it('early stopping pauses the run by itself and says which epoch’s weights it kept', async () => {
    // Lesson 12's early-stopping setup, with less patience.
    const el = await mount(
      'dataset="xor" samples="100" noise="0.3" test-fraction="0.5" seed="1" ' +
        'layers="16:relu,16:relu" learning-rate="0.01" early-stopping="5" ' +
        'validation-fraction="0.4" max-epochs="400" backend="js"',
    );
    let found: EarlyStop | undefined;
    el.play();
    await expect
      .poll(() => (found ??= el.report?.earlyStop), { timeout: 30_000, interval: 20 })
      .toBeDefined();
    await expect.poll(() => el.playing).toBe(false);
    const stop = found!;
    expect(stop.epoch).toBeLessThan(400);
    expect(stop.bestEpoch).toBeLessThan(stop.epoch);
    await el.updateComplete;
    const notice = text(el.shadowRoot!.querySelector('[part~="notice"]'));
    expect(notice).toMatch(
      new RegExp(
        `Stopped early at epoch ${stop.epoch}\\b.*kept the weights of epoch ${stop.bestEpoch}\\b`,
      ),
    );
    const chart = el.shadowRoot!.querySelector<NnLossChart>('nn-loss-chart')!;
    await expect
      .poll(() => chart.markers.map((m) => [m.label, m.step]))
      .toEqual([
        ['kept weights', stop.bestStep],
        ['stopped', stop.step],
      ]);
    // Paused: the button offers to go on.
    expect(text(el.shadowRoot!.querySelector('button.primary'))).toBe('Continue');
  });
});
