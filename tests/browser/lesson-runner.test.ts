import { describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { ContextProvider } from '@lit/context';
import '../../src/lesson/lesson-runner';
import { progressContext } from '../../src/lesson/context';
import { MemoryStorage, ProgressStore } from '../../src/lesson/progress';
import type { Lesson } from '../../src/lesson/types';
import { expectNoAxeViolations } from './axe';
import { clearPageAfterEach } from './harness';
import { attachWidget } from './settle';

const lesson: Lesson = {
  id: 'demo',
  title: 'A demo lesson',
  order: 1,
  summary: 'Three steps.',
  objectives: ['Walk three steps'],
  minutes: 1,
  stepCount: 3,
  exerciseIds: ['q'],
  widgets: [],
  file: 'lessons/01-demo.md',
  steps: [
    { title: 'One', titleHtml: 'One', html: '<p>First step.</p>' },
    {
      title: 'Two',
      titleHtml: 'Two',
      html: '<p>Second step.</p><nn-exercise exercise-id="q"></nn-exercise>',
    },
    {
      title: 'Three',
      titleHtml: 'Three',
      html:
        '<p>Last step.</p><input type="range" aria-label="A slider" min="0" max="10">' +
        '<nn-test-chart tabindex="0" aria-label="A chart"></nn-test-chart>',
    },
  ],
  exercises: {
    q: {
      id: 'q',
      kind: 'numeric',
      prompt: '<p>What is 1 + 1?</p>',
      answer: 2,
      tolerance: 0,
      hints: ['<p>Count.</p>'],
      solution: '<p>2.</p>',
      attempts: 3,
    },
  },
};

async function mount() {
  const el = await attachWidget('nn-lesson', { lesson });
  const steps: number[] = [];
  el.addEventListener('nn-step-change', (e) => steps.push((e as CustomEvent).detail.step));
  const root = el.shadowRoot!;
  return {
    el,
    steps,
    heading: () => root.querySelector('h2')!,
    /** Press `keys` where the focus is, wait for the lesson to update, and read the step's heading. */
    async afterKeys(keys: string): Promise<string | null> {
      await userEvent.keyboard(keys);
      await el.updateComplete;
      return root.querySelector('h2')!.textContent;
    },
    /** The step's exercise, once it has rendered. */
    async exercise(): Promise<Element> {
      const exercise = root.querySelector('nn-exercise')!;
      await (exercise as unknown as { updateComplete: Promise<void> }).updateComplete;
      return exercise;
    },
    text: () => root.textContent!.replace(/\s+/g, ' '),
    button: (name: string) =>
      [...root.querySelectorAll('button')].find((b) => b.textContent!.includes(name)),
  };
}

/** A widget with its own arrow keys: it marks them handled, as the course's widgets do. */
class TestChart extends HTMLElement {
  moves = 0;
  constructor() {
    super();
    this.addEventListener('keydown', (e) => {
      if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return;
      e.preventDefault();
      this.moves++;
    });
  }
}
if (!customElements.get('nn-test-chart')) customElements.define('nn-test-chart', TestChart);

clearPageAfterEach();

describe('<nn-lesson>', () => {
  it('shows one step at a time with its position, and moves with Next/Back', async () => {
    const h = await mount();
    expect(h.heading().textContent).toBe('One');
    expect(h.text()).toContain('Step 1 of 3');
    expect(h.button('Back')!.disabled).toBe(true);
    await userEvent.click(h.button('Next')!);
    await h.el.updateComplete;
    expect(h.heading().textContent).toBe('Two');
    expect(h.text()).toContain('Step 2 of 3');
    expect(h.el.shadowRoot!.activeElement).toBe(h.heading());
    await userEvent.click(h.button('Back')!);
    await h.el.updateComplete;
    expect(h.heading().textContent).toBe('One');
    expect(h.steps).toEqual([2, 1]);
  });

  it('moves with the arrow keys, but not while typing in an answer', async () => {
    const h = await mount();
    h.heading().focus();
    expect(await h.afterKeys('{ArrowRight}')).toBe('Two');
    const exercise = await h.exercise();
    const input = exercise.shadowRoot!.querySelector('input')!;
    await userEvent.click(input);
    expect(await h.afterKeys('{ArrowRight}')).toBe('Two');
  });

  it('moves with the arrow keys when nothing has focus, as after a fresh deep link', async () => {
    const h = await mount();
    h.el.step = 2;
    await h.el.updateComplete;
    (document.activeElement as HTMLElement | null)?.blur();
    expect(document.activeElement).toBe(document.body);
    expect(await h.afterKeys('{ArrowRight}')).toBe('Three');
    expect(await h.afterKeys('{ArrowLeft}')).toBe('Two');
    expect(h.steps).toEqual([3, 2]);
  });

  it('moves with the arrow keys after a click on the lesson text', async () => {
    const h = await mount();
    await userEvent.click(h.el.shadowRoot!.querySelector('.prose p')!);
    expect(await h.afterKeys('{ArrowRight}')).toBe('Two');
  });

  it('leaves the arrow keys to a focused slider and to a widget that handles them', async () => {
    const h = await mount();
    h.el.step = 3;
    await h.el.updateComplete;
    const root = h.el.shadowRoot!;
    const slider = root.querySelector<HTMLInputElement>('input[type=range]')!;
    slider.focus();
    expect(await h.afterKeys('{ArrowLeft}')).toBe('Three');
    expect(slider.value).toBe('4');
    const chart = root.querySelector<TestChart>('nn-test-chart')!;
    chart.focus();
    await userEvent.keyboard('{ArrowLeft}');
    await h.el.updateComplete;
    expect(chart.moves).toBe(1);
    expect(h.heading().textContent).toBe('Three');
    expect(h.steps).toEqual([]);
  });

  it('stops listening to the page once removed', async () => {
    const h = await mount();
    h.el.remove();
    const event = new KeyboardEvent('keydown', {
      key: 'ArrowRight',
      bubbles: true,
      cancelable: true,
    });
    document.body.dispatchEvent(event);
    expect(event.defaultPrevented).toBe(false);
    expect(h.steps).toEqual([]);
  });

  it('hands each exercise its spec', async () => {
    const h = await mount();
    h.el.go(2);
    await h.el.updateComplete;
    const exercise = await h.exercise();
    expect(exercise.shadowRoot!.textContent).toContain('What is 1 + 1?');
  });

  it('hands an exercise its new spec when the lesson is recompiled with the same id (the studio)', async () => {
    const h = await mount();
    h.el.go(2);
    await h.el.updateComplete;
    h.el.lesson = {
      ...lesson,
      exercises: {
        q: { ...lesson.exercises.q!, prompt: '<p>What is 2 + 2?</p>' } as typeof lesson.exercises.q,
      },
    } as Lesson;
    await h.el.updateComplete;
    const exercise = await h.exercise();
    expect(exercise.shadowRoot!.textContent).toContain('What is 2 + 2?');
  });

  it('celebrates on the last step and offers the way on', async () => {
    const h = await mount();
    h.el.step = 3;
    await h.el.updateComplete;
    expect(h.text()).toContain('Lesson complete: A demo lesson');
    // No emoji (a machine without an emoji font shows an empty box): a drawn mark, hidden from
    // screen readers.
    const heading = h.el.shadowRoot!.querySelector('#done-title')!;
    expect(heading.textContent).not.toMatch(/\p{Extended_Pictographic}/u);
    expect(heading.querySelector('svg')?.getAttribute('aria-hidden')).toBe('true');
    expect(h.button('Next')).toBeUndefined();
    expect(h.text()).toContain('Back to the course map');
  });

  it('says progress is saved only where a store keeps it on the device', async () => {
    const endText = async (store: ProgressStore | null) => {
      document.body.replaceChildren();
      const host = document.createElement('div');
      document.body.append(host);
      if (store) new ContextProvider(host, { context: progressContext, initialValue: store });
      const el = await attachWidget('nn-lesson', { lesson, step: 3 }, host);
      await new Promise((resolve) => requestAnimationFrame(resolve));
      await el.updateComplete;
      return el.shadowRoot!.textContent!.replace(/\s+/g, ' ');
    };
    expect(await endText(new ProgressStore(new MemoryStorage(), 'test:lesson'))).toContain(
      'Your progress is saved on this device.',
    );
    // The studio's preview keeps answers in memory only, and says so.
    const preview = new ProgressStore(new MemoryStorage(), 'test:preview', undefined, {
      memoryOnly: true,
    });
    const text = await endText(preview);
    expect(text).toContain('This is a preview: answers given here are not saved.');
    expect(text).not.toContain('saved on this device');
    expect(await endText(null)).not.toContain('saved on this device');
  });

  it('clamps an out-of-range step to the lesson', async () => {
    const h = await mount();
    h.el.step = 99;
    await h.el.updateComplete;
    expect(h.text()).toContain('Step 3 of 3');
  });

  it('has no axe violations on a step with an exercise and on the last step', async () => {
    const h = await mount();
    h.el.go(2);
    await h.el.updateComplete;
    await expectNoAxeViolations(h.el);
    h.el.go(3);
    await h.el.updateComplete;
    await expectNoAxeViolations(h.el);
  });
});
