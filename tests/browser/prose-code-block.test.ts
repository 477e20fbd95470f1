import { afterEach, describe, expect, it } from 'vitest';
import { proseStyles } from '../../src/lesson/prose-styles';

/**
 * Issue 14 item 9: lesson 9's CSV block showed its first line one character further right than
 * the others (the inline code's padding applied to the block's code, and inline padding moves
 * only the first line).
 */
afterEach(() => {
  document.body.innerHTML = '';
});

/** The left edge of the first character of each line of the code block, in px. */
function lineStarts(code: HTMLElement): number[] {
  const text = code.firstChild as Text;
  const starts: number[] = [];
  let offset = 0;
  for (const line of text.data.split('\n')) {
    if (line !== '') {
      const range = document.createRange();
      range.setStart(text, offset);
      range.setEnd(text, offset + 1);
      starts.push(range.getBoundingClientRect().left);
    }
    offset += line.length + 1;
  }
  return starts;
}

describe('lesson prose: a fenced code block', () => {
  it('starts every line at the same place, and inline code keeps its padding', async () => {
    const host = document.createElement('div');
    document.body.append(host);
    const root = host.attachShadow({ mode: 'open' });
    root.adoptedStyleSheets = proseStyles.map((s) => s.styleSheet!);
    // As the compiler writes lesson 9 step 1's block (markdown-it: <pre><code class=…>).
    root.innerHTML =
      '<div class="prose"><p>Use <code>csv</code> files.</p>' +
      '<pre tabindex="0" role="region" aria-label="Code (text)"><code class="language-text">' +
      'hours slept,minutes of exercise,good mood\n7.5,30,yes\n5,10,no\n8,0,yes\n</code></pre></div>';
    await new Promise((r) => requestAnimationFrame(r));
    const starts = lineStarts(root.querySelector('pre code')!);
    expect(starts).toHaveLength(4);
    expect(starts.map((x) => x - starts[1]!)).toEqual([0, 0, 0, 0]);
    const inline = getComputedStyle(root.querySelector('p code')!);
    expect(parseFloat(inline.paddingLeft)).toBeGreaterThan(0);
  });
});
