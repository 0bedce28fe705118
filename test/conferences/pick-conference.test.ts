// A question that names a conference goes to it, by the names its data and configuration give; no name is built in.
import { describe, expect, it } from 'vitest';
import { type ConferenceNames, pickConference } from '../../src/index.ts';

const CONFERENCES: ConferenceNames[] = [
  {
    id: 'kubecon-eu-2026',
    names: ['kubecon-eu-2026', 'KubeCon + CloudNativeCon Europe 2026', 'KubeCon EU 2026'],
  },
  { id: 'kubecon-na-2026', names: ['kubecon-na-2026', 'KubeCon NA 2026'] },
  { id: 'fosdem-2026', names: ['fosdem-2026', 'FOSDEM 2026'] },
];

describe('pickConference', () => {
  it.each([
    ["at FOSDEM, what's in the Rust devroom?", 'fosdem-2026', "what's in the Rust devroom?"],
    ["what's in the Rust devroom at FOSDEM 2026?", 'fosdem-2026', "what's in the Rust devroom?"],
    ['For KubeCon NA: who spoke about Backstage?', 'kubecon-na-2026', 'who spoke about Backstage?'],
    ['FOSDEM: list rooms', 'fosdem-2026', 'list rooms'],
    ['during kubecon eu, what keynotes were there', 'kubecon-eu-2026', 'what keynotes were there'],
    ['what rooms does fosdem-2026 have?', 'fosdem-2026', 'what rooms does fosdem-2026 have?'],
    // A name that is the question's subject stays in it: the conference answers about itself.
    ['when is FOSDEM?', 'fosdem-2026', 'when is FOSDEM?'],
  ])('%s → %s, asked as %s', (question, id, rest) => {
    expect(pickConference(question, CONFERENCES)).toEqual({ id, question: rest });
  });

  it.each([
    ['who spoke about platform engineering?'],
    // "KubeCon" alone is neither conference's name (both are "KubeCon <region>").
    ['at KubeCon, what keynotes were there?'],
    // Part of a word is not a name.
    ['what is fosdemish about this?'],
  ])('%s names no single conference', (question) => {
    expect(pickConference(question, CONFERENCES)).toBeUndefined();
  });

  it('two editions that share a name without their year: the bare name picks neither, the year picks one', () => {
    const editions = [
      { id: 'devconf-2025', names: ['DevConf 2025'] },
      { id: 'devconf-2026', names: ['DevConf 2026'] },
    ];
    expect(pickConference('at DevConf, list rooms', editions)).toBeUndefined();
    expect(pickConference('at DevConf 2025, list rooms', editions)).toEqual({
      id: 'devconf-2025',
      question: 'list rooms',
    });
  });

  it('prefers the longest name: "KubeCon EU 2026" over a conference called just "KubeCon"', () => {
    const withBare = [...CONFERENCES, { id: 'kubecon', names: ['KubeCon'] }];
    expect(pickConference('at KubeCon EU 2026, list rooms', withBare)).toEqual({
      id: 'kubecon-eu-2026',
      question: 'list rooms',
    });
    expect(pickConference('at KubeCon, list rooms', withBare)?.id).toBe('kubecon');
  });
});
