// Turns a name typed in a question into one record, several equally good ones, or nothing.
import type { NamedType, NameMatch } from '../../search/name-index.ts';
import type { MatchNote, ResolveContext } from '../finding.ts';

/** Longer phrases are not one name written apart ("HA Proxy"), and a typo search on them is costly. */
const MAX_COMPACT_LENGTH = 20;
/** Below this, a name match is a guess rather than an answer. */
const MIN_QUALITY = 0.5;
/** Words that describe a name rather than being part of it ("the Agones project", "Google folks"). */
const DESCRIPTIVE_WORDS =
  /\b(?:project|projects|team|teams|company|companies|folks|people|guys|maintainers|community|inc|ltd|llc|corp|booth|keynote|talk|session|speaker|speakers|vendor|sponsor|product|the|from)\b/g;

export type NameLookup =
  | { readonly kind: 'found'; readonly match: NameMatch }
  | { readonly kind: 'ambiguous'; readonly candidates: readonly NameMatch[] }
  | { readonly kind: 'none' };

/**
 * Finds the record a name refers to. Types earlier in `preference` win ties, so "what is X" prefers a
 * project and "who is X" a person.
 */
export function lookupName(
  context: ResolveContext,
  typed: string,
  preference: readonly NamedType[],
): NameLookup {
  const types = new Set(preference);
  let matches = context.names.find(typed, types);
  const stripped = typed.replace(DESCRIPTIVE_WORDS, ' ').replace(/\s+/g, ' ').trim();
  if (matches.length === 0 && stripped.length > 0 && stripped !== typed) {
    matches = context.names.find(stripped, types);
  }
  // "HA Proxy" for "HAProxy", "Spectro Cloud" typed as "spectrocloud" is handled by aliases; this is the reverse.
  const compact = stripped.replace(/ /g, '');
  if (matches.length === 0 && stripped.includes(' ') && compact.length <= MAX_COMPACT_LENGTH) {
    matches = context.names.find(compact, types);
  }
  const good = matches.filter((match) => match.quality >= MIN_QUALITY);
  const best = good[0];
  if (best === undefined) return { kind: 'none' };
  const rank = (match: NameMatch): number => preference.indexOf(match.ref.type);
  const top = good.filter((match) => match.quality >= best.quality - 1e-9);
  top.sort((a, b) => rank(a) - rank(b));
  const first = top[0] ?? best;
  const rivals = top.filter(
    (match) => match.ref.type === first.ref.type && match.ref.record.id !== first.ref.record.id,
  );
  if (rivals.length > 0 && !first.exact)
    return { kind: 'ambiguous', candidates: [first, ...rivals].slice(0, 5) };
  if (rivals.length > 0 && first.quality < 1)
    return { kind: 'ambiguous', candidates: [first, ...rivals].slice(0, 5) };
  return { kind: 'found', match: first };
}

/** How a match should be described to the user. */
export function matchNote(typed: string, match: NameMatch): MatchNote {
  return { typed, matchedName: match.matchedName, exact: match.exact };
}
