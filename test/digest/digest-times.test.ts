// Post times are wall-clock times in the conference's zone: right across the daylight-saving change, in any zone.
import { describe, expect, it } from 'vitest';
import { readDigestConfig } from '../../adapters/digest/digest-config.ts';
import { localDate, postsOn, scheduledAt } from '../../adapters/digest/digest-times.ts';
import { DEFAULT_DATASET, engineFor } from '../helpers/engines.ts';
import { digestHarness, MORNING_ONLY } from './digest-harness.ts';

const EIGHT = { kind: 'morning' as const, hour: 8, minute: 0 };
const iso = (ms: number) => new Date(ms).toISOString();

describe('scheduledAt', () => {
  it.each([
    // Europe/Amsterdam springs forward on 29 March 2026 and falls back on 25 October 2026.
    ['Europe/Amsterdam', '2026-03-28', EIGHT, '2026-03-28T07:00:00.000Z'],
    ['Europe/Amsterdam', '2026-03-29', EIGHT, '2026-03-29T06:00:00.000Z'],
    ['Europe/Amsterdam', '2026-10-24', EIGHT, '2026-10-24T06:00:00.000Z'],
    ['Europe/Amsterdam', '2026-10-25', EIGHT, '2026-10-25T07:00:00.000Z'],
    // North America changes on 8 March 2026, three weeks before Europe.
    ['America/Los_Angeles', '2026-03-07', EIGHT, '2026-03-07T16:00:00.000Z'],
    ['America/Los_Angeles', '2026-03-08', EIGHT, '2026-03-08T15:00:00.000Z'],
    ['Asia/Tokyo', '2026-03-29', EIGHT, '2026-03-28T23:00:00.000Z'],
    ['Australia/Sydney', '2026-04-05', EIGHT, '2026-04-04T22:00:00.000Z'],
    ['UTC', '2026-03-29', { kind: 'evening' as const, hour: 23, minute: 30 }, '2026-03-29T23:30:00.000Z'],
    // 02:30 does not exist on the spring-forward day: it runs when the clock resumes at 03:00.
    [
      'Europe/Amsterdam',
      '2026-03-29',
      { kind: 'morning' as const, hour: 2, minute: 30 },
      '2026-03-29T01:00:00.000Z',
    ],
  ])('%s on %s at %o is %s', (zone, date, time, expected) => {
    const at = scheduledAt(date, time, zone);
    expect(iso(at)).toBe(expected);
    expect(localDate(at, zone)).toBe(date);
  });
});

describe('the scheduler across the DST change', () => {
  it('posts at 08:00 local on both sides of the change (07:00Z, then 06:00Z)', async () => {
    const engine = engineFor(DEFAULT_DATASET);
    const schedule = {
      ...MORNING_ONLY,
      days: { kind: 'dates' as const, dates: ['2026-03-28', '2026-03-29'] },
    };
    const h = digestHarness({ engine, now: '2026-03-28T06:59:00Z', schedule });
    h.store.subscribe({ platform: 'slack', channelId: 'C1', createdBy: 'U1', createdAt: 0 });
    const dueAt = (now: string) => {
      h.setNow(now);
      return h.scheduler.due().map((due) => `${due.date} ${due.time.kind}`);
    };
    expect(dueAt('2026-03-28T06:59:00Z')).toEqual([]);
    expect(dueAt('2026-03-28T07:00:00Z')).toEqual(['2026-03-28 morning']);
    expect(dueAt('2026-03-29T05:59:00Z')).toEqual([]);
    expect(dueAt('2026-03-29T06:00:00Z')).toEqual(['2026-03-29 morning']);
    await h.scheduler.stop();
  });

  it('uses the conference zone by default and HALLWAY_DIGEST_TIME_ZONE when set', () => {
    const engine = engineFor(DEFAULT_DATASET);
    const amsterdam = digestHarness({ engine, now: '2026-03-26T07:00:00Z' });
    expect(amsterdam.scheduler.timeZone()).toBe('Europe/Amsterdam');
    expect(amsterdam.scheduler.due()).toHaveLength(1);
    const config = readDigestConfig({ HALLWAY_DIGEST_TIME_ZONE: 'America/New_York' });
    if (!config.ok) throw new Error(config.problems.join());
    const newYork = digestHarness({ engine, now: '2026-03-26T07:00:00Z', schedule: config.value.schedule });
    expect(newYork.scheduler.timeZone()).toBe('America/New_York');
    expect(newYork.scheduler.due()).toEqual([]);
    newYork.setNow('2026-03-26T12:00:00Z');
    expect(newYork.scheduler.due().map((due) => due.date)).toEqual(['2026-03-26']);
  });

  it('an evening recap missed before midnight is caught up after it, for the day it belongs to', () => {
    const engine = engineFor(DEFAULT_DATASET);
    const schedule = { ...MORNING_ONLY, times: [{ kind: 'evening' as const, hour: 23, minute: 0 }] };
    const h = digestHarness({ engine, now: '2026-03-27T00:30:00+01:00', schedule });
    expect(h.scheduler.due().map((due) => `${due.date} ${due.time.kind}`)).toEqual(['2026-03-26 evening']);
  });
});

