import { describe, expect, it } from 'vitest';
import { gridAreas, tintedArea } from '../../src/widgets/shared/tokens';

/** The stylesheet's text with white space folded, so the rules read on one line. */
const text = (result: { cssText: string }) => result.cssText.replace(/\s+/g, ' ').trim();

describe('gridAreas: the areas of a widget’s .layout', () => {
  it('puts one area a row on a phone, in the order given', () => {
    expect(text(gridAreas(['chart', 'controls', 'table']))).toBe(
      ".layout { grid-template-areas: 'chart' 'controls' 'table'; }",
    );
  });

  it('adds two top-aligned columns from 760px, or from the width asked for', () => {
    const wide = { columns: 'minmax(0, 1fr) 20rem', areas: ['chart controls', 'table table'] };
    const rule = (from: number) =>
      `@container (min-width: ${from}px) { .layout { grid-template-columns: minmax(0, 1fr) 20rem; ` +
      "grid-template-areas: 'chart controls' 'table table'; align-items: start; } }";
    expect(text(gridAreas(['chart', 'controls', 'table'], wide))).toBe(
      ".layout { grid-template-areas: 'chart' 'controls' 'table'; } " + rule(760),
    );
    expect(text(gridAreas(['chart'], { ...wide, from: 720 }))).toContain(rule(720));
  });

  it.each([["chart'; color: red"], ['two  spaces'], ['']])('refuses %j as a row', (row) => {
    expect(() => gridAreas(['chart', row])).toThrow(`'${row}' is not a row of area names`);
  });
});

describe('tintedArea: a tinted box in its own grid area', () => {
  it('fills the grid area of its class name', () => {
    expect(text(tintedArea('why'))).toBe(
      '.why { grid-area: why; background: var(--_surface); border-radius: var(--_radius); padding: 0.75rem 1rem; }',
    );
  });

  it('refuses a name that is not a class name', () => {
    expect(() => tintedArea('why { color: red }')).toThrow('is not a class name');
  });
});
