// The shape of a question with its names, times and kinds replaced by slots: what the intent classifier reads.
// Examples and live questions go through the same steps, so they look alike to the classifier.
import { stemmer } from 'stemmer';
import type { ListSubject } from '../engine/intent.ts';
import type { EntityType } from './link-entities.ts';

/** A slot: X is any named thing or subject, TIME a day or time, KIND a kind of session, COLL a collection. */
export type SlotName = 'X' | 'TIME' | 'KIND' | 'COLL';

export type TemplateItem =
  | { readonly kind: 'word'; readonly word: string }
  | {
      readonly kind: 'slot';
      readonly slot: SlotName;
      /** For X: what the catalog knows the words as; for COLL: which collection ("speakers", "sessions"). */
      readonly type?: EntityType | 'place' | ListSubject;
    };

/** Unigrams, bigrams with start and end marks, and the types of the named things. */
export function templateFeatures(items: readonly TemplateItem[]): string[] {
  const symbols: string[] = [];
  const features: string[] = [];
  for (const item of items) {
    // Stems, so that "sells" and "selling" frame a question alike.
    const symbol = item.kind === 'word' ? stemmer(item.word) : item.slot;
    // A run of subjects or times reads as one.
    if (
      item.kind === 'slot' &&
      symbols[symbols.length - 1] === symbol &&
      (symbol === 'X' || symbol === 'TIME')
    )
      continue;
    symbols.push(symbol);
    if (item.kind === 'slot' && item.type !== undefined) features.push(`T:${typeClass(item.type)}`);
  }
  const marked = ['^', ...symbols, '$'];
  for (let index = 0; index < marked.length; index++) {
    const symbol = marked[index] ?? '';
    if (symbol !== '^' && symbol !== '$') features.push(symbol);
    const next = marked[index + 1];
    if (next !== undefined) features.push(`${symbol} ${next}`);
  }
  return features;
}

function typeClass(type: EntityType | 'place' | ListSubject): string {
  if (type === 'room' || type === 'track') return 'place';
  if (type === 'project' || type === 'term') return 'thing';
  return type;
}
