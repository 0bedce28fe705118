// Strict numbers from environment variables: decimal digits only (no hex, exponents or spaces inside), in range.
import { z } from 'zod';

/** A bound and what to say when a value passes it, such as `[1, 'must be a port number from 1 to 65535']`. */
export type Bound = readonly [value: number, message: string];

export interface EnvNumberOptions {
  /** `integer`: digits only; `decimal`: digits with an optional fraction, such as 1.5. */
  readonly kind: 'integer' | 'decimal';
  /** What to say when the text is not a number at all, such as `must be a port number such as 8080`. */
  readonly message: string;
  /** For `integer`: what to say about a number with a fraction (default `message`). */
  readonly wholeMessage?: string;
  readonly min: Bound;
  readonly max: Bound;
  /** The value when the variable is unset or blank; without it, undefined. */
  readonly fallback?: number;
}

const INTEGER = /^-?\d+$/;
const DECIMAL = /^-?\d+(\.\d+)?$/;

/**
 * A zod schema for one numeric variable; unset, empty and blank mean `fallback`. Strict because `Number()` (and
 * `z.coerce`) would take `0x1F90` as 8080, `1e3` as 1000 and a blank as 0.
 */
export function envNumber(options: EnvNumberOptions & { readonly fallback: number }): z.ZodType<number>;
export function envNumber(options: EnvNumberOptions): z.ZodType<number | undefined>;
export function envNumber(options: EnvNumberOptions): z.ZodType<number | undefined> {
  const pattern = options.kind === 'integer' ? INTEGER : DECIMAL;
  const strict = z
    .string()
    .trim()
    .transform((text, context) => {
      if (!pattern.test(text)) {
        const fraction = options.kind === 'integer' && DECIMAL.test(text);
        context.addIssue({
          code: 'custom',
          message: fraction ? (options.wholeMessage ?? options.message) : options.message,
        });
        return z.NEVER;
      }
      return Number(text);
    })
    .pipe(z.number().min(options.min[0], options.min[1]).max(options.max[0], options.max[1]));
  return z.preprocess(
    (value) => (typeof value === 'string' && value.trim() === '' ? undefined : value),
    options.fallback === undefined ? strict.optional() : strict.default(options.fallback),
  );
}
