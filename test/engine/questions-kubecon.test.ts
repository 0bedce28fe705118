// Questions a KubeCon EU 2026 attendee asks, answered over the embedded dataset: one table per intent.
import { describe, expect, it } from 'vitest';
import { DEFAULT_DATASET, engineFor, visibleText } from '../helpers/engines.ts';

const engine = engineFor(DEFAULT_DATASET);

interface Case {
  readonly q: string;
  /** Every one of these must appear in the text or the top three results. */
  readonly expect?: readonly string[];
  /** At least one of these must appear. */
  readonly any?: readonly string[];
  /** None of these may appear in the results (no padding with unrelated hits). */
  readonly not?: readonly string[];
  readonly intent?: string;
}

function check({ q, expect: all = [], any = [], not = [], intent }: Case, answered = true): void {
  const answer = engine.ask(q);
  const seen = visibleText(answer);
  expect(answer.answered, answer.text).toBe(answered);
  if (intent !== undefined) expect(answer.intent).toBe(intent);
  for (const text of all) expect(seen, `expected "${text}"`).toContain(text);
  if (any.length > 0)
    expect(
      any.some((text) => seen.includes(text)),
      `expected one of ${any.join(' | ')}`,
    ).toBe(true);
  for (const text of not) expect(JSON.stringify(answer.results)).not.toContain(text);
}

describe('the shared eval questions (../shared/eval/questions.dev.jsonl)', () => {
  it.each<Case>([
    { q: 'Who spoke about platform engineering?', expect: ['Abby Bangser'] },
    { q: 'What did Spectro Cloud announce?', expect: ['PaletteAI'] },
    { q: 'Who talked about Kubernetes as an operating system for AI?', expect: ['Jago Macleod'] },
    { q: 'Which demo showed GPU sharing?', expect: ['HAMi'] },
    { q: 'Who is Chad Beaudin?', expect: ['Boeing'] },
    { q: 'What is Perses?', any: ['visualization', 'visualisation', 'dashboard'] },
    { q: 'Who spoke about telecom?', expect: ['Gergely Csatari'] },
    { q: 'What did HAProxy present?', expect: ['Universal Mesh'] },
    { q: 'Who kicked off the final day?', any: ['Jorge Castro', 'George Castro'] },
    { q: 'Who talked about Backstage?', expect: ['Spotify'] },
  ])('$q', (c) => check(c));

  it.each<Case>([{ q: 'Who spoke about quantum computing?' }, { q: 'What did Oracle announce?' }])(
    '$q → nothing found',
    (c) => check(c, false),
  );
});

describe('who spoke on a topic', () => {
  it.each<Case>([
    { q: 'who talked about k8s as the narrow waist?', expect: ['Jago Macleod', 'Google'], intent: 'topic' },
    { q: 'Who gave the keynote on game servers?', expect: ['Mark Mandel', 'Jean-François Hubert'] },
    { q: 'anyone talk about multiplayer games?', expect: ['Ubisoft'] },
    { q: 'who discussed closed-loop automation', expect: ['Gergely Csatari', 'Nokia'] },
    { q: 'who spoke about telco networks', expect: ['Gergely Csatari'] },
    { q: 'which session covered the twelve-factor app?', expect: ['Abby Bangser'] },
    { q: 'who talked about AI agents in production?', expect: ['Mathias Biilmann', 'Netlify'] },
    { q: 'who presented about service mesh', expect: ['Baptiste Assmann', 'HAProxy'] },
    { q: 'which demo was about dashboards?', expect: ['Perses'] },
    { q: 'who spoke about GPU slicing?', expect: ['HAMi'] },
    { q: 'who talked about DPUs?', expect: ['Spectro Cloud'] },
    { q: 'is there a talk about project maturity?', expect: ['Chad Beaudin'] },
    { q: 'who spoke about the feedback loop between end users and maintainers', expect: ['Karena Angell'] },
    { q: 'Who talked about platform engneering?', expect: ['Abby Bangser'] },
  ])('$q', (c) => check(c));
});

