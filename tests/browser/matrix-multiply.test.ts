import { describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import '../../src/widgets/matrix-multiply/index';
import type { MatrixMultiplyChangeDetail } from '../../src/widgets/matrix-multiply/index';
import { sigmoid } from '../../src/math/activations';
import { formatNumber } from '../../src/math/format';
import { Matrix } from '../../src/math/matrix';
import { expectNoAxeViolations, expectNoAxeViolationsInDark } from './axe';
import {
  collectDetails,
  describedBy,
  expectOneWarning,
  inDarkMode,
  itFallsBackOnBadAttributes,
  press,
  silenceWarnings,
  text,
  widgetTest,
} from './harness';

/**
 * Finds things the way a user does: cells by their label, buttons by their name, tables by their
 * caption. It reads the shadow root but never calls private members of the element.
 */
const { mount, harness } = widgetTest(
  'nn-matrix-multiply',
  (root) => {
    const table = (caption: RegExp): HTMLTableElement => {
      const found = [...root.querySelectorAll('table')].find((t) => caption.test(text(t.caption)));
      if (!found) throw new Error(`no table captioned ${caption}`);
      return found;
    };
    return {
      cell: (label: string): HTMLInputElement => {
        const input = [...root.querySelectorAll('input')].find((i) =>
          i.getAttribute('aria-label')?.startsWith(label),
        );
        if (!input) throw new Error(`no cell labelled ${label}`);
        return input;
      },
      cells: (grid: string) => [
        ...root.querySelectorAll<HTMLInputElement>(`input[aria-label^="${grid} row"]`),
      ],
      table,
      /** The numbers of a result table, by rows, as shown. */
      values: (caption: RegExp): string[][] =>
        [...table(caption).querySelectorAll('tbody tr')].map((tr) =>
          [...tr.querySelectorAll('td')].map(text),
        ),
      stepText: () => text(root.querySelector('.step-text')),
      region: () => root.querySelector<HTMLElement>('[part~="matrices"]')!,
      select: () => root.querySelector('select')!,
    };
  },
  { settled: false },
);

/**
 * A bad matrix attribute's case for `itFallsBackOnBadAttributes`: the matrix falls back to its
 * default, and the one warning names the attribute and the value, says why and what it uses.
 */
const badMatrix = (name: 'a' | 'b' | 'input', value: string, reason: string) =>
  [
    name,
    value,
    name,
    { a: '1 2; 3 4', b: '5 6; 7 8', input: '2; 1; 2' }[name],
    [`${name}="${value}"`, reason, 'using the default'],
  ] as const;

describe('<nn-matrix-multiply>', () => {
  it('renders A, B and C = AB from its attributes, as captioned tables of labelled cells', async () => {
    const el = await mount('a="1 2; 3 4" b="5 6; 7 8"');
    const h = harness(el);
    expect(el.mode).toBe('product');
    expect(h.cell('A row 1 column 2').value).toBe('2');
    expect(h.cell('A row 1 column 2').getAttribute('inputmode')).toBe('decimal');
    expect(h.cell('B row 2 column 1').value).toBe('7');
    expect(h.cells('A')).toHaveLength(4);
    expect(text(h.table(/^A/).caption)).toBe('A (2×2)');
    expect(h.values(/^C = AB/)).toEqual([
      ['19', '22'],
      ['43', '50'],
    ]);
    expect(h.part('summary')).toBe('C = AB is 2×2: row 1: 19, 22; row 2: 43, 50.');
  });

  it('typing into a cell updates the product live and reflects to the attribute', async () => {
    const el = await mount();
    const h = harness(el);
    const events = collectDetails<MatrixMultiplyChangeDetail>(el);

    await userEvent.fill(h.cell('A row 1 column 2'), '-0.5');
    await el.updateComplete;

    // c₁₁ = 1·5 + (−0.5)·7 = 1.5, c₁₂ = 1·6 + (−0.5)·8 = 2
    expect(h.values(/^C = AB/)).toEqual([
      ['1.5', '2'],
      ['43', '50'],
    ]);
    expect(el.getAttribute('a')).toBe('1 -0.5; 3 4');
    expect(el.getAttribute('b')).toBe('5 6; 7 8');
    expect(events.at(-1)).toEqual({
      mode: 'product',
      a: [
        [1, -0.5],
        [3, 4],
      ],
      b: [
        [5, 6],
        [7, 8],
      ],
      product: [
        [1.5, 2],
        [43, 50],
      ],
    });
  });

  it('flags a cell that is not a number in place and keeps the last valid product, marked stale', async () => {
    const el = await mount();
    const h = harness(el);
    const events: unknown[] = [];
    el.addEventListener('nn-change', (e) => events.push(e));
    const cell = h.cell('A row 2 column 1');

    await userEvent.fill(cell, 'x');
    await el.updateComplete;

    expect(cell.getAttribute('aria-invalid')).toBe('true');
    expect(h.part('messages')).toContain('A, row 2, column 1: “x” is not a number');
    // The message is tied to the cell, for screen readers.
    expect(describedBy(cell)).toContain('A, row 2, column 1: “x” is not a number');
    // The last valid product stays, marked as out of date; the attribute keeps the last valid A.
    expect(h.values(/^C = AB/)).toEqual([
      ['19', '22'],
      ['43', '50'],
    ]);
    expect(text(h.table(/^C = AB/).caption)).toContain('out of date');
    expect(h.part('messages')).toContain('The product shown is the last valid one');
    expect(el.getAttribute('a')).toBe('1 2; 3 4');
    expect(h.part('summary')).toContain('A, row 2, column 1: “x” is not a number');
    expect(events).toHaveLength(0);

    await userEvent.fill(cell, '1,5');
    await el.updateComplete;
    expect(h.part('messages')).toContain(
      '“1,5” is not a number: write decimals with a point, as in 1.5',
    );

    await userEvent.fill(cell, '0');
    await el.updateComplete;
    expect(cell.getAttribute('aria-invalid')).toBe('false');
    expect(h.part('messages')).toBe('');
    expect(text(h.table(/^C = AB/).caption)).not.toContain('out of date');
    expect(h.values(/^C = AB/)[1]).toEqual(['28', '32']);
    expect(el.getAttribute('a')).toBe('1 2; 0 4');
    expect(events).toHaveLength(1);
  });

  it('size steppers work from the keyboard and keep the inner size shared by A and B', async () => {
    const el = await mount();
    const h = harness(el);

    const inner = h.button(/^More columns of A and rows of B$/);
    await press(inner, '{Enter}');
    expect(h.cells('A')).toHaveLength(6);
    expect(h.cells('B')).toHaveLength(6);
    expect(el.getAttribute('a')).toBe('1 2 0; 3 4 0');
    expect(el.getAttribute('b')).toBe('5 6; 7 8; 0 0');
    expect(text(h.table(/^A/).caption)).toBe('A (2×3)');
    expect(text(h.table(/^B/).caption)).toBe('B (3×2)');

    await press(h.button(/^More rows of A$/), ' ');
    expect(el.getAttribute('a')).toBe('1 2 0; 3 4 0; 0 0 0');
    expect(text(h.table(/^C = AB/).caption)).toBe('C = AB (3×2)');

    const fewer = h.button(/^Fewer columns of B$/);
    await press(fewer, '{Enter}');
    expect(el.getAttribute('b')).toBe('5; 7; 0');
    // At the smallest size the button says so and does nothing, and it keeps the focus.
    expect(fewer.getAttribute('aria-disabled')).toBe('true');
    await userEvent.keyboard('{Enter}');
    await el.updateComplete;
    expect(el.getAttribute('b')).toBe('5; 7; 0');
    expect(el.shadowRoot!.activeElement).toBe(fewer);
  });

  it('step mode walks C cell by cell and writes each dot product out with numbers', async () => {
    const el = await mount('a="1 2; 3 4" b="5 6; 7 8"');
    const h = harness(el);
    const toggle = h.button(/^Step through/);
    expect(toggle.getAttribute('aria-expanded')).toBe('false');

    await press(toggle, '{Enter}');
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    const live = el.shadowRoot!.querySelector('.step-text')!;
    expect(live.getAttribute('aria-live')).toBe('polite');
    expect(h.stepText()).toContain('Cell 1 of 4: row 1 of A times column 1 of B');
    expect(h.stepText()).toContain('c₁₁ = 1·5 + 2·7 = 19');

    await press(h.button(/^Next cell$/), '{Enter}');
    expect(h.stepText()).toContain('c₁₂ = 1·6 + 2·8 = 22');
    // Row 1 of A, column 2 of B and the cell c₁₂ are highlighted.
    const rowOfA = h.table(/^A/).querySelectorAll('tbody tr');
    expect(rowOfA[0]!.classList.contains('hl')).toBe(true);
    expect(rowOfA[1]!.classList.contains('hl')).toBe(false);
    const columnOfB = [...h.table(/^B/).querySelectorAll('tbody td.hl input')];
    expect(columnOfB.map((i) => i.getAttribute('aria-label'))).toEqual([
      'B row 1 column 2',
      'B row 2 column 2',
    ]);
    expect(text(h.table(/^C/).querySelector('td.current'))).toBe('22');

    await userEvent.keyboard('{Enter}');
    await userEvent.keyboard('{Enter}');
    await el.updateComplete;
    expect(h.stepText()).toContain('c₂₂ = 3·6 + 4·8 = 50');
    expect(h.button(/^Next cell$/).getAttribute('aria-disabled')).toBe('true');
    await userEvent.keyboard('{Enter}'); // past the last cell: nothing happens
    await el.updateComplete;
    expect(h.stepText()).toContain('Cell 4 of 4');

    await userEvent.click(h.button(/^Previous cell$/));
    await el.updateComplete;
    expect(h.stepText()).toContain('c₂₁ = 3·5 + 4·7 = 43');

    // Editing a cell rewrites the current dot product; negative factors are in parentheses.
    await userEvent.fill(h.cell('A row 2 column 2'), '-1');
    await el.updateComplete;
    expect(h.stepText()).toContain('c₂₁ = 3·5 + (−1)·7 = 8');
  });

  it('layer mode computes a = σ(Wx + b) with the numbers of src/math, one neuron per row of W', async () => {
    const el = await mount(
      'mode="layer" weights="0.5 -1 2; 1 0.25 -3" input="1; 2; -0.5" bias="0.1; -0.2" activation="sigmoid"',
    );
    const h = harness(el);
    const W = Matrix.from([
      [0.5, -1, 2],
      [1, 0.25, -3],
    ]);
    const z = W.multiply(Matrix.column([1, 2, -0.5])).add(Matrix.column([0.1, -0.2]));
    const a = z.column(0).map(sigmoid);

    expect(h.values(/^a = σ\(z\)/)).toEqual(a.map((v) => [formatNumber(v, 3)]));
    expect(h.values(/^z = Wx \+ b/)).toEqual(z.column(0).map((v) => [formatNumber(v, 1)]));
    expect(text(h.table(/^W/).querySelector('tbody th'))).toBe('neuron 1');
    const neurons = text(el.shadowRoot!.querySelector('[part~="neurons"]'));
    expect(neurons).toContain(
      'Neuron 1 (row 1 of W): z₁ = 0.5·1 + (−1)·2 + 2·(−0.5) + 0.1 = −2.4, a₁ = σ(−2.4) = 0.083',
    );
    expect(neurons).toContain('z₂ = 1·1 + 0.25·2 + (−3)·(−0.5) − 0.2 = 2.8');
    expect(h.cell('W row 2 column 3').getAttribute('aria-label')).toBe(
      "W row 2 column 3: neuron 2's weight for input 3",
    );

    const events = collectDetails<MatrixMultiplyChangeDetail>(el);
    await userEvent.fill(h.cell('x row 1'), '3');
    await el.updateComplete;
    expect(el.getAttribute('input')).toBe('3; 2; -0.5');
    const detail = events.at(-1)!;
    expect(detail.mode).toBe('layer');
    if (detail.mode !== 'layer') return;
    const z1 = 0.5 * 3 + -1 * 2 + 2 * -0.5 + 0.1;
    expect(detail.z[0]).toBeCloseTo(z1, 12);
    expect(detail.output[0]).toBe(sigmoid(detail.z[0]!));

    await userEvent.selectOptions(h.select(), 'relu');
    await el.updateComplete;
    expect(el.getAttribute('activation')).toBe('relu');
    expect(h.values(/^a = ReLU\(z\)/)).toEqual([['0'], ['4.8']]); // z = (−1.4, 4.8) since x₁ = 3
  });

  it('layer mode explains a bias vector that does not fit W, and fixes it on request', async () => {
    const el = await mount('mode="layer" weights="1 2; 3 4" input="1; 1" bias="1; 2; 3"');
    const h = harness(el);
    expect(h.part('messages')).toContain(
      'W has 2 rows (one neuron each) but b has 3 numbers: each neuron needs one bias.',
    );
    await userEvent.click(h.button(/^Give b 2 numbers$/));
    await el.updateComplete;
    expect(el.getAttribute('bias')).toBe('1; 2');
    expect(h.values(/^z = Wx \+ b/)).toEqual([['4'], ['9']]);
  });

  it('explains shapes from attributes that do not fit, in words, and offers to resize B', async () => {
    const el = await mount('a="1 2 3; 4 5 6" b="1 2; 3 4"');
    const h = harness(el);
    expect(h.part('messages')).toContain(
      'A has 3 columns but B has 2 rows: to multiply, they must match.',
    );
    expect(text(el.shadowRoot!.querySelector('.no-result'))).toContain('no product');
    expect(h.part('summary')).toBe(
      'A has 3 columns but B has 2 rows: to multiply, they must match.',
    );

    await userEvent.click(h.button(/^Give B 3 rows$/));
    await el.updateComplete;
    expect(el.getAttribute('b')).toBe('1 2; 3 4; 0 0');
    expect(h.values(/^C = AB/)).toEqual([
      ['7', '10'],
      ['19', '28'],
    ]);
  });

  itFallsBackOnBadAttributes(
    mount,
    [
      badMatrix('a', '1 2; 3', 'row 2 has 1 number but row 1 has 2'),
      badMatrix('a', '1 x', 'row 1, column 2: “x” is not a number'),
      badMatrix('b', '1 2 3 4 5 6 7', 'is 1×7; matrices here have 1 to 6 rows and columns'),
    ],
    { update: (el) => el.requestUpdate(), also: ' mode="product"' },
  );

  itFallsBackOnBadAttributes(mount, [badMatrix('input', '1 2; 3 4', 'not a vector')], {
    update: (el) => el.requestUpdate(),
    also: ' mode="layer"',
  });

  it('a bad mode="nope" falls back to the product with one warning', async () => {
    const warn = silenceWarnings();
    const el = await mount('mode="nope"');
    expect(el.mode).toBe('product');
    expect(harness(el).values(/^C = AB/)).toEqual([
      ['19', '22'],
      ['43', '50'],
    ]);
    el.requestUpdate();
    await el.updateComplete;
    expectOneWarning(warn, 'mode="nope"');
  });

  it('a caller setting an attribute replaces the cells; ArrowDown moves to the cell below', async () => {
    const el = await mount();
    const h = harness(el);
    el.setAttribute('a', '2 0; 0 2');
    await el.updateComplete;
    expect(h.values(/^C = AB/)).toEqual([
      ['10', '12'],
      ['14', '16'],
    ]);
    await press(h.cell('A row 1 column 2'), '{ArrowDown}');
    expect(el.shadowRoot!.activeElement).toBe(h.cell('A row 2 column 2'));
  });

  it('fits a 375px phone: a 6×6 product scrolls inside its own labelled region', async () => {
    const six = Array.from({ length: 6 }, () => '1 -2.5 3 4 5 6').join('; ');
    const el = await mount(`a="${six}" b="${six}"`, 343);
    const h = harness(el);
    expect(el.getBoundingClientRect().width).toBeLessThanOrEqual(343);
    expect(el.scrollWidth).toBeLessThanOrEqual(el.clientWidth + 1);
    expect(document.documentElement.scrollWidth).toBeLessThanOrEqual(window.innerWidth);
    const region = h.region();
    expect(region.getAttribute('role')).toBe('region');
    expect(region.getAttribute('aria-label')).toMatch(/matrices/i);
    expect(region.scrollWidth).toBeGreaterThan(region.clientWidth);
  });

  it('has no axe violations in light mode, stepping, with a bad cell', async () => {
    const el = await mount();
    const h = harness(el);
    await userEvent.click(h.button(/^Step through/));
    await userEvent.fill(h.cell('B row 1 column 1'), 'abc');
    await el.updateComplete;
    await expectNoAxeViolations(el);
  });

  it('has no axe violations in dark mode, in both modes', async () => {
    await inDarkMode(async () => {
      expect(matchMedia('(prefers-color-scheme: dark)').matches).toBe(true);
      const el = await mount();
      await userEvent.click(harness(el).button(/^Step through/));
      await el.updateComplete;
      await expectNoAxeViolationsInDark(el);

      const layer = await mount('mode="layer" activation="tanh"');
      await userEvent.fill(harness(layer).cell('b row 1'), '?');
      await layer.updateComplete;
      await expectNoAxeViolations(layer);
    });
  });
});
