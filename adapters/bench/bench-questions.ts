// 500 mixed questions over a synthetic corpus: topics, organisations, typo'd names, prefixes, places, and
// questions with no answer, drawn from the corpus itself with a seed.
import type { Dataset } from '../../src/index.ts';
import { pick, seededRandom } from './random.ts';

export type QuestionKind = 'topic' | 'organization' | 'typo-name' | 'prefix' | 'where' | 'no-answer';

export interface BenchQuestion {
  readonly kind: QuestionKind;
  readonly text: string;
}

const MIX: ReadonlyArray<readonly [QuestionKind, number]> = [
  ['topic', 0.24],
  ['organization', 0.16],
  ['typo-name', 0.16],
  ['prefix', 0.12],
  ['where', 0.16],
  ['no-answer', 0.16],
];

export function benchQuestions(dataset: Dataset, count = 500, seed = 7): BenchQuestion[] {
  const random = seededRandom(seed);
  const questions: BenchQuestion[] = [];
  for (const [kind, share] of MIX) {
    for (let i = 0; i < Math.round(count * share); i++)
      questions.push({ kind, text: question(kind, dataset, random) });
  }
  // Interleave kinds, as real traffic does.
  for (let i = questions.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [questions[i], questions[j]] = [questions[j] as BenchQuestion, questions[i] as BenchQuestion];
  }
  return questions.slice(0, count);
}

function question(kind: QuestionKind, dataset: Dataset, random: () => number): string {
  const words = (title: string) => title.split(/\s+/).filter((word) => word.length > 3);
  switch (kind) {
    case 'topic': {
      const title = words(pick(dataset.sessions, random).title);
      const start = Math.floor(random() * Math.max(1, title.length - 2));
      return `who spoke about ${title.slice(start, start + 2 + Math.floor(random() * 2)).join(' ')}?`;
    }
    case 'organization':
      // Schedules without affiliations (FOSDEM, 39C3) have no organisations: ask what a speaker presents.
      return dataset.organizations.length > 0
        ? `what did ${pick(dataset.organizations, random).name} present?`
        : `what is ${pick(dataset.people, random).name} talking about?`;
    case 'typo-name': {
      // People type first and last name, with a letter missing from the last.
      const parts = pick(dataset.people, random).name.split(' ');
      const first = parts[0] ?? '';
      const last = parts[parts.length - 1] ?? '';
      const at = 1 + Math.floor(random() * Math.max(1, last.length - 2));
      return `who is ${first} ${last.slice(0, at)}${last.slice(at + 1)}?`;
    }
    case 'prefix': {
      const candidates = words(pick(dataset.sessions, random).title);
      const word = candidates.length === 0 ? 'kubernetes' : pick(candidates, random);
      return `who spoke about ${word.slice(0, Math.max(4, word.length - 3))}`;
    }
    case 'where': {
      const title = words(pick(dataset.sessions, random).title);
      return `where is ${title.slice(0, 4).join(' ')}?`;
    }
    case 'no-answer':
      return random() < 0.5
        ? 'who spoke about underwater basket weaving?'
        : 'what did Initech Megacorp announce?';
  }
}
