/**
 * The words of the progress tools (`<gt-progress-tools>`): an import's preview, the list of kept
 * copies of damaged progress. Pure.
 */
import type { KeptCopy } from '../lesson/progress';
import type { LessonChange } from '../lesson/progress-data';

/** Words for one lesson's change in an import's preview. */
export function describeChange(change: LessonChange, title: string, stepCount?: number): string {
  const parts: string[] = [];
  const [seenBefore, seenAfter] = change.seen;
  const of = stepCount ? ` of ${stepCount}` : '';
  if (seenBefore !== seenAfter) parts.push(`steps seen ${seenBefore} → ${seenAfter}${of}`);
  const [solvedBefore, solvedAfter] = change.solved;
  if (solvedBefore !== solvedAfter) parts.push(`exercises solved ${solvedBefore} → ${solvedAfter}`);
  const [doneBefore, doneAfter] = change.completed;
  if (doneBefore !== doneAfter) parts.push(doneAfter ? 'finished' : 'no longer finished');
  if (parts.length === 0) parts.push('other steps or answers (the same counts)');
  return `${title}: ${parts.join('; ')}`;
}

/** Whether a change loses something the student has now. */
export function loses(change: LessonChange): boolean {
  return (
    change.seen[1] < change.seen[0] ||
    change.solved[1] < change.solved[0] ||
    (change.completed[0] && !change.completed[1])
  );
}

export function formatSize(chars: number): string {
  return chars >= 100_000
    ? `${(chars / 1_000_000).toFixed(1)} MB`
    : `${Math.max(1, Math.round(chars / 1000))} kB`;
}

/** The moment a kept copy was made, from its name (`…:damaged:<ISO time>`). */
export function keptWhen(copy: KeptCopy): string {
  const date = new Date(keptStamp(copy));
  return Number.isNaN(date.getTime())
    ? copy.name
    : date.toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' });
}

/** The ISO time a kept copy was made, from its name (`…:damaged:<ISO time>`). */
export function keptStamp(copy: KeptCopy): string {
  return copy.name.slice(copy.name.lastIndexOf(':damaged:') + ':damaged:'.length);
}