describe('what an organisation announced or presented', () => {
  it.each<Case>([
    { q: 'What did Google present?', expect: ['Jago Macleod'], intent: 'activity' },
    {
      q: 'did anyone announce a partnership with WEKA?',
      expect: ['Spectro Cloud', 'WEKA'],
      intent: 'partnership',
    },
    { q: 'what did spectro clod announce', expect: ['PaletteAI', 'Hadron'] },
    { q: "Spectro Cloud's announcements", expect: ['WEKA'] },
    { q: 'who partnered with NVIDIA?', expect: ['Spectro Cloud', 'BlueField'] },
    { q: 'What did NVIDIA announce?', expect: ['BlueField'] },
    { q: 'what did ubisoft present', expect: ['Agones'] },
    { q: 'what did Nokia show?', expect: ['Autonomous Networks'] },
    { q: 'sessions by Netlify', expect: ['Agents as First-Class Users'] },
    { q: 'What did HA Proxy present?', expect: ['Universal Mesh'] },
  ])('$q', (c) => check(c));

  it.each<Case>([
    { q: 'What did Microsoft announce?', not: ['Spectro'] },
    { q: 'what did Datadog present?' },
    { q: 'did anyone announce a partnership with Snowflake?' },
  ])('$q → nothing found', (c) => check(c, false));
});

describe('what an organisation did, asked without "did"', () => {
  it.each<Case>([
    { q: 'tell me what Spectro Cloud launched', expect: ['PaletteAI'], intent: 'activity' },
    { q: 'what was announced by Spectro Cloud', expect: ['PaletteAI'], intent: 'activity' },
  ])('$q', (c) => check(c));
});

describe('a track named by part of its name', () => {
  it.each<Case>([
    { q: 'what is in the vendor track?', expect: ['Vendor conversations', 'Spectro Cloud'] },
    { q: 'whats in the vendor conversatons track', expect: ['Vendor conversations', 'Spectro Cloud'] },
  ])('$q', (c) => check(c));
});

describe('facts about the event itself, from its notes', () => {
  it.each<Case>([
    { q: 'how many people attended?', expect: ['13,500'] },
    { q: 'when will the recordings be up?', expect: ['YouTube'] },
    { q: 'where is the next KubeCon?', expect: ['Salt Lake City'] },
    // Only the event and framing words: its card, with the venue.
    { q: 'Where does the conference take place?', expect: ['RAI Amsterdam'] },
    { q: 'which city hosts the conference?', expect: ['RAI Amsterdam'] },
  ])('$q', (c) => check(c));

  // One stray word shared with a note ("channel") is not enough.
  it.each<Case>([
    { q: 'who spoke about blockchain at KubeCon?' },
    { q: 'who is Linus Torvalds?' },
    { q: 'who spoke about quantum channels?' },
    // "next" alone is no question about the next KubeCon.
    { q: 'when is the next keynote?' },
  ])('$q → still nothing found', (c) => check(c, false));
});

describe('every session of a kind', () => {
  it.each<Case>([
    { q: 'which demos were there?', expect: ['3 demos', 'HAMi', 'Perses', 'Backstage'], intent: 'list' },
    { q: 'what was demoed?', expect: ['3 demos', 'HAMi'], intent: 'list' },
    { q: 'what was announced?', expect: ['PaletteAI', 'Universal Mesh'], intent: 'list' },
    {
      q: 'who spoke about Backstage on Thursday?',
      expect: ['Live demo: AI in the Backstage developer portal'],
    },
    { q: 'what happened on the last day?', expect: ['Jorge Castro'], intent: 'digest' },
  ])('$q', (c) => check(c));
});

