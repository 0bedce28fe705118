// Reads a speaker's free-text tag line ("Senior Architect at SoftwareOne") into a role and an organisation.
import { ROLE_WORDS } from '../text/job-title.ts';

/** What a tag line says: the organisation only when its shape makes it plain, the role when it can be told apart. */
export interface TagLine {
  /** The job, or the whole tag line when no organisation could be told apart. */
  readonly role?: string;
  readonly organization?: string;
}

/** Words that end the organisation after "at"/"@": what follows is more about the person. */
const ORGANIZATION_END = /\s*(?:[,|/(;]|\s-\s|\s(?:working|and|for|since|where|who|in)\s).*$/i;

const MAX_ORGANIZATION_WORDS = 5;

/**
 * The shapes that name an employer: "Role at Company", "Role @ Company", "Company | Role", "Role, Company" and
 * "Founder - Company". Anything else keeps the tag line whole as the role; an organisation is never invented.
 */
export function parseTagLine(tagLine: string): TagLine {
  const text = tagLine.replace(/\s+/g, ' ').trim();
  if (text.length === 0) return {};
  return atCompany(text) ?? separatedCompany(text) ?? { role: text };
}

/** "Technical Lead at Onepoint", "Co-Founder @dhino, Microsoft MVP": the words after the first "at" or "@". */
function atCompany(text: string): TagLine | undefined {
  for (const part of text.split(/\s\|\s?|\s?\|\s/)) {
    const match = part.match(/^(.*?\S)\s*(?:\s@\s?|\sat\s)(.+)$/i) ?? part.match(/^(.*?\S)\s*@(\S.*)$/);
    if (match === null) continue;
    const organization = (match[2] ?? '').replace(ORGANIZATION_END, '').trim();
    if (!looksLikeOrganization(organization)) continue;
    return { role: (match[1] ?? '').trim(), organization };
  }
  return undefined;
}

/**
 * Two parts split by "|", "," or " - ", one a role and the other a short name with no role words:
 * "Node4, Technology & Innovation Director", "Chief AI Officer - Data8", "Principal Consultant | Microsoft".
 * Only the first and last parts can be the organisation, and only when every other part is a role.
 */
function separatedCompany(text: string): TagLine | undefined {
  for (const separator of [/\s\|\s?|\s?\|\s/, /\s-\s/, /\s*,\s*/]) {
    const parts = text
      .split(separator)
      .map((part) => part.trim())
      .filter((part) => part.length > 0);
    // A comma also separates a list of roles ("Principal Architect, Blogger, Lego Nerd"): only two parts count.
    if (parts.length < 2 || (separator.source.includes(',') && parts.length > 2)) continue;
    const first = parts[0] ?? '';
    const last = parts[parts.length - 1] ?? '';
    if (looksLikeOrganization(last) && parts.slice(0, -1).every((part) => ROLE_WORDS.test(part))) {
      return { role: parts.slice(0, -1).join(', '), organization: last };
    }
    if (looksLikeOrganization(first) && parts.slice(1).every((part) => ROLE_WORDS.test(part))) {
      return { role: parts.slice(1).join(', '), organization: first };
    }
  }
  return undefined;
}

/** A short proper name with no job words and no list punctuation: "Kyndryl", "Granikos GmbH & Co. KG". */
function looksLikeOrganization(text: string): boolean {
  if (text.length < 2 || /[,|]/.test(text) || ROLE_WORDS.test(text)) return false;
  const words = text.split(' ');
  if (words.length > MAX_ORGANIZATION_WORDS) return false;
  // A name starts with a capital or a digit, or is a brand written in lower case as one word ("dhino", "proMX").
  return (
    /^[\p{Lu}\p{N}]/u.test(text) || (words.length <= 3 && /^[a-z]+[A-Z0-9]|^[a-z0-9]+$/.test(words[0] ?? ''))
  );
}
