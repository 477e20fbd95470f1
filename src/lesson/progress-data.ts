/**
 * The progress document itself, as data: its versioned schema, reading (parse, migrate, validate),
 * merging two copies, and saying what an import would change. Pure: no storage, no DOM, no
 * clock but the one passed in. The store that keeps it (checked writes, damaged data, two tabs)
 * is `./progress-sync.ts`; the operations on it are `./progress.ts`.
 */
import * as v from 'valibot';

export const PROGRESS_FORMAT = 'gradient-trail-progress';
export const PROGRESS_VERSION = 1;

const isoDate = v.pipe(v.string(), v.isoTimestamp());
const count = v.pipe(v.number(), v.integer(), v.minValue(0));

const LessonProgressSchema = v.object({
  /** 1-based numbers of the steps the student has seen. */
  seen: v.array(v.pipe(v.number(), v.integer(), v.minValue(1))),
  /** The step the student was last on (1-based). */
  step: v.pipe(v.number(), v.integer(), v.minValue(1)),
  /** Number of steps when last seen: "3 of 8" survives a change to the lesson. */
  stepCount: v.pipe(v.number(), v.integer(), v.minValue(1)),
  completedAt: v.optional(isoDate),
});

const ExerciseProgressSchema = v.object({
  /** Wrong attempts so far (answers that were not numbers do not count). */
  wrong: count,
  solved: v.boolean(),
  /** For "predict, then check": the index the student committed to. */
  prediction: v.optional(count),
  /** The student asked to see the worked answer. */
  revealed: v.optional(v.boolean()),
});

export const ProgressSchema = v.object({
  format: v.literal(PROGRESS_FORMAT),
  version: v.literal(PROGRESS_VERSION),
  updatedAt: isoDate,
  last: v.optional(
    v.object({ lessonId: v.string(), step: v.pipe(v.number(), v.integer(), v.minValue(1)) }),
  ),
  lessons: v.record(v.string(), LessonProgressSchema),
  /** Keyed by `lessonId/exerciseId`. */
  exercises: v.record(v.string(), ExerciseProgressSchema),
  /**
   * When the progress was last reset or replaced by an import (absent if never). Optional, so
   * documents without it, and older versions of the site reading this one, are unaffected.
   */
  replacedAt: v.optional(isoDate),
});

export type Progress = v.InferOutput<typeof ProgressSchema>;
export type LessonProgress = v.InferOutput<typeof LessonProgressSchema>;
export type ExerciseProgress = v.InferOutput<typeof ExerciseProgressSchema>;

/**
 * Migrations from version N to N+1, applied in order to stored or imported data. Version 1 is the
 * first; a future change to the schema adds `1: (old) => ({ ...old, version: 2, … })` here.
 */
const MIGRATIONS: Record<number, (old: Record<string, unknown>) => Record<string, unknown>> = {};

export function emptyProgress(now = new Date()): Progress {
  return {
    format: PROGRESS_FORMAT,
    version: PROGRESS_VERSION,
    updatedAt: now.toISOString(),
    lessons: {},
    exercises: {},
  };
}

export type ReadResult = { ok: true; progress: Progress } | { ok: false; message: string };

/** Parse, migrate and validate a progress document. Never throws. */
export function readProgress(text: string): ReadResult {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return {
      ok: false,
      message: 'The file is not valid JSON, so it cannot be Gradient Trail progress.',
    };
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return { ok: false, message: 'The file does not contain a progress record.' };
  }
  let doc = data as Record<string, unknown>;
  if (doc.format !== PROGRESS_FORMAT) {
    return {
      ok: false,
      message:
        'This file is not Gradient Trail progress (it has no "format": "gradient-trail-progress").',
    };
  }
  let version = doc.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return { ok: false, message: 'The progress file has no valid version number.' };
  }
  if (version > PROGRESS_VERSION) {
    return {
      ok: false,
      message: `The progress was saved by a newer version of Gradient Trail (format ${version}; this one reads up to ${PROGRESS_VERSION}). Reload to update the course, then try again.`,
    };
  }
  while (version < PROGRESS_VERSION) {
    const step = MIGRATIONS[version];
    if (!step) return { ok: false, message: `No way to upgrade progress from format ${version}.` };
    doc = step(doc);
    version += 1;
  }
  const parsed = v.safeParse(ProgressSchema, doc);
  if (!parsed.success) {
    const issue = parsed.issues[0];
    const where = issue.path?.map((p) => String(p.key)).join('.') ?? 'the record';
    return { ok: false, message: `The progress is damaged at ${where}: ${issue.message}.` };
  }
  return { ok: true, progress: parsed.output };
}

/** Milliseconds of an ISO time, or −∞ when absent (or unreadable). */
function time(iso: string | undefined): number {
  const t = iso === undefined ? NaN : Date.parse(iso);
  return Number.isNaN(t) ? -Infinity : t;
}

