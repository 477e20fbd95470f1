/** One compile of the studio's text, as the worker (or the page, without a worker) runs it. */
import { LessonError, compileLesson } from '../../lesson/compile';
import type { Lesson } from '../../lesson/types';

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

export type CompileResult = { ok: true; lesson: Lesson } | { ok: false; problem: CompileProblem };

export function compileSource(source: string, file: string): CompileResult {
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
