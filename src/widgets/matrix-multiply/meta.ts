import type { WidgetDoc } from '../catalog.ts';

/** <nn-matrix-multiply>: its attributes, as plain data (read by the compiler in node). TODO: fill in. */
export const matrixMultiplyDoc: WidgetDoc = {
  tag: 'nn-matrix-multiply',
  summary: 'TODO',
  attributes: [],
};