describe('postsOn', () => {
  const conference = { startDate: '2026-03-23', endDate: '2026-03-26' };
  it.each([
    ['2026-03-22', { kind: 'conference' as const }, false],
    ['2026-03-23', { kind: 'conference' as const }, true],
    ['2026-03-26', { kind: 'conference' as const }, true],
    ['2026-03-27', { kind: 'conference' as const }, false],
    ['2026-03-27', { kind: 'every' as const }, true],
    ['2026-03-22', { kind: 'dates' as const, dates: ['2026-03-22'] }, true],
    ['2026-03-23', { kind: 'dates' as const, dates: ['2026-03-22'] }, false],
  ])('%s with %o → %s', (date, days, expected) => {
    expect(postsOn(date, days, conference)).toBe(expected);
  });
});

describe('readDigestConfig', () => {
  it('defaults: ./var/hallway.db, 08:00 on conference days, 4 hours of catch-up, no evening post', () => {
    const config = readDigestConfig({});
    expect(config).toEqual({
      ok: true,
      value: {
        databasePath: './var/hallway.db',
        leaseMs: 120_000,
        schedule: {
          times: [{ kind: 'morning', hour: 8, minute: 0 }],
          days: { kind: 'conference' },
          catchUpMs: 4 * 60 * 60 * 1000,
          defaultChannels: [],
        },
      },
    });
  });

  it('reads every variable', () => {
    const config = readDigestConfig({
      HALLWAY_DB_PATH: '/data/hallway.db',
      HALLWAY_DIGEST_TIME: '7:45',
      HALLWAY_DIGEST_EVENING_TIME: '18:30',
      HALLWAY_DIGEST_DAYS: '2026-03-22, 2026-03-23',
      HALLWAY_DIGEST_CATCH_UP_HOURS: '1.5',
      HALLWAY_DIGEST_SLACK_CHANNELS: 'C1, C2',
      HALLWAY_DIGEST_DISCORD_CHANNELS: '300000000000000001',
    });
    if (!config.ok) throw new Error(config.problems.join());
    expect(config.value.databasePath).toBe('/data/hallway.db');
    expect(config.value.schedule).toMatchObject({
      times: [
        { kind: 'morning', hour: 7, minute: 45 },
        { kind: 'evening', hour: 18, minute: 30 },
      ],
      days: { kind: 'dates', dates: ['2026-03-22', '2026-03-23'] },
      catchUpMs: 90 * 60 * 1000,
      defaultChannels: [
        { platform: 'slack', channelId: 'C1' },
        { platform: 'slack', channelId: 'C2' },
        { platform: 'discord', channelId: '300000000000000001' },
      ],
    });
  });

  it('"off" stops the scheduled posts but keeps the database for subscriptions', () => {
    const config = readDigestConfig({ HALLWAY_DIGEST_TIME: 'off' });
    expect(config.ok && config.value.schedule.times).toEqual([]);
  });

  it('names each wrong variable and what would be right', () => {
    const config = readDigestConfig({
      HALLWAY_DIGEST_TIME: '8am',
      HALLWAY_DIGEST_DAYS: 'weekdays',
      HALLWAY_DIGEST_CATCH_UP_HOURS: 'lots',
      HALLWAY_DIGEST_TIME_ZONE: 'Mars/Olympus',
    });
    expect(config.ok).toBe(false);
    if (config.ok) return;
    expect(config.problems).toEqual([
      'HALLWAY_DIGEST_TIME: must be a time of day such as 08:00, or "off"',
      'HALLWAY_DIGEST_DAYS: must be "conference", "every", or dates such as 2026-03-22,2026-03-23',
      'HALLWAY_DIGEST_CATCH_UP_HOURS: must be a number of hours',
      'HALLWAY_DIGEST_TIME_ZONE: must be an IANA time zone such as Europe/Amsterdam',
    ]);
  });
});
