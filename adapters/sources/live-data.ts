// The data the bot answers from: every source loaded and merged, URL sources refreshed in the background.
// A refresh builds a new engine off the answer path and swaps it in at once; a bad refresh keeps the old data.
// Each engine built is saved as an index snapshot, so a start over the same sources restores it instead.
import {
  type ChangeReport,
  compareProgrammes,
  type Dataset,
  type Engine,
  type EngineOptions,
  formatProblem,
  isEmptyReport,
  loadDataset,
  type MergeReport,
  mergeRefusal,
} from '../../src/index.ts';
import type { Logger } from '../shared/logger.ts';
import { appendChangeLog, readChangeLog } from './change-log.ts';
import { OneAtATime } from './one-at-a-time.ts';
import { besideDataPath, SnapshotFile } from './snapshot-file.ts';
import { pathContentHash } from './snapshot-key.ts';
import { datasetOf, keyOf, type SourceState, type Start, startFrom, zone } from './snapshot-start.ts';
import { SourceCache } from './source-cache.ts';
import { type SourceSpec, specLabel } from './source-spec.ts';
import { type KeptCause, type SharedRefresh, type Shrunk, UrlSource } from './url-source.ts';

export interface LiveDataOptions {
  readonly specs: readonly SourceSpec[];
  /** Where fetched copies and change reports are kept; a restart without the network reads them back. */
  readonly cacheDir: string;
  readonly logger: Logger;
  /** The clock for fetch times, refresh reports, "a day still to come", and the engine's "now". */
  readonly now: () => number;
  /** A separate clock for the engine ("what's on now"), such as a fixed demo time. */
  readonly engineClock?: () => number;
  readonly timeZone?: string;
  readonly fetch?: typeof fetch;
  readonly timeoutMs?: number;
  /** The largest feed body read (bytes); a larger one is abandoned while downloading. */
  readonly maxFeedBytes?: number;
  /** Consecutive refreshes that must show a source that lost most of its programme before it is taken. */
  readonly confirmShrinkAfter?: number;
  /** Keep an index snapshot in `cacheDir` and start from it while the sources are unchanged (the default). */
  readonly snapshot?: boolean;
}

/** `needsTimeZone`: a source cannot be read without a zone, which the caller must give (a usage error). */
export type OpenResult =
  | { ok: true; live: LiveData }
  | { ok: false; problems: string[]; needsTimeZone?: true };

/** Outcome of one refresh, for logs, metrics and tests. */
export type RefreshOutcome =
  | { readonly kind: 'unchanged' }
  | { readonly kind: 'updated'; readonly report: ChangeReport }
  | { readonly kind: 'kept'; readonly cause: KeptCause; readonly reason: string }
  | { readonly kind: 'refused'; readonly shrink: Shrunk; readonly reason: string };

/** Outcome of a reload of every source: what changed, and each source that kept its last good copy. */
export interface ReloadOutcome {
  readonly report: ChangeReport;
  readonly problems: readonly string[];
}

const DEFAULT_TIMEOUT_MS = 10_000;
/**
 * 8 MiB: three times the largest real schedule we have (FOSDEM 2026's Pentabarf XML, 2.6 MiB). Parsing and indexing
 * a feed costs about 30 times its size at the peak (`adapters/bench/feed-memory.ts`), so a larger cap would let a
 * valid but huge feed push the process past its 512 MiB limit.
 */
export const DEFAULT_MAX_FEED_BYTES = 8 * 1024 * 1024;
/** With the default 15-minute refresh, a programme that really lost most of its sessions is taken after 30 minutes. */
export const DEFAULT_CONFIRM_SHRINK_AFTER = 3;
/** Change reports older than this are not read back at start: digests look back a day or two at most. */
const CHANGES_KEPT_MS = 14 * 24 * 60 * 60 * 1000;

export class LiveData {
  private engine: Engine;
  private mergedDataset: Dataset;
  private mergeReport: MergeReport;
  private readonly timers: NodeJS.Timeout[] = [];
  private readonly listeners: Array<(report: ChangeReport) => void> = [];
  private readonly refreshListeners: Array<(outcome: RefreshOutcome, source: string) => void> = [];
  private readonly lane = new OneAtATime();

  private constructor(
    private readonly options: LiveDataOptions,
    private readonly sources: SourceState[],
    /** Change reports, oldest first; the engines' digests read this same array. */
    private readonly reports: ChangeReport[],
    private readonly snapshots: SnapshotFile | undefined,
    start: Start,
  ) {
    this.engine = start.engine;
    this.mergedDataset = start.dataset;
    this.mergeReport = start.merged;
  }

