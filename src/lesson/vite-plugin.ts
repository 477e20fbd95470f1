/**
 * Vite plugin for lessons:
 * - each `<dir>/NN-slug.md` imports as `export default <Lesson>` (one lazily loaded chunk per lesson);
 * - `virtual:lessons` exports `lessons` (the metas, sorted by order, no step bodies) and
 *   `loadLesson(id)`, one dynamic `import()` per lesson file, so the course map downloads no bodies;
 * - a broken lesson, a bad file name, or two lessons sharing an id or an order fail the build (and show
 *   in the dev overlay) with `file:line: message`.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { normalizePath, type Plugin } from 'vite';
import { LessonError, compileLesson, frontMatterKeyLine } from './compile.ts';
import type { Lesson, LessonMeta } from './types.ts';

export const VIRTUAL_ID = 'virtual:lessons';
const RESOLVED_VIRTUAL_ID = '\0' + VIRTUAL_ID;

/** `03-sigmoid-neuron.md`: two digits, a kebab-case slug. */
export const LESSON_FILE_NAME = /^\d{2}-[a-z0-9]+(?:-[a-z0-9]+)*\.md$/;

export interface LessonsPluginOptions {
  /** Folder of the lesson files, relative to the Vite root. */
  dir: string;
}

/** A compiled lesson as the cross-lesson checks see it. */
export interface LessonEntry {
  /** Path relative to the project root, as in messages. */
  file: string;
  /** Its source, to find the line of `id:` or `order:`. */
  source: string;
  meta: LessonMeta;
}

export function checkLessonFileName(file: string): void {
  const name = path.posix.basename(file);
  if (!LESSON_FILE_NAME.test(name)) {
    throw new LessonError(
      file,
      1,
      `lesson file name '${name}' must look like NN-slug.md (two digits, a dash, a kebab-case slug), e.g. 03-sigmoid-neuron.md.`,
    );
  }
}

/** Ids and orders must be unique across lessons: ids are in URLs and stored progress, orders place lessons on the trail. */
export function checkLessonSet(entries: readonly LessonEntry[]): void {
  for (const key of ['id', 'order'] as const) {
    const seen = new Map<string | number, LessonEntry>();
    for (const entry of entries) {
      const value = entry.meta[key];
      const other = seen.get(value);
      if (other) {
        const what = key === 'id' ? 'id' : 'order';
        throw new LessonError(
          entry.file,
          frontMatterKeyLine(entry.source, key),
          `duplicate ${what} ${JSON.stringify(value)}: ${other.file} has ${what} ${JSON.stringify(value)} too. ` +
            (key === 'id'
              ? 'Give each lesson its own id.'
              : 'Give each lesson its own place on the trail.'),
        );
      }
      seen.set(value, entry);
    }
  }
}

/** The meta part of a lesson: what the course map needs, without step bodies. */
export function lessonMeta(lesson: Lesson): LessonMeta {
  const { id, title, order, summary, objectives, minutes, stepCount, exerciseIds, widgets, file } =
    lesson;
  return { id, title, order, summary, objectives, minutes, stepCount, exerciseIds, widgets, file };
}

/** The code of `virtual:lessons`: the metas sorted by order, and one dynamic import per lesson. */
export function virtualModuleCode(
  entries: readonly { meta: LessonMeta; importPath: string }[],
): string {
  const sorted = [...entries].sort((a, b) => a.meta.order - b.meta.order);
  const loaders = sorted
    .map(
      ({ meta, importPath }) =>
        `  [${JSON.stringify(meta.id)}, () => import(${JSON.stringify(importPath)})],`,
    )
    .join('\n');
  return [
    `export const lessons = ${JSON.stringify(sorted.map((e) => e.meta))};`,
    `const loaders = new Map([\n${loaders}\n]);`,
    '/** @param {string} id */',
    'export function loadLesson(id) {',
    '  const load = loaders.get(id);',
    '  return load ? load().then((module) => module.default) : Promise.resolve(undefined);',
    '}',
    '',
  ].join('\n');
}

