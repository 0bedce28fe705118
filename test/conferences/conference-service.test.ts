// Which conference answers: a channel's binding, else its server's, else the default; a binding to a conference
// taken out of the file falls back; a conference whose data cannot be read gets a one-line answer, not a crash.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type BindingContext, ConferenceService } from '../../adapters/conferences/conference-service.ts';
import { SqliteBindingStore } from '../../adapters/conferences/sqlite-binding-store.ts';
import { openDatabase } from '../../adapters/store/open-database.ts';
import { captureLogger } from '../helpers/capture-logger.ts';
import { DEFAULT_DATASET, MINI_CONF } from '../helpers/engines.ts';
import { testRegistry } from './test-registry.ts';

const folder = mkdtempSync(join(tmpdir(), 'hallway-service-'));
const db = openDatabase(join(folder, 'hallway.db'));
const bindings = new SqliteBindingStore(db);
const log = captureLogger();
afterAll(() => db.close());

const { registry } = testRegistry(
  {
    conferences: [
      { id: 'kubecon-eu-2026', name: 'KubeCon EU 2026', sources: [{ path: DEFAULT_DATASET }] },
      { id: 'mini-conf', name: 'Mini Conf 2027', sources: [{ path: MINI_CONF }] },
      { id: 'broken', name: 'Broken Conf', sources: [{ path: join(folder, 'missing') }] },
    ],
  },
  folder,
  log.logger,
);
const service = new ConferenceService({
  registry,
  bindings: () => bindings,
  clock: () => 1,
  logger: log.logger,
});

const admin = (channelId: string, workspaceId = 'G1'): BindingContext => ({
  platform: 'discord',
  channelId,
  workspaceId,
  userId: 'U1',
  isAdmin: true,
  admins: 'admins',
  mentionChannel: (id) => `#${id}`,
  commandFor: () => '/conference',
});

describe('the conference a channel answers about', () => {
  it("is the channel's own binding, else its server's, else the default", async () => {
    expect(await service.conferenceOf({ platform: 'discord', channelId: 'C1', workspaceId: 'G1' })).toBe(
      'kubecon-eu-2026',
    );
    await service.command({ kind: 'use', conferenceId: 'mini-conf', scope: 'workspace' }, admin('C1'));
    expect(await service.conferenceOf({ platform: 'discord', channelId: 'C1', workspaceId: 'G1' })).toBe(
      'mini-conf',
    );
    expect(await service.conferenceOf({ platform: 'discord', channelId: 'C2', workspaceId: 'G1' })).toBe(
      'mini-conf',
    );
    // Another server, and the same channel id on the other platform, are not bound.
    expect(await service.conferenceOf({ platform: 'discord', channelId: 'C3', workspaceId: 'G2' })).toBe(
      'kubecon-eu-2026',
    );
    expect(await service.conferenceOf({ platform: 'slack', channelId: 'C1' })).toBe('kubecon-eu-2026');
    await service.command({ kind: 'use', conferenceId: 'kubecon-eu-2026', scope: 'channel' }, admin('C2'));
    expect(await service.conferenceOf({ platform: 'discord', channelId: 'C2', workspaceId: 'G1' })).toBe(
      'kubecon-eu-2026',
    );
  });

  it('falls back to the default, with a warning, when bound to a conference no longer in the file', async () => {
    await bindings.bind({
      platform: 'slack',
      scope: 'channel',
      targetId: 'C9',
      conferenceId: 'fosdem-2025',
      createdBy: 'U1',
      createdAt: 1,
    });
    expect(await service.conferenceOf({ platform: 'slack', channelId: 'C9' })).toBe('kubecon-eu-2026');
    expect(log.lines()).toContainEqual(
      expect.objectContaining({
        conference: 'fosdem-2025',
        msg: 'a channel is bound to a conference no longer configured; using the default',
      }),
    );
  });

  it('answers in one line when the conference cannot be read, and keeps serving the others', async () => {
    await service.command({ kind: 'use', conferenceId: 'broken', scope: 'channel' }, admin('C5'));
    const place = { platform: 'discord', channelId: 'C5', workspaceId: 'G1' } as const;
    const answer = await service.ask('what rooms are there?', place);
    expect(answer.answered).toBe(false);
    expect(answer.text).toBe(
      'Sorry, I could not read the data for Broken Conf just now. Please try again later, or ask whoever runs Hallway.',
    );
    // Where the data lives is for the log, not for the channel.
    expect(log.lines()).toContainEqual(
      expect.objectContaining({
        conference: 'broken',
        problems: [expect.stringContaining('missing')],
        msg: 'conference could not be loaded',
      }),
    );
    expect((await service.ask('at Mini Conf 2027, what rooms are there?', place)).text).toContain(
      'Room Azul',
    );
  });

  it('refuses a server binding outside a server, and a binding by someone who is not an admin', async () => {
    const dm = { ...admin('D1'), workspaceId: undefined } as unknown as BindingContext;
    expect(await service.command({ kind: 'use', conferenceId: 'mini-conf', scope: 'workspace' }, dm)).toEqual(
      {
        refused: true,
        text: 'A whole server can be bound only from one of its channels.',
      },
    );
    const member = { ...admin('C7'), isAdmin: false };
    expect(
      (await service.command({ kind: 'use', conferenceId: 'mini-conf', scope: 'channel' }, member)).refused,
    ).toBe(true);
    expect(await service.conferenceOf(member)).toBe('mini-conf');
    expect(bindings.lookup({ platform: 'discord', channelId: 'C7' })).toBeUndefined();
  });
});
