// Turns a question into folded word tokens: contractions and chat spellings expanded, greetings and filler dropped.
import { foldText } from '../text/normalize.ts';
import type { Lexicon } from './lexicon.ts';

/** A question as the words it is read in, each with where it starts in `text` (the words joined by spaces). */
export interface QuestionTokens {
  readonly words: readonly string[];
  readonly text: string;
  readonly starts: readonly number[];
  /** Words that were joined by a hyphen ("closed-loop", "first-class"): parts of a name, never framing words. */
  readonly glued: ReadonlySet<number>;
  /** Words that follow a punctuation break (",", "?", " - "): no subject runs across one. */
  readonly breaks: ReadonlySet<number>;
  /** Words typed between double quotes: what the asker marked as the subject ("the "universal mesh" talk"). */
  readonly quoted: ReadonlySet<number>;
  /** Words typed in capitals in a question that is not: a name, even when it is an everyday word ("the HERE booth"). */
  readonly capitals: ReadonlySet<number>;
}

/** A word of two or more capital letters and nothing else ("HERE", "AWS"). */
const CAPITALS = /^[A-Z]{2,}$/;

/** Whether most letters of a question are capitals: then capitals say nothing about names. */
function shouting(question: string): boolean {
  const upper = question.replace(/[^A-Z]/g, '').length;
  const lower = question.replace(/[^a-z]/g, '').length;
  return upper >= lower;
}

