// Collects an answer's blocks, results and sources while it is composed, keeping lists within bounds.
import type { Catalog } from '../model/catalog.ts';
import type { Announcement, Organization, Person, Project, Session, Term } from '../model/schema.ts';
import type { AnswerBlock, AnswerField, AnswerItem, AnswerResult, SourceLink } from './answer.ts';
import {
  joinWords,
  organizationNames,
  projectKindLabel,
  sessionKindLabel,
  sessionOrganizationNames,
  sessionWhen,
  shorten,
  singularNoun,
  speakerNames,
  speakersLabel,
} from './describe.ts';

/** Items shown per list in an answer; the rest are counted in "…and N more". */
export const ITEMS_SHOWN = 5;
/** Results returned to programs per answer. */
export const RESULTS_KEPT = 25;
/** Characters of a summary shown under an item. */
const SUMMARY_LENGTH = 240;

export class AnswerBuilder {
  readonly blocks: AnswerBlock[] = [];
  readonly results: AnswerResult[] = [];
  private readonly sourceIds = new Set<string>();
  private readonly seen = new Set<string>();

  constructor(private readonly catalog: Catalog) {}

  paragraph(text: string): this {
    if (text.length > 0) this.blocks.push({ type: 'paragraph', text });
    return this;
  }

  heading(text: string): this {
    this.blocks.push({ type: 'heading', text });
    return this;
  }

  bullets(items: readonly string[], noun: string, shown = 25): this {
    if (items.length === 0) return this;
    this.blocks.push({ type: 'bullets', items: items.slice(0, shown) });
    return this.more(items.length - shown, noun);
  }

  more(count: number, noun: string): this {
    // "…and 1 more session", not "sessions": renderers print the noun as given.
    if (count > 0) this.blocks.push({ type: 'more', count, noun: count === 1 ? singularNoun(noun) : noun });
    return this;
  }

  suggestions(items: readonly string[]): this {
    if (items.length > 0) this.blocks.push({ type: 'suggestions', items });
    return this;
  }

  /** Shows up to `ITEMS_SHOWN` sessions as items and keeps results for all (up to `RESULTS_KEPT`). */
  sessions(
    sessions: ReadonlyArray<{ session: Session; score: number }>,
    noun = 'sessions',
    shown = ITEMS_SHOWN,
    compact = false,
  ): this {
    sessions.forEach(({ session, score }, index) => {
      if (index < shown) this.item(this.sessionItem(session, compact), session.sources);
      this.result(this.sessionResult(session, score));
    });
    return this.more(sessions.length - shown, noun);
  }

  /** Results for sessions shown some other way (as bullet lines), so programs still get them. */
  sessionResults(sessions: readonly Session[], score = 1): this {
    for (const session of sessions) {
      this.noteSources(session.sources);
      this.result(this.sessionResult(session, score));
    }
    return this;
  }

  session(session: Session, score = 1): this {
    return this.sessions([{ session, score }]);
  }

  announcements(announcements: readonly Announcement[], shown = ITEMS_SHOWN, score = 1): this {
    announcements.forEach((announcement, index) => {
      if (index < shown) this.item(this.announcementItem(announcement), announcement.sources);
      this.result(this.announcementResult(announcement, score));
    });
    return this.more(announcements.length - shown, 'announcements');
  }

  person(person: Person, score = 1, asItem = true): this {
    const organization = this.catalog.organizations.get(person.organization ?? '');
    if (asItem) {
      const fields: AnswerField[] = [];
      if (person.role !== undefined) fields.push({ label: 'Role', value: person.role });
      if (organization !== undefined) fields.push({ label: 'Organisation', value: organization.name });
      this.item({ title: person.name, fields, ...optionalText(person.bio) }, person.sources);
    } else {
      this.noteSources(person.sources);
    }
    return this.result({
      type: 'person',
      id: person.id,
      title: person.name,
      people: [person.name],
      organizations: organization === undefined ? [] : [organization.name],
      score,
    });
  }

  organization(organization: Organization, score = 1): this {
    this.noteSources(organization.sources);
    return this.result({
      type: 'organization',
      id: organization.id,
      title: organization.name,
      people: (this.catalog.peopleByOrganization.get(organization.id) ?? []).map((person) => person.name),
      organizations: [organization.name],
      ...(organization.booths.length > 0 ? { where: organization.booths.join(', ') } : {}),
      ...(organization.url === undefined ? {} : { url: organization.url }),
      score,
    });
  }

  organizationItem(organization: Organization, score = 1): this {
    const fields: AnswerField[] = [];
    if (organization.booths.length > 0)
      fields.push({ label: 'Booth', value: organization.booths.join(', ') });
    if (organization.tier !== undefined) fields.push({ label: 'Tier', value: organization.tier });
    this.item(
      {
        title: organization.name,
        fields,
        ...(organization.url === undefined ? {} : { url: organization.url }),
        ...optionalText(organization.description),
      },
      [],
    );
    return this.organization(organization, score);
  }

