// The conferences one Hallway serves: each one's data opened on first use, held in a least-recently-used cache of
// bounded size (the default conference always stays), with each one's names and size for routing and /metrics.
import type { ConferenceNames, Engine } from '../../src/index.ts';
import type { Logger } from '../shared/logger.ts';
import type { LiveData, OpenResult } from '../sources/live-data.ts';
import type { ConferenceEntry, ConferencesConfig } from './conferences-config.ts';

/** A conference's data could not be opened: the one-line reason, for the person who asked and the log. */
export class ConferenceLoadError extends Error {
  constructor(
    readonly conferenceId: string,
    readonly problems: readonly string[],
  ) {
    super(`the data for ${conferenceId} could not be loaded: ${problems.slice(0, 3).join('; ')}`);
    this.name = 'ConferenceLoadError';
  }
}

/** One conference held in memory, for /metrics. */
export interface LoadedSize {
  readonly id: string;
  readonly sessions: number;
  /** Every record the engine indexes: sessions, people, organisations, announcements, projects, terms. */
  readonly records: number;
}

export interface ConferenceRegistryOptions {
  readonly config: ConferencesConfig;
  /** Opens one conference's sources (LiveData.open with its specs, cache folder and limits). */
  readonly open: (entry: ConferenceEntry) => Promise<OpenResult>;
  readonly logger: Logger;
  /** Told of each conference once opened (start its refresh timers, count its refreshes). */
  readonly onLoad?: (id: string, live: LiveData) => void;
}

interface Slot {
  readonly entry: ConferenceEntry;
  loading?: Promise<LiveData> | undefined;
  live?: LiveData | undefined;
  /** Runs in progress that need this conference to stay (a digest being posted). */
  holds: number;
}

export class ConferenceRegistry {
  private readonly slots = new Map<string, Slot>();
  /** Loaded conferences, least recently used first (a Map keeps insertion order; a use re-inserts). */
  private readonly recent = new Map<string, true>();
  /** Names read from each conference's data once it was loaded; kept after it leaves memory (a few strings). */
  private readonly dataNames = new Map<string, readonly string[]>();
  private evictions = 0;

  constructor(private readonly options: ConferenceRegistryOptions) {
    for (const entry of options.config.conferences) this.slots.set(entry.id, { entry, holds: 0 });
  }

  /** The conference unbound channels use. */
  get defaultId(): string {
    return this.options.config.defaultId;
  }

  get maxLoaded(): number {
    return this.options.config.maxLoaded;
  }

  /** Every configured conference, in the file's order. */
  entries(): readonly ConferenceEntry[] {
    return this.options.config.conferences;
  }

  has(id: string): boolean {
    return this.slots.has(id);
  }

  /** The conference's data, opened now if it is not in memory. Rejects with a ConferenceLoadError. */
  live(id: string): Promise<LiveData> {
    const slot = this.slot(id);
    this.touch(id);
    if (slot.live !== undefined) return Promise.resolve(slot.live);
    // Two questions for the same conference at once share one load.
    slot.loading ??= this.load(slot).finally(() => {
      slot.loading = undefined;
    });
    return slot.loading;
  }

  /** The engine to answer with for this conference now (opened on first use). */
  async engine(id: string): Promise<Engine> {
    return (await this.live(id)).current();
  }

  /** The engine if the conference is in memory; undefined otherwise (never loads). */
  peek(id: string): Engine | undefined {
    return this.slots.get(id)?.live?.current();
  }

  /** Runs `work` with the conference opened and kept in memory until it settles (no eviction meanwhile). */
  async holding<T>(id: string, work: (engine: () => Engine) => Promise<T> | T): Promise<T> {
    const slot = this.slot(id);
    slot.holds++;
    try {
      const live = await this.live(id);
      return await work(() => live.current());
    } finally {
      slot.holds--;
    }
  }

  /** Each conference's names: the file's id and name, and its data's name and short name once it was loaded. */
  names(): ConferenceNames[] {
    return this.entries().map((entry) => ({
      id: entry.id,
      names: [entry.id, entry.name, ...(this.dataNames.get(entry.id) ?? [])],
    }));
  }

  /** The name people know a conference by: its data's short name or name once loaded, else the file's. */
  label(id: string): string {
    const data = this.dataNames.get(id);
    return data?.[1] ?? data?.[0] ?? this.slots.get(id)?.entry.name ?? id;
  }

  /** The conferences in memory now and their sizes, most recently used last. */
  sizes(): LoadedSize[] {
    return [...this.recent.keys()].flatMap((id) => {
      const live = this.slots.get(id)?.live;
      if (live === undefined) return [];
      const { catalog } = live.current();
      const dataset = live.dataset();
      const records =
        dataset.sessions.length +
        dataset.people.length +
        dataset.organizations.length +
        dataset.announcements.length +
        dataset.projects.length +
        dataset.terms.length;
      return [{ id, sessions: catalog.sessions.size, records }];
    });
  }

  /** How many conferences left memory to make room, since start. */
  evicted(): number {
    return this.evictions;
  }

  /** Stops every loaded conference's refresh timers. */
  stop(): void {
    for (const slot of this.slots.values()) slot.live?.stop();
  }

  private slot(id: string): Slot {
    const slot = this.slots.get(id);
    if (slot === undefined) throw new ConferenceLoadError(id, ['no conference has this id']);
    return slot;
  }

  private async load(slot: Slot): Promise<LiveData> {
    const { id } = slot.entry;
    const started = performance.now();
    const opened = await this.options.open(slot.entry);
    if (!opened.ok) {
      this.options.logger.error(
        { conference: id, problems: opened.problems },
        'conference could not be loaded',
      );
      throw new ConferenceLoadError(id, opened.problems);
    }
    slot.live = opened.live;
    const { conference } = opened.live.current().catalog;
    this.dataNames.set(id, [
      conference.name,
      ...(conference.shortName === undefined ? [] : [conference.shortName]),
    ]);
    this.options.onLoad?.(id, opened.live);
    this.touch(id);
    this.evict(id);
    this.options.logger.info(
      { conference: id, ms: Math.round(performance.now() - started), loaded: this.recent.size },
      'conference loaded',
    );
    return opened.live;
  }

  /** Marks a conference as just used: it moves to the end of the least-recently-used order. */
  private touch(id: string): void {
    if (this.slots.get(id)?.live === undefined) return;
    this.recent.delete(id);
    this.recent.set(id, true);
  }

  /** Drops the least recently used conferences beyond the limit: never the default, one in use, or `keep`. */
  private evict(keep: string): void {
    for (const id of this.recent.keys()) {
      if (this.recent.size <= this.maxLoaded) return;
      const slot = this.slots.get(id);
      if (slot === undefined || id === keep || id === this.defaultId || slot.holds > 0) continue;
      slot.live?.stop();
      slot.live = undefined;
      this.recent.delete(id);
      this.evictions++;
      this.options.logger.info({ conference: id }, 'conference left memory (least recently used)');
    }
  }
}
