// Characters a reader cannot see but a screen obeys: controls, bidi overrides and isolates, zero-width marks.

// C0/C1 controls except tab and line breaks, which the callers treat as whitespace or keep.
const CONTROL = /(?![\t\n\r])\p{Cc}/gu;
// Bidi embedding, override and isolate marks, and the Arabic letter mark: they reorder what a channel shows.
const BIDI = /[\u200e\u200f\u202a-\u202e\u2066-\u2069\u061c]/g;
const ZERO_WIDTH = /[\u200b-\u200d\u2060\ufeff]/g;
const ANY = /(?![\t\n\r])\p{Cc}|[\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\u061c\ufeff]/u;

/**
 * Removes control, bidi and zero-width characters; tabs and line breaks stay. Questions and imported data are
 * cleaned with this one function, so what a user types and what a schedule holds obey the same rule.
 */
export function removeInvisible(text: string): string {
  // Most text has none: a test is cheaper than three replacements over a long description.
  if (!ANY.test(text)) return text;
  return text.replace(CONTROL, '').replace(BIDI, '').replace(ZERO_WIDTH, '');
}

/** Every string in a parsed value (an imported dataset, a JSON file) with `removeInvisible` applied, keys too. */
export function removeInvisibleDeep<T>(value: T): T {
  return clean(value) as T;
}

function clean(value: unknown): unknown {
  if (typeof value === 'string') return removeInvisible(value);
  if (Array.isArray(value)) return value.map(clean);
  if (value === null || typeof value !== 'object') return value;
  // fromEntries defines properties, so a "__proto__" key from JSON stays a plain key.
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [removeInvisible(key), clean(item)]));
}
