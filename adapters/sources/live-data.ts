// The data the bot answers from: every source loaded and merged, URL sources refreshed in the background.
// A refresh builds a new engine off the answer path and swaps it in at once; a bad refresh keeps the old data.
import {
  type ChangeReport,
  compareProgrammes,
  createEngine,
  type Dataset,
  type Engine,
  formatProblem,
  isEmptyReport,
  loadDataset,
  loadDatasetText,
  type MergeReport,
  mergeDatasets,
  mergeRefusal,
  type Problem,
} from '../../src/index.ts';
import type { Logger } from '../shared/logger.ts';
import { appendChangeLog, readChangeLog } from './change-log.ts';
import { fetchSource } from './fetch-source.ts';
import { type CachedCopy, SourceCache } from './source-cache.ts';
import { type SourceSpec, specLabel } from './source-spec.ts';

export interface LiveDataOptions {
  readonly specs: readonly SourceSpec[];
  /** Where fetched copies and change reports are kept; a restart without the network reads them back. */
  readonly cacheDir: string;
  readonly logger: Logger;
  /** The clock for fetch times, refresh reports and the engine's "now". */
  readonly now: () => number;
  /** A separate clock for the engine ("what's on now"), such as a fixed demo time. */
  readonly engineClock?: () => number;
  readonly timeZone?: string;
  readonly fetch?: typeof fetch;
  readonly timeoutMs?: number;
}

/** `needsTimeZone`: a source cannot be read without a zone, which the caller must give (a usage error). */
export type OpenResult =
  | { ok: true; live: LiveData }
  | { ok: false; problems: string[]; needsTimeZone?: true };

interface SourceState {
  readonly spec: SourceSpec;
  dataset?: Dataset;
  copy?: CachedCopy;
}

/** Outcome of one refresh, for logs and tests. */
export type RefreshOutcome =
  | { readonly kind: 'unchanged' }
  | { readonly kind: 'updated'; readonly report: ChangeReport }
  | { readonly kind: 'kept'; readonly reason: string };

/** Outcome of a reload of every source: what changed, and each source that kept its last good copy. */
export interface ReloadOutcome {
  readonly report: ChangeReport;
  readonly problems: readonly string[];
}

const DEFAULT_TIMEOUT_MS = 10_000;
/** Change reports older than this are not read back at start: digests look back a day or two at most. */
const CHANGES_KEPT_MS = 14 * 24 * 60 * 60 * 1000;

export class LiveData {
  private engine: Engine;
  private mergedDataset: Dataset;
  private mergeReport: MergeReport;
  private readonly reports: ChangeReport[] = [];
  private readonly timers: NodeJS.Timeout[] = [];
  private readonly listeners: Array<(report: ChangeReport) => void> = [];
  private readonly refreshListeners: Array<(outcome: RefreshOutcome, source: string) => void> = [];

  private constructor(
    private readonly options: LiveDataOptions,
    private readonly sources: SourceState[],
  ) {
    const { dataset, merged } = mergeDatasets(this.loadedDatasets());
    this.mergedDataset = dataset;
    this.mergeReport = merged;
    this.reports.push(...this.earlierReports());
    this.engine = this.build(dataset);
  }

  /** Loads every source once. Paths must load; a URL that fails falls back to its cached copy. */
  static async open(options: LiveDataOptions): Promise<OpenResult> {
    const problems: string[] = [];
    let needsTimeZone = false;
    const cache = new SourceCache(options.cacheDir);
    const states: SourceState[] = [];
    for (const spec of options.specs) {
      const state: SourceState = { spec };
      states.push(state);
      if (spec.kind === 'path') {
        const loaded = loadDataset(spec.path, zone(spec, options));
        if (loaded.ok) state.dataset = loaded.dataset;
        else {
          problems.push(...loaded.problems.map(formatProblem));
          needsTimeZone ||= loaded.problems.some((problem) => problem.code === 'time-zone-required');
        }
        continue;
      }
      const refused = await loadUrlSource(state, spec, cache, options);
      if (refused !== undefined) {
        problems.push(formatProblem(refused));
        needsTimeZone = true;
      }
    }
    if (problems.length > 0) return { ok: false, problems, ...(needsTimeZone ? { needsTimeZone } : {}) };
    const refusal = mergeRefusal(
      states.flatMap((state) =>
        state.dataset === undefined ? [] : [{ label: specLabel(state.spec), dataset: state.dataset }],
      ),
    );
    if (refusal !== undefined) return { ok: false, problems: [refusal] };
    if (!states.some((state) => state.dataset !== undefined)) {
      return { ok: false, problems: ['no source could be loaded (see the log for each one)'] };
    }
    return { ok: true, live: new LiveData(options, states) };
  }

