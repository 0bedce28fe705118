// Engines over the real default dataset and over the small fixture, each built once per test file.
import { fileURLToPath } from 'node:url';
import { createEngine, type Engine, loadDataset } from '../../src/index.ts';

export const DEFAULT_DATASET = fileURLToPath(new URL('../../data/kubecon-eu-2026', import.meta.url));
export const MINI_CONF = fileURLToPath(new URL('../fixtures/mini-conf', import.meta.url));

/** 20 November 2026: after KubeCon EU 2026, so "now" questions find the conference over. */
export const AFTER_KUBECON = Date.parse('2026-11-20T12:00:00Z');

export function engineFor(path: string, nowMs: number = AFTER_KUBECON): Engine {
  const loaded = loadDataset(path);
  if (!loaded.ok) throw new Error(`test dataset ${path} is invalid: ${JSON.stringify(loaded.problems)}`);
  return createEngine(loaded.dataset, { clock: () => nowMs });
}

/** Text and the top results' titles, people and organisations: where an expected string may appear. */
export function visibleText(answer: ReturnType<Engine['ask']>, topResults = 3): string {
  const results = answer.results
    .slice(0, topResults)
    .map((result) => [result.title, ...result.people, ...result.organizations].join(' '));
  return [answer.text, ...results].join('\n');
}
