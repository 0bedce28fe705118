// The comparison key of an organisation's name: "HAProxy Technologies", "HAProxy" and "haproxy, Inc." meet.
import { wordTokens } from '../text/normalize.ts';

/** Legal forms and filler that do not tell one organisation from another. */
const GENERIC_WORDS = new Set([
  'the',
  'inc',
  'ltd',
  'llc',
  'gmbh',
  'co',
  'corp',
  'corporation',
  'company',
  'ag',
  'sa',
  'bv',
  'nv',
  'plc',
  'technologies',
  'technology',
  'limited',
  'incorporated',
  'se',
  'srl',
  'spa',
  'oy',
  'ab',
  'as',
  'kk',
]);

export function organizationKey(name: string): string {
  const words = wordTokens(name);
  const meaningful = words.filter((word) => !GENERIC_WORDS.has(word));
  return (meaningful.length > 0 ? meaningful : words).join(' ');
}