  /** The engine to answer with now. */
  current(): Engine {
    return this.engine;
  }

  /** The merged dataset behind the current engine. */
  dataset(): Dataset {
    return this.mergedDataset;
  }

  merged(): MergeReport {
    return this.mergeReport;
  }

  /** Every change report since start, oldest first. */
  changeReports(): readonly ChangeReport[] {
    return this.reports;
  }

  onChange(listener: (report: ChangeReport) => void): void {
    this.listeners.push(listener);
  }

  /**
   * Hears the outcome of every refresh of a URL source (metrics); a refresh that throws counts as `kept`.
   * A listener that throws is logged and does not change the refresh.
   */
  onRefresh(listener: (outcome: RefreshOutcome, source: string) => void): void {
    this.refreshListeners.push(listener);
  }

  /** Starts refreshing URL sources on their intervals. Timers do not keep the process alive on their own. */
  start(): void {
    this.sources.forEach((state, index) => {
      if (state.spec.kind !== 'url' || state.spec.refreshMs <= 0) return;
      const timer = setInterval(() => void this.refresh(index), state.spec.refreshMs);
      timer.unref();
      this.timers.push(timer);
    });
  }

  stop(): void {
    for (const timer of this.timers.splice(0)) clearInterval(timer);
  }

  /** Fetches one URL source again. Never throws; a failure keeps serving the last good data. */
  async refresh(index: number): Promise<RefreshOutcome> {
    const state = this.sources[index];
    if (state === undefined || state.spec.kind !== 'url') return { kind: 'unchanged' };
    const source = state.spec.url;
    try {
      const fetched = await this.fetchAgain(state);
      const outcome: RefreshOutcome =
        fetched.kind === 'updated' ? { kind: 'updated', report: this.rebuild() } : fetched;
      this.tellRefreshListeners(outcome, source);
      return outcome;
    } catch (error) {
      this.tellRefreshListeners({ kind: 'kept', reason: String(error) }, source);
      throw error;
    }
  }

  /**
   * Reads every file and fetches every URL again now (an admin's "reload"), then swaps in one new engine.
   * A source that fails keeps its last good copy; the outcome names each failure.
   */
  async reload(): Promise<ReloadOutcome> {
    const problems: string[] = [];
    const fetchedUrls: Array<{ source: string; outcome: RefreshOutcome | { readonly kind: 'updated' } }> = [];
    for (const state of this.sources) {
      const { spec } = state;
      if (spec.kind === 'url') {
        const fetched = await this.fetchAgain(state);
        fetchedUrls.push({ source: spec.url, outcome: fetched });
        if (fetched.kind === 'kept') problems.push(`${spec.url}: ${fetched.reason}`);
        continue;
      }
      const loaded = loadDataset(spec.path, zone(spec, this.options));
      if (loaded.ok) state.dataset = loaded.dataset;
      else problems.push(...loaded.problems.slice(0, 5).map(formatProblem));
    }
    const report = this.rebuild();
    for (const { source, outcome } of fetchedUrls) {
      this.tellRefreshListeners(outcome.kind === 'updated' ? { kind: 'updated', report } : outcome, source);
    }
    return { report, problems };
  }

  private tellRefreshListeners(outcome: RefreshOutcome, source: string): void {
    for (const listener of this.refreshListeners) {
      try {
        listener(outcome, source);
      } catch (error) {
        this.options.logger.warn({ err: error, source }, 'a refresh listener failed');
      }
    }
  }

  /** Fetches a URL source into `state`; files are left alone. */
  private async fetchAgain(state: SourceState): Promise<RefreshOutcome | { readonly kind: 'updated' }> {
    if (state.spec.kind !== 'url') return { kind: 'unchanged' };
    const { spec } = state;
    const { logger } = this.options;
    const outcome = await fetchSource(spec.url, {
      ...(state.copy === undefined ? {} : { previous: state.copy }),
      timeoutMs: this.options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      now: this.options.now,
      ...(this.options.fetch === undefined ? {} : { fetch: this.options.fetch }),
    });
    if (outcome.kind === 'not-modified') return { kind: 'unchanged' };
    if (outcome.kind === 'failed') {
      logger.warn(
        { source: spec.url, reason: outcome.reason },
        'source refresh failed; keeping the last good data',
      );
      return { kind: 'kept', reason: outcome.reason };
    }
    const loaded = loadDatasetText(outcome.copy.text, spec.url, zone(spec, this.options));
    if (!loaded.ok) {
      const reason = loaded.problems.slice(0, 5).map(formatProblem).join('; ');
      logger.warn(
        { source: spec.url, problems: loaded.problems.length, reason },
        'refreshed source is invalid; keeping the last good data',
      );
      return { kind: 'kept', reason };
    }
    // A refreshed source that moved to other dates would stretch the conference over both; keep the old one.
    const refusal = mergeRefusal(
      this.sources.flatMap((other) => {
        const dataset = other === state ? loaded.dataset : other.dataset;
        return dataset === undefined ? [] : [{ label: specLabel(other.spec), dataset }];
      }),
    );
    if (refusal !== undefined) {
      logger.warn(
        { source: spec.url, reason: refusal },
        'refreshed source is for other dates; keeping the last good data',
      );
      return { kind: 'kept', reason: refusal };
    }
    state.dataset = loaded.dataset;
    state.copy = outcome.copy;
    new SourceCache(this.options.cacheDir).write(outcome.copy);
    return { kind: 'updated' };
  }

