/**
 * The lesson compiler: a lesson's Markdown source in, the lesson data the runtime shows out.
 *
 * Pure (no fs, no DOM): it runs in the Vite plugin at build time, in unit tests, and could run in a
 * browser. Every problem is a `LessonError` whose message starts with `file:line: ` and says how to fix
 * it. The parts live in `./compile/`: front matter, math, widgets, exercises, Markdown plumbing.
 *
 * A lesson file (`lessons/NN-slug.md`):
 * - YAML front matter between `---` lines: id, title, order, summary, objectives, minutes.
 * - Markdown (raw HTML allowed); each `##` starts a step, nothing may come before the first one, and
 *   `#` is not used (the title is in the front matter).
 * - Math: `$…$` inline, `$$…$$` display, rendered to MathML at build time.
 * - Widgets: `<nn-*>` tags from src/widgets/catalog.ts, with their documented attributes.
 * - Exercises: a fenced block with the info string `exercise` holding YAML (see compile/exercises.ts).
 *
 * With `untrusted: true` (a shared lesson, the studio) the same source may produce only the course's
 * own elements: no raw HTML but widget tags, safe links only, no images (compile/untrusted.ts).
 */
import type { ExerciseSpec, Lesson, LessonStep } from './types.ts';
import { LessonError, type SourceRef } from './compile/errors.ts';
import { buildExercise, EXERCISE_INFO, exerciseInfoTypo } from './compile/exercises.ts';
import { splitFrontMatter } from './compile/front-matter.ts';
import {
  lineOf,
  parse,
  plainText,
  prepare,
  render,
  renderInline,
  type Token,
} from './compile/markdown.ts';
import { checkBalance } from './compile/widgets.ts';
import { checkSize } from './compile/untrusted.ts';

export { LessonError } from './compile/errors.ts';
export { frontMatterKeyLine } from './compile/front-matter.ts';

export interface CompileOptions {
  /** The file the source came from, relative to the project root; used in errors and `Lesson.file`. */
  file: string;
  /**
   * Someone else's text (a shared lesson, the studio): only the course's own elements may come
   * out, and links and size are limited (./compile/untrusted.ts). Default false.
   */
  untrusted?: boolean;
}

/** Compiles one lesson. Throws `LessonError` on the first problem found. */
export function compileLesson(source: string, options: CompileOptions): Lesson {
  const { file, untrusted = false } = options;
  if (untrusted) checkSize(source, file);
  const text = source.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const { frontMatter, body } = splitFrontMatter(text, file);
  const ref: SourceRef = untrusted ? { file, lineBase: 0, untrusted } : { file, lineBase: 0 };
  const tokens = parse(body, ref);
  const bodyLines = body.split('\n');

  const exercises: Record<string, ExerciseSpec> = {};
  const exerciseLines = new Map<string, number>();
  const onFence = (fence: Token) => {
    const line = lineOf(fence, ref);
    const typo = exerciseInfoTypo(fence.info);
    if (typo !== undefined) {
      throw new LessonError(
        file,
        line,
        `unknown block type '${typo}' (did you mean '${EXERCISE_INFO}'?).`,
      );
    }
    if (fence.info.trim().split(/\s+/)[0] !== EXERCISE_INFO) return;
    const exercise = buildExercise(fence, ref, bodyLines);
    const previous = exerciseLines.get(exercise.id);
    if (previous !== undefined) {
      throw new LessonError(
        file,
        line,
        `exercise id '${exercise.id}' is already used by the exercise at line ${previous}: give each exercise its own id.`,
      );
    }
    exerciseLines.set(exercise.id, line);
    exercises[exercise.id] = exercise;
    fence.meta = { ...fence.meta, exerciseId: exercise.id };
  };

  const steps: LessonStep[] = splitSteps(tokens, ref, bodyLines.length).map(
    ({ heading, start, end }) => {
      const stepTokens = tokens.slice(start, end);
      checkBalance(prepare(stepTokens, ref, onFence), file);
      const title = plainText(heading);
      if (title === '') {
        throw new LessonError(
          file,
          lineOf(heading, ref),
          "a step needs a title: write it after '## '.",
        );
      }
      return {
        title,
        titleHtml: renderInline(heading, ref),
        html: render(stepTokens.slice(3), ref),
      };
    },
  );

  const html = [
    ...steps.map((s) => s.html),
    // A widget may sit in any part of an exercise (a reveal, a hint, the worked answer).
    ...Object.values(exercises).flatMap((e) => [
      e.prompt,
      ...e.hints,
      e.solution,
      ...(e.kind === 'numeric' ? [] : e.choices),
      e.kind === 'predict' ? e.reveal : '',
    ]),
  ].join('\n');
  const widgets = [...new Set([...html.matchAll(/<(nn-[a-z0-9-]+)/g)].map((m) => m[1]!))].filter(
    (tag) => tag !== 'nn-exercise',
  );
  return {
    ...frontMatter,
    stepCount: steps.length,
    exerciseIds: [...exerciseLines.keys()],
    widgets,
    file,
    steps,
    exercises,
  };
}

interface StepRange {
  /** The heading's inline token. */
  heading: Token;
  /** Token range of the step, heading_open included. */
  start: number;
  end: number;
}

/** Each top-level `##` starts a step; nothing may come before the first one. */
function splitSteps(tokens: Token[], ref: SourceRef, lineCount: number): StepRange[] {
  const h1 = tokens.find((t) => t.type === 'heading_open' && t.tag === 'h1');
  if (h1) {
    throw new LessonError(
      ref.file,
      lineOf(h1, ref),
      "a '#' heading cannot be used in a lesson: the title comes from 'title' in the front matter. " +
        "Use '##' to start a step, or '###' for a heading inside a step.",
    );
  }
  const starts = tokens.flatMap((t, i) =>
    t.type === 'heading_open' && t.tag === 'h2' && t.level === 0 ? [i] : [],
  );
  if (starts.length === 0) {
    const firstLine = tokens[0] ? lineOf(tokens[0], ref) : lineCount;
    throw new LessonError(
      ref.file,
      firstLine,
      "the lesson has no steps: add a '## Step title' heading; each ## starts a step.",
    );
  }
  const stray = tokens.slice(0, starts[0]).find((t) => t.level === 0 && !isComment(t));
  if (stray) {
    throw new LessonError(
      ref.file,
      lineOf(stray, ref),
      "text before the first '##' heading: put it under a ## heading: each ## starts a step.",
    );
  }
  return starts.map((start, i) => ({
    heading: tokens[start + 1]!,
    start,
    end: starts[i + 1] ?? tokens.length,
  }));
}

/** An HTML comment (an author's note) may sit anywhere, even before the first step. */
function isComment(token: Token): boolean {
  return token.type === 'html_block' && token.content.replace(/<!--[\s\S]*?-->/g, '').trim() === '';
}
