// The term analyzer shared by the index and queries: jargon, spelling variants, stop words and stems.
import { describe, expect, it } from 'vitest';
import { analyzeQuery, analyzeText } from '../../src/text/analyzer.ts';

const terms = (text: string) => analyzeQuery(text).map((token) => token.term);

describe('analyzer', () => {
  it.each([
    ['k8s', analyzeText('Kubernetes')],
    ['telco', analyzeText('telecom')],
    ['visualisation', analyzeText('visualization')],
    ['GPUs', analyzeText('GPU')],
    ['Jean-François', analyzeText('jean francois')],
  ])('%s is indexed like its canonical form', (word, canonical) => {
    expect(analyzeText(word)).toEqual(canonical);
  });

  it('drops stop words and question framing, keeps short domain words', () => {
    expect(terms('tell me about the talks on AI and ML')).toEqual(['ai', 'ml']);
  });

  it('drops extra noise words such as the conference name', () => {
    expect(analyzeQuery('kubecon platform engineering', new Set(['kubecon'])).map((t) => t.term)).toEqual(
      analyzeText('platform engineering'),
    );
  });
});