  /**
   * Loads every source once. Paths must load; a URL that fails falls back to its cached copy. When every source is
   * a file and a snapshot (the cache's, or one prebuilt beside the data) was built from the same bytes, nothing is
   * parsed or indexed: the engine is read back.
   */
  static async open(options: LiveDataOptions): Promise<OpenResult> {
    const snapshots =
      options.snapshot === false ? undefined : SnapshotFile.in(options.cacheDir, options.logger);
    const reports = earlierReports(options);
    const engineOptions = engineOptionsOf(options, reports);
    const paths = options.specs.filter((spec) => spec.kind === 'path');
    let triedKey: string | undefined;
    if (snapshots !== undefined && paths.length === options.specs.length) {
      const states: SourceState[] = paths.map((spec) => ({ spec, contentHash: pathContentHash(spec.path) }));
      triedKey = keyOf(states, options);
      const beside = besideDataPath(options.specs);
      // The cache's own snapshot first (this replica's latest build), then one prebuilt beside the data.
      const files = [snapshots, ...(beside === undefined ? [] : [new SnapshotFile(beside, options.logger)])];
      let restored: Start | undefined;
      for (const file of files)
        if (triedKey !== undefined) restored ??= file.restore(triedKey, engineOptions);
      if (restored !== undefined)
        return { ok: true, live: new LiveData(options, states, reports, snapshots, restored) };
    }
    const problems: string[] = [];
    const cache = new SourceCache(options.cacheDir);
    const states: SourceState[] = [];
    let needsTimeZone = false;
    // A source whose new version moved to other dates would stretch the conference over both; it is kept out.
    const veto = (own: SourceState['spec'], dataset: Dataset) =>
      mergeRefusal(
        states.flatMap((state) => {
          const mine = state.spec === own ? dataset : datasetOf(state);
          return mine === undefined ? [] : [{ label: specLabel(state.spec), dataset: mine }];
        }),
      );
    for (const spec of options.specs) {
      if (spec.kind === 'path') {
        const contentHash = snapshots === undefined ? undefined : pathContentHash(spec.path);
        const loaded = loadDataset(spec.path, zone(spec, options));
        if (loaded.ok) states.push({ spec, dataset: loaded.dataset, contentHash });
        else {
          problems.push(...loaded.problems.map(formatProblem));
          needsTimeZone ||= loaded.problems.some((problem) => problem.code === 'time-zone-required');
        }
        continue;
      }
      const url = new UrlSource({
        spec,
        cache,
        logger: options.logger,
        now: options.now,
        timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
        maxBytes: options.maxFeedBytes ?? DEFAULT_MAX_FEED_BYTES,
        confirmShrinkAfter: options.confirmShrinkAfter ?? DEFAULT_CONFIRM_SHRINK_AFTER,
        ...(options.fetch === undefined ? {} : { fetch: options.fetch }),
        ...(options.timeZone === undefined ? {} : { timeZone: options.timeZone }),
        veto: (dataset) => veto(spec, dataset),
      });
      states.push({ spec, url });
      const unzoned = await url.open();
      if (unzoned !== undefined) {
        problems.push(unzoned);
        needsTimeZone = true;
      }
    }
    if (problems.length > 0) return { ok: false, problems, ...(needsTimeZone ? { needsTimeZone } : {}) };
    const refusal = mergeRefusal(
      states.flatMap((state) => {
        const dataset = datasetOf(state);
        return dataset === undefined ? [] : [{ label: specLabel(state.spec), dataset }];
      }),
    );
    if (refusal !== undefined) return { ok: false, problems: [refusal] };
    if (!states.some((state) => datasetOf(state) !== undefined)) {
      return { ok: false, problems: ['no source could be loaded (see the log for each one)'] };
    }
    const start = startFrom(states, {
      engineOptions,
      snapshots,
      options,
      ...(triedKey === undefined ? {} : { triedKey }),
    });
    return { ok: true, live: new LiveData(options, states, reports, snapshots, start) };
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

  /** Refreshes from now on go through `shared` (replicas sharing a store): one fetch per source per interval. */
  share(shared: SharedRefresh): void {
    for (const state of this.sources) if ('url' in state) state.url.share(shared);
  }

  /** Starts refreshing URL sources on their intervals. Timers do not keep the process alive on their own. */
  start(): void {
    this.sources.forEach((state, index) => {
      if (state.spec.kind !== 'url' || state.spec.refreshMs <= 0) return;
      // A refresh that throws has already kept the last good data; the timer only logs it.
      const tick = () =>
        this.refresh(index).catch((error: unknown) =>
          this.options.logger.error(
            { err: error },
            'source refresh failed unexpectedly; keeping the last good data',
          ),
        );
      const timer = setInterval(tick, state.spec.refreshMs);
      timer.unref();
      this.timers.push(timer);
    });
  }

  stop(): void {
    for (const timer of this.timers.splice(0)) clearInterval(timer);
  }

  /**
   * Fetches one URL source again. Never throws; a failure keeps serving the last good data. Refreshes run one at
   * a time: a second trigger for the same source while one is queued or running gets that one's outcome.
   */
  refresh(index: number): Promise<RefreshOutcome> {
    const state = this.sources[index];
    if (state === undefined || !('url' in state)) return Promise.resolve({ kind: 'unchanged' });
    return this.lane.run(`refresh:${index}`, async () => {
      const { url } = state;
      try {
        const fetched = await url.refresh(false);
        const outcome: RefreshOutcome =
          fetched.kind === 'updated' ? { kind: 'updated', report: this.rebuild() } : fetched;
        this.tellRefreshListeners(outcome, url.label);
        return outcome;
      } catch (error) {
        this.tellRefreshListeners({ kind: 'kept', cause: 'unreachable', reason: String(error) }, url.label);
        throw error;
      }
    });
  }

  /**
   * Reads every file and fetches every URL again now (an admin's "reload"), then swaps in one new engine.
   * A source that fails keeps its last good copy; the outcome names each failure. The reload is also the admin's
   * confirmation: a source that lost most of its programme, already held back before, is taken if it still
   * serves that version. One first seen now is held back, and the outcome says so.
   */
  reload(): Promise<ReloadOutcome> {
    return this.lane.run('reload', async () => {
      const problems: string[] = [];
      const fetchedUrls: Array<{ source: string; outcome: RefreshOutcome | { readonly kind: 'updated' } }> =
        [];
      for (const state of this.sources) {
        if ('url' in state) {
          const fetched = await state.url.refresh(true);
          fetchedUrls.push({ source: state.url.label, outcome: fetched });
          if (fetched.kind === 'kept' || fetched.kind === 'refused')
            problems.push(`${state.url.label}: ${fetched.reason}`);
          continue;
        }
        const contentHash = this.snapshots === undefined ? undefined : pathContentHash(state.spec.path);
        const loaded = loadDataset(state.spec.path, zone(state.spec, this.options));
        if (loaded.ok) {
          state.dataset = loaded.dataset;
          state.contentHash = contentHash;
        } else problems.push(...loaded.problems.slice(0, 5).map(formatProblem));
      }
      // A file restored from the snapshot and broken since has no last good copy to merge: keep every source's.
      if (this.sources.some((state) => datasetOf(state) === undefined && state.spec.kind === 'path')) {
        return {
          report: compareProgrammes(this.mergedDataset, this.mergedDataset, this.options.now()),
          problems,
        };
      }
      const report = this.rebuild();
      for (const { source, outcome } of fetchedUrls) {
        this.tellRefreshListeners(outcome.kind === 'updated' ? { kind: 'updated', report } : outcome, source);
      }
      return { report, problems };
    });
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

  private rebuild(): ChangeReport {
    const { engine, dataset, merged } = startFrom(this.sources, {
      engineOptions: engineOptionsOf(this.options, this.reports),
      snapshots: this.snapshots,
      options: this.options,
    });
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

  /** Appends the report to `changes.jsonl` beside the cache, for the daily digest. */
  private persist(report: ChangeReport): void {
    try {
      appendChangeLog(this.options.cacheDir, report);
    } catch (error) {
      this.options.logger.warn({ err: error }, 'could not save the change report');
    }
  }
}

/** The change reports of earlier runs, so a restart still knows what changed since the last digest. */
function earlierReports(options: LiveDataOptions): ChangeReport[] {
  const { reports, skipped } = readChangeLog(options.cacheDir, options.now() - CHANGES_KEPT_MS);
  if (skipped > 0) options.logger.warn({ skipped }, 'changes.jsonl has damaged lines; they were skipped');
  return reports;
}

function engineOptionsOf(options: LiveDataOptions, reports: readonly ChangeReport[]): EngineOptions {
  return { clock: options.engineClock ?? options.now, changes: () => reports };
}