/**
 * One progress made of two: steps seen, exercises' answers and finished lessons are unions (the
 * most wrong attempts, solved if solved in either, the earliest finish), so neither side loses
 * anything. Where each side has its own answer (the step a lesson is on, where the student left
 * off, a committed prediction) `primary` wins. If the two were reset or replaced at different
 * times (`replacedAt`), the later one is taken whole: what was reset stays reset. An import that
 * merges passes `ignoreReplaced`.
 */
export function mergeProgress(
  primary: Progress,
  other: Progress,
  options: { ignoreReplaced?: boolean } = {},
): Progress {
  if (!options.ignoreReplaced) {
    const mine = time(primary.replacedAt);
    const theirs = time(other.replacedAt);
    if (mine !== theirs) return structuredClone(mine > theirs ? primary : other);
  }
  const out = structuredClone(primary);
  if (time(other.updatedAt) > time(out.updatedAt)) out.updatedAt = other.updatedAt;
  if (!out.last && other.last) out.last = { ...other.last };
  for (const [id, theirs] of Object.entries(other.lessons)) {
    const mine = out.lessons[id];
    if (!mine) {
      out.lessons[id] = structuredClone(theirs);
      continue;
    }
    mine.seen = [...new Set([...mine.seen, ...theirs.seen])].sort((a, b) => a - b);
    const done = theirs.completedAt;
    if (done && (!mine.completedAt || time(done) < time(mine.completedAt))) mine.completedAt = done;
  }
  for (const [key, theirs] of Object.entries(other.exercises)) {
    const mine = out.exercises[key];
    if (!mine) {
      out.exercises[key] = { ...theirs };
      continue;
    }
    mine.wrong = Math.max(mine.wrong, theirs.wrong);
    mine.solved = mine.solved || theirs.solved;
    if (theirs.revealed) mine.revealed = true;
    if (mine.prediction === undefined && theirs.prediction !== undefined)
      mine.prediction = theirs.prediction;
  }
  return out;
}

/**
 * What only grows (steps seen, answers, finishes) and the reset stamp, in a canonical text: two
 * documents with the same text hold the same things, whatever order their keys are in.
 */
export function earned(p: Progress): string {
  const lessons = Object.keys(p.lessons)
    .sort()
    .map((id) => [id, p.lessons[id]!.seen, p.lessons[id]!.completedAt ?? '']);
  const exercises = Object.keys(p.exercises)
    .sort()
    .map((k) => {
      const e = p.exercises[k]!;
      return [k, e.wrong, e.solved, e.revealed ?? false, e.prediction ?? -1];
    });
  return JSON.stringify([p.replacedAt ?? '', lessons, exercises]);
}

export function hasProgress(p: Progress): boolean {
  return Object.keys(p.lessons).length > 0 || Object.keys(p.exercises).length > 0;
}

/** How one lesson's progress changes (an import's preview). Pairs are [before, after]. */
export interface LessonChange {
  lessonId: string;
  seen: [number, number];
  solved: [number, number];
  completed: [boolean, boolean];
}

/** Per lesson, what differs between two progresses; lessons that do not change are left out. */
export function diffProgress(before: Progress, after: Progress): LessonChange[] {
  const lessonOf = (key: string) => key.slice(0, key.lastIndexOf('/'));
  const ids = new Set([
    ...Object.keys(before.lessons),
    ...Object.keys(after.lessons),
    ...Object.keys(before.exercises).map(lessonOf),
    ...Object.keys(after.exercises).map(lessonOf),
  ]);
  const view = (p: Progress, id: string) => {
    const l = p.lessons[id];
    const exercises = Object.entries(p.exercises).filter(([k]) => lessonOf(k) === id);
    return {
      seen: l?.seen ?? [],
      solved: exercises.filter(([, e]) => e.solved).length,
      completed: Boolean(l?.completedAt),
      text: JSON.stringify([l?.seen ?? [], l?.completedAt ?? '', exercises.sort()]),
    };
  };
  const changes: LessonChange[] = [];
  for (const id of [...ids].sort()) {
    const a = view(before, id);
    const b = view(after, id);
    if (a.text === b.text) continue;
    changes.push({
      lessonId: id,
      seen: [a.seen.length, b.seen.length],
      solved: [a.solved, b.solved],
      completed: [a.completed, b.completed],
    });
  }
  return changes;
}

export type ImportMode = 'merge' | 'replace';

export type ImportPreview =
  | {
      ok: true;
      mode: ImportMode;
      /** The progress the import would leave. */
      result: Progress;
      /** What changes, lesson by lesson (empty: the import changes nothing). */
      changes: LessonChange[];
      /** Where "Continue where you left off" points, before and after. */
      last: [Progress['last'], Progress['last']];
    }
  | { ok: false; message: string };

/** The file a copy of damaged progress is offered as, from the ISO time it was set aside. */
export function damagedFileName(stamp: string): string {
  return `gradient-trail-damaged-progress-${stamp.slice(0, 19).replace(/:/g, '-')}.json`;
}
