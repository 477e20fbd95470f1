/**
 * The attributes of `<nn-gradient-descent>` whose absence means "the surface's suggestion": how
 * Lit reads and writes them.
 */
import { warnOnce } from '../shared/base';
import { TAG, rangeOf } from './model';

/**
 * A numeric attribute whose absence means "the surface's suggestion": undefined when absent, and
 * undefined with one console warning when invalid or out of range, never a broken render.
 */
export function optionalNumber(name: string) {
  const { min, max } = rangeOf(name);
  return {
    type: Number,
    reflect: true,
    attribute: name,
    converter: {
      fromAttribute(value: string | null): number | undefined {
        if (value === null) return undefined;
        const n = value.trim() === '' ? NaN : Number(value);
        if (!(Number.isFinite(n) && n >= min && n <= max)) {
          warnOnce(
            `<${TAG}> ${name}="${value}" is not a number between ${min} and ${max}; using the surface's suggested value.`,
          );
          return undefined;
        }
        return n;
      },
      toAttribute(value: number | undefined): string | null {
        return value === undefined ? null : String(value);
      },
    },
  };
}
