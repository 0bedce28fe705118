// The one interface over all of Hallway's state, whichever database holds it: SQLite (one process, the default)
// or PostgreSQL (replicas sharing one database). Each part is a small interface of its own, so a new kind of
// state (agendas, channel bindings) is one more field here and one more table in each engine's migrations.
import type { AgendaStore } from '../agenda/agenda-store.ts';
import type { BindingStore } from '../conferences/binding-store.ts';
import type { Platform } from '../shared/platforms.ts';
import type { ForgottenWorkspace } from './workspace-rows.ts';

/** SQLite answers at once; PostgreSQL over the network. Callers `await` either. */
export type Awaitable<T> = T | Promise<T>;

export type DigestKind = 'morning' | 'evening';

/** A channel that gets the digest. */
export interface Subscription {
  readonly platform: Platform;
  readonly channelId: string;
  /** The Slack team or Discord guild, when known; `list` shows one workspace's channels. */
  readonly workspaceId?: string;
  readonly createdBy: string;
  /** Epoch ms; digests scheduled before it are not owed to this channel. */
  readonly createdAt: number;
}

/** Which digest, to which channel. */
export interface PostKey {
  readonly platform: Platform;
  readonly channelId: string;
  /** `YYYY-MM-DD` in the conference's zone. */
  readonly date: string;
  readonly kind: DigestKind;
}

export type PostState = 'intent' | 'posted' | 'failed' | 'unknown';

export interface PostRecord extends PostKey {
  readonly id: number;
  readonly state: PostState;
  readonly intentAt: number;
  /** Until when the replica that claimed the row owns it (epoch ms); after that another may take it over. */
  readonly leaseUntil?: number;
  readonly finishedAt?: number;
  readonly partsTotal: number;
  readonly partsPosted: number;
  readonly messageIds: readonly string[];
  readonly attempts: number;
  readonly error?: string;
}

/**
 * A claimed ledger row. `attempt` fences the claim: once another replica has taken the row over (a new attempt),
 * writes made under an older attempt are ignored, so a slow replica cannot overwrite the new owner's record.
 */
export interface Claim {
  readonly id: number;
  readonly attempt: number;
  /** True when an earlier attempt may have posted part of it: the poster looks before posting again. */
  readonly resumed: boolean;
  /** True when the row was another run's live claim whose lease ran out (that run died mid-post). */
  readonly takenOver: boolean;
}

export interface ClaimOptions {
  /** Claims of a row, first one included, after which a failed or abandoned post is left alone. */
  readonly maxAttempts: number;
  /** How long the claim is held before another replica may take it over, unless renewed by progress. */
  readonly leaseMs: number;
}

/** Digest subscriptions and the post ledger (intent → posted | failed), the unique key deciding who posts. */
export interface DigestRecords {
  /** Adds a subscription; false when the channel already had one. */
  subscribe(subscription: Subscription): Awaitable<boolean>;
  /** Removes a subscription; false when there was none. */
  unsubscribe(platform: Platform, channelId: string): Awaitable<boolean>;
  /** The platform's subscriptions, oldest first; only one workspace's when it is given. */
  subscriptions(platform: Platform, workspaceId?: string): Awaitable<Subscription[]>;
  /**
   * Records the intent to post, with a lease. Undefined when another claim holds the row (posted, being posted
   * under a live lease, or out of attempts): the caller must not post. A failed post that reached no one, or an
   * intent whose lease ran out (its replica died), is claimed again.
   */
  claim(key: PostKey, at: number, options: ClaimOptions): Awaitable<Claim | undefined>;
  /** The digest is rendered as `total` messages; recorded before the first goes out. */
  planParts(claim: Claim, total: number): Awaitable<void>;
  /** One message is out; recorded at once, and the lease renewed until `leaseUntil`. */
  partPosted(claim: Claim, messageId: string, leaseUntil: number): Awaitable<void>;
  finish(claim: Claim, state: Exclude<PostState, 'intent'>, at: number, error?: string): Awaitable<void>;
  /** When this channel last got a digest posted (epoch ms), for "changes since the last digest". */
  lastPostedAt(platform: Platform, channelId: string): Awaitable<number | undefined>;
  post(key: PostKey): Awaitable<PostRecord | undefined>;
  posts(): Awaitable<PostRecord[]>;
}

