// One URL source: its last good copy, what the server last sent, and a shrunken version held back until confirmed.
import { createHash } from 'node:crypto';
import {
  checkShrink,
  type Dataset,
  formatProblem,
  loadDatasetText,
  redactUrl,
  type ShrinkCheck,
  type ShrinkReason,
} from '../../src/index.ts';
import type { Logger } from '../shared/logger.ts';
import type { LockOutcome, SourceCopies } from '../store/store.ts';
import { type FetchFailure, fetchSource, type Validators } from './fetch-source.ts';
import type { CachedCopy, SourceCache } from './source-cache.ts';
import type { SourceSpec } from './source-spec.ts';

export interface UrlSourceOptions {
  readonly spec: Extract<SourceSpec, { kind: 'url' }>;
  readonly cache: SourceCache;
  readonly logger: Logger;
  readonly now: () => number;
  readonly fetch?: typeof fetch;
  readonly timeoutMs: number;
  readonly maxBytes: number;
  /** Consecutive refreshes that must show the same shrunken version before it is taken. */
  readonly confirmShrinkAfter: number;
  readonly timeZone?: string;
  /** A last word on a version that loaded: the reason to keep it out (its dates do not meet the others'), or none. */
  readonly veto?: (dataset: Dataset) => string | undefined;
}

/** How replicas share one fetch of a source: a lock per source, and the last good copy in the store. */
export interface SharedRefresh {
  readonly copies: SourceCopies;
  withLock<T>(name: string, work: () => Promise<T>): Promise<LockOutcome<T>>;
}

/** The key a source's shared copy is kept under: a hash, since the URL may hold a private feed's key. */
export function sourceKey(url: string): string {
  return createHash('sha256').update(url).digest('hex').slice(0, 32);
}

/** Why a refresh kept the last good copy: no usable answer, a body over the cap, or a version that is invalid. */
export type KeptCause = FetchFailure | 'invalid';

export type Shrunk = Extract<ShrinkCheck, { kind: 'shrunk' }>;

/** How one refresh of a URL source ended. */
export type UrlRefresh =
  | { readonly kind: 'unchanged' }
  | { readonly kind: 'updated' }
  | { readonly kind: 'kept'; readonly cause: KeptCause; readonly reason: string }
  | { readonly kind: 'refused'; readonly shrink: Shrunk; readonly seen: number; readonly reason: string };

/** What the server sent last, so its validators go back with the next request and a repeat is known at once. */
type LastSeen =
  | { readonly verdict: 'good'; readonly validators: Validators }
  | {
      readonly verdict: 'invalid';
      readonly validators: Validators;
      readonly hash: string;
      readonly reason: string;
    }
  | { readonly verdict: 'held'; readonly validators: Validators };

interface Held {
  readonly hash: string;
  readonly copy: CachedCopy;
  readonly dataset: Dataset;
  readonly shrink: Shrunk;
  readonly seen: number;
}

export class UrlSource {
  /** The last good data, undefined when no copy could ever be read. */
  dataset: Dataset | undefined;
  /** The URL as logs and admins see it: host and path, no key. */
  readonly label: string;
  private copy?: { readonly value: CachedCopy; readonly hash: string };
  private last?: LastSeen;
  private held: Held | undefined;
  /** Set when a copy could not be read for want of a time zone. */
  private unzoned: string | undefined;
  /** Replicas' shared copies and lock; undefined for one process on its own. */
  private shared: SharedRefresh | undefined;

  constructor(private readonly options: UrlSourceOptions) {
    this.label = redactUrl(options.spec.url);
  }

  /** A hash of the copy `dataset` was read from, which keys the index snapshot; undefined with no dataset. */
  get contentHash(): string | undefined {
    return this.copy?.hash;
  }

  /**
   * Reads the cached copy, then fetches; a fresh copy goes through the same checks as a refresh. Returns the
   * problem when no copy can be read without a time zone nobody gave (waiting for another fetch would not help).
   */
  async open(): Promise<string | undefined> {
    const { cache, spec, logger } = this.options;
    const cached = cache.read(spec.url);
    if (cached !== undefined) {
      const loaded = this.load(cached.text);
      if (loaded.ok) this.accept(cached, hashOf(cached.text), loaded.dataset, { write: false });
      else logger.warn({ source: this.label, reason: loaded.reason }, 'source is invalid');
    }
    const outcome = await this.refresh(false, { quiet: true });
    if (this.dataset === undefined && this.unzoned !== undefined) return this.unzoned;
    if (this.dataset === undefined) {
      const reason = outcome.kind === 'kept' ? outcome.reason : 'no usable copy';
      logger.error(
        { source: this.label, reason },
        'source unavailable and not cached; continuing without it',
      );
    } else if (outcome.kind === 'kept' && outcome.cause !== 'invalid' && cached !== undefined) {
      const fetchedAt = new Date(cached.fetchedAt).toISOString();
      logger.warn(
        { source: this.label, fetchedAt, reason: outcome.reason },
        'source unreachable; using the cached copy',
      );
    }
    return undefined;
  }

