// A session for tests that add a few to a fixture: only what the test is about, the rest empty.
import type { Session } from '../../src/index.ts';

type Required = Pick<Session, 'id' | 'title' | 'start' | 'end'>;

export function fixtureSession(fields: Required & Partial<Session>): Session {
  return {
    kind: 'talk',
    summary: '',
    topics: [],
    speakers: [],
    organizations: [],
    projects: [],
    sources: ['fixture'],
    ...fields,
  };
}
