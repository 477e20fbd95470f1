/**
 * Errors of the maths core that a caller (or a student) can act on.
 */

/** A matrix shape as (rows, columns). */
export type Shape = readonly [rows: number, cols: number];

/** "2×3": a shape the way it is written in maths (× is U+00D7, not the letter x). */
export function shapeText([rows, cols]: Shape): string {
  return `${rows}×${cols}`;
}

/** The operations that check shapes. */
export type ShapeOperation = 'multiply' | 'add' | 'hadamard' | 'construct';

/**
 * Two shapes that do not fit the rule of an operation, e.g. a 2×3 times a 2×3. The message names
 * both shapes and the rule, so it can be shown to a student as it is:
 *
 *   multiply: "a 2×3 times a 2×3: the inner sizes 3 and 2 must match (columns of the left, rows of
 *              the right)"
 *   add:      "a 2×3 plus a 3×2: the shapes must be the same"
 *   hadamard: "a 2×3 element-wise times a 3×2: the shapes must be the same"
 *
 * `left` and `right` are the two shapes (for `construct`, the shape asked for and the shape the
 * data has).
 */
export class ShapeError extends Error {
  override readonly name = 'ShapeError';

  constructor(
    message: string,
    readonly operation: ShapeOperation,
    readonly left: Shape,
    readonly right: Shape,
  ) {
    super(message);
  }

  /** AB needs A to be m×n and B to be n×p: the inner sizes n must agree. */
  static multiply(left: Shape, right: Shape): ShapeError {
    return new ShapeError(
      `a ${shapeText(left)} times a ${shapeText(right)}: the inner sizes ${left[1]} and ` +
        `${right[0]} must match (columns of the left, rows of the right)`,
      'multiply',
      left,
      right,
    );
  }

  /** A + B and A ⊙ B are entry by entry, so both need the same shape. */
  static elementWise(operation: 'add' | 'hadamard', left: Shape, right: Shape): ShapeError {
    const verb = operation === 'add' ? 'plus' : 'element-wise times';
    return new ShapeError(
      `a ${shapeText(left)} ${verb} a ${shapeText(right)}: the shapes must be the same`,
      operation,
      left,
      right,
    );
  }
}
