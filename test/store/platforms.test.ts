// One list of platforms: the database refuses any other name, old files follow the list, and the digest's
// channel variables come from it.
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDigestConfig } from '../../adapters/digest/digest-config.ts';
import { DigestStore } from '../../adapters/digest/digest-store.ts';
import { digestChannelsVariable, isPlatform, PLATFORMS } from '../../adapters/shared/platforms.ts';
import { MIGRATIONS } from '../../adapters/store/migrations.ts';
import { openDatabase } from '../../adapters/store/open-database.ts';
import { platformCheckSql } from '../../adapters/store/platform-check.ts';
import { PROJECT_ROOT } from '../helpers/run-process.ts';

const freshPath = () => join(mkdtempSync(join(tmpdir(), 'hallway-platforms-')), 'hallway.db');
const subscribe = (platform: string) =>
  `INSERT INTO digest_subscriptions (platform, channel_id, created_by, created_at) VALUES ('${platform}', 'C1', 'U1', 1)`;
const claim = (platform: string) =>
  `INSERT INTO digest_posts (platform, channel_id, digest_date, kind, state, intent_at)
   VALUES ('${platform}', 'C1', '2026-03-26', 'morning', 'intent', 1)`;

describe('the platform list in the database', () => {
  it('accepts every listed platform in both tables and refuses any other, naming the list', () => {
    const db = openDatabase(freshPath());
    for (const platform of PLATFORMS) {
      db.exec(subscribe(platform));
      db.exec(claim(platform));
    }
    for (const sql of [subscribe('teams'), claim('teams')]) {
      expect(() => db.exec(sql)).toThrow(`platform must be one of: ${PLATFORMS.join(', ')}`);
    }
    expect(() => db.exec("UPDATE digest_subscriptions SET platform = 'irc'")).toThrow(
      'platform must be one of',
    );
    db.close();
  });

  it('moves a file made before the list to it, keeping its subscriptions, and a longer list lets a new one in', () => {
    const path = freshPath();
    const old = openDatabase(path, { migrations: MIGRATIONS.filter((migration) => migration.version === 1) });
    old.exec(subscribe('slack'));
    expect(() => old.exec(subscribe('teams'))).toThrow('CHECK constraint failed');
    old.close();
    const db = openDatabase(path);
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.at(-1)?.version);
    expect(new DigestStore(db).subscriptions('slack').map((s) => s.channelId)).toEqual(['C1']);
    expect(() => db.exec(subscribe('teams'))).toThrow('platform must be one of');
    db.exec(platformCheckSql([...PLATFORMS, 'teams']));
    db.exec(subscribe('teams'));
    db.close();
  });
});

describe('the platform list in the settings', () => {
  it('gives each platform a digest channel variable, read into that platform’s channels', () => {
    const env = Object.fromEntries(
      PLATFORMS.map((platform) => [digestChannelsVariable(platform), `${platform}-1`]),
    );
    const read = readDigestConfig(env);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.value.schedule.defaultChannels).toEqual(
      PLATFORMS.map((platform) => ({ platform, channelId: `${platform}-1` })),
    );
    expect(digestChannelsVariable('slack')).toBe('HALLWAY_DIGEST_SLACK_CHANNELS');
    expect(PLATFORMS.filter(isPlatform)).toEqual([...PLATFORMS]);
    expect(isPlatform('teams')).toBe(false);
  });
});

describe('the platform list itself', () => {
  it('is the only place that spells the platforms out as a type or an SQL list', () => {
    const files = readdirSync(join(PROJECT_ROOT, 'adapters'), { recursive: true, encoding: 'utf8' })
      // Migration 1 keeps its CHECK: a released migration is never edited; migration 2 drops it.
      .filter((file) => file.endsWith('.ts') && file !== join('shared', 'platforms.ts'))
      .filter((file) => file !== join('store', 'migrations.ts'))
      .map((file) => [file, readFileSync(join(PROJECT_ROOT, 'adapters', file), 'utf8')] as const);
    const spelled = files.filter(([, text]) =>
      /'(?:slack|discord)' \| '(?:slack|discord)'|IN \('slack'/.test(text),
    );
    expect(spelled.map(([file]) => file)).toEqual([]);
    expect(files.length).toBeGreaterThan(50);
  });
});