  /**
   * Fetches again. `confirm` is an admin's word: a shrunken version that was already held back before this call
   * and is still what the server sends is taken now.
   */
  async refresh(confirm: boolean, { quiet = false } = {}): Promise<UrlRefresh> {
    const shared = this.shared;
    // An admin's reload fetches for itself: it confirms what the origin serves now.
    if (shared === undefined || confirm) return this.fetchAndConsider(confirm, quiet);
    try {
      return await this.refreshShared(shared, quiet);
    } catch (error) {
      this.options.logger.warn(
        { err: error, source: this.label },
        'the shared copy of a source is unavailable; fetching it directly',
      );
      return this.fetchAndConsider(false, quiet);
    }
  }

  /** From now on, refreshes go through `shared`: one replica fetches, the others take its copy. */
  share(shared: SharedRefresh): void {
    this.shared = shared;
  }

  /**
   * A copy another replica fetched within this source's interval is taken as is (the origin is not asked). Else
   * this replica fetches, holding the source's lock, and shares what it got; when another holds the lock, it is
   * fetching now, and its copy is taken at the next refresh.
   */
  private async refreshShared(shared: SharedRefresh, quiet: boolean): Promise<UrlRefresh> {
    const { spec, now } = this.options;
    const key = sourceKey(spec.url);
    const recent = await shared.copies.read(key);
    if (recent !== undefined && now() - recent.fetchedAt < spec.refreshMs) {
      const { key: _key, ...copy } = recent;
      return this.consider({ ...copy, url: spec.url }, false);
    }
    const locked = await shared.withLock(`source:${key}`, async () => {
      const outcome = await this.fetchAndConsider(false, quiet);
      if (this.copy !== undefined && (outcome.kind === 'updated' || outcome.kind === 'unchanged')) {
        const { url: _url, ...copy } = this.copy.value;
        // A 304 vouches for the copy too: it is as fresh as a new fetch.
        await shared.copies.write({ ...copy, key, fetchedAt: now() });
      }
      return outcome;
    });
    return locked.kind === 'ran' ? locked.value : { kind: 'unchanged' };
  }

  private async fetchAndConsider(confirm: boolean, quiet: boolean): Promise<UrlRefresh> {
    const { spec, logger } = this.options;
    const validators = this.validators();
    const outcome = await fetchSource(spec.url, {
      ...(validators === undefined ? {} : { validators }),
      timeoutMs: this.options.timeoutMs,
      maxBytes: this.options.maxBytes,
      now: this.options.now,
      ...(this.options.fetch === undefined ? {} : { fetch: this.options.fetch }),
    });
    switch (outcome.kind) {
      case 'failed':
        if (!quiet)
          logger.warn(
            { source: this.label, reason: outcome.reason },
            'source refresh failed; keeping the last good data',
          );
        return { kind: 'kept', cause: outcome.failure, reason: outcome.reason };
      case 'not-modified':
        return this.notModified(confirm);
      case 'fresh':
        return this.consider(outcome.copy, confirm);
    }
  }

  /** The server says "same as last time": last time's verdict stands, and a held version is seen once more. */
  private notModified(confirm: boolean): UrlRefresh {
    if (this.last?.verdict === 'invalid') return this.stillInvalid(this.last.reason);
    if (this.last?.verdict === 'held' && this.held !== undefined) {
      const { copy, hash, dataset, shrink } = this.held;
      return this.hold(copy, hash, dataset, shrink, confirm);
    }
    return { kind: 'unchanged' };
  }

  private consider(copy: CachedCopy, confirm: boolean): UrlRefresh {
    const hash = hashOf(copy.text);
    if (this.copy?.hash === hash && this.dataset !== undefined) {
      // The good version again, perhaps from a server without validators: nothing to parse or rebuild.
      this.accept(copy, hash, this.dataset, { write: false });
      return { kind: 'unchanged' };
    }
    if (this.last?.verdict === 'invalid' && this.last.hash === hash)
      return this.stillInvalid(this.last.reason);
    const loaded = this.load(copy.text);
    if (!loaded.ok) {
      this.last = { verdict: 'invalid', validators: validatorsOf(copy), hash, reason: loaded.reason };
      this.options.logger.warn(
        { source: this.label, problems: loaded.problems, reason: loaded.reason },
        'refreshed source is invalid; keeping the last good data',
      );
      return { kind: 'kept', cause: 'invalid', reason: loaded.reason };
    }
    const vetoed = this.options.veto?.(loaded.dataset);
    if (vetoed !== undefined) {
      this.options.logger.warn(
        { source: this.label, reason: vetoed },
        'refreshed source is for other dates; keeping the last good data',
      );
      return { kind: 'kept', cause: 'invalid', reason: vetoed };
    }
    const check =
      this.dataset === undefined
        ? ({ kind: 'kept-most' } as const)
        : checkShrink(this.dataset, loaded.dataset, this.options.now());
    if (check.kind === 'shrunk') return this.hold(copy, hash, loaded.dataset, check, confirm);
    this.accept(copy, hash, loaded.dataset, { write: true });
    return { kind: 'updated' };
  }

