import { createContext } from '@lit/context';
import type { ProgressStore } from './progress';

/**
 * The progress store shared by the app, a lesson and its exercises. Provided by the app shell;
 * an element used on its own (an instructor's page) finds none and simply does not remember.
 */
export const progressContext = createContext<ProgressStore | undefined>(Symbol('gt-progress'));