/** Double quotes, straight and curly; single quotes are apostrophes too often to mark anything. */
const DOUBLE_QUOTES = /["\u201c\u201d\u201e]/g;

/** Punctuation between two words that ends one thought: a comma, a question mark, a dash between spaces. */
const BREAK = /[?!.,;:()]\s|\s[-–—]\s/;
// Letters and digits make words; a clock time ("14:30", "9.30") and "3pm" stay whole.
// A clock time inside a longer code is not one: "K.3.201" is a room, not 3:20.
const WORD =
  /(?<![\p{L}\p{N}.])\d{1,2}[:.h]\d{2}(?:am|pm)?(?![\p{N}.])|[\p{L}\p{N}]+(?:[-'][\p{L}\p{N}]+)*/gu;

/** The thoughts of a question as typed, split where a break falls: "overslept, what did I miss?" is two. */
export function splitClauses(question: string): string[] {
  return question
    .split(new RegExp(BREAK.source, 'g'))
    .map((clause) => clause.trim())
    .filter((clause) => /[\p{L}\p{N}]/u.test(clause));
}

/** Splits and folds; "what's" → "what is", "Bangser's" → "bangser", "whats" → "what is". */
export function questionTokens(question: string, lexicon: Lexicon): QuestionTokens {
  const folded = foldText(question).replace(/[\u2018\u2019\u02bc`´]/g, "'");
  const words: string[] = [];
  const glued: number[] = [];
  const breaks: number[] = [];
  const quoted: number[] = [];
  const capitals: number[] = [];
  // Offsets match the typed text only when folding kept its length (plain ASCII, the usual case).
  const typed = folded.length === question.length && !shouting(question) ? question : undefined;
  let lastEnd = 0;
  let inQuotes = false;
  for (const match of folded.matchAll(WORD)) {
    const gap = folded.slice(lastEnd, match.index);
    // "z.999" is one name; "here, where" is two thoughts.
    if (words.length > 0 && BREAK.test(gap)) breaks.push(words.length);
    if ((gap.match(DOUBLE_QUOTES)?.length ?? 0) % 2 === 1) inQuotes = !inQuotes;
    lastEnd = match.index + match[0].length;
    const parts = expand(match[0], lexicon);
    const hyphenated = match[0].includes('-') && parts.length > 1;
    const inCapitals = typed !== undefined && CAPITALS.test(typed.slice(match.index, lastEnd));
    for (const word of parts) {
      if (hyphenated) glued.push(words.length);
      if (inQuotes) quoted.push(words.length);
      if (inCapitals) capitals.push(words.length);
      words.push(word);
    }
  }
  // A quote never closed marks nothing.
  if (inQuotes) quoted.length = 0;
  rewritePhrases(words, [glued, breaks, quoted, capitals], lexicon);
  let first = 0;
  for (let moved = true; moved; ) {
    moved = false;
    while (first < words.length - 1 && lexicon.leadingFiller.has(words[first] ?? '')) {
      first++;
      moved = true;
    }
    const phrase = lexicon.leadingPhrases.find(
      (candidate) =>
        candidate.length < words.length - first &&
        candidate.every((word, offset) => words[first + offset] === word),
    );
    if (phrase !== undefined) {
      first += phrase.length;
      moved = true;
    }
  }
  const shifted = (indexes: readonly number[]) =>
    indexes.map((index) => index - first).filter((index) => index >= 0);
  return fromWords(words.slice(first), shifted(glued), shifted(breaks), shifted(quoted), shifted(capitals));
}

/** Builds the joined text and offsets for a list of words. */
export function fromWords(
  words: readonly string[],
  glued: readonly number[] = [],
  breaks: readonly number[] = [],
  quoted: readonly number[] = [],
  capitals: readonly number[] = [],
): QuestionTokens {
  const starts: number[] = [];
  let offset = 0;
  for (const word of words) {
    starts.push(offset);
    offset += word.length + 1;
  }
  return {
    words,
    text: words.join(' '),
    starts,
    glued: new Set(glued),
    breaks: new Set(breaks),
    quoted: new Set(quoted),
    capitals: new Set(capitals),
  };
}

/** Replaces word sequences said one way ("tl dr" → "summary"), in place; hyphen-glued words are left alone. */
function rewritePhrases(words: string[], marks: readonly number[][], lexicon: Lexicon): void {
  const [glued = []] = marks;
  for (let index = 0; index < words.length; index++) {
    const rule = lexicon.phraseRewrites.find(({ from }) =>
      from.every((word, offset) => words[index + offset] === word && !glued.includes(index + offset)),
    );
    if (rule === undefined) continue;
    words.splice(index, rule.from.length, ...rule.to);
    const shift = rule.to.length - rule.from.length;
    for (const indexes of marks)
      for (let at = 0; at < indexes.length; at++)
        if ((indexes[at] ?? 0) > index) indexes[at] = (indexes[at] ?? 0) + shift;
  }
}

function expand(token: string, lexicon: Lexicon): readonly string[] {
  const apostrophe = token.indexOf("'");
  if (apostrophe > 0) {
    const stem = token.slice(0, apostrophe);
    const tail = token.slice(apostrophe + 1);
    // "what's" is "what is"; "n't" is "not"; "'re", "'ll", "'ve", "'m", "'d" are auxiliaries; a name's "'s" is a possessive.
    const auxiliary = TAILS[tail];
    if (tail === 't' && stem.endsWith('n')) return [...expand(stem.slice(0, -1), lexicon), 'not'];
    if (tail === 's') return IS_WORDS.has(stem) ? [stem, 'is'] : expand(stem, lexicon);
    if (auxiliary !== undefined) return [...expand(stem, lexicon), auxiliary];
    return [stem, tail].flatMap((part) => expand(part, lexicon));
  }
  if (token.includes('-') && !/\d/.test(token))
    return token.split('-').flatMap((part) => expand(part, lexicon));
  return lexicon.rewrites.get(token) ?? [token];
}

const TAILS: Readonly<Record<string, string>> = { re: 'are', ll: 'will', ve: 'have', m: 'am', d: 'would' };
/** Words whose "'s" is "is" rather than a possessive. */
const IS_WORDS: ReadonlySet<string> = new Set([
  'what',
  'who',
  'where',
  'when',
  'how',
  'that',
  'there',
  'it',
  'here',
  'which',
  'this',
  'he',
  'she',
  'why',
]);
