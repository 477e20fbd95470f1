/**
 * What a new draft can start from: an empty lesson, or a copy of one of the course's lessons (its
 * Markdown, loaded as text only when chosen: each is a small chunk of its own, precached for offline).
 */
import { lessons } from 'virtual:lessons';

const sources = import.meta.glob<string>('../../../lessons/*.md', {
  query: '?raw',
  import: 'default',
});

export interface Starter {
  value: string;
  label: string;
}

/** The empty lesson: the front matter, two steps, a widget and an exercise to change. */
export const EMPTY_LESSON = `---
id: my-lesson
title: My lesson
order: 1
summary: One line that says what the lesson is about.
objectives:
  - Say what the student will be able to do afterwards
minutes: 10
---

## A first step

Each \`##\` heading starts a step. Write Markdown here; math goes between dollar signs: $\\sigma(0) = 0.5$.

Type \`<\` to add a widget, then a space inside its tag to see its attributes.

<nn-sigmoid-explorer weight="2"></nn-sigmoid-explorer>

## A question

\`\`\`exercise
id: sigmoid-at-zero
kind: numeric
prompt: What is $\\sigma(0)$?
answer: 0.5
tolerance: 0.01
hint: The curve crosses the middle of its range where its input is zero.
solution: $\\sigma(0) = \\frac{1}{1 + e^0} = \\frac{1}{2}$.
\`\`\`
`;

export const STARTERS: readonly Starter[] = [
  { value: 'empty', label: 'An empty lesson' },
  ...lessons.map((l) => ({ value: l.file, label: `A copy of lesson ${l.order}: ${l.title}` })),
];

/** The text of a starter (`empty`, or a course lesson's file `lessons/NN-slug.md`). */
export async function starterText(value: string): Promise<string> {
  if (value === 'empty') return EMPTY_LESSON;
  const load = sources[`../../../${value}`];
  if (!load) throw new Error(`no lesson file ${value}`);
  return load();
}
