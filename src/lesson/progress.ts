/**
 * The student's progress: steps seen, exercises attempted and solved, lessons finished, where they
 * left off. Stored locally (localStorage) as one versioned JSON document, validated on every read.
 *
 * Rules it keeps:
 * - Stored data that cannot be read (broken JSON, wrong shape) is reported once, copied aside
 *   under a backup key (nothing is thrown away), and replaced by empty progress. No crash.
 * - Data written by an older version of the site is migrated forward, step by step.
 * - Importing a file that is not ours, or is broken, is refused with a message; the current
 *   progress is untouched.
 */
import * as v from 'valibot';

export const PROGRESS_FORMAT = 'gradient-trail-progress';
export const PROGRESS_VERSION = 1;
export const STORAGE_KEY = 'gradient-trail:progress';

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

/** The subset of the Web Storage API the store needs (localStorage, or a Map in tests). */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export interface LessonSummary {
  stepsSeen: number;
  stepCount: number;
  exercisesSolved: number;
  exerciseCount: number;
  completed: boolean;
}

type Listener = (progress: Progress) => void;

export class ProgressStore {
  private progress: Progress;
  private listeners = new Set<Listener>();
  private problems: string[] = [];

  constructor(
    private readonly storage: KeyValueStorage | null,
    private readonly key = STORAGE_KEY,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.progress = this.load();
  }

  /** Read from storage; damaged data is backed up, reported once and replaced. */
  private load(): Progress {
    let text: string | null = null;
    try {
      text = this.storage?.getItem(this.key) ?? null;
    } catch {
      this.problems.push(
        'Your browser does not let this page store progress; it will last until you close the tab.',
      );
      return emptyProgress(this.now());
    }
    if (text === null) return emptyProgress(this.now());
    const read = readProgress(text);
    if (read.ok) return read.progress;
    const backupKey = `${this.key}:damaged:${this.now().toISOString()}`;
    try {
      this.storage?.setItem(backupKey, text);
    } catch {
      /* the backup is a courtesy; losing it must not stop the course */
    }
    this.problems.push(
      `Your saved progress could not be read (${read.message.replace(/\.$/, '')}). It was set aside as “${backupKey}” and progress starts afresh.`,
    );
    const fresh = emptyProgress(this.now());
    this.write(fresh);
    return fresh;
  }

  /** Problems met while loading, each returned once (for a one-time notice). */
  takeProblems(): string[] {
    const out = this.problems;
    this.problems = [];
    return out;
  }

  get snapshot(): Progress {
    return this.progress;
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private write(progress: Progress): void {
    try {
      this.storage?.setItem(this.key, JSON.stringify(progress));
    } catch {
      this.problems.push(
        'Progress could not be saved (storage is full or blocked); it is kept until you close the tab.',
      );
    }
  }

  private commit(mutate: (p: Progress) => void): void {
    const next: Progress = structuredClone(this.progress);
    mutate(next);
    next.updatedAt = this.now().toISOString();
    this.progress = next;
    this.write(next);
    for (const l of this.listeners) l(next);
  }

  /** Another tab changed the stored progress: adopt it if it reads cleanly. */
  reloadFromStorage(): void {
    const text = this.storage?.getItem(this.key);
    if (!text) return;
    const read = readProgress(text);
    if (!read.ok) return;
    this.progress = read.progress;
    for (const l of this.listeners) l(read.progress);
  }

  lesson(lessonId: string): LessonProgress | undefined {
    return this.progress.lessons[lessonId];
  }

  exercise(lessonId: string, exerciseId: string): ExerciseProgress {
    return this.progress.exercises[`${lessonId}/${exerciseId}`] ?? { wrong: 0, solved: false };
  }

  /** The student is on `step` of a lesson with `stepCount` steps. */
  visitStep(lessonId: string, step: number, stepCount: number): void {
    this.commit((p) => {
      const l = p.lessons[lessonId] ?? { seen: [], step, stepCount };
      if (!l.seen.includes(step)) l.seen = [...l.seen, step].sort((a, b) => a - b);
      l.step = step;
      l.stepCount = stepCount;
      p.lessons[lessonId] = l;
      p.last = { lessonId, step };
    });
  }

  completeLesson(lessonId: string): boolean {
    const already = Boolean(this.progress.lessons[lessonId]?.completedAt);
    if (already) return false;
    this.commit((p) => {
      const l = p.lessons[lessonId];
      if (l) l.completedAt = this.now().toISOString();
    });
    return true;
  }

  private updateExercise(
    lessonId: string,
    exerciseId: string,
    change: (e: ExerciseProgress) => void,
  ): void {
    this.commit((p) => {
      const key = `${lessonId}/${exerciseId}`;
      const e = p.exercises[key] ?? { wrong: 0, solved: false };
      change(e);
      p.exercises[key] = e;
    });
  }

  recordAnswer(lessonId: string, exerciseId: string, correct: boolean): void {
    this.updateExercise(lessonId, exerciseId, (e) => {
      if (e.solved) return;
      if (correct) e.solved = true;
      else e.wrong += 1;
    });
  }

  recordPrediction(lessonId: string, exerciseId: string, choice: number, correct: boolean): void {
    this.updateExercise(lessonId, exerciseId, (e) => {
      e.prediction = choice;
      // Committing a prediction completes the exercise; whether it was right is kept for feedback.
      e.solved = true;
      if (!correct) e.wrong += 1;
    });
  }

  revealSolution(lessonId: string, exerciseId: string): void {
    this.updateExercise(lessonId, exerciseId, (e) => {
      e.revealed = true;
    });
  }

  summary(lessonId: string, stepCount: number, exerciseIds: readonly string[]): LessonSummary {
    const l = this.progress.lessons[lessonId];
    return {
      stepsSeen: l ? l.seen.filter((s) => s <= stepCount).length : 0,
      stepCount,
      exercisesSolved: exerciseIds.filter((id) => this.exercise(lessonId, id).solved).length,
      exerciseCount: exerciseIds.length,
      completed: Boolean(l?.completedAt),
    };
  }

  exportJson(): string {
    return JSON.stringify(this.progress, null, 2);
  }

  /** Replace progress with an exported file's. On any problem, nothing changes. */
  importJson(text: string): ReadResult {
    const read = readProgress(text);
    if (!read.ok) return read;
    this.progress = read.progress;
    this.write(read.progress);
    for (const l of this.listeners) l(read.progress);
    return read;
  }

  reset(): void {
    const fresh = emptyProgress(this.now());
    this.progress = fresh;
    this.write(fresh);
    for (const l of this.listeners) l(fresh);
  }
}

/** A KeyValueStorage in memory (tests, and browsers that block storage). */
export class MemoryStorage implements KeyValueStorage {
  readonly data = new Map<string, string>();
  getItem(key: string): string | null {
    return this.data.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.data.set(key, value);
  }
  removeItem(key: string): void {
    this.data.delete(key);
  }
}
