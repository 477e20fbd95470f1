/**
 * The student's progress: steps seen, exercises attempted and solved, lessons finished, where they
 * left off, and the import, export and reset of it all. How it is stored (checked writes, damaged
 * data, two tabs, retries) is `SyncedProgress` in `./progress-sync.ts`.
 */
import {
  diffProgress,
  emptyProgress,
  type ExerciseProgress,
  type ImportMode,
  type ImportPreview,
  type LessonProgress,
  mergeProgress,
  type Progress,
  readProgress,
  type ReadResult,
} from './progress-data';
import { SyncedProgress, type KeyValueStorage, type ProgressStoreOptions } from './progress-sync';

export {
  MemoryStorage,
  type KeptCopy,
  type KeyValueStorage,
  type ProgressBackup,
  type ProgressStoreOptions,
  type SaveProblem,
  type StoreNotice,
} from './progress-sync';

export const STORAGE_KEY = 'gradient-trail:progress';

export interface LessonSummary {
  stepsSeen: number;
  stepCount: number;
  exercisesSolved: number;
  exerciseCount: number;
  completed: boolean;
}

export class ProgressStore extends SyncedProgress {
  constructor(
    storage: KeyValueStorage | null,
    key = STORAGE_KEY,
    now: () => Date = () => new Date(),
    options: ProgressStoreOptions = {},
  ) {
    super(storage, key, now, options);
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
      if (l && !l.completedAt) l.completedAt = this.now().toISOString();
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

  private importResult(file: Progress, mode: ImportMode): Progress {
    const stamp = this.now().toISOString();
    if (mode === 'merge') {
      const merged = mergeProgress(this.progress, file, { ignoreReplaced: true });
      merged.updatedAt = stamp;
      return merged;
    }
    return { ...structuredClone(file), updatedAt: stamp, replacedAt: stamp };
  }

  /** What importing `text` would do, merged or replacing; nothing changes. */
  previewImport(text: string, mode: ImportMode): ImportPreview {
    const read = readProgress(text);
    if (!read.ok) return read;
    const result = this.importResult(read.progress, mode);
    return {
      ok: true,
      mode,
      result,
      changes: diffProgress(this.progress, result),
      last: [this.progress.last, result.last],
    };
  }

  /**
   * Import an exported file: `merge` keeps everything of both (this progress's place in a lesson
   * wins), `replace` takes the file's progress alone. On any problem, nothing changes.
   */
  importJson(text: string, mode: ImportMode = 'replace'): ReadResult {
    const read = readProgress(text);
    if (!read.ok) return read;
    this.pull();
    this.replaceWith(this.importResult(read.progress, mode));
    return { ok: true, progress: this.progress };
  }

  reset(): void {
    const fresh = emptyProgress(this.now());
    fresh.replacedAt = fresh.updatedAt;
    this.replaceWith(fresh);
  }
}
