// One contract for both stores: SQLite (always) and PostgreSQL (a throwaway database on the test server; skipped,
// saying why, where none answers, and failing in CI). Two handles on one database stand for two replicas. The
// agenda, binding and forget (uninstall) cases are in their own files, run here on both engines.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgresStore } from '../../adapters/store/postgres-store.ts';
import { openSqliteStore } from '../../adapters/store/sqlite-store.ts';
import type { HallwayStore, PostKey, StoredBucket } from '../../adapters/store/store.ts';
import { createThrowawayDatabase, describeWithPostgres, postgresHere } from '../helpers/postgres.ts';
import { agendaCases } from './agenda-cases.ts';
import { bindingCases } from './binding-cases.ts';
import { forgetCases } from './forget-cases.ts';

/** Opens another handle on the same database: another replica (or, for SQLite, another connection). */
type Opener = () => Promise<HallwayStore>;

const KEY: PostKey = { platform: 'slack', channelId: 'C1', date: '2026-03-26', kind: 'morning' };
const T0 = Date.parse('2026-03-26T07:00:00Z');
const LEASE = { maxAttempts: 3, leaseMs: 60_000 };

function contract(setup: () => Promise<{ open: Opener; cleanup: () => Promise<void> }>): void {
  let open: Opener;
  let cleanup: () => Promise<void>;
  const opened: HallwayStore[] = [];
  let a: HallwayStore;
  let b: HallwayStore;
  beforeAll(async () => {
    ({ open, cleanup } = await setup());
    a = await open();
    b = await open();
    opened.push(a, b);
  });
  afterAll(async () => {
    for (const store of opened) await store.close();
    await cleanup();
  });

  it('keeps subscriptions once per channel, lists them oldest first, per workspace', async () => {
    const sub = { platform: 'slack' as const, createdBy: 'U1' };
    expect(await a.digest.subscribe({ ...sub, channelId: 'C2', workspaceId: 'T1', createdAt: 2 })).toBe(true);
    expect(await b.digest.subscribe({ ...sub, channelId: 'C2', workspaceId: 'T1', createdAt: 3 })).toBe(
      false,
    );
    expect(await a.digest.subscribe({ ...sub, channelId: 'C1', workspaceId: 'T2', createdAt: 1 })).toBe(true);
    expect((await b.digest.subscriptions('slack')).map((s) => s.channelId)).toEqual(['C1', 'C2']);
    expect((await b.digest.subscriptions('slack', 'T1')).map((s) => s.channelId)).toEqual(['C2']);
    expect(await b.digest.unsubscribe('slack', 'C1')).toBe(true);
    expect(await a.digest.unsubscribe('slack', 'C1')).toBe(false);
  });

  it('gives a digest slot to exactly one of many racing claims', async () => {
    const key = { ...KEY, channelId: 'C-race' };
    const claims = await Promise.all(
      Array.from({ length: 12 }, (_, i) => (i % 2 === 0 ? a : b).digest.claim(key, T0, LEASE)),
    );
    expect(claims.filter((claim) => claim !== undefined)).toHaveLength(1);
  });

  it('takes over a claim whose lease ran out, but not a live one, and fences the old owner', async () => {
    const key = { ...KEY, channelId: 'C-lease' };
    const first = await a.digest.claim(key, T0, LEASE);
    expect(first).toMatchObject({ attempt: 1, resumed: false });
    if (first === undefined) return;
    await a.digest.partPosted(first, 'm1', T0 + 90_000);
    // The slow owner renewed its lease by posting a part: at T0 + 80 s it still holds the row.
    expect(await b.digest.claim(key, T0 + 80_000, LEASE)).toBeUndefined();
    const second = await b.digest.claim(key, T0 + 90_000, LEASE);
    expect(second).toMatchObject({ attempt: 2, resumed: true });
    if (second === undefined) return;
    // The old owner wakes up and tries to record a failure: ignored, the new owner's record stands.
    await a.digest.finish(first, 'failed', T0 + 91_000, 'late');
    await b.digest.finish(second, 'posted', T0 + 92_000);
    expect(await a.digest.post(key)).toMatchObject({
      state: 'posted',
      attempts: 2,
      partsPosted: 1,
      messageIds: ['m1'],
      finishedAt: T0 + 92_000,
    });
    expect(await a.digest.lastPostedAt('slack', 'C-lease')).toBe(T0 + 92_000);
    expect(await b.digest.claim(key, T0 + 999_000, LEASE)).toBeUndefined();
  });

  it('claims again a failed post that reached no one, up to the attempt limit; never one that reached someone', async () => {
    const empty = { ...KEY, channelId: 'C-failed' };
    for (let attempt = 1; attempt <= 3; attempt += 1) {
      const claim = await a.digest.claim(empty, T0 + attempt, LEASE);
      expect(claim?.attempt).toBe(attempt);
      if (claim !== undefined) await a.digest.finish(claim, 'failed', T0 + attempt, 'down');
    }
    expect(await b.digest.claim(empty, T0 + 10, LEASE)).toBeUndefined();
    const partial = { ...KEY, channelId: 'C-partial' };
    const claim = await a.digest.claim(partial, T0, LEASE);
    if (claim === undefined) throw new Error('the first claim must succeed');
    await a.digest.planParts(claim, 2);
    await a.digest.partPosted(claim, 'm1', T0 + LEASE.leaseMs);
    await a.digest.finish(claim, 'failed', T0 + 1, 'second part refused');
    expect(await b.digest.claim(partial, T0 + 10, LEASE)).toBeUndefined();
    expect(await b.digest.post(partial)).toMatchObject({ partsTotal: 2, partsPosted: 1, state: 'failed' });
  });

  it('answers an event id once across handles until its claim expires', async () => {
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) => (i % 2 === 0 ? a : b).events.claim('Ev1', T0, 60_000)),
    );
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await a.events.claim('Ev1', T0 + 59_999, 60_000)).toBe(false);
    expect(await b.events.claim('Ev1', T0 + 60_000, 60_000)).toBe(true);
    expect(await a.events.claim('Ev2', T0, 1_000)).toBe(true);
    expect(await a.events.purge(T0 + 2_000)).toBe(1);
  });

  it('updates rate buckets atomically: racing takes from two handles all count', async () => {
    const take = (store: HallwayStore) =>
      store.rates.update(['u:U1', 'c:C1'], (buckets) => {
        const next = new Map<string, StoredBucket>();
        for (const key of ['u:U1', 'c:C1']) {
          const tokens = buckets.get(key)?.tokens ?? 0;
          next.set(key, { tokens: tokens + 1, updatedAt: T0, told: false });
        }
        return { next, result: next.get('u:U1')?.tokens };
      });
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => take(i % 2 === 0 ? a : b)));
    expect([...results].sort((x, y) => (x ?? 0) - (y ?? 0))).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it('keeps conversation context as JSON until it expires', async () => {
    await a.context.put('slack:T1:C1:U1', { last: ['s1', 's2'], topic: 'kubernetes' }, T0 + 1_000);
    expect(await b.context.get('slack:T1:C1:U1', T0)).toEqual({ last: ['s1', 's2'], topic: 'kubernetes' });
    expect(await b.context.get('slack:T1:C1:U1', T0 + 1_000)).toBeUndefined();
    await a.context.put('slack:T1:C1:U1', { topic: 'ebpf' }, T0 + 5_000);
    expect(await b.context.get('slack:T1:C1:U1', T0 + 1_000)).toEqual({ topic: 'ebpf' });
    await b.context.delete('slack:T1:C1:U1');
    expect(await a.context.get('slack:T1:C1:U1', T0)).toBeUndefined();
    await a.context.put('gone', 1, T0);
    expect(await a.context.purge(T0)).toBe(1);
  });

  it("keeps one installation per workspace, and deleting it drops that workspace's subscriptions", async () => {
    const data = { bot: { token: 'xoxb-1' }, team: { id: 'T9' } };
    await a.installations.save({ platform: 'slack', workspaceId: 'T9', data, installedAt: T0 });
    await b.installations.save({
      platform: 'slack',
      workspaceId: 'T9',
      data: { ...data, v: 2 },
      installedAt: T0 + 1,
    });
    expect(await a.installations.find('slack', 'T9')).toEqual({
      platform: 'slack',
      workspaceId: 'T9',
      data: { ...data, v: 2 },
      installedAt: T0 + 1,
    });
    await a.digest.subscribe({
      platform: 'slack',
      channelId: 'C9',
      workspaceId: 'T9',
      createdBy: 'U',
      createdAt: 1,
    });
    await a.digest.subscribe({
      platform: 'slack',
      channelId: 'C8',
      workspaceId: 'T8',
      createdBy: 'U',
      createdAt: 1,
    });
    expect(await b.installations.delete('slack', 'T9')).toMatchObject({
      installation: true,
      subscriptions: 1,
    });
    expect(await b.installations.delete('slack', 'T9')).toMatchObject({ installation: false });
    expect(await a.installations.find('slack', 'T9')).toBeUndefined();
    const left = (await a.digest.subscriptions('slack')).map((s) => s.channelId);
    expect(left).toContain('C8');
    expect(left).not.toContain('C9');
  });

  it('shares the newest copy of a source; an older one never overwrites it', async () => {
    await a.sources.write({ key: 'k1', text: 'v2', etag: '"2"', fetchedAt: T0 + 10 });
    await b.sources.write({ key: 'k1', text: 'v1', fetchedAt: T0 });
    expect(await b.sources.read('k1')).toEqual({ key: 'k1', text: 'v2', etag: '"2"', fetchedAt: T0 + 10 });
    expect(await a.sources.read('k2')).toBeUndefined();
  });

  it('lets one holder at a time run under a named lock', async () => {
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const first = a.withLock('refresh', () => held.then(() => 'fetched'));
    // Give the first holder time to take the lock before the second asks.
    await new Promise((resolve) => setTimeout(resolve, 50));
    const holder = a.engine === 'sqlite' ? a : b;
    expect(await holder.withLock('refresh', async () => 'again')).toEqual({ kind: 'busy' });
    release();
    expect(await first).toEqual({ kind: 'ran', value: 'fetched' });
    expect(await holder.withLock('refresh', async () => 'again')).toEqual({ kind: 'ran', value: 'again' });
  });

  agendaCases(() => ({ a, b }));
  bindingCases(() => ({ a, b }));
  forgetCases(() => ({ a, b }));

  it('reopens an existing database without migrating it twice, keeping its rows', async () => {
    const again = await open();
    opened.push(again);
    expect((await again.digest.subscriptions('slack')).map((s) => s.channelId)).toContain('C2');
  });
}

describe('SQLite store', () => {
  contract(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hallway-store-'));
    const path = join(dir, 'hallway.db');
    return {
      open: async () => openSqliteStore(path),
      cleanup: async () => rmSync(dir, { recursive: true, force: true }),
    };
  });
});

describeWithPostgres('PostgreSQL store', await postgresHere(), () => {
  contract(async () => {
    const database = await createThrowawayDatabase();
    return { open: () => openPostgresStore(database.url), cleanup: () => database.drop() };
  });
});