  private rebuild(): ChangeReport {
    const { dataset, merged } = mergeDatasets(this.loadedDatasets());
    const engine = this.build(dataset);
    const report = compareProgrammes(this.mergedDataset, dataset, this.options.now());
    // The swap: answers in flight finish on the old engine, the next question uses the new one.
    this.engine = engine;
    this.mergedDataset = dataset;
    this.mergeReport = merged;
    this.reports.push(report);
    this.persist(report);
    this.options.logger.info(
      { added: report.added.length, cancelled: report.cancelled.length, moved: report.moved.length },
      isEmptyReport(report)
        ? 'sources refreshed; no schedule changes'
        : 'sources refreshed; schedule changed',
    );
    for (const listener of this.listeners) listener(report);
    return report;
  }

  private build(dataset: Dataset): Engine {
    const clock = this.options.engineClock ?? this.options.now;
    return createEngine(dataset, { clock, changes: () => this.reports });
  }

  private loadedDatasets(): Dataset[] {
    return this.sources.flatMap((state) => (state.dataset === undefined ? [] : [state.dataset]));
  }

  /** The change reports of earlier runs, so a restart still knows what changed since the last digest. */
  private earlierReports(): ChangeReport[] {
    const { reports, skipped } = readChangeLog(this.options.cacheDir, this.options.now() - CHANGES_KEPT_MS);
    if (skipped > 0) {
      this.options.logger.warn({ skipped }, 'changes.jsonl has damaged lines; they were skipped');
    }
    return reports;
  }

  /** Appends the report to `changes.jsonl` beside the cache, for the daily digest. */
  private persist(report: ChangeReport): void {
    try {
      appendChangeLog(this.options.cacheDir, report);
    } catch (error) {
      this.options.logger.warn({ err: error }, 'could not save the change report');
    }
  }
}

/** Loads a URL source, or its cached copy; returns the problem when the source needs a zone nobody gave. */
async function loadUrlSource(
  state: SourceState,
  spec: Extract<SourceSpec, { kind: 'url' }>,
  cache: SourceCache,
  options: LiveDataOptions,
): Promise<Problem | undefined> {
  const cached = cache.read(spec.url);
  const outcome = await fetchSource(spec.url, {
    ...(cached === undefined ? {} : { previous: cached }),
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    now: options.now,
    ...(options.fetch === undefined ? {} : { fetch: options.fetch }),
  });
  const fresh = outcome.kind === 'fresh' ? outcome.copy : undefined;
  for (const copy of [fresh, cached]) {
    if (copy === undefined) continue;
    const loaded = loadDatasetText(copy.text, spec.url, zone(spec, options));
    if (!loaded.ok) {
      // No copy can be read without a zone; waiting for the next fetch would not help.
      const unzoned = loaded.problems.find((problem) => problem.code === 'time-zone-required');
      if (unzoned !== undefined) return unzoned;
      options.logger.warn(
        { source: spec.url, reason: loaded.problems.slice(0, 5).map(formatProblem).join('; ') },
        'source is invalid',
      );
      continue;
    }
    state.dataset = loaded.dataset;
    state.copy = copy;
    if (copy === fresh) cache.write(copy);
    else if (outcome.kind === 'failed') {
      const fetchedAt = new Date(copy.fetchedAt).toISOString();
      options.logger.warn(
        { source: spec.url, fetchedAt, reason: outcome.reason },
        'source unreachable; using the cached copy',
      );
    }
    return undefined;
  }
  options.logger.error(
    { source: spec.url, reason: outcome.kind === 'failed' ? outcome.reason : 'no usable copy' },
    'source unavailable and not cached; continuing without it',
  );
  return undefined;
}

function zone(spec: SourceSpec, options: LiveDataOptions): { timeZone?: string } {
  const timeZone = spec.timeZone ?? options.timeZone;
  return timeZone === undefined ? {} : { timeZone };
}
