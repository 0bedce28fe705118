// Mini Conf plus what agendas are tested on: a talk clashing with another, and one over Lisbon's midnight and DST.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AgendaUser } from '../../adapters/agenda/agenda-store.ts';
import { SqliteAgendaStore } from '../../adapters/agenda/sqlite-agenda-store.ts';
import { openDatabase, type SqliteDatabase } from '../../adapters/store/open-database.ts';
import { createEngine, type Dataset, type Engine, loadDataset } from '../../src/index.ts';
import { MINI_CONF } from '../helpers/engines.ts';
import { fixtureSession } from '../helpers/fixture-session.ts';

/** 08:00 on the first day (Lisbon is UTC+0 then). */
export const DAY_ONE_0800 = Date.parse('2027-03-27T08:00:00Z');

/** Mini Conf plus `clash` (11:15–11:45, over "sardines" 11:00–11:40) and `night` (00:30–02:30 local on day two). */
export function agendaDataset(): Dataset {
  const loaded = loadDataset(MINI_CONF);
  if (!loaded.ok) throw new Error('mini-conf fixture is invalid');
  const extra = [
    fixtureSession({
      id: 'clash',
      title: 'Canning fish: a clashing talk',
      start: '2027-03-27T11:15:00+00:00',
      end: '2027-03-27T11:45:00+00:00',
      room: 'Room Verde',
    }),
    // 00:30 WET on Sunday 28 March, ending 02:30 WEST: clocks go forward at 01:00 UTC that night.
    fixtureSession({
      id: 'night',
      title: 'Night owls: fado and failover',
      start: '2027-03-28T00:30:00+00:00',
      end: '2027-03-28T01:30:00+00:00',
      room: 'Room Azul',
    }),
  ];
  return { ...loaded.dataset, sessions: [...loaded.dataset.sessions, ...extra] };
}

/** A clock tests move by hand. */
export function manualClock(start: number) {
  let now = start;
  return {
    now: () => now,
    set: (ms: number) => {
      now = ms;
    },
    advance: (ms: number) => {
      now += ms;
    },
  };
}

export function agendaEngine(clock: () => number, dataset: Dataset = agendaDataset()): Engine {
  return createEngine(dataset, { clock });
}

/** A fresh database file in a temporary folder, migrated. */
export function freshDatabase(): {
  readonly path: string;
  readonly db: SqliteDatabase;
  readonly store: SqliteAgendaStore;
} {
  const path = join(mkdtempSync(join(tmpdir(), 'hallway-agenda-')), 'hallway.db');
  const db = openDatabase(path);
  return { path, db, store: new SqliteAgendaStore(db) };
}

export const ANA: AgendaUser = { platform: 'slack', userId: 'U_ANA' };
export const BEN: AgendaUser = { platform: 'discord', userId: '1000000000000000001' };
