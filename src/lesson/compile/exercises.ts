/**
 * Exercise blocks: a fenced block with the info string `exercise` holding YAML. The compiler validates
 * it, renders its Markdown fields, and leaves `<nn-exercise exercise-id="…">` in its place.
 */
import * as v from 'valibot';
import type { ExerciseKind, ExerciseSpec } from '../types.ts';
import { LessonError, didYouMean, show, type SourceRef } from './errors.ts';
import { KEBAB_CASE } from './front-matter.ts';
import { lineOf, renderFragment, type Token } from './markdown.ts';
import { parseYaml, schemaError } from './yaml.ts';

export const EXERCISE_INFO = 'exercise';
export const KINDS: readonly ExerciseKind[] = ['numeric', 'choice', 'predict'];
const DEFAULT_ATTEMPTS = 3;

const Markdown = v.pipe(
  v.string(),
  v.check((s) => s.trim() !== ''),
);
const Common = {
  id: v.pipe(v.string(), v.regex(KEBAB_CASE)),
  prompt: Markdown,
  hint: v.union([Markdown, v.pipe(v.array(Markdown), v.minLength(1))]),
  solution: Markdown,
  attempts: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1))),
};
// A choice may be a bare number in YAML (`choices: [0.25, 0.5, 1]`); it is shown as written.
const Choices = v.pipe(
  v.array(v.union([Markdown, v.pipe(v.number(), v.transform(String))])),
  v.minLength(2),
);
const Index = v.pipe(v.number(), v.integer(), v.minValue(0));

const SCHEMAS = {
  numeric: v.strictObject({
    ...Common,
    kind: v.literal('numeric'),
    answer: v.pipe(v.number(), v.finite()),
    tolerance: v.optional(v.pipe(v.number(), v.finite(), v.minValue(0))),
  }),
  choice: v.strictObject({ ...Common, kind: v.literal('choice'), choices: Choices, answer: Index }),
  predict: v.strictObject({
    ...Common,
    kind: v.literal('predict'),
    choices: Choices,
    answer: Index,
    reveal: Markdown,
  }),
};

/** The keys each kind of exercise takes (the studio offers them as completions). */
export const KEYS: Record<ExerciseKind, readonly string[]> = {
  numeric: ['id', 'kind', 'prompt', 'answer', 'tolerance', 'hint', 'solution', 'attempts'],
  choice: ['id', 'kind', 'prompt', 'choices', 'answer', 'hint', 'solution', 'attempts'],
  predict: ['id', 'kind', 'prompt', 'choices', 'answer', 'hint', 'solution', 'attempts', 'reveal'],
};

export const HELP: Record<string, string> = {
  id: 'a kebab-case id, unique in the lesson, e.g. id: sigmoid-at-zero',
  kind: `one of ${KINDS.join(', ')}`,
  prompt: 'the question in Markdown (math allowed), e.g. prompt: What is $\\sigma(0)$?',
  choices: 'a list of at least 2 choices in Markdown, one per line starting with "  - "',
  hint: 'a hint in Markdown, or a list of hints shown one after another',
  solution: 'the worked answer in Markdown',
  attempts: `a whole number ≥ 1: wrong attempts before the worked answer is shown (default ${DEFAULT_ATTEMPTS})`,
  reveal:
    'the HTML shown once the student has committed, usually a widget, e.g. reveal: <nn-sigmoid-explorer weight="10"></nn-sigmoid-explorer>',
};
export const ANSWER_HELP: Record<ExerciseKind, string> = {
  numeric: 'a number, e.g. answer: 0.5',
  choice: 'the 0-based index of the right choice, e.g. answer: 0 for the first',
  predict: 'the 0-based index of the right choice, e.g. answer: 0 for the first',
};

const MISPLACED: Record<ExerciseKind, Record<string, string>> = {
  numeric: {
    choices: 'a numeric exercise asks for a number; use kind: choice to offer choices',
    reveal: "'reveal' belongs to kind: predict",
  },
  choice: {
    tolerance: "'tolerance' belongs to kind: numeric",
    reveal: "'reveal' belongs to kind: predict (predict, then check)",
  },
  predict: { tolerance: "'tolerance' belongs to kind: numeric" },
};