describe('a person or an organisation', () => {
  it.each<Case>([
    { q: 'who is George Castro', expect: ['Jorge Castro', 'CNCF'], intent: 'identify' },
    { q: 'Who is Abby Bangsr?', expect: ['Abby Bangser', 'Syntasso'] },
    { q: 'who is jean-francois hubert', expect: ['Ubisoft'] },
    { q: 'who is Gergely Csatary', expect: ['Nokia'] },
    // Swapped neighbouring letters in both names, the commonest slip when typing fast.
    { q: 'who is Gregely Csaatri?', expect: ['Gergely Csatari', 'Nokia'] },
    { q: 'who is Abby Bnagser', expect: ['Abby Bangser', 'Syntasso'] },
    // A long name allows two typos even when the typed word is shorter.
    { q: 'who is mathias bilman', expect: ['Mathias Biilmann', 'Netlify'] },
    { q: 'who works at Syntasso?', expect: ['Abby Bangser'], intent: 'members' },
    { q: 'who is from Red Hat?', expect: ['Karena Angell'] },
    { q: 'who from Boeing spoke?', expect: ['Chad Beaudin'] },
    { q: 'tell me about spectro cloud', expect: ['Palette'] },
    { q: 'what is Abby Bangsr talking about?', expect: ['From Cloud-Native Apps to Cloud-Native Platforms'] },
    { q: 'who are Anthony Newman and Justin Barksdale', any: ['Spectro Cloud'] },
    { q: 'who is the CEO of Netlify?', expect: ['Mathias Biilmann'] },
    { q: 'which company is Chad Beaudin from?', expect: ['Boeing'], intent: 'identify' },
    { q: 'where does Abby Bangser work?', expect: ['Syntasso'], intent: 'identify' },
  ])('$q', (c) => check(c));

  it.each<Case>([{ q: 'who is Linus Torvalds?' }, { q: 'who works at Oracle?' }])('$q → nothing found', (c) =>
    check(c, false),
  );
});

describe('a project or a term', () => {
  it.each<Case>([
    { q: 'what is HAMi?', expect: ['GPU'] },
    { q: 'What is Agones?', expect: ['game server'] },
    { q: 'what is kpt', expect: ['closed-loop automation'] },
    { q: 'what is the narrow waist?', expect: ['hourglass'] },
    { q: 'what is a DPU?', expect: ['data processing unit'] },
    { q: 'what is PaletteAI?', expect: ['Spectro Cloud'] },
    { q: 'what is Universal Mesh', expect: ['HAProxy'] },
    { q: 'what is Carbon Cutter?', expect: ['an incubating made-up'] },
    { q: 'What is HAMi used for?', expect: ['GPU sharing middleware'] },
    { q: 'what is k8s?', expect: ['Kubernetes'] },
    { q: 'what is KubeCon?', expect: ['Amsterdam', 'RAI'] },
  ])('$q', (c) => check(c));

  it.each<Case>([{ q: 'what is Zookeeper?' }, { q: 'what is blockchain?' }])('$q → nothing found', (c) =>
    check(c, false),
  );
});

describe('where and when', () => {
  it.each<Case>([
    { q: 'where is the Agones keynote?', expect: ['Hall 12', '09:29'], intent: 'where' },
    { q: 'when is the Universal Mesh keynote?', expect: ['Thu 26 Mar', '09:22'], intent: 'when' },
    { q: 'what time does Abby Bangser speak?', expect: ['09:34'] },
    { q: 'When did Abby Bangser speak?', expect: ['Abby Bangser (Syntasso) spoke in', 'Hall 12'] },
    { q: 'which room is the live demo showcase in?', expect: ['Hall 12'] },
    { q: 'where is the opening keynote', expect: ['Welcome Back'] },
    { q: "what's on Thursday morning?", expect: ['Jorge Castro', 'Abby Bangser'], intent: 'schedule' },
    { q: 'what keynotes are on the last day?', expect: ['Welcome Back'] },
    { q: 'who closed the keynotes on Thursday?', expect: ['Closing Remarks'] },
    { q: 'list the keynotes', expect: ['Agents as First-Class Users'] },
  ])('$q', (c) => check(c));

  it.each<Case>([
    { q: "what's on Friday?", expect: ['not one of its days'] },
    { q: "what's on Thursday evening?" },
    { q: 'where is the Rust keynote?' },
  ])('$q → nothing found', (c) => check(c, false));
});

