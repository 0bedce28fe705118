// Word tokens: plain ASCII takes a fast path, which must split exactly as the Unicode rule does.
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../adapters/bench/random.ts';
import { foldText, wordTokens } from '../../src/text/normalize.ts';

/** The rule itself: anything but a letter or a digit, in any script, separates words. */
const byUnicodeRule = (text: string): string[] =>
  foldText(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((token) => token.length > 0);

describe('wordTokens', () => {
  it('splits every printable ASCII text as the Unicode rule does', () => {
    const random = seededRandom(7);
    for (let sample = 0; sample < 2000; sample++) {
      const length = Math.floor(random() * 40);
      const text = Array.from({ length }, () => String.fromCharCode(32 + Math.floor(random() * 95))).join('');
      expect(wordTokens(text), JSON.stringify(text)).toEqual(byUnicodeRule(text));
    }
  });

  it('folds accents and keeps letters and digits of other scripts', () => {
    expect(wordTokens('Jean-François à KubeCon 2026')).toEqual(['jean', 'francois', 'a', 'kubecon', '2026']);
    expect(wordTokens('山田 太郎, talk #3')).toEqual(['山田', '太郎', 'talk', '3']);
    expect(wordTokens('Łódź—Zürich: ① ②')).toEqual(byUnicodeRule('Łódź—Zürich: ① ②'));
  });
});
