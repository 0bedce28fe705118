// The KubeCon dataset with records added, for Discord tests that need a busier or a hostile Thursday.
import {
  createEngine,
  type Dataset,
  type Engine,
  loadDataset,
  type Person,
  type Session,
} from '../../src/index.ts';
import { DEFAULT_DATASET } from '../helpers/engines.ts';

/** A session on the KubeCon data's first source, with no topics, people or organisations unless given. */
export type NewSession = Pick<Session, 'id' | 'title' | 'kind' | 'start' | 'end'> & Partial<Session>;

/** An engine over KubeCon's data plus these sessions and people, its clock at `nowMs`. */
export function kubeconWith(
  added: { readonly sessions: readonly NewSession[]; readonly people?: readonly Omit<Person, 'sources'>[] },
  nowMs: number,
): Engine {
  const loaded = loadDataset(DEFAULT_DATASET);
  if (!loaded.ok) throw new Error('the KubeCon dataset is invalid');
  const { dataset } = loaded;
  const sources = [dataset.sources[0]?.id ?? 'sched'];
  const sessions: Session[] = added.sessions.map((session) => ({
    summary: '',
    topics: [],
    speakers: [],
    organizations: [],
    projects: [],
    sources,
    ...session,
  }));
  const people: Person[] = (added.people ?? []).map((person) => ({ ...person, sources }));
  const extended: Dataset = {
    ...dataset,
    sessions: [...dataset.sessions, ...sessions],
    people: [...dataset.people, ...people],
  };
  return createEngine(extended, { clock: () => nowMs });
}
