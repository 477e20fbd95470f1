/** One compile of the studio's text, as the worker (or the page, without a worker) runs it. */
import { LessonError, compileLesson } from '../../lesson/compile';
import type { Lesson } from '../../lesson/types';
import { stepRanges } from './model';

export interface CompileRequest {
  id: number;
  source: string;
  /** The file name used in messages, as the build would write it (`lessons/NN-slug.md`). */
  file: string;
}

export interface CompileProblem {
  /** 1-based line of the whole text. */
  line: number;
  /** `file:line: what to fix`, exactly as the build says it. */
  message: string;
  /** The message without `file:line: `. */
  detail: string;
}

export type CompileResult =
  { ok: true; lesson: Lesson } | { ok: false; problems: CompileProblem[] };

/** At most this many problems are listed (one per step). */
const MAX_PROBLEMS = 20;

/**
 * Compiles the text; on a problem, finds the others too. The compiler stops at the first problem,
 * so the step that holds it is blanked out (its lines kept, empty, so that lines stay where they
 * are) and the text is compiled again, until it compiles or the problem is not in a step (the
 * front matter): one problem per step, each at its line, with the build's message.
 */
export function compileSource(source: string, file: string): CompileResult {
  const first = attempt(source, file);
  if (first.ok) return first;
  const problems = [first.problem];
  const ranges = stepRanges(source);
  const lines = source.split('\n');
  const blanked: { from: number; to: number }[] = [];
  while (problems.length < MAX_PROBLEMS) {
    const line = problems[problems.length - 1]!.line;
    const step = ranges.find((r) => line >= r.from && line <= r.to);
    if (!step || blanked.includes(step)) break;
    blanked.push(step);
    for (let n = step.from; n <= step.to; n++) lines[n - 1] = '';
    if (blanked.length === ranges.length) break; // nothing left to compile
    const next = attempt(lines.join('\n'), file);
    if (next.ok) break;
    const again = next.problem.line;
    if (blanked.some((r) => again >= r.from && again <= r.to)) break;
    problems.push(next.problem);
  }
  return { ok: false, problems: problems.sort((a, b) => a.line - b.line) };
}

function attempt(
  source: string,
  file: string,
): { ok: true; lesson: Lesson } | { ok: false; problem: CompileProblem } {
  try {
    // The studio shows what a shared link would show: the untrusted rules apply.
    return { ok: true, lesson: compileLesson(source, { file, untrusted: true }) };
  } catch (error) {
    if (error instanceof LessonError) {
      return {
        ok: false,
        problem: { line: error.line, message: error.message, detail: error.detail },
      };
    }
    const detail = `the compiler stopped: ${error instanceof Error ? error.message : String(error)}`;
    return { ok: false, problem: { line: 1, message: `${file}:1: ${detail}`, detail } };
  }
}