/** The lines around `line` (1-based), the line itself marked with '>'. */
export function codeFrame(source: string, line: number): string {
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  const from = Math.max(1, line - 2);
  const to = Math.min(lines.length, line + 1);
  const width = String(to).length;
  const frame: string[] = [];
  for (let n = from; n <= to; n++) {
    frame.push(`${n === line ? '>' : ' '} ${String(n).padStart(width)} | ${lines[n - 1] ?? ''}`);
  }
  return frame.join('\n');
}

export function lessonsPlugin(options: LessonsPluginOptions): Plugin {
  let root = normalizePath(process.cwd());
  let dir = normalizePath(path.resolve(root, options.dir));
  const cache = new Map<string, { source: string; lesson: Lesson }>();

  const relative = (file: string) => normalizePath(path.relative(root, file));
  const isLessonPath = (file: string) => {
    const normal = normalizePath(file);
    return normal.endsWith('.md') && path.posix.dirname(normal) === dir;
  };
  const compile = (file: string, source: string): Lesson => {
    const cached = cache.get(file);
    if (cached?.source === source) return cached.lesson;
    const rel = relative(file);
    checkLessonFileName(rel);
    const lesson = compileLesson(source, { file: rel });
    cache.set(file, { source, lesson });
    return lesson;
  };
  const lessonFiles = (): string[] => {
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      return [];
    }
    return names
      .filter((name) => name.endsWith('.md') && name.toLowerCase() !== 'readme.md')
      .sort()
      .map((name) => `${dir}/${name}`);
  };
  // Vite prints `loc` as file:line:column and the frame under the message (which starts with file:line).
  const toRollupError = (error: unknown, id: string, source?: string) =>
    error instanceof LessonError
      ? {
          message: error.message,
          id,
          loc: { file: id, line: error.line, column: error.column ?? 1 },
          frame: source === undefined ? undefined : codeFrame(source, error.line),
        }
      : error instanceof Error
        ? error.message
        : String(error);

  return {
    name: 'gradient-trail:lessons',
    enforce: 'pre',

    configResolved(config) {
      root = normalizePath(config.root);
      dir = normalizePath(path.resolve(root, options.dir));
    },

    resolveId(id) {
      return id === VIRTUAL_ID ? RESOLVED_VIRTUAL_ID : undefined;
    },

    load(id) {
      if (id !== RESOLVED_VIRTUAL_ID) return undefined;
      const entries: (LessonEntry & { importPath: string })[] = [];
      for (const file of lessonFiles()) {
        this.addWatchFile(file);
        const source = readFileSync(file, 'utf8');
        try {
          entries.push({
            file: relative(file),
            source,
            meta: lessonMeta(compile(file, source)),
            importPath: file,
          });
        } catch (error) {
          this.error(toRollupError(error, file, source));
        }
      }
      try {
        checkLessonSet(entries);
      } catch (error) {
        const entry = entries.find((e) => error instanceof LessonError && e.file === error.file);
        this.error(toRollupError(error, entry?.importPath ?? id, entry?.source));
      }
      return virtualModuleCode(entries);
    },

    transform(code, id) {
      if (id.includes('?') || !isLessonPath(id)) return undefined;
      try {
        const lesson = compile(normalizePath(id), code);
        return {
          code: `export default ${JSON.stringify(lesson)};\n`,
          map: { mappings: '' },
          moduleType: 'js',
        };
      } catch (error) {
        this.error(toRollupError(error, id, code));
      }
    },

    // A lesson added, edited or removed changes the list too: re-run `virtual:lessons` with it.
    hotUpdate({ file, modules }) {
      if (!isLessonPath(file)) return undefined;
      const graph = this.environment.moduleGraph;
      const virtual = graph.getModuleById(RESOLVED_VIRTUAL_ID);
      if (!virtual) return undefined;
      graph.invalidateModule(virtual);
      return [...modules, virtual];
    },
  };
}
