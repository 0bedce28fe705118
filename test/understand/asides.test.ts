// Remarks around a question ("overslept", "asking for a friend") are dropped; a clause that names the subject stays.
import { describe, expect, it } from 'vitest';
import savedModel from '../../data/understanding/model.json' with { type: 'json' };
import { loadDataset } from '../../src/load/load-dataset.ts';
import { buildCatalog } from '../../src/model/catalog.ts';
import { buildTextIndex } from '../../src/search/text-index.ts';
import { LEXICON } from '../../src/understand/lexicon.ts';
import { templateFeatures } from '../../src/understand/template.ts';
import { exampleItems, trainOnLexicon } from '../../src/understand/train.ts';
import { createUnderstanding } from '../../src/understand/understand.ts';

const loaded = loadDataset('data/kubecon-eu-2026');
if (!loaded.ok) throw new Error('the bundled dataset does not load');
const catalog = buildCatalog(loaded.dataset);
const understanding = createUnderstanding(catalog, buildTextIndex(catalog), new Set(['kubecon']));
/** Thursday of the conference week, 11:00 in Amsterdam. */
const NOW = Date.parse('2026-03-26T11:00:00+01:00');
const read = (question: string) => understanding.read(question, NOW).intent;

describe('asides around a question', () => {
  it.each([
    ['overslept, what did I miss this morning?', 'what did I miss this morning?'],
    ['sorry, total newbie here, where is the Agones keynote?', 'where is the Agones keynote?'],
    ['what is on at 10am? trying to plan my day', 'what is on at 10am?'],
    ['who spoke about GPU sharing? asking for a friend', 'who spoke about GPU sharing?'],
    ['who spoke about GPU sharing? it was amazing', 'who spoke about GPU sharing?'],
    ['running late, what is on next?', 'what is on next?'],
    ['my boss wants to know, what did Spectro Cloud announce?', 'what did Spectro Cloud announce?'],
  ])('"%s" reads as "%s"', (chatty, plain) => {
    expect(read(chatty)).toEqual(read(plain));
  });

  it('keeps an unknown subject that the rest points back to', () => {
    expect(read('Nintendo: which booth?')).not.toEqual(read('which booth?'));
    expect(read('Oracle - what did they announce?')).not.toEqual(read('what did they announce?'));
  });

  it('keeps a subject it cannot answer, so the answer can say so', () => {
    expect(read('is there anything about mainframes? asking for a friend')).toMatchObject({
      topic: 'mainframes',
    });
    expect(read('quantum computing, anyone?')).toMatchObject({ topic: 'quantum computing' });
  });

  it('keeps a clause that names a kind of session', () => {
    expect(read('what happened with Agones? I heard someone gave a talk on it, who was that?')).toMatchObject(
      {
        kind: 'topic',
      },
    );
  });

  it('never drops the only clause', () => {
    expect(read('asking for a friend')).not.toEqual({ kind: 'help' });
  });
});

describe('the aside table', () => {
  const { asides } = trainOnLexicon(LEXICON, { saved: savedModel });
  it.each(LEXICON.asides.map((aside) => [aside]))('"%s" reads as an aside', (aside) => {
    expect(asides.classifier.classify(templateFeatures(exampleItems(aside, LEXICON))).label).toBe('aside');
  });
});