describe('help and lists', () => {
  it.each<Case>([
    { q: 'help', expect: ['who spoke about'], intent: 'help' },
    { q: 'list speakers', expect: ['Abby Bangser', 'Gergely Csatari'], intent: 'list' },
    { q: 'which organizations are there?', expect: ['Spectro Cloud'] },
    { q: 'what tracks are there?', expect: ['Keynote Sessions'] },
    { q: 'list days', expect: ['Thu 26 Mar'] },
    { q: 'list rooms', expect: ['Hall 12'] },
    { q: 'list projects', expect: ['Perses', 'Agones'], not: ['Carbon Cutter'] },
  ])('$q', (c) => check(c));
});

describe('anything else: full-text search', () => {
  it.each<Case>([
    { q: 'bike traffic', expect: ['Abby Bangser'] },
    { q: 'Rainbow 6 Mobile', expect: ['Ubisoft'] },
    { q: 'sovereign cloud', expect: ['Hadron'] },
  ])('$q', (c) => check(c));

  it.each<Case>([{ q: 'asdkjh qwpoei' }, { q: 'cobol mainframes' }, { q: 'best pizza near the venue' }])(
    '$q → nothing found',
    (c) => check(c, false),
  );
});

describe('answers name people, session, time, place and source', () => {
  it('a topic answer carries every part a user needs', () => {
    const answer = engine.ask('who spoke about platform engineering?');
    const top = answer.results[0];
    expect(top).toMatchObject({
      type: 'session',
      id: 'keynote-cloud-native-platforms',
      people: ['Abby Bangser'],
      organizations: ['Syntasso'],
      when: 'Thu 26 Mar, 09:34–09:44 CET',
      where: 'Hall 12',
    });
    expect(top?.url).toMatch(/^https:\/\/kccnceu2026\.sched\.com\/event\//);
    expect(answer.text).toMatch(/Sources: .*Sched/);
  });

  it('an unanswered question says so and suggests what exists, with no results', () => {
    const answer = engine.ask('who spoke about quantum computing?');
    expect(answer.results).toEqual([]);
    expect(answer.text).toContain('I found nothing about “quantum computing”');
    expect(answer.blocks.some((block) => block.type === 'suggestions')).toBe(true);
  });

  it('a typo is named as the closest match, not silently replaced', () => {
    expect(engine.ask('who is abby bangsr').text).toContain('Closest match for “abby bangsr”: Abby Bangser');
  });

  it('a word is never "corrected" to one with another first letter: Rust is not trust', () => {
    const answer = engine.ask('who spoke about Rust?');
    expect(answer.answered).toBe(false);
    expect(answer.text).not.toContain('trust');
  });

  it('a topic word the programme never uses is named, with the word that was searched instead', () => {
    const answer = engine.ask('who spoke about platform engneering?');
    expect(answer.text).toContain(
      'Nothing mentions “engneering”; the closest match is “platform engineering”.',
    );
    expect(answer.text).toContain('Abby Bangser (Syntasso) spoke about platform engineering');
  });

  it('a short typo is trusted among several words typed right, never alone', () => {
    // "sharng" is one letter off "sharing"; "gpus across workloads" say which word was meant.
    const among = engine.ask('who talked about sharng gpus across workloads?');
    expect(among.answered).toBe(true);
    expect(among.text).toContain('Nothing mentions “sharng”');
    // Alone, a six-letter typo could be another word: only the closest matches, unanswered.
    expect(engine.ask('who spoke about sharng?').answered).toBe(false);
  });

  it('an alias from the recap is explained with the schedule spelling', () => {
    expect(engine.ask('who is George Castro?').text).toContain(
      '“George Castro” is another name for Jorge Castro',
    );
  });
});
