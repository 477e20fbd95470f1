import { describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import '../../src/lesson/exercise';
import type { ExerciseSpec } from '../../src/lesson/types';
import { expectNoAxeViolations } from './axe';
import { clearPageAfterEach } from './harness';
import { attachWidget } from './settle';

const numeric: ExerciseSpec = {
  id: 'sigma-zero',
  kind: 'numeric',
  prompt: '<p>What is σ(0)?</p>',
  answer: 0.5,
  tolerance: 0.001,
  hints: ['<p>What is e to the power 0?</p>', '<p>1 / (1 + 1)</p>'],
  solution: '<p>σ(0) = 1 / (1 + e⁰) = 1/2.</p>',
  attempts: 3,
};

const choice: ExerciseSpec = {
  id: 'steep',
  kind: 'choice',
  prompt: '<p>Which weight makes the steepest curve?</p>',
  choices: ['<p>w = 0.5</p>', '<p>w = 1</p>', '<p>w = 8</p>'],
  answer: 2,
  hints: ['<p>A larger |w| squeezes the curve.</p>'],
  solution: '<p>w = 8.</p>',
  attempts: 3,
};

const predict: ExerciseSpec = {
  id: 'big-w',
  kind: 'predict',
  prompt: '<p>What happens as w grows?</p>',
  choices: ['<p>The curve flattens</p>', '<p>The curve becomes a step</p>'],
  answer: 1,
  hints: ['<p>Think about large z.</p>'],
  solution: '<p>It approaches a step.</p>',
  attempts: 3,
  reveal: '<p class="revealed">The result</p>',
};

/** A small harness: mount an exercise and reach its controls by role and text, as a student would. */
async function mount(spec: ExerciseSpec) {
  const el = await attachWidget('nn-exercise', { lessonId: 'test-lesson', spec });
  const events: string[] = [];
  el.addEventListener('nn-exercise-attempt', (e) =>
    events.push(`attempt:${(e as CustomEvent).detail.correct}`),
  );
  el.addEventListener('nn-exercise-solved', () => events.push('solved'));
  const root = el.shadowRoot!;
  return {
    el,
    events,
    status: () => root.querySelector('[role=status]')!.textContent!.trim(),
    text: () => root.textContent!.replace(/\s+/g, ' '),
    input: () => root.querySelector<HTMLInputElement>('input[type=text]')!,
    radios: () => [...root.querySelectorAll<HTMLInputElement>('input[type=radio]')],
    button: (name: string) =>
      [...root.querySelectorAll('button')].find((b) => b.textContent!.trim() === name)!,
    async answer(value: string) {
      const input = this.input();
      await userEvent.clear(input);
      if (value) await userEvent.type(input, value);
      await userEvent.keyboard('{Enter}');
      await el.updateComplete;
    },
  };
}

clearPageAfterEach();

describe('<nn-exercise> numeric', () => {
  it('explains non-numbers without counting them as attempts', async () => {
    const h = await mount(numeric);
    await h.answer('abc');
    expect(h.status()).toContain('“abc” is not a number');
    await h.answer('1,5');
    expect(h.status()).toContain('Use a dot for decimals');
    await h.answer('');
    expect(h.status()).toContain('Type a number first');
    expect(h.input().getAttribute('aria-invalid')).toBe('true');
    expect(h.events).toEqual([]);
    expect(h.text()).not.toContain('Hint');
  });

  it('gives a hint after each wrong attempt, then the worked answer, then accepts the right one', async () => {
    const h = await mount(numeric);
    await h.answer('0.6');
    expect(h.status()).toContain('Not quite');
    expect(h.text()).toContain('What is e to the power 0?');
    expect(h.text()).not.toContain('1 / (1 + 1)');
    await h.answer('0.4');
    expect(h.text()).toContain('1 / (1 + 1)');
    expect(h.text()).not.toContain('Worked answer');
    await h.answer('2');
    expect(h.text()).toContain('Worked answer');
    await h.answer('0.5004');
    expect(h.status()).toContain('Correct');
    expect(h.text()).toContain('✓ solved');
    expect(h.input().readOnly).toBe(true);
    expect(h.events).toEqual([
      'attempt:false',
      'attempt:false',
      'attempt:false',
      'attempt:true',
      'solved',
    ]);
  });

  it('offers the worked answer on request after one wrong attempt', async () => {
    const h = await mount(numeric);
    await h.answer('3');
    await userEvent.click(h.button('Show the worked answer'));
    await h.el.updateComplete;
    expect(h.text()).toContain('σ(0) = 1 / (1 + e⁰) = 1/2.');
  });

  it('has no axe violations, before and after feedback', async () => {
    const h = await mount(numeric);
    await expectNoAxeViolations(h.el);
    await h.answer('0.9');
    await expectNoAxeViolations(h.el);
  });
});

describe('<nn-exercise> multiple choice', () => {
  it('asks for a choice, marks a wrong one with a hint and accepts the right one', async () => {
    const h = await mount(choice);
    await userEvent.click(h.button('Check'));
    await h.el.updateComplete;
    expect(h.status()).toBe('Pick an answer first.');
    await userEvent.click(h.radios()[0]!);
    await userEvent.click(h.button('Check'));
    await h.el.updateComplete;
    expect(h.status()).toContain('Not quite');
    expect(h.text()).toContain('A larger |w| squeezes the curve.');
    await userEvent.click(h.radios()[2]!);
    await userEvent.click(h.button('Check'));
    await h.el.updateComplete;
    expect(h.status()).toBe('Correct!');
    expect(h.radios().every((r) => r.matches(':disabled'))).toBe(true);
    await expectNoAxeViolations(h.el);
  });
});

describe('<nn-exercise> predict, then check', () => {
  it('reveals the widget only after the student commits a prediction', async () => {
    const h = await mount(predict);
    expect(h.el.shadowRoot!.querySelector('.revealed')).toBeNull();
    await userEvent.click(h.radios()[0]!);
    await userEvent.click(h.button('Commit my prediction'));
    await h.el.updateComplete;
    expect(h.el.shadowRoot!.querySelector('.revealed')).not.toBeNull();
    expect(h.status()).toContain('Not what happens');
    expect(h.text()).toContain('It approaches a step.');
    expect(h.text()).toContain('✓ done');
    expect(h.radios().every((r) => r.matches(':disabled'))).toBe(true);
    expect(h.events).toEqual(['attempt:false', 'solved']);
    await expectNoAxeViolations(h.el);
  });
});
