// Facts about the event itself ("how many people attended?", "where is the next edition?"), from the sentences of
// the conference's own description. Tried only when nothing else answered, so it never displaces a real answer.
import { analyzeToken } from '../../text/analyzer.ts';
import { wordTokens } from '../../text/normalize.ts';
import type { Finding, ResolveContext } from '../finding.ts';

/** Words that order things ("the next keynote") and say nothing about which fact is meant. */
const ORDER_WORDS: ReadonlySet<string> = new Set(['next', 'last', 'first', 'previous', 'new', 'latest']);

/** Share of the question's meaningful words a sentence must hold: more than half, so one stray word is not enough. */
const MIN_SHARE = 0.6;

/** The description's sentence that holds most of the question's words, or undefined when none holds enough. */
export function conferenceFact(context: ResolveContext, question: string): Finding | undefined {
  const { conference } = context.catalog;
  const description = conference.description;
  if (description === undefined) return undefined;
  const asked = meaningfulWords(question);
  // The event's own name is in most sentences; some other word must match too.
  const aboutEvent = asked.some(({ word }) => context.conferenceWords.has(word));
  // "Where is the next <event>?": an order word beside the event's name is what is asked.
  const content = asked.filter(
    ({ word }) => !context.conferenceWords.has(word) && (aboutEvent || !ORDER_WORDS.has(word)),
  );
  if (content.length === 0) return undefined;
  let best: { sentence: string; share: number; exact: number } | undefined;
  for (const sentence of description.split(/(?<=[.!?])\s+/)) {
    const words = meaningfulWords(sentence);
    const terms = new Set(words.map(({ term }) => term));
    const surface = new Set(words.map(({ word }) => word));
    if (!content.some(({ term }) => terms.has(term))) continue;
    const share = asked.filter(({ term }) => terms.has(term)).length / asked.length;
    // Ties go to the sentence with the very words asked ("recordings", not "a record").
    const exact = asked.filter(({ word }) => surface.has(word)).length;
    if (share < MIN_SHARE) continue;
    if (best === undefined || share > best.share || (share === best.share && exact > best.exact))
      best = { sentence, share, exact };
  }
  if (best === undefined) return undefined;
  return { kind: 'conference', conference, days: [], fact: best.sentence };
}

/** Folded words and their index terms, without words that carry no meaning. */
function meaningfulWords(text: string): Array<{ word: string; term: string }> {
  return wordTokens(text).flatMap((word) => {
    const term = analyzeToken(word);
    return term === null ? [] : [{ word, term }];
  });
}
