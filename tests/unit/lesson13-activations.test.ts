/**
 * Lesson 13's table of activations states facts that live in src/math/activations.ts (one source
 * per fact, issue 13): each row's largest slope must be the table's `peakSlope`, and the lesson must
 * name every activation <nn-gradient-flow> offers.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ACTIVATIONS } from '../../src/math/activations';
import { FLOW_ACTIVATIONS } from '../../src/widgets/gradient-flow/model';

const lesson = readFileSync(new URL('../../lessons/13-deep-networks.md', import.meta.url), 'utf8');

/** The rows of the lesson's table: [label, slope, largest slope]. */
function rows(): string[][] {
  return lesson
    .split('\n')
    .filter((line) => line.startsWith('| '))
    .slice(2) // the header and the rule
    .map((line) =>
      line
        .split('|')
        .slice(1, -1)
        .map((cell) => cell.trim()),
    );
}

describe('lesson 13', () => {
  it('lists the activations of the widget, each with the largest slope of src/math', () => {
    const table = rows();
    expect(table.map((r) => r[0])).toEqual(FLOW_ACTIVATIONS.map((n) => ACTIVATIONS[n].label));
    for (const [label, , peak] of table) {
      const name = FLOW_ACTIVATIONS.find((n) => ACTIVATIONS[n].label === label)!;
      expect(Number(peak!.replace(/\$/g, '')), label).toBe(ACTIVATIONS[name].peakSlope);
    }
  });

  it("asks for 0.25¹⁰'s inverse, the sigmoid's peak slope ten times over", () => {
    const answer = Number(/id: ten-sigmoid-layers[\s\S]*?answer: (\d+)/.exec(lesson)![1]);
    expect(answer).toBe(Math.round(1 / ACTIVATIONS.sigmoid.peakSlope ** 10));
  });
});
