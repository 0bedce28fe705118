// The one term analyzer that the index and every query share: fold, drop stop words, canonicalise, stem.
import { stemmer } from 'stemmer';
import { wordTokens } from './normalize.ts';
import { QUESTION_NOISE_WORDS, STOP_WORDS } from './stop-words.ts';
import { canonicalWord } from './synonyms.ts';

/**
 * Analysed forms of tokens seen so far. Stemming dominates index build time and a corpus repeats its words,
 * so each distinct token is analysed once; the cap keeps a long-running process from growing without bound.
 */
const analyzed = new Map<string, string | null>();
const ANALYZED_CACHE_LIMIT = 500_000;

/** Turns one folded token into its index form, or null when it carries no meaning. */
export function analyzeToken(token: string): string | null {
  const cached = analyzed.get(token);
  if (cached !== undefined) return cached;
  if (analyzed.size >= ANALYZED_CACHE_LIMIT) analyzed.clear();
  const term = analyzeUncached(token);
  analyzed.set(token, term);
  return term;
}

/**
 * The same for a word typed in a question: read from the cache but never added to it, so what people type
 * (typos, one-off words) neither grows the cache nor makes it rehash in the middle of an answer.
 */
function analyzeQueryToken(token: string): string | null {
  return analyzed.get(token) ?? analyzeUncached(token);
}

function analyzeUncached(token: string): string | null {
  if (STOP_WORDS.has(token)) return null;
  const canonical = canonicalWord(token);
  // Digits and very short tokens ("ai", "ml") are kept as they are: stemming them only adds collisions.
  if (canonical.length <= 3 || /\d/.test(canonical)) return canonical;
  return stemmer(canonical);
}

/** Index-side analysis of a whole text. */
export function analyzeText(text: string): string[] {
  const terms: string[] = [];
  for (const token of wordTokens(text)) {
    const term = analyzeToken(token);
    if (term !== null) terms.push(term);
  }
  return terms;
}

/** A query word as typed (folded) and the index term it becomes. */
export interface QueryToken {
  readonly word: string;
  readonly term: string;
}

/**
 * Query-side analysis: like the index, and also without the words that only frame a question
 * ("tell me about", "talks on") and without `extraNoise` (such as the conference's own name). Each term once.
 */
export function analyzeQuery(text: string, extraNoise: ReadonlySet<string> = new Set()): QueryToken[] {
  const tokens = new Map<string, QueryToken>();
  for (const word of wordTokens(text)) {
    if (QUESTION_NOISE_WORDS.has(word) || extraNoise.has(word)) continue;
    const term = analyzeQueryToken(word);
    if (term !== null && !tokens.has(term)) tokens.set(term, { word, term });
  }
  return [...tokens.values()];
}