/**
 * Builds the exercise in a fenced `exercise` block. `ref` locates the parsed Markdown (the body);
 * `sourceLines` are its lines, to check that the block is closed.
 */
export function buildExercise(
  fence: Token,
  ref: SourceRef,
  sourceLines: readonly string[],
): ExerciseSpec {
  const { file } = ref;
  const openLine = lineOf(fence, ref);
  const last = sourceLines[(fence.map?.[1] ?? 0) - 1]?.trim() ?? '';
  const closeChar = fence.markup[0] ?? '`';
  if (
    (fence.map?.[1] ?? 0) - (fence.map?.[0] ?? 0) < 2 ||
    !new RegExp(`^\\${closeChar}{${fence.markup.length},}$`).test(last)
  ) {
    throw new LessonError(
      file,
      openLine,
      `the exercise block is never closed: add a '${fence.markup}' line after its last key.`,
    );
  }

  const yaml = parseYaml(fence.content, { ...ref, lineBase: openLine }, 'the exercise block');
  const data = yaml.data;
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    throw new LessonError(
      file,
      openLine,
      `an exercise block holds YAML keys (id, kind, prompt, answer, hint, solution, …), got ${show(data)}.`,
    );
  }
  const record = data as Record<string, unknown>;
  const id = typeof record.id === 'string' && KEBAB_CASE.test(record.id) ? record.id : undefined;
  const where = id ? `in exercise '${id}'` : 'in the exercise';
  const kind = record.kind;
  if (typeof kind !== 'string' || !(KINDS as readonly string[]).includes(kind)) {
    const line = yaml.valueLine(['kind']) ?? openLine;
    const typo = typeof kind === 'string' ? didYouMean(kind, KINDS) : '';
    throw new LessonError(
      file,
      line,
      kind === undefined
        ? `missing 'kind' ${where}: add 'kind:' with ${HELP.kind}.`
        : `'kind' ${where} must be one of ${KINDS.join(', ')}; got ${show(kind)}${typo}.`,
    );
  }

  const exerciseKind = kind as ExerciseKind;
  const result = v.safeParse(SCHEMAS[exerciseKind], record);
  if (!result.success) {
    throw schemaError(result.issues, {
      file,
      yaml,
      where,
      openLine,
      keys: KEYS[exerciseKind],
      help: { ...HELP, answer: ANSWER_HELP[exerciseKind] },
      misplaced: MISPLACED[exerciseKind],
    });
  }
  const spec = result.output;
  const at = (path: (string | number)[]) => yaml.textRef(path);
  const hints = typeof spec.hint === 'string' ? [spec.hint] : spec.hint;
  const base = {
    id: spec.id,
    kind: spec.kind,
    prompt: renderFragment(spec.prompt, at(['prompt'])),
    hints: hints.map((hint, i) =>
      renderFragment(hint, at(typeof spec.hint === 'string' ? ['hint'] : ['hint', i])),
    ),
    solution: renderFragment(spec.solution, at(['solution'])),
    attempts: spec.attempts ?? DEFAULT_ATTEMPTS,
  };
  if (spec.kind === 'numeric') {
    return { ...base, kind: spec.kind, answer: spec.answer, tolerance: spec.tolerance ?? 0 };
  }
  if (spec.answer >= spec.choices.length) {
    throw new LessonError(
      file,
      yaml.valueLine(['answer']) ?? openLine,
      `'answer' ${where} is ${spec.answer}, but there are only ${spec.choices.length} choices, numbered from 0 ` +
        `to ${spec.choices.length - 1}: answer is the 0-based index of the right choice (0 for the first).`,
    );
  }
  const choices = spec.choices.map((choice, i) => renderFragment(choice, at(['choices', i]), true));
  if (spec.kind === 'choice') return { ...base, kind: spec.kind, choices, answer: spec.answer };
  return {
    ...base,
    kind: spec.kind,
    choices,
    answer: spec.answer,
    reveal: renderFragment(spec.reveal, at(['reveal'])),
  };
}

/** An info string close to `exercise` is a typo that would silently show the YAML as code. */
export function exerciseInfoTypo(info: string): string | undefined {
  const word = info.trim().split(/\s+/)[0] ?? '';
  if (word === EXERCISE_INFO || word === '') return undefined;
  return didYouMean(word, [EXERCISE_INFO]) === '' ? undefined : word;
}
