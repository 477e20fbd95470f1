/** The studio's small pure rules: which step a line of the text is in, and where each step is. */

/**
 * The step (1-based) that line `line` (1-based) of a lesson's text belongs to: the number of `##`
 * headings at or above it, outside fenced blocks (1 above the first heading).
 */
export function stepAtLine(source: string, line: number): number {
  const lines = source.split('\n').slice(0, Math.max(0, line));
  let step = 0;
  let fence: string | null = null;
  for (const text of lines) {
    const mark = /^\s{0,3}(`{3,}|~{3,})/.exec(text)?.[1];
    if (mark && (fence === null || (mark[0] === fence[0] && mark.length >= fence.length))) {
      fence = fence === null ? mark : null;
      continue;
    }
    if (fence === null && /^##(\s|$)/.test(text)) step++;
  }
  return Math.max(1, step);
}

/** The lines (1-based, inclusive) of each `##` step of a lesson's text, outside fenced blocks. */
export function stepRanges(source: string): { from: number; to: number }[] {
  const lines = source.split('\n');
  const starts: number[] = [];
  let fence: string | null = null;
  lines.forEach((text, i) => {
    const mark = /^\s{0,3}(`{3,}|~{3,})/.exec(text)?.[1];
    if (mark && (fence === null || (mark[0] === fence[0] && mark.length >= fence.length))) {
      fence = fence === null ? mark : null;
      return;
    }
    if (fence === null && /^##(\s|$)/.test(text)) starts.push(i + 1);
  });
  return starts.map((from, i) => ({ from, to: (starts[i + 1] ?? lines.length + 1) - 1 }));
}
