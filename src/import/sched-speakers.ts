// Reads the speakers that Sched appends to a session title: "Title - Name, Job, Company & Name, Company; …".

/** One speaker as written in the title tail. */
export interface ParsedSpeaker {
  readonly name: string;
  /** Job title, when given ("Staff Engineer", "Community Manager, Kubewarden & Core Maintainer"). */
  readonly role?: string;
  /** Company, when given: the last comma part of a speaker with two or more parts. */
  readonly company?: string;
}

export interface ParsedSummary {
  readonly title: string;
  readonly speakers: readonly ParsedSpeaker[];
}

/**
 * What the rest of the file says about ambiguous parts: "Lin Sun, Peter Jausovec & Eitan Yarmush, Solo.io" only
 * reads right once we know Peter Jausovec is a person, and "Brandt Keller, Defense Unicorns & …" once we know
 * Defense Unicorns is a company.
 */
export interface SpeakerHints {
  readonly companies: ReadonlySet<string>;
  readonly people: ReadonlySet<string>;
}

const NO_HINTS: SpeakerHints = { companies: new Set(), people: new Set() };

/**
 * Words that make a comma part a job title rather than a company or a name. Only whole words count, so a company
 * such as "The Platform Engineering Company" is not a job title.
 */
const ROLE_WORDS =
  /\b(?:maintainers?|engineers?|developers?|scientists?|evangelists?|architects?|managers?|directors?|leads?|founders?|co-?founders?|ceo|cto|cio|ciso|coo|cpo|vp|svp|evp|president|chair|head|officers?|advocates?|specialists?|consultants?|students?|researchers?|professors?|analysts?|owners?|members?|contributors?|fellows?|principal|staff|senior|sr|junior|chief|executive|product|technical|program|programme|community|partner|designer|administrator|sre|devops|strategist|technologist|ambassador|author|organizer|organiser|chairperson|co-?chair|emeritus|intern|tech|hacker|educator|instructor|trainer)\b/i;

/** Lower-case words allowed inside a personal name ("Joost van der Berg", "Miguel de Oliveira"). */
const NAME_PARTICLES = new Set([
  'van',
  'von',
  'der',
  'den',
  'de',
  'da',
  'di',
  'del',
  'la',
  'le',
  'du',
  'dos',
  'das',
  'bin',
  'al',
  'el',
  'y',
  'e',
  'ter',
  'ten',
  'zu',
]);

/** Marks of a company in a part that could otherwise be a name. */
const COMPANY_MARKS =
  /\b(?:inc|ltd|llc|gmbh|ag|sa|bv|nv|corp|co|plc|labs?|technologies|technology|systems|software|solutions|group|cloud|university|institute|foundation|networks?|consulting|services|holdings|bank|telecom|ai|io|studio|studios|partners|digital|data|security|computing|ventures|company|corporation|international|global|space)\b|[.@]|^\p{Lu}{2,}$/iu;

function isRole(part: string): boolean {
  return ROLE_WORDS.test(part);
}

