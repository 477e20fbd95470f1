/**
 * What the page's engine client (client.ts) is waiting for: commands (setup, step, reset), each
 * settled by the next frame, and questions (predict, weights), each by the answer with its id.
 */
import type { AnswerMessage } from './protocol.ts';
import type { LayerWeights } from './types.ts';

/** A command waiting for its frame. */
export interface Waiter {
  resolve: () => void;
  reject: (error: Error) => void;
}

/** What a question is answered with. */
export interface Answer {
  values?: Float32Array;
  weights?: LayerWeights[];
}

export class Pending {
  private waiters: Waiter[] = [];
  private readonly questions = new Map<
    number,
    { resolve(a: Answer): void; reject(e: Error): void }
  >();
  private nextId = 1;

  /** Whether anything waits for the engine. */
  get any(): boolean {
    return this.waiters.length > 0 || this.questions.size > 0;
  }

  /** A command waits for the next frame. */
  command(): Promise<void> {
    return new Promise<void>((resolve, reject) => this.waiters.push({ resolve, reject }));
  }

  /** Take every waiting command away (to settle them later). */
  takeCommands(): Waiter[] {
    const waiters = this.waiters;
    this.waiters = [];
    return waiters;
  }

  /** Every waiting command is done (its frame came, or it will never be answered). */
  resolveCommands(): void {
    for (const waiter of this.takeCommands()) waiter.resolve();
  }

  /** Every waiting command failed with `error`. */
  rejectCommands(error: Error): void {
    for (const waiter of this.takeCommands()) waiter.reject(error);
  }

  /** A new question: its id, and its answer to come. */
  question(): { id: number; answer: Promise<Answer> } {
    const id = this.nextId++;
    const answer = new Promise<Answer>((resolve, reject) =>
      this.questions.set(id, { resolve, reject }),
    );
    return { id, answer };
  }

  /** An answer arrived: settle its question (rejected with the answer's `message`, if any). */
  answered(message: AnswerMessage): void {
    const question = this.questions.get(message.id);
    if (!question) return;
    this.questions.delete(message.id);
    if (message.message !== undefined) question.reject(new Error(message.message));
    else question.resolve(message);
  }

  /** Every question still waiting is rejected with `why`. */
  dropQuestions(why: string): void {
    const error = new Error(why);
    for (const question of this.questions.values()) question.reject(error);
    this.questions.clear();
  }
}
