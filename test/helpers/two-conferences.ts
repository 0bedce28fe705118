// One Hallway serving two conferences, wired as `npm start` wires a conferences file: the bundled KubeCon EU 2026
// data (the default) and the Mini Conf fixture, a real SQLite file for bindings and digests, the real services.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ChannelPlace } from '../../adapters/conferences/binding-store.ts';
import { createConferenceDigests } from '../../adapters/conferences/conference-digests.ts';
import type { ConferenceRegistry } from '../../adapters/conferences/conference-registry.ts';
import { ConferenceService } from '../../adapters/conferences/conference-service.ts';
import { parseConferencesConfig } from '../../adapters/conferences/conferences-config.ts';
import { openConferences } from '../../adapters/conferences/open-conferences.ts';
import { readDigestConfig } from '../../adapters/digest/digest-config.ts';
import type { DigestPoster } from '../../adapters/digest/digest-poster.ts';
import type { DigestRuntime } from '../../adapters/digest/digest-runtime.ts';
import { parseAdminList } from '../../adapters/shared/admins.ts';
import type { AskIn } from '../../adapters/shared/chat-adapter.ts';
import type { ChatServices } from '../../adapters/shared/chat-services.ts';
import { createChatServices } from '../../adapters/shared/create-chat-services.ts';
import type { Logger } from '../../adapters/shared/logger.ts';
import { openSqliteStore, type SqliteStore } from '../../adapters/store/sqlite-store.ts';
import type { Engine } from '../../src/index.ts';
import { DEFAULT_DATASET, MINI_CONF } from './engines.ts';

/** 08:00 on KubeCon EU 2026's last day (Amsterdam, CET) and on Mini Conf's first day (Lisbon, WET). */
export const KUBECON_DAY_0800 = Date.parse('2026-03-26T08:00:00+01:00');
export const MINI_DAY_0800 = Date.parse('2027-03-27T08:00:00+00:00');

export interface TwoConferences {
  readonly registry: ConferenceRegistry;
  readonly service: ConferenceService;
  readonly services: ChatServices;
  /** What `npm start` gives each platform as `ask`. */
  readonly ask: AskIn;
  /** What `npm start` gives each platform as `engineIn`. */
  readonly engineIn: (place: ChannelPlace) => Promise<Engine>;
  /** Opens the store and the digest (scheduler per conference) on it; once per "run" of Hallway. */
  openDigests(): Promise<DigestRun>;
  close(): Promise<void>;
}

/** One run's digest, and its end: the schedulers stopped and the store closed. */
export interface DigestRun {
  readonly runtime: DigestRuntime;
  close(): Promise<void>;
}

export interface TwoConferencesOptions {
  readonly logger: Logger;
  readonly clock: () => number;
  /** `HALLWAY_ADMINS`. */
  readonly admins: string;
  /** The started adapters' digest posters. */
  readonly posters: () => readonly DigestPoster[];
}

export async function twoConferences(options: TwoConferencesOptions): Promise<TwoConferences> {
  const folder = mkdtempSync(join(tmpdir(), 'hallway-two-'));
  const parsed = parseConferencesConfig(
    {
      conferences: [
        { id: 'kubecon-eu-2026', name: 'KubeCon EU 2026', sources: [{ path: DEFAULT_DATASET }] },
        {
          id: 'mini-conf',
          name: 'Mini Conf 2027',
          sources: [{ path: MINI_CONF }],
          timeZone: 'Europe/Lisbon',
        },
      ],
    },
    join(folder, 'conferences.json'),
  );
  if (!parsed.ok) throw new Error(parsed.problems.join('\n'));
  const opened = await openConferences({ config: parsed.config, logger: options.logger, cacheDir: folder });
  if (!opened.ok) throw new Error(opened.problems.join('\n'));
  const digestConfig = readDigestConfig({ HALLWAY_DB_PATH: join(folder, 'hallway.db') });
  if (!digestConfig.ok) throw new Error(digestConfig.problems.join('\n'));
  const { registry } = opened;
  let store: SqliteStore | undefined;
  let digests: DigestRuntime | undefined;
  const service = new ConferenceService({
    registry,
    bindings: () => store?.bindings,
    clock: options.clock,
    logger: options.logger,
  });
  const openDigests = async (): Promise<DigestRun> => {
    const opened = openSqliteStore(digestConfig.value.databasePath);
    store = opened;
    const runtime = createConferenceDigests({
      config: digestConfig.value,
      store: opened,
      registry,
      conferenceOf: (place: ChannelPlace) => service.conferenceOf(place),
      posters: options.posters,
      clock: options.clock,
      logger: options.logger,
    });
    digests = runtime;
    return {
      runtime,
      async close() {
        await runtime.stop();
        await opened.close();
      },
    };
  };
  await openDigests();
  const services = createChatServices({
    live: opened.defaultLive,
    rateLimits: { user: { burst: 1000, perMinute: 1000 }, channel: { burst: 1000, perMinute: 1000 } },
    admins: parseAdminList(options.admins),
    digest: () => digests,
    logger: options.logger,
    conferences: service,
  });
  return {
    registry,
    service,
    services,
    ask: (question, place) => service.ask(question, place),
    engineIn: async (place) => registry.engine(await service.conferenceOf(place)),
    openDigests,
    async close() {
      await digests?.stop();
      await store?.close();
      registry.stop();
    },
  };
}
