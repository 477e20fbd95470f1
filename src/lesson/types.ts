/**
 * The data a compiled lesson carries. The compiler (node, build time) produces it; the runtime
 * (<nn-lesson>, <nn-exercise>, the course map) consumes it. Plain JSON: no functions, no classes.
 */

/** What the course map needs of a lesson: no step bodies. */
export interface LessonMeta {
  /** Stable id, used in URLs (`#/lesson/<id>/<step>`) and in stored progress. */
  id: string;
  title: string;
  /** Position on the trail (1, 2, …); unique across lessons. */
  order: number;
  /** One line for the course map. */
  summary: string;
  /** What the student will be able to do afterwards. */
  objectives: string[];
  /** Estimated minutes to complete. */
  minutes: number;
  /** Number of steps (one per `##` section). */
  stepCount: number;
  /** Ids of the exercises in the lesson, in order of appearance. */
  exerciseIds: string[];
  /** The widget tags the lesson shows (reveals included), so their code can load beside it. */
  widgets: string[];
  /** Source file, relative to the project root (for error messages and authors). */
  file: string;
}

/** One `##` section of the lesson. */
export interface LessonStep {
  /** The heading text (plain text, no markup). */
  title: string;
  /** The heading rendered as HTML (may contain MathML). */
  titleHtml: string;
  /**
   * The body as trusted HTML built from our own Markdown. Exercises appear as
   * `<nn-exercise exercise-id="ID"></nn-exercise>`; the runtime hands each its spec.
   */
  html: string;
}

interface ExerciseBase {
  id: string;
  /** The question, as HTML (Markdown and math rendered). */
  prompt: string;
  /** Hints as HTML, shown one by one after wrong attempts. */
  hints: string[];
  /** The worked answer as HTML, shown after `attempts` wrong attempts or on request. */
  solution: string;
  /** Wrong attempts before the worked answer is offered (default 3). */
  attempts: number;
}

/** A number, accepted within an absolute tolerance. */
export interface NumericExercise extends ExerciseBase {
  kind: 'numeric';
  answer: number;
  /** Absolute tolerance: |given − answer| ≤ tolerance is right. */
  tolerance: number;
}

/** Pick one of several choices. */
export interface ChoiceExercise extends ExerciseBase {
  kind: 'choice';
  /** Choices as HTML. */
  choices: string[];
  /** Index of the right choice. */
  answer: number;
}

/** Commit to a prediction (one of the choices) before a widget reveals the result. */
export interface PredictExercise extends ExerciseBase {
  kind: 'predict';
  choices: string[];
  answer: number;
  /** HTML shown once the student has committed (usually an `<nn-*>` widget). */
  reveal: string;
}

export type ExerciseSpec = NumericExercise | ChoiceExercise | PredictExercise;
export type ExerciseKind = ExerciseSpec['kind'];

/** A whole compiled lesson. */
export interface Lesson extends LessonMeta {
  steps: LessonStep[];
  exercises: Record<string, ExerciseSpec>;
}
