// Seeded words that share prefixes often, as an index's terms do ("contain", "container", "containers").
import { seededRandom } from '../../adapters/bench/random.ts';

const STEMS = ['con', 'contain', 'kube', 'kubernetes', 'k', 'obs', 'observ', 'rust', 'rus', 'ü', 'été', ''];
const LETTERS = 'aeiourstnlck';

/** `count` words (repeats and the empty word included), the same for the same seed. */
export function prefixWords(seed: number, count: number): string[] {
  const random = seededRandom(seed);
  return Array.from({ length: count }, () => {
    let word = STEMS[Math.floor(random() * STEMS.length)] ?? '';
    const extra = Math.floor(random() * 5);
    for (let index = 0; index < extra; index++) word += LETTERS[Math.floor(random() * LETTERS.length)];
    return word;
  });
}
