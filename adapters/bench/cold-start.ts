// Cold start, measured in a fresh process: from process start to the first answer. Arguments are dataset paths
// (merged in order) or `synthetic:N`, a seeded synthetic corpus generated in the process.
import { createEngine, type Dataset, loadDataset, mergeDatasets } from '../../src/index.ts';
import { syntheticConference } from './synthetic-corpus.ts';

const datasets: Dataset[] = process.argv.slice(2).map((spec) => {
  const synthetic = spec.match(/^synthetic:(\d+)$/);
  if (synthetic !== null) return syntheticConference({ sessions: Number(synthetic[1]) });
  const loaded = loadDataset(spec);
  if (!loaded.ok) throw new Error(`${spec} is invalid`);
  return loaded.dataset;
});
const engine = createEngine(mergeDatasets(datasets).dataset);
engine.ask('who spoke about platform engineering?');
// uptime() counts from the moment the process started, module loading included.
process.stdout.write(`${JSON.stringify({ coldStartMs: Math.round(process.uptime() * 1000) })}\n`);
