// Reads a question and decides what it asks for. Pure text rules, ordered from most to least specific.
import type { SessionKind } from '../model/schema.ts';
import { foldText } from '../text/normalize.ts';
import { findDayPhrase } from './day-phrase.ts';
import type { ActivityFocus, Intent, ListSubject, VendorRole } from './intent.ts';
import { clockIntent, scheduleIntent, topicOnDay } from './parse-time-intent.ts';
import { splitSessionKind, subjectOf } from './question-words.ts';

/** Lower-cased, accent-free, contractions expanded, politeness and punctuation removed. */
export function normalizeQuestion(question: string): string {
  let text = foldText(question)
    .replace(/[\u2018\u2019\u02bc`´]/g, "'")
    .replace(/[\u201c\u201d"]/g, ' ')
    .replace(/\b(what|who|where|when|how|that|there|it)'s\b/g, '$1 is')
    .replace(/\b(what|who|where|when)'re\b/g, '$1 are')
    .replace(/\bwhats\b/g, 'what is')
    .replace(/\bwhos\b/g, 'who is')
    .replace(/\bwheres\b/g, 'where is')
    .replace(/\b(?:abt|abut|abou)\b/g, 'about')
    .replace(/\brn\b/g, 'right now')
    .replace(/[?!.;]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  // Greetings, the bot's own name and polite framing say nothing about what is asked.
  for (let pass = 0; pass < 3; pass++) {
    text = text
      .replace(/^(?:hey|hi|hello|ok|okay|so|yo|please|pls|@?hallway)\b[ ,:]*/, '')
      .replace(
        /^(?:can|could|would) you (?:please )?(?:tell me|show me|list|find|give me|let me know)\b ?|^(?:do you know|i (?:want|would like|wanna) to know|i wonder|tell me|show me|give me)\b ?/,
        '',
      )
      .replace(/ please$/, '')
      .trim();
  }
  return text;
}

const LIST_WORDS: ReadonlyArray<readonly [RegExp, ListSubject]> = [
  [/^(?:speakers|presenters|people|persons)$/, 'speakers'],
  [/^(?:organi[sz]ations|orgs|companies|vendors|sponsors|exhibitors|partners)$/, 'organizations'],
  [/^tracks?$/, 'tracks'],
  [/^(?:days|dates)$/, 'days'],
  [/^(?:rooms|venues|locations|halls|stages)$/, 'rooms'],
  [/^(?:projects|products)$/, 'projects'],
  [/^keynotes$/, 'keynotes'],
  [/^(?:announcements|news|launches)$/, 'announcements'],
  [/^(?:sessions|talks|events|presentations|lectures)$/, 'sessions'],
];

function listSubject(word: string): ListSubject | undefined {
  return LIST_WORDS.find(([pattern]) => pattern.test(word))?.[1];
}

/** "Who are the sponsors?", "list gold sponsors", "which academic fair exhibitors are there?" */
const ROLE_LIST =
  /^(?:who are|which are|what are|list|show(?: me)?|which|name)?(?: all)?(?: of)?(?: the| our)? ?((?:[a-z&]+ ){0,4}?)(sponsors|exhibitors)(?: (?:are there|were there|at (?:the )?(?:conference|event|show)|here|do you know))?$/;
/** "What was announced?", "any announcements?": every announcement. */
const ANNOUNCEMENT_LIST =
  /^(?:(?:what|which things|anything) (?:was|were|got|has been|have been|is|are) (?:announced|launched|released|unveiled|new)|(?:any|all|the|latest|new) (?:announcements|news|launches|product launches))(?: at (?:the )?(?:conference|event|kubecon|show))?$/;
/** "What was demoed?", "what demos were shown?": every demo. */
const DEMO_LIST =
  /^(?:what (?:was|were|got) (?:demoed|demonstrated|shown|showcased)|(?:what|which) demos (?:were|are|got) (?:shown|given|done|there))$/;
/** "Which demos were there?", "list workshops", "how many panels are there?": every session of a kind. */
const KIND_LIST =
  /^(?:which|what|list|show(?: me)?|all|any|how many)(?: of)?(?: the| all the)? (demos|workshops|panels|tutorials|meetups|lightning talks|keynotes)(?: (?:were|are|was|is|will be) there| there (?:were|are)| (?:do|did) you (?:have|know)| (?:took|take) place| happened| exist| at (?:the )?(?:conference|event|kubecon))?$/;
const HELP =
  /^(?:help|\?|commands|usage|start|hi|hello|hey|what can (?:you|i) (?:do|ask)(?: you)?|how (?:do i use|does) (?:this|you|hallway|it)(?: work)?|what do you (?:do|know))$/;
const LIST_PATTERNS: readonly RegExp[] = [
  /^(?:list|show|all|which|what|name|who are|what are|which are|what were|who were)?(?: all)?(?: the)?(?: of the)? ([a-z]+)(?: (?:are there|are|do you know(?: about)?|do you have|exist|at (?:the )?(?:conference|event|kubecon)|(?:are )?speaking|here))?$/,
  /^(?:how many|count)(?: the)? ([a-z]+)(?: are there| do you know)?$/,
];
const SPEAKERS_LIST =
  /^who (?:is |are |was |were )?(?:speaking|presenting|talking|spoke|presented|talked|the speakers)(?: at (?:the )?(?:conference|event|kubecon))?$/;
const OPENER =
  /^who (kicked off|opened|started|began|closed|closed out|wrapped up|ended|finished)(?: the)? (.+)$/;
const FIRST_LAST =
  /^(?:who (?:gave|had|spoke|was|did) (?:the )?|(?:what|which|when) (?:is|was) (?:the )?)?(first|last|final|opening|closing) (?:keynote|talk|session|speaker)s?(?: (?:on|of) (.+))?$/;
const BOOTH = /\bbooth (?:number |no |#)?([a-z]?\d+[a-z]?|[a-z]\d*)\b/;
const BOOTH_OF =
  /^(?:which|what|where is|where s) (?:booth|stand)(?: number)?(?: is| does| has| of)? (.+?)(?: (?:at|in|have|has|on))?$/;
const DIGEST =
  /^(?:(?:the|a|my|our|today'?s|show|send|post|give|me|get|us)\s+)*(.*?)(?:'?s)?\s*\b(?:daily |morning |evening |day )?(?:digest|rundown|day overview|daily summary)(?:\s+(?:for|of|on)\s+(.+))?$/;
const WHERE_WHEN =
  /^(where|when|what time|which room|what room|which hall|which track|what track|which day|what day|at what time|how long)(?: is| are| was| were| does| do| did| will| can i find| can i see| do i find)?(?: the)? (.+?)(?: (?:take place|taking place|happen|happening|held|located|start|starting|begin|beginning|end|ending|speak|speaking|talk|talking|present|presenting|be|on|in|scheduled))?$/;
const PARTNERSHIP: readonly RegExp[] = [
  /^(?:who|which (?:companies|vendors|organi[sz]ations)|did anyone|has anyone|does anyone|did any(?:one|body| company| vendor)?|any(?:one|body)?) (?:partnered|partner|is partnering|teamed up|team up|collaborated|collaborate|works?|worked|integrates?|integrated|announced? (?:a |any )?(?:new )?(?:partnerships?|collaborations?|integrations?|alliances?|deals?)) with (.+)$/,
  /^(?:any |are there (?:any )?)?(?:partnerships?|collaborations?|integrations?|deals?) with (.+)$/,
  /^(?:who|what) (?:announced|made|signed) (?:a |any )?(?:partnerships?|collaborations?|deals?) with (.+)$/,
];
const ANNOUNCE_VERBS =
  'announce|announced|announcing|launch|launched|launching|release|released|releasing|unveil|unveiled|unveiling|reveal|revealed|introduce|introduced|new';
const PRESENT_VERBS =
  'show|showed|shown|showing|showcase|showcased|demo|demoed|demonstrate|demonstrated|present|presented|presenting|bring|brought|do|did|say|said|share|shared|talk about|talked about|talking about|speak about|spoke about|speaking about|speak on|talk on|cover|covered|discuss|discussed|have|host|hosted|give|gave|giving';
const ACTIVITY: ReadonlyArray<{
  pattern: RegExp;
  subject: number;
  focus: (match: RegExpMatchArray) => ActivityFocus;
}> = [
  {
    pattern: new RegExp(
      `^(?:what|which)(?: (?:things|products|announcements|news|sessions|talks|demos))? (?:did|does|do|has|have|will|is|are|was|were) (.+?) (${ANNOUNCE_VERBS}|${PRESENT_VERBS})(?: (?:at|during) .+| about| on)?$`,
    ),
    subject: 1,
    focus: (m) => (new RegExp(`^(?:${ANNOUNCE_VERBS})$`).test(m[2] ?? '') ? 'announced' : 'presented'),
  },
  {
    // "(tell me) what Spectro Cloud launched": no auxiliary verb.
    pattern: new RegExp(
      `^what (?!(?:was|were|is|are|has|have|had|got|been|did|does|do|else|any)\\b)(.+?) (${ANNOUNCE_VERBS.replace('|new', '')}|showed|demoed|presented|shared|talked about)$`,
    ),
    subject: 1,
    focus: (m) => (new RegExp(`^(?:${ANNOUNCE_VERBS})$`).test(m[2] ?? '') ? 'announced' : 'presented'),
  },
  {
    pattern:
      /^what (?:was|were|got|has been|have been|is|are) (announced|launched|released|unveiled|introduced|presented|shown|demoed|showcased) by (.+)$/,
    subject: 2,
    focus: (m) => (/^(?:presented|shown|demoed|showcased)$/.test(m[1] ?? '') ? 'presented' : 'announced'),
  },
  {
    pattern: /^(?:any |the |latest )?(?:announcements?|news|launches|releases) (?:from|by|of) (.+)$/,
    subject: 1,
    focus: () => 'announced',
  },
  {
    pattern:
      /^(?:(?:what|which) (?:were|are|was|is) (?:the )?)?(?!(?:any|all|the|latest|some)$)(.+?)(?:'s)? (?:announcements?|news|launches)$/,
    subject: 1,
    focus: () => 'announced',
  },
  {
    pattern: /^(?:did|has|have) (.+?) (?:announce|launch|release|unveil)(?: anything| something)?$/,
    subject: 1,
    focus: () => 'announced',
  },
  {
    pattern: /^(?:sessions?|talks?|keynotes?|presentations?|demos?) (?:by|from|of|with) (.+)$/,
    subject: 1,
    focus: () => 'presented',
  },
  {
    pattern:
      /^(?:is|was|did|does) (?!(?:anyone|anybody|someone|somebody|people) )(.+?) (?:speak|speaking|present|presenting|talk|talking|give a talk)(?: at (?:the )?(?:conference|kubecon|event))?$/,
    subject: 1,
    focus: () => 'presented',
  },
];
/** What people from an organisation did, after its name: "who from Nvidia is giving a keynote". */
const MEMBER_ACTS =
  'spoke|speak|speaks|talked|talk|presented|present|is speaking|are speaking|was there|attended|are here|here|is here|came|' +
  '(?:is|are|was|were) (?:giving|doing|presenting|leading) (?:a |the |any )?(?:talk|keynote|session|demo|panel|workshop)s?|' +
  '(?:gave|did|had|has|have|give|do) (?:a |the |any )?(?:talk|keynote|session|demo|panel|workshop)s?|' +
  '(?:spoke|talked|presented) and (?:what|about what)(?: about)?|(?:spoke|talked) about what';
const MEMBERS: readonly RegExp[] = [
  /^who (?:else )?(?:works|worked|is working|working|is employed|are employed) (?:at|for|with|in) (.+)$/,
  new RegExp(
    `^(?:did |has |is |was )?(?:who|which speakers?|which people|anyone|anybody|people|speakers|employees|staff) (?:is |are |was |were )?(?:from|at|with|representing) (.+?)(?: (?:${MEMBER_ACTS}))?$`,
  ),
  new RegExp(`^who from (.+?)(?: (?:${MEMBER_ACTS}))?$`),
  /^who (?:came|comes|is here|was there) from (.+)$/,
  /^(?:how many|list) (?:people|speakers|employees) (?:from|at|work at|work for) (.+)$/,
];
const VENDOR_VERBS =
  'do|does|doing|offer|offers|offering|sell|sells|selling|make|makes|making|provide|provides|providing|build|builds|building|work on|works on|working on|specialize in|specializes in|specialise in|specialises in|focus on|focuses on|are into|is into|have|has|with|for|about|in|on|that do|that does|that offer|that sell|that make|that provide|who do|who offer|who sell|who make|who provide';
const VENDORS: readonly RegExp[] = [
  new RegExp(
    `^(?:which|what|any|list|show|find|are there any|are there|is there an?|is there any)?\\s*(?:the |all )?(sponsors?|exhibitors?|vendors?|companies|company|organi[sz]ations?|startups?|booths?|suppliers?)\\s+(?:${VENDOR_VERBS})\\s+(.+)$`,
  ),
  /^who (?:sells|offers|makes|provides|builds|specializes in|specialises in|does) (.+)$/,
];
const TOPIC_VERBS =
  'spoke|speaks|speak|talked|talks|talk|presented|presents|present|gave (?:a |the )?(?:talk|keynote|session|presentation|demo)|give (?:a |the )?(?:talk|keynote|session|presentation|demo)|is (?:speaking|talking|presenting)|was (?:speaking|talking|presenting)|were (?:speaking|talking|presenting)|will (?:speak|talk|present)|discussed|discusses|discuss|covered|covers|cover|mentioned|mentions|mention|demoed|demos|demonstrated|demonstrates|showed|shows|show|showcased|explained|explains|addressed|focused|focuses|highlighted|introduced|described|argued|shared|did a (?:talk|demo|session)|said|says|claimed|claims|argued that|said that';
const TOPIC_PATTERNS: ReadonlyArray<{ pattern: RegExp; topic: number; kind?: number }> = [
  {
    pattern: new RegExp(
      `^(?:who|which speakers?|which people|which companies|which vendors|anyone|anybody|did anyone|did anybody|has anyone|was there anyone|is anyone|who else) (?:${TOPIC_VERBS})(?: (?:about|on|regarding|over|around|something about|anything about|how|why|what|that))? (.+)$`,
    ),
    topic: 1,
  },
  {
    pattern:
      /^(?:which|what) (session|talk|keynote|demo|panel|presentation|workshop|tutorial|lightning talk)s? (?:was|were|is|are|did|do|does|can|could|should|will|would)?\s*(?:(?:there(?: be)?|you have|we have|i (?:see|attend|go to|catch)|exist|available|happening|scheduled|planned) )?(?:about|on|covered|covering|covers|cover|showed|showing|shows|show|demoed|demonstrated|demonstrating|discussed|discussing|mentioned|featured|featuring|had|has|focused on|explained|talked about|introduced|was about)? ?(?:about|on)? ?(.+)$/,
    topic: 2,
    kind: 1,
  },
  {
    pattern:
      /^(?:is|are|was|were) (?:there|any) (?:a |an |any )?(?:(session|talk|keynote|demo|panel|presentation|workshop|tutorial)s? )?(?:about|on|covering|regarding|for|with) (.+)$/,
    topic: 2,
    kind: 1,
  },
  {
    pattern:
      /^(?:(?:any|some|all|the) )?(session|talk|keynote|demo|panel|presentation|workshop|tutorial)s? (?:about|on|covering|regarding|mentioning) (.+)$/,
    topic: 2,
    kind: 1,
  },
  { pattern: /^(?:anything|something|stuff|content) (?:about|on|regarding) (.+)$/, topic: 1 },
  {
    pattern: /^(?:who|what) (?:is|was|are|were) (?:speaking|talking|presenting) (?:about|on) (.+)$/,
    topic: 1,
  },
];
/** "Which company is Chad Beaudin from?", "where does Abby Bangser work?", "who does Jago Macleod work for?" */
const EMPLOYER: readonly RegExp[] = [
  /^(?:which|what) (?:company|organi[sz]ation|org|employer|firm|team) (?:is|was|does|did) (.+?) (?:from|with|at|in|work for|works for|work at|working for)$/,
  /^(?:where|who) (?:does|did) (.+?) work(?: for| at)?$/,
];
const IDENTIFY: readonly RegExp[] = [
  /^(who|what) (?:is|are|was|were|s) (.+)$/,
  /^(?:tell me|tell us|what do you know|what can you tell me|info|information|details|more|anything) (?:about|on) (.+)$/,
  /^(?:define|explain|describe|meaning of|definition of) (.+)$/,
  /^(?:more )?about (.+)$/,
];

function vendorRole(word: string | undefined): VendorRole {
  if (word === undefined) return 'any';
  if (/^sponsors?$/.test(word)) return 'sponsor';
  if (/^(?:exhibitors?|booths?)$/.test(word)) return 'exhibitor';
  return 'any';
}

function toKind(word: string | undefined): SessionKind | undefined {
  return word === undefined ? undefined : splitSessionKind(word === 'demo' ? 'demo' : word).sessionKind;
}

/** Decides what a normalised question asks for. Anything unrecognised becomes a plain search. */
export function parseIntent(question: string): Intent {
  const text = normalizeQuestion(question);
  if (text.length === 0 || HELP.test(text)) return { kind: 'help' };

  if (SPEAKERS_LIST.test(text)) return { kind: 'list', subject: 'speakers' };
  const roleList = text.match(ROLE_LIST);
  if (roleList !== null) {
    const role = vendorRole(roleList[2]);
    return { kind: 'vendors', role, topic: subjectOf(roleList[1]), listing: true };
  }
  if (ANNOUNCEMENT_LIST.test(text)) return { kind: 'list', subject: 'announcements' };
  if (DEMO_LIST.test(text)) return { kind: 'list', subject: 'sessions', sessionKind: 'demo' };
  const ofKind = text.match(KIND_LIST);
  if (ofKind !== null) {
    const { sessionKind } = splitSessionKind(ofKind[1] ?? '');
    if (sessionKind === 'keynote') return { kind: 'list', subject: 'keynotes' };
    if (sessionKind !== undefined) return { kind: 'list', subject: 'sessions', sessionKind };
  }
  for (const pattern of LIST_PATTERNS) {
    const subject = listSubject(text.match(pattern)?.[1] ?? '');
    if (subject !== undefined) return { kind: 'list', subject };
  }
  const clock = clockIntent(text);
  if (clock !== undefined) return clock;

  const opener = text.match(OPENER);
  if (opener !== null) {
    const which = /^(?:closed|closed out|wrapped up|ended|finished)$/.test(opener[1] ?? '')
      ? 'last'
      : 'first';
    const { day } = findDayPhrase(opener[2] ?? '');
    return { kind: 'opener', which, ...(day === undefined ? {} : { day }) };
  }
  const firstLast = text.match(FIRST_LAST);
  if (firstLast !== null) {
    const which = /^(?:last|final|closing)$/.test(firstLast[1] ?? '') ? 'last' : 'first';
    const { day } = findDayPhrase(firstLast[2] ?? '');
    return { kind: 'opener', which, ...(day === undefined ? {} : { day }) };
  }

  const booth = text.match(BOOTH);
  // "who is at booth 715?", and a bare "booth 1125"; "which booth is Trimble at?" asks the other way round.
  if (booth !== null && (/^(?:who|what|which)\b/.test(text) || /^(?:booth|stand) \S+$/.test(text)))
    return { kind: 'booth', booth: booth[1] ?? '' };
  const boothOf = text.match(BOOTH_OF);
  if (boothOf?.[1] !== undefined) return { kind: 'where', subject: subjectOf(boothOf[1]) };

  const digest = text.match(DIGEST);
  // Before "digest" only a day may stand ("thursday's digest"); "who wrote the digest" is something else.
  const before = digest === null ? undefined : findDayPhrase(digest[1] ?? '');
  if (digest !== null && before !== undefined && before.rest.length === 0) {
    const { day } = findDayPhrase(`${digest[1] ?? ''} ${digest[2] ?? ''}`);
    return { kind: 'digest', ...(day === undefined ? {} : { day }) };
  }
  const schedule = scheduleIntent(text);
  if (schedule !== undefined) return schedule;

  for (const pattern of EMPLOYER) {
    const person = subjectOf(text.match(pattern)?.[1]);
    if (person.length > 0) return { kind: 'identify', subject: person, asked: 'who' };
  }
  const whereWhen = text.match(WHERE_WHEN);
  if (whereWhen !== null) {
    const split = splitSessionKind(subjectOf(whereWhen[2]));
    const { rest } = split;
    // "Where is the ZEISS talk?": a talk by that name, not where ZEISS is ("when does ZEISS talk" is a verb).
    const aTalk = /^\S+(?: \S+)? (?:is|was|are|were) .+ (?:talk|session|presentation)s?$/.test(text);
    const sessionKind = split.sessionKind ?? (aTalk ? 'talk' : undefined);
    const kind = /^(?:where|which room|what room|which hall|which track|what track)$/.test(whereWhen[1] ?? '')
      ? 'where'
      : 'when';
    if (rest.length > 0)
      return { kind, subject: rest, ...(sessionKind === undefined ? {} : { sessionKind }) };
  }

  for (const pattern of PARTNERSHIP) {
    const match = text.match(pattern);
    if (match !== null) return { kind: 'partnership', partner: subjectOf(match[1]) };
  }
  // "What does Trimble do?" asks what it is, not what it presented.
  const whatItDoes = subjectOf(text.match(/^what (?:does|do) (.+?) do$/)?.[1]);
  if (whatItDoes.length > 0) return { kind: 'identify', subject: whatItDoes, asked: 'what' };
  for (const { pattern, subject, focus } of ACTIVITY) {
    const match = text.match(pattern);
    if (match !== null && subjectOf(match[subject]).length > 0)
      return { kind: 'activity', subject: subjectOf(match[subject]), focus: focus(match) };
  }
  for (const pattern of MEMBERS) {
    const match = text.match(pattern);
    if (match !== null) return { kind: 'members', organization: subjectOf(match[1]) };
  }
  for (const pattern of VENDORS) {
    const match = text.match(pattern);
    if (match === null) continue;
    const topic = subjectOf(match[match.length - 1]);
    if (topic.length > 0)
      return { kind: 'vendors', role: vendorRole(match.length > 2 ? match[1] : undefined), topic };
  }
  for (const { pattern, topic, kind } of TOPIC_PATTERNS) {
    const match = text.match(pattern);
    if (match === null) continue;
    const split = splitSessionKind(subjectOf(match[topic]));
    const sessionKind = toKind(kind === undefined ? undefined : match[kind]) ?? split.sessionKind;
    const onDay = topicOnDay(split.rest, sessionKind);
    if (onDay !== undefined) return onDay;
    if (split.rest.length > 0)
      return { kind: 'topic', topic: split.rest, ...(sessionKind === undefined ? {} : { sessionKind }) };
  }
  for (const pattern of IDENTIFY) {
    const match = text.match(pattern);
    if (match === null) continue;
    const asked = match.length > 2 && match[1] === 'who' ? 'who' : 'what';
    const subject = subjectOf(match[match.length - 1]);
    if (subject.length > 0) return { kind: 'identify', subject, asked };
  }
  return { kind: 'search', text };
}