  project(project: Project, score = 1, asItem = false): this {
    const owner = this.catalog.organizations.get(project.organization ?? '');
    if (asItem) {
      const fields: AnswerField[] = [{ label: 'Kind', value: projectKindLabel(project.kind) }];
      if (project.maturity !== undefined) fields.push({ label: 'Maturity', value: project.maturity });
      if (owner !== undefined) fields.push({ label: 'Organisation', value: owner.name });
      this.item(
        { title: project.name, fields, ...optionalText(project.description), ...urlOf(project) },
        project.sources,
      );
    } else {
      this.noteSources(project.sources);
    }
    return this.result({
      type: 'project',
      id: project.id,
      title: project.name,
      people: [],
      organizations: owner === undefined ? [] : [owner.name],
      ...urlOf(project),
      score,
    });
  }

  term(term: Term, score = 1): this {
    this.noteSources(term.sources);
    return this.result({ type: 'term', id: term.id, title: term.term, people: [], organizations: [], score });
  }

  /** Records where the shown facts come from, for the closing "Sources" line. */
  noteSources(ids: readonly string[]): this {
    for (const id of ids) this.sourceIds.add(id);
    return this;
  }

  /** Closes the answer with the sources its items rest on. */
  finish(): { blocks: AnswerBlock[]; results: AnswerResult[] } {
    const sources: SourceLink[] = [];
    for (const id of this.sourceIds) {
      const source = this.catalog.sources.get(id);
      if (source !== undefined)
        sources.push({ title: source.title, ...(source.url === undefined ? {} : { url: source.url }) });
    }
    if (sources.length > 0) this.blocks.push({ type: 'sources', sources });
    return { blocks: this.blocks, results: this.results.slice(0, RESULTS_KEPT) };
  }

  private item(item: AnswerItem, sources: readonly string[]): void {
    this.blocks.push({ type: 'item', item });
    this.noteSources(sources);
  }

  private result(result: AnswerResult): this {
    const key = `${result.type}:${result.id}`;
    if (!this.seen.has(key)) {
      this.seen.add(key);
      this.results.push({ ...result, score: Math.round(result.score * 1000) / 1000 });
    }
    return this;
  }

  /** A compact item leaves the summary out: time-ordered lists are scanned, not read. */
  private sessionItem(session: Session, compact: boolean): AnswerItem {
    const fields: AnswerField[] = [];
    const people = speakersLabel(this.catalog, session);
    const organizations = organizationNames(this.catalog, session.organizations);
    if (people !== undefined) fields.push({ label: 'People', value: people });
    else if (organizations.length > 0)
      fields.push({ label: 'Presented by', value: joinWords(organizations) });
    const when = sessionWhen(this.catalog, session);
    if (when !== undefined) fields.push({ label: 'When', value: when });
    if (session.room !== undefined) fields.push({ label: 'Where', value: session.room });
    fields.push({ label: 'Kind', value: sessionKindLabel(session.kind) });
    return {
      title: session.title,
      fields,
      ...(compact ? {} : optionalText(session.summary)),
      ...urlOf(session),
    };
  }

  private sessionResult(session: Session, score: number): AnswerResult {
    const when = sessionWhen(this.catalog, session);
    return {
      type: 'session',
      id: session.id,
      title: session.title,
      people: speakerNames(this.catalog, session),
      organizations: sessionOrganizationNames(this.catalog, session),
      ...(when === undefined ? {} : { when }),
      ...(session.room === undefined ? {} : { where: session.room }),
      ...(session.start === undefined ? {} : { start: session.start }),
      ...(session.end === undefined ? {} : { end: session.end }),
      ...urlOf(session),
      score,
    };
  }

  private announcementItem(announcement: Announcement): AnswerItem {
    const fields: AnswerField[] = [];
    const organization = this.catalog.organizations.get(announcement.organization);
    if (organization !== undefined) fields.push({ label: 'By', value: organization.name });
    const partners = organizationNames(this.catalog, announcement.partners);
    if (partners.length > 0) fields.push({ label: 'Partners', value: joinWords(partners) });
    if (announcement.products.length > 0)
      fields.push({ label: 'Products', value: announcement.products.join(', ') });
    if (announcement.date !== undefined) fields.push({ label: 'Date', value: announcement.date });
    return { title: announcement.title, fields, ...optionalText(announcement.summary) };
  }

  private announcementResult(announcement: Announcement, score: number): AnswerResult {
    const people = (this.catalog.peopleByOrganization.get(announcement.organization) ?? []).map(
      (p) => p.name,
    );
    return {
      type: 'announcement',
      id: announcement.id,
      title: announcement.title,
      people,
      organizations: organizationNames(this.catalog, [announcement.organization, ...announcement.partners]),
      ...(announcement.date === undefined ? {} : { when: announcement.date }),
      score,
    };
  }
}

function optionalText(text: string): { text?: string } {
  return text.trim().length === 0 ? {} : { text: shorten(text, SUMMARY_LENGTH) };
}

function urlOf(record: { url?: string | undefined }): { url?: string } {
  return record.url === undefined ? {} : { url: record.url };
}
