import { describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import '../../src/widgets/network-teaser/index';
import type { NetworkTeaserChangeDetail } from '../../src/widgets/network-teaser/index';
import { TEASER_NETWORKS } from '../../src/widgets/network-teaser/networks';
import { probability } from '../../src/math/tiny-network';
import { makeDataset } from '../../src/math/datasets';
import { formatNumber } from '../../src/math/format';
import { expectNoAxeViolationsInDark, expectNoAxeViolationsWithTable } from './axe';
import {
  choiceNamed,
  collectDetails,
  inDarkMode,
  itFallsBackOnBadAttributes,
  readDataTable,
  showDataTable,
  text,
  widgetTest,
} from './harness';

/** Finds controls the way a user does: by label, role or accessible name. */
const { mount, place, harness } = widgetTest('nn-network-teaser', (root, { labelled }) => ({
  map: () => root.querySelector<SVGSVGElement>('svg[role="img"]')!,
  readout: () => root.querySelector('[aria-live]')!,
  radio: (name: RegExp) => choiceNamed(root, name, 'fieldset label'),
  slider: (axis: 'x' | 'y') => labelled(new RegExp(`^probe ${axis}$`)),
  points: () => [...root.querySelectorAll('svg path.point')],
  heatmap: () => root.querySelector('svg image.heatmap')!.getAttribute('href') ?? '',
  boundary: () => root.querySelector('svg path.boundary')!.getAttribute('d') ?? '',
  probe: () => root.querySelector('svg g.probe')!.getAttribute('transform'),
}));

/** The probability readout the widget should show for a dataset's network at (x, y). */
const expected = (dataset: keyof typeof TEASER_NETWORKS, x: number, y: number) =>
  formatNumber(probability(TEASER_NETWORKS[dataset].network, x, y), 3);

describe('<nn-network-teaser>', () => {
  it('renders the map, 100 points of two shapes, the boundary, the probe and the readout', async () => {
    const el = await mount();
    const h = harness(el);
    expect(el.datasetName).toBe('circle');
    expect(h.map().getAttribute('aria-label')).toMatch(/probability that a point is orange/);
    expect(h.map().getAttribute('aria-label')).toMatch(/100 points of the Circle data/);
    expect(h.heatmap()).toMatch(/^data:image\/png;base64,/);
    expect(h.points()).toHaveLength(100);
    expect(h.points().filter((p) => p.classList.contains('class-1'))).toHaveLength(50);
    // Orange triangles and blue circles: two different shapes, not only two colours.
    const d1 = h
      .points()
      .find((p) => p.classList.contains('class-1'))!
      .getAttribute('d');
    const d0 = h
      .points()
      .find((p) => p.classList.contains('class-0'))!
      .getAttribute('d');
    expect(d1).not.toBe(d0);
    expect(h.boundary()).toMatch(/^M[\d.]+,[\d.]+L/);
    expect(h.probe()).toMatch(/^translate\(/);
    expect(text(h.readout())).toMatch(/The network is \d+% sure this point is orange/);
    expect(text(h.readout())).toContain(`p(orange) = ${expected('circle', 0.3, 0.2)}`);
    expect(h.part('score')).toMatch(/^It gets (9\d|100) of 100 points right\.$/);
  });

  it.each(['circle', 'xor', 'spiral'] as const)(
    '%s: the boundary line is drawn where the network is undecided, p = 0.5',
    async (dataset) => {
      const el = await mount(`dataset="${dataset}"`);
      const root = el.shadowRoot!;
      const frame = root.querySelector('svg rect.frame')!;
      const [fx, fy, side] = ['x', 'y', 'width'].map((a) => Number(frame.getAttribute(a)));
      const d = root.querySelector('svg path.boundary')!.getAttribute('d')!;
      const vertices = [...d.matchAll(/[ML](-?[\d.]+),(-?[\d.]+)/g)].map((m) => [
        -1 + ((Number(m[1]) - fx!) / side!) * 2,
        1 - ((Number(m[2]) - fy!) / side!) * 2,
      ]);
      expect(vertices.length).toBeGreaterThan(20);
      const { network } = TEASER_NETWORKS[dataset];
      for (const [x, y] of vertices) {
        expect(Math.abs(probability(network, x!, y!) - 0.5)).toBeLessThan(0.05);
      }
    },
  );

  it('arrow keys on the focused map move the probe; the readout and attributes follow', async () => {
    const el = await mount('probe-x="0.3" probe-y="0.2"');
    const h = harness(el);
    const events = collectDetails<NetworkTeaserChangeDetail>(el);
    let prevented = false;
    document.addEventListener('keydown', (e) => (prevented = e.defaultPrevented), { once: true });
    const before = text(h.readout());
    const probeBefore = h.probe();

    h.map().focus();
    await userEvent.keyboard('{ArrowRight}{ArrowRight}{ArrowRight}{ArrowRight}{ArrowRight}');
    await userEvent.keyboard('{ArrowUp}{ArrowUp}');
    await el.updateComplete;

    // Five steps of 0.05 right, two up: (0.55, 0.30), near the edge of the orange disc.
    expect(prevented).toBe(true); // the page does not scroll, the lesson does not change step
    expect(el.probeX).toBe(0.55);
    expect(el.getAttribute('probe-x')).toBe('0.55');
    expect(el.getAttribute('probe-y')).toBe('0.3');
    expect(text(h.readout())).not.toBe(before);
    expect(text(h.readout())).toContain(`p(orange) = ${expected('circle', 0.55, 0.3)}`);
    expect(h.probe()).not.toBe(probeBefore);
    expect(events).toHaveLength(7);
    expect(events.at(-1)).toMatchObject({ dataset: 'circle', probeX: 0.55, probeY: 0.3 });
    expect(events.at(-1)!.probability).toBeCloseTo(
      probability(TEASER_NETWORKS.circle.network, 0.55, 0.3),
      12,
    );
    // The probe stays on the plane: ArrowDown forty times stops at y = −1.
    await userEvent.keyboard('{ArrowDown>40/}');
    expect(el.probeY).toBe(-1);
  });

  it('a click on the map puts the probe there', async () => {
    const el = await mount('probe-x="0" probe-y="0"');
    const h = harness(el);
    const frame = el.shadowRoot!.querySelector('svg rect.frame')!.getBoundingClientRect();
    const svg = h.map().getBoundingClientRect();
    // The point (−0.5, 0.5): a quarter of the way across the frame and a quarter down.
    await userEvent.click(h.map(), {
      position: {
        x: frame.left - svg.left + frame.width * 0.25,
        y: frame.top - svg.top + frame.height * 0.25,
      },
    });
    await el.updateComplete;
    expect(el.probeX).toBeCloseTo(-0.5, 1);
    expect(el.probeY).toBeCloseTo(0.5, 1);
    expect(text(h.readout())).toContain('blue');
  });

  it('the probe sliders move it too, with the keyboard', async () => {
    const el = await mount('probe-x="0" probe-y="0"');
    const h = harness(el);
    h.slider('x').focus();
    await userEvent.keyboard('{End}');
    await el.updateComplete;
    expect(el.probeX).toBe(1);
    expect(el.getAttribute('probe-x')).toBe('1');
    expect(text(h.readout())).toContain('at (1.00, 0.00)');
    expect(text(h.readout())).toMatch(/sure this point is blue/);
  });

  it('switching the dataset redraws the points, the map and the score', async () => {
    const el = await mount();
    const h = harness(el);
    const events = collectDetails<NetworkTeaserChangeDetail>(el);
    const map = h.heatmap();
    const positions = h.points().map((p) => p.getAttribute('transform'));

    await userEvent.click(h.radio(/XOR/));
    await el.updateComplete;

    expect(el.datasetName).toBe('xor');
    expect(el.getAttribute('dataset')).toBe('xor');
    expect(h.heatmap()).not.toBe(map);
    expect(h.points().map((p) => p.getAttribute('transform'))).not.toEqual(positions);
    expect(h.map().getAttribute('aria-label')).toMatch(/XOR data/);
    expect(text(h.readout())).toContain(`p(orange) = ${expected('xor', 0.3, 0.2)}`);
    expect(h.part('score')).toMatch(/of 100 points right/);
    expect(events.at(-1)).toMatchObject({ dataset: 'xor', total: 100 });
  });

  it('reads its setup from attributes and reflects property changes back', async () => {
    const el = await mount('dataset="spiral" seed="5" points="40" probe-x="-0.5" probe-y="0.25"');
    const h = harness(el);
    expect(el.datasetName).toBe('spiral');
    expect(h.radio(/Spiral/).checked).toBe(true);
    expect(h.points()).toHaveLength(40);
    expect(text(h.readout())).toContain(`p(orange) = ${expected('spiral', -0.5, 0.25)}`);
    expect(h.part('score')).toMatch(/of 40 points right/);

    el.datasetName = 'gaussians';
    el.seed = 9;
    await el.updateComplete;
    expect(el.getAttribute('dataset')).toBe('gaussians');
    expect(el.getAttribute('seed')).toBe('9');
  });

  it('the seed chooses the points: the same seed the same points, "New points" the next seed', async () => {
    const positions = async (attrs: string) =>
      harness(await mount(attrs))
        .points()
        .map((p) => p.getAttribute('transform'));
    const seven = await positions('seed="7"');
    expect(await positions('seed="7"')).toEqual(seven);
    expect(await positions('seed="8"')).not.toEqual(seven);

    const el = await mount('seed="7"');
    await userEvent.click(harness(el).button(/new points/i));
    await el.updateComplete;
    expect(el.getAttribute('seed')).toBe('8');
    expect(
      harness(el)
        .points()
        .map((p) => p.getAttribute('transform')),
    ).not.toEqual(seven);
  });

  itFallsBackOnBadAttributes(
    mount,
    [
      ['dataset', 'moons', 'datasetName', 'circle'],
      ['probe-x', '3', 'probeX', 0.3],
      ['noise', 'lots', 'noise', 0.05],
    ],
    {
      drawn: (el) => expect(harness(el).points()).toHaveLength(100),
      update: (el) => (el.seed = 2),
    },
  );

  it('shows a data table of a sample of points, their true class and the network’s probability', async () => {
    const el = await mount('dataset="xor" seed="3"');
    const h = harness(el);
    expect(h.table()).toBeNull();
    const { head, rows } = await readDataTable(el);
    expect(head).toEqual(['x', 'y', 'true class', 'p(orange)', 'right?']);
    // The first 20 of the (shuffled) points, as the maths computes them.
    const points = makeDataset('xor', 100, 0.05, 3).slice(0, 20);
    expect(rows).toHaveLength(20);
    rows.forEach((row, i) => {
      const pt = points[i]!;
      const p = probability(TEASER_NETWORKS.xor.network, pt.x, pt.y);
      const truth = pt.label === 1 ? 'orange' : 'blue';
      const says = p >= 0.5 ? 'orange' : 'blue';
      expect(row).toEqual([
        formatNumber(pt.x, 2),
        formatNumber(pt.y, 2),
        truth,
        formatNumber(p, 3),
        truth === says ? 'yes' : `no: it says ${says}`,
      ]);
    });
  });

  it('fits a 375px phone without horizontal scrolling', async () => {
    const el = await place('', 343);
    await expect
      .poll(() => Number(harness(el).map().getAttribute('viewBox')?.split(' ')[2]))
      .toBeLessThan(343);
    expect(el.scrollWidth).toBeLessThanOrEqual(el.clientWidth + 1);
    expect(harness(el).map().getBoundingClientRect().width).toBeLessThanOrEqual(343);
  });

  it('has no axe violations in light mode, with the table shown', async () => {
    await expectNoAxeViolationsWithTable(await mount('dataset="spiral"'));
  });

  it('follows a switch to dark mode: the map is repainted in the dark palette; no axe violations', async () => {
    const el = await mount();
    const lightMap = harness(el).heatmap();
    await inDarkMode(async () => {
      expect(matchMedia('(prefers-color-scheme: dark)').matches).toBe(true);
      await expect.poll(() => harness(el).heatmap()).not.toBe(lightMap);
      expect(harness(el).heatmap()).toMatch(/^data:image\/png;base64,/);
      await showDataTable(el);
      await expectNoAxeViolationsInDark(el);
    });
  });
});