  /** Holds a shrunken version back, or takes it once seen enough times in a row or confirmed by an admin. */
  private hold(
    copy: CachedCopy,
    hash: string,
    dataset: Dataset,
    shrink: Shrunk,
    confirm: boolean,
  ): UrlRefresh {
    const { logger, confirmShrinkAfter } = this.options;
    const again = this.held?.hash === hash;
    const seen = again && this.held !== undefined ? this.held.seen + 1 : 1;
    const facts = { source: this.label, before: shrink.before, after: shrink.after, reason: shrink.reason };
    if (seen >= confirmShrinkAfter || (confirm && again)) {
      logger.warn(
        { ...facts, seen, confirmedBy: confirm && again ? 'admin' : 'repeated refreshes' },
        'taking a source that lost most of its programme: it was confirmed',
      );
      this.accept(copy, hash, dataset, { write: true });
      return { kind: 'updated' };
    }
    this.held = { hash, copy, dataset, shrink, seen };
    this.last = { verdict: 'held', validators: validatorsOf(copy) };
    logger.warn(
      {
        ...facts,
        ...(shrink.day === undefined ? {} : { day: shrink.day }),
        seen,
        needed: confirmShrinkAfter,
      },
      'refresh refused: the source lost most of its programme; keeping the last good data',
    );
    return { kind: 'refused', shrink, seen, reason: describeShrink(shrink, seen, confirmShrinkAfter) };
  }

  private accept(copy: CachedCopy, hash: string, dataset: Dataset, { write }: { write: boolean }): void {
    this.dataset = dataset;
    this.copy = { value: copy, hash };
    this.last = { verdict: 'good', validators: validatorsOf(copy) };
    this.held = undefined;
    if (!write) return;
    try {
      this.options.cache.write(copy);
    } catch (error) {
      // A full or read-only disk costs the copy a restart would read, not the data being served.
      this.options.logger.warn({ err: error, source: this.label }, 'could not save the cached copy');
    }
  }

  private stillInvalid(reason: string): UrlRefresh {
    this.options.logger.warn(
      { source: this.label, reason },
      'refreshed source is still the invalid version; keeping the last good data',
    );
    return { kind: 'kept', cause: 'invalid', reason };
  }

  /** The validators of what the server sent last, good or not, so a repeat of a rejected version is a 304. */
  private validators(): Validators | undefined {
    return this.last?.validators ?? (this.copy === undefined ? undefined : validatorsOf(this.copy.value));
  }

  private load(
    text: string,
  ): { ok: true; dataset: Dataset } | { ok: false; problems: number; reason: string } {
    const timeZone = this.options.spec.timeZone ?? this.options.timeZone;
    const loaded = loadDatasetText(text, this.options.spec.url, timeZone === undefined ? {} : { timeZone });
    if (loaded.ok) return { ok: true, dataset: loaded.dataset };
    const unzoned = loaded.problems.find((problem) => problem.code === 'time-zone-required');
    if (unzoned !== undefined) this.unzoned = formatProblem(unzoned);
    const reason = loaded.problems.slice(0, 5).map(formatProblem).join('; ');
    return { ok: false, problems: loaded.problems.length, reason };
  }
}

/** "refused: lists 0 sessions, down from 6 (lost more than half); seen 1 of 3 times". */
function describeShrink(shrink: Shrunk, seen: number, needed: number): string {
  const why: Record<ShrinkReason, string> = {
    'lost-most-sessions': 'lost more than half',
    'lost-a-day': `no session left on ${shrink.day ?? 'a day still to come'}`,
  };
  return (
    `refused a version with ${shrink.after} sessions, down from ${shrink.before} (${why[shrink.reason]}); ` +
    `seen ${seen} of ${needed} times in a row; reload again to accept it now`
  );
}

function validatorsOf(copy: CachedCopy): Validators {
  return {
    ...(copy.etag === undefined ? {} : { etag: copy.etag }),
    ...(copy.lastModified === undefined ? {} : { lastModified: copy.lastModified }),
  };
}

function hashOf(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
