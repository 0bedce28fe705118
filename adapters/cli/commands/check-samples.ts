// Three questions for `hallway check` to answer, built from names in the data so they show what users will see.
import type { Dataset } from '../../../src/index.ts';
import { coverageOf } from '../../../src/index.ts';

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** A person question, a day question and a place question, each from the data when it has one. */
export function sampleQuestions(dataset: Dataset): string[] {
  const speakers = new Set(dataset.sessions.flatMap((session) => session.speakers));
  const person =
    dataset.people.find((p) => speakers.has(p.id) && p.organization !== undefined) ??
    dataset.people.find((p) => speakers.has(p.id));
  const day = coverageOf(dataset).days[0];
  const session =
    dataset.sessions.find((s) => s.kind === 'keynote' && s.start !== undefined) ??
    dataset.sessions.find((s) => s.start !== undefined && s.room !== undefined);
  return [
    person === undefined ? 'list speakers' : `who is ${person.name}?`,
    day === undefined
      ? 'list days'
      : `what's on ${WEEKDAYS[new Date(`${day.date}T12:00:00Z`).getUTCDay()]} morning?`,
    session === undefined ? 'list organizations' : `where is ${session.title.trim()}?`,
  ];
}