/** A person's name: one to four words, the first capitalised, the rest capitalised or name particles. */
function looksLikeName(part: string): boolean {
  if (part.length === 0 || part.length > 40 || /\d/.test(part) || isRole(part)) return false;
  const words = part.split(/\s+/);
  if (words.length > 4) return false;
  return words.every((word, index) => {
    if (!/^[\p{L}\p{M}'’.()"“”-]+$/u.test(word)) return false;
    // A nickname in quotes or parentheses ("Salaboy", (Oisin)) is part of the name too.
    if (/^["“(]?\p{Lu}/u.test(word)) return true;
    return index > 0 && NAME_PARTICLES.has(word.toLowerCase());
  });
}

/** English function words never stand alone in a personal name ("Without Tears" is a subtitle). */
const PLAIN_WORDS = new Set([
  'without',
  'with',
  'for',
  'the',
  'and',
  'of',
  'in',
  'on',
  'to',
  'your',
  'you',
  'how',
  'why',
  'what',
  'when',
  'from',
  'into',
  'is',
  'are',
  'not',
  'no',
  'more',
  'less',
  'new',
  'all',
  'our',
  'we',
  'it',
  'at',
  'by',
  'vs',
  'part',
  'edition',
  'recap',
  'intro',
  'introduction',
  'overview',
  'update',
  'updates',
]);

function hasPlainWords(text: string): boolean {
  return text.split(/\s+/).some((word) => PLAIN_WORDS.has(word.toLowerCase()));
}

/** A name of two or more words that does not look like a company. */
function looksLikeFullName(part: string): boolean {
  return looksLikeName(part) && part.split(/\s+/).length >= 2 && !COMPANY_MARKS.test(part);
}

/**
 * Splits a Sched summary into its title and speakers. Speakers come only from a tail after " - "; the last
 * such tail is tried first, and an earlier one only when a role itself holds " - " ("Engineer - Kubernetes
 * Specialist"). When no tail reads as speakers, the whole summary is the title.
 */
export function parseSchedSummary(summary: string, hints: SpeakerHints = NO_HINTS): ParsedSummary {
  const text = summary.trim();
  const cuts = [...text.matchAll(/(?:\s|(?<=[?!.:]))-\s/g)]
    .map((match) => match.index ?? -1)
    .filter((i) => i > 0);
  for (let index = cuts.length - 1; index >= 0; index--) {
    const cut = cuts[index] ?? 0;
    const speakers = parseSpeakerTail(
      text
        .slice(cut)
        .replace(/^\s?-\s/, '')
        .trim(),
      hints,
    );
    if (speakers !== undefined) return { title: text.slice(0, cut).trim(), speakers };
  }
  return { title: text, speakers: [] };
}

/** Parses "A & B, Co; C, Job, Co2 & D, Co3", or returns undefined when the text is not a speaker list. */
export function parseSpeakerTail(tail: string, hints: SpeakerHints = NO_HINTS): ParsedSpeaker[] | undefined {
  if (tail.length === 0) return undefined;
  // A lone name with nothing after it ("… - Without Tears") is a speaker only if it reads like one.
  if (!/[,;&]/.test(tail) && !/\sand\s/.test(tail) && !hints.people.has(tail) && hasPlainWords(tail))
    return undefined;
  const speakers: ParsedSpeaker[] = [];
  for (const group of tail.split(/\s*;\s*/)) {
    const parsed = parseGroup(group, hints);
    if (parsed === undefined) return undefined;
    speakers.push(...parsed);
  }
  return speakers.length > 0 ? speakers : undefined;
}

/** Learns companies and people from the unambiguous parts of every summary in a file. */
export function collectSpeakerHints(summaries: readonly string[]): SpeakerHints {
  const companies = new Set<string>();
  const people = new Set<string>();
  for (const summary of summaries) {
    for (const speaker of parseSchedSummary(summary).speakers) {
      people.add(speaker.name);
      if (
        speaker.company !== undefined &&
        (speaker.role !== undefined || COMPANY_MARKS.test(speaker.company))
      ) {
        companies.add(speaker.company);
      }
    }
    // "A & B, Company": the company after bare names is certainly a company.
    for (const match of summary.matchAll(/&\s+[^,;&]+,\s*([^,;&]+?)\s*(?:;|$)/g)) {
      const company = match[1]?.trim();
      if (company !== undefined && company.length > 0) companies.add(company);
    }
  }
  for (const company of companies) people.delete(company);
  return { companies, people };
}

/** One "; "-separated group of speakers. */
function parseGroup(group: string, hints: SpeakerHints): ParsedSpeaker[] | undefined {
  const pieces = splitSpeakers(group);
  const speakers: ParsedSpeaker[] = [];
  for (const [index, piece] of pieces.entries()) {
    const followedBySpeaker = index < pieces.length - 1;
    const parsed = parsePiece(piece, followedBySpeaker, hints);
    if (parsed === undefined) return undefined;
    speakers.push(...parsed);
  }
  // "Braulio Dumba & Paolo Dettori, IBM": a name alone shares the company of the next speaker that has one.
  for (let index = speakers.length - 2; index >= 0; index--) {
    const speaker = speakers[index];
    const next = speakers[index + 1];
    if (
      speaker !== undefined &&
      next !== undefined &&
      speaker.company === undefined &&
      speaker.role === undefined
    ) {
      if (next.company !== undefined) speakers[index] = { ...speaker, company: next.company };
    }
  }
  return speakers;
}

/**
 * Splits a group into speaker pieces on " & " (and on " and " between names). A piece that starts with a job
 * title ("Core Maintainer, Helm") continues the previous speaker's roles; a last piece with no comma after a
 * speaker with a company continues that company ("Banque Pictet & Cie SA").
 */
function splitSpeakers(group: string): string[] {
  const pieces: string[] = [];
  for (const raw of group.split(/\s+&\s+/)) {
    const firstPart = raw.split(',')[0]?.trim() ?? '';
    const previous = pieces.length - 1;
    if (previous >= 0 && !looksLikeName(firstPart) && isRole(firstPart)) {
      pieces[previous] += ` & ${raw}`;
      continue;
    }
    pieces.push(...splitNamesJoinedByAnd(raw));
  }
  const last = pieces[pieces.length - 1];
  const beforeLast = pieces[pieces.length - 2];
  if (last !== undefined && beforeLast !== undefined && !last.includes(',') && beforeLast.includes(',')) {
    const previousHasBareNames = pieces.slice(0, -1).some((piece) => !piece.includes(','));
    if (!previousHasBareNames && !looksLikeFullName(last)) {
      pieces.splice(pieces.length - 2, 2, `${beforeLast} & ${last}`);
    }
  }
  // Without "&" or ";", " and " may separate two speakers who each have a company ("A, X and B, Y").
  if (pieces.length === 1 && !group.includes('&')) {
    const halves = group.split(/\s+and\s+/);
    if (
      halves.length === 2 &&
      halves.every((half) => half.includes(',') && looksLikeFullName(half.split(',')[0]?.trim() ?? ''))
    ) {
      return halves;
    }
  }
  return pieces;
}

/** "Katherine Druckman and Lori Lorusso, X" → "Katherine Druckman", "Lori Lorusso, X". */
function splitNamesJoinedByAnd(piece: string): string[] {
  const comma = piece.indexOf(',');
  const names = comma < 0 ? piece : piece.slice(0, comma);
  const halves = names.split(/\s+and\s+/);
  if (halves.length !== 2 || !halves.every((half) => looksLikeName(half.trim()))) return [piece];
  const rest = comma < 0 ? '' : piece.slice(comma);
  return [halves[0]?.trim() ?? '', `${halves[1]?.trim() ?? ''}${rest}`];
}

/**
 * One speaker piece, or several when it lists names before a shared company ("A, B, C & D, Red Hat" gives a
 * piece "A, B, C" of three names).
 */
function parsePiece(
  piece: string,
  followedBySpeaker: boolean,
  hints: SpeakerHints,
): ParsedSpeaker[] | undefined {
  const parts = joinCorporateSuffixes(
    piece
      .split(',')
      .map((part) => part.trim())
      .filter((part) => part.length > 0),
  );
  const [name, ...rest] = parts;
  if (name === undefined || !looksLikeName(name)) return undefined;
  if (followedBySpeaker && rest.length > 0 && isNameList(rest, hints)) {
    return parts.map((part) => ({ name: part }));
  }
  const pairs = namesAndCompanies(parts, hints);
  if (pairs !== undefined) return pairs;
  if (rest.length === 0) return [{ name }];
  if (rest.length === 1) {
    const only = rest[0] ?? '';
    return [isRole(only) ? { name, role: only } : { name, company: only }];
  }
  const company = rest[rest.length - 1] ?? '';
  return [{ name, role: rest.slice(0, -1).join(', '), company }];
}

/** Whether the parts after a first name are more names (sharing a company given later), not a job and company. */
function isNameList(rest: readonly string[], hints: SpeakerHints): boolean {
  if (!rest.every((part) => looksLikeFullName(part) && !hints.companies.has(part))) return false;
  if (rest.length >= 2) return true;
  // One unknown part: persons are nearly always two words; three-word parts are companies ("Thales Alenia Space").
  return rest.every((part) => hints.people.has(part) || part.split(/\s+/).length === 2);
}

/** "Hitachi, Ltd." is one company: a corporate suffix after a comma joins the part before it. */
function joinCorporateSuffixes(parts: readonly string[]): string[] {
  const joined: string[] = [];
  for (const part of parts) {
    const previous = joined.length - 1;
    if (previous >= 1 && /^(?:ltd|inc|llc|gmbh|co|corp|plc|s\.?a|ag|b\.?v)\.?$/i.test(part)) {
      joined[previous] += `, ${part}`;
    } else {
      joined.push(part);
    }
  }
  return joined;
}

/** "Erica Hughberg, Tetrate, Kateryna Nezdolii, Isovalent": alternating names and companies, with no job titles. */
function namesAndCompanies(parts: readonly string[], hints: SpeakerHints): ParsedSpeaker[] | undefined {
  if (parts.length < 4 || parts.length % 2 !== 0 || parts.some(isRole)) return undefined;
  const speakers: ParsedSpeaker[] = [];
  for (let index = 0; index < parts.length; index += 2) {
    const name = parts[index] ?? '';
    const company = parts[index + 1] ?? '';
    const companyLike = hints.companies.has(company) || !looksLikeFullName(company);
    if (!looksLikeFullName(name) || !companyLike) return undefined;
    speakers.push({ name, company });
  }
  return speakers;
}