/** "Has anyone taken this event yet?", decided by a unique insert, across replicas. */
export interface EventClaims {
  /** True for the first claim of `eventId` until `at + ttlMs`; false for every other claim in that time. */
  claim(eventId: string, at: number, ttlMs: number): Awaitable<boolean>;
  /** Forgets claims that expired before `at`; returns how many. */
  purge(at: number): Awaitable<number>;
}

/** One token bucket as stored. */
export interface StoredBucket {
  readonly tokens: number;
  readonly updatedAt: number;
  /** Whether the user was already told to slow down in this streak. */
  readonly told: boolean;
}

/** Rate-limit buckets shared by every replica. */
export interface RateBuckets {
  /**
   * Reads the buckets of `keys` (undefined for a new one), lets `decide` compute their next state and writes it,
   * all atomically: two replicas taking from one bucket at once both see the other's take.
   */
  update<T>(
    keys: readonly string[],
    decide: (buckets: ReadonlyMap<string, StoredBucket>) => {
      readonly next: ReadonlyMap<string, StoredBucket>;
      readonly result: T;
    },
  ): Promise<T>;
}

/**
 * A small key → JSON table with expiry: follow-up context per conversation. A key that begins
 * `platform:workspaceId:` belongs to that workspace, and goes when it is forgotten.
 */
export interface ContextEntries {
  /** The value, unless absent or expired at `at`. */
  get(key: string, at: number): Awaitable<unknown>;
  put(key: string, value: unknown, expiresAt: number): Awaitable<void>;
  delete(key: string): Awaitable<void>;
  purge(at: number): Awaitable<number>;
}

/** One workspace's (or server's) installation: its token and whatever the platform's installer keeps. */
export interface Installation {
  readonly platform: Platform;
  /** The Slack team (or enterprise, for an org-wide install) or the Discord guild. */
  readonly workspaceId: string;
  readonly data: unknown;
  readonly installedAt: number;
}

export interface Installations {
  save(installation: Installation): Awaitable<void>;
  find(platform: Platform, workspaceId: string): Awaitable<Installation | undefined>;
  /**
   * Forgets the workspace, in one transaction: its installation, digest subscriptions and their ledger, channel
   * bindings, the agendas of users whose stars came from it, and its conversations' context.
   */
  delete(platform: Platform, workspaceId: string): Awaitable<ForgottenWorkspace>;
}

/** The last good copy of a URL source, shared by replicas so that one fetch serves them all. */
export interface SharedCopy {
  /** A hash of the URL: the URL itself may hold a private feed's key. */
  readonly key: string;
  readonly text: string;
  readonly etag?: string;
  readonly lastModified?: string;
  /** When the origin last vouched for this text (a fetch, or a 304). */
  readonly fetchedAt: number;
}

export interface SourceCopies {
  read(key: string): Awaitable<SharedCopy | undefined>;
  write(copy: SharedCopy): Awaitable<void>;
}

/** The outcome of `withLock`: the work's value, or that another holder had the lock. */
export type LockOutcome<T> = { readonly kind: 'ran'; readonly value: T } | { readonly kind: 'busy' };

/** Which engine holds the state. */
export type StoreEngine = 'sqlite' | 'postgres';

export interface HallwayStore {
  readonly engine: StoreEngine;
  readonly digest: DigestRecords;
  readonly events: EventClaims;
  readonly rates: RateBuckets;
  readonly context: ContextEntries;
  readonly installations: Installations;
  readonly sources: SourceCopies;
  /** Personal agendas: stars, reminder leads and the DM delivery log. */
  readonly agenda: AgendaStore;
  /** Which conference a channel or workspace answers about. */
  readonly bindings: BindingStore;
  /**
   * Runs `work` unless another holder (in this process, or on another replica sharing the database) has the lock
   * named `name`: one data refresher at a time. Never waits for the lock.
   */
  withLock<T>(name: string, work: () => Promise<T>): Promise<LockOutcome<T>>;
  close(): Promise<void>;
}
