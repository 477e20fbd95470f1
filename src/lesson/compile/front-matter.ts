/** The YAML front matter of a lesson: what the course map shows before a lesson is opened. */
import * as v from 'valibot';
import { LessonError } from './errors.ts';
import { parseYaml, schemaError } from './yaml.ts';

export const KEBAB_CASE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const HELP = {
  id: 'a kebab-case id used in URLs and stored progress, e.g. id: sigmoid-neuron',
  title: 'the lesson title as text, e.g. title: The sigmoid neuron',
  order: 'a whole number ≥ 1, the position on the trail, e.g. order: 3',
  summary: 'one line of text for the course map',
  objectives: "a non-empty list of strings, one per line starting with '  - '",
  minutes: 'a number > 0, the estimated minutes, e.g. minutes: 15',
} as const;

const Text = v.pipe(
  v.string(),
  v.check((s) => s.trim() !== ''),
);

const FrontMatterSchema = v.strictObject({
  id: v.pipe(v.string(), v.regex(KEBAB_CASE)),
  title: Text,
  order: v.pipe(v.number(), v.integer(), v.minValue(1)),
  summary: v.pipe(
    Text,
    v.check((s) => !s.trim().includes('\n')),
  ),
  objectives: v.pipe(v.array(Text), v.minLength(1)),
  minutes: v.pipe(v.number(), v.gtValue(0)),
});

export type FrontMatter = v.InferOutput<typeof FrontMatterSchema>;

export interface SplitLesson {
  frontMatter: FrontMatter;
  /** The Markdown body, with the front matter replaced by blank lines so that lines match the file. */
  body: string;
}

const FENCE = /^---\s*$/;

/** Splits `source` (LF line endings) into validated front matter and body. */
export function splitFrontMatter(source: string, file: string): SplitLesson {
  const lines = source.split('\n');
  if (!FENCE.test(lines[0] ?? '')) {
    throw new LessonError(
      file,
      1,
      "a lesson starts with YAML front matter between '---' lines (id, title, order, summary, objectives, minutes). " +
        "Add '---' as the first line, the keys, then '---'.",
    );
  }
  const close = lines.findIndex((line, i) => i > 0 && FENCE.test(line));
  if (close < 0) {
    throw new LessonError(
      file,
      1,
      "the front matter opened on line 1 is never closed: add a '---' line after its last key.",
    );
  }
  const yaml = parseYaml(
    lines.slice(1, close).join('\n'),
    { file, lineBase: 1 },
    'the front matter',
  );
  const result = v.safeParse(FrontMatterSchema, yaml.data ?? {});
  if (!result.success) {
    throw schemaError(result.issues, {
      file,
      yaml,
      where: 'in the front matter',
      openLine: 1,
      keys: Object.keys(HELP),
      help: HELP,
    });
  }
  const frontMatter = result.output;
  frontMatter.title = frontMatter.title.trim();
  frontMatter.summary = frontMatter.summary.trim();
  frontMatter.objectives = frontMatter.objectives.map((o) => o.trim());
  return { frontMatter, body: '\n'.repeat(close + 1) + lines.slice(close + 1).join('\n') };
}

/** 1-based line of a top-level front-matter key in a lesson source (1 when absent), for cross-lesson errors. */
export function frontMatterKeyLine(source: string, key: string): number {
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  if (!FENCE.test(lines[0] ?? '')) return 1;
  for (let i = 1; i < lines.length && !FENCE.test(lines[i] ?? ''); i++) {
    if (new RegExp(`^${key}\\s*:`).test(lines[i] ?? '')) return i + 1;
  }
  return 1;
}
