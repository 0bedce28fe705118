// `npm run train`: trains the intent and aside models on data/understanding/intents.json and keeps them in
// data/understanding/model.json, so that a start reads them rather than spending ~0.5 s training. Run it after
// changing the table; a test says when the kept model is stale (until then a start trains, slower but right).
import { renameSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { LEXICON, LEXICON_HASH } from '../../src/understand/lexicon.ts';
import { trainOnLexicon } from '../../src/understand/train.ts';

const MODEL_FILE = fileURLToPath(new URL('../../data/understanding/model.json', import.meta.url));

const started = performance.now();
const { model } = trainOnLexicon(LEXICON, { table: LEXICON_HASH });
const elapsedMs = performance.now() - started;
const text = `${JSON.stringify(model)}\n`;
const temporary = `${MODEL_FILE}.${process.pid}.tmp`;
writeFileSync(temporary, text);
renameSync(temporary, MODEL_FILE);
process.stdout.write(
  `trained on ${model.intents.labels.length} intents in ${Math.round(elapsedMs)} ms; ` +
    `wrote data/understanding/model.json (${Math.round(text.length / 1024)} KB)\n`,
);
