// Two conferences in one Hallway, through the real discord.js client against the loopback fake: /conference binds
// the whole server or one channel, each channel answers and gets digests from its own conference, and a question
// may name a conference before anyone bound anything.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captureLogger } from '../helpers/capture-logger.ts';
import {
  KUBECON_DAY_0800,
  MINI_DAY_0800,
  type TwoConferences,
  twoConferences,
} from '../helpers/two-conferences.ts';
import { CHANNEL_ID, SECOND_CHANNEL_ID } from './fake-discord-world.ts';
import { type Harness, startHarness } from './harness.ts';
import { type CommandOptions, interactionCreate, MANAGE_SERVER_PERMISSIONS } from './payloads.ts';
import { callback, type Embed, original, shown } from './replies.ts';

const ADMIN: CommandOptions = { memberPermissions: MANAGE_SERVER_PERMISSIONS };

let now = KUBECON_DAY_0800 - 24 * 60 * 60 * 1000;
let harness: Harness;
let hallway: TwoConferences;

/** /ask in a channel; resolves with everything the edited-in answer shows. */
async function ask(question: string, channelId: string): Promise<string> {
  const command = interactionCreate('command', 'ask', [{ name: 'question', value: question }], { channelId });
  harness.fake.dispatch('INTERACTION_CREATE', command);
  const edit = await harness.fake.waitForRequest(original(command.token));
  return shown((edit.body as { embeds: Embed[] }).embeds);
}

/** /conference use|list (or /digest …) with its options; resolves with the private reply's text. */
async function run(
  name: 'conference' | 'digest',
  subcommand: string,
  options: ReadonlyArray<{ name: string; type: number; value: string | boolean }>,
  extra: CommandOptions,
): Promise<string> {
  const command = interactionCreate('command', name, [{ subcommand }], extra);
  const data = { ...command.data, options: [{ type: 1, name: subcommand, options }] };
  harness.fake.dispatch('INTERACTION_CREATE', { ...command, data });
  const first = (await harness.fake.waitForRequest(callback(command.id))).body as {
    type: number;
    data?: { content?: string; flags?: number };
  };
  if (first.type !== 5) return first.data?.content ?? '';
  // Deferred, privately (/digest may first open the channel's conference); the reply is edited in.
  expect(first.data?.flags).toBe(64);
  const edit = (await harness.fake.waitForRequest(original(command.token))).body as { content?: string };
  return edit.content ?? '';
}

const digestText = (channelId: string) =>
  harness.fake
    .messagesIn(channelId)
    .map((message) => shown((message.body as { embeds?: Embed[] }).embeds))
    .join('\n');

beforeAll(async () => {
  hallway = await twoConferences({
    logger: captureLogger().logger,
    clock: () => now,
    admins: '',
    posters: () => [harness.adapter.digestPoster?.()].flatMap((poster) => poster ?? []),
  });
  harness = await startHarness({
    engine: () => hallway.registry.peek(hallway.registry.defaultId) ?? missing(),
    ask: hallway.ask,
    engineIn: hallway.engineIn,
    services: () => hallway.services,
  });
});

afterAll(async () => {
  await harness?.close();
  await hallway?.close();
});

function missing(): never {
  throw new Error('the default conference is always loaded');
}

describe('two conferences in one Hallway on Discord', () => {
  it('before any binding, a question naming the other conference (its configured name) is answered from it', async () => {
    expect(hallway.registry.peek('mini-conf')).toBeUndefined();
    const text = await ask('at Mini Conf 2027, what rooms are there?', CHANNEL_ID);
    expect(text).toContain('Room Azul');
    expect(text).not.toContain('Hall 12');
    // Unbound and unnamed: the default conference.
    expect(await ask('what rooms are there?', CHANNEL_ID)).toContain('Hall 12');
  });

  it('only Manage Server binds; the whole server, then one channel of it back to the default', async () => {
    const use = (id: string, server = false) => [
      { name: 'id', type: 3, value: id },
      ...(server ? [{ name: 'server', type: 5, value: true }] : []),
    ];
    expect(await run('conference', 'use', use('mini-conf', true), {})).toContain(
      'Sorry, only members with Manage Server (or people in HALLWAY\\_ADMINS) can choose which conference',
    );
    expect(await run('conference', 'use', use('mini-conf', true), ADMIN)).toBe(
      'Every channel of this server without a conference of its own now answers about MiniConf (mini-conf), and gets its digest.',
    );
    expect(
      await run('conference', 'use', use('kubecon-eu-2026'), { ...ADMIN, channelId: SECOND_CHANNEL_ID }),
    ).toBe(
      `<#${SECOND_CHANNEL_ID}> now answers about KubeCon EU 2026 (kubecon-eu-2026), and gets its digest.`,
    );
    const list = await run('conference', 'list', [], {});
    expect(list).toContain('• mini-conf: MiniConf (this channel)');
    expect(list).toContain('• this server: mini-conf');
    expect(list).toContain(`• <#${SECOND_CHANNEL_ID}>: kubecon-eu-2026`);
  });

  it('each channel answers from its own conference', async () => {
    const first = await ask('what rooms are there?', CHANNEL_ID);
    expect(first).toContain('Room Azul');
    expect(first).not.toContain('Hall 12');
    const second = await ask('what rooms are there?', SECOND_CHANNEL_ID);
    expect(second).toContain('Hall 12');
    expect(second).not.toContain('Room Azul');
  });

  it("/vendor suggests the organisations of the channel's own conference", async () => {
    const suggest = async (channelId: string) => {
      const typing = interactionCreate(
        'autocomplete',
        'vendor',
        [{ name: 'name', value: '', focused: true }],
        {
          channelId,
        },
      );
      harness.fake.dispatch('INTERACTION_CREATE', typing);
      const answer = (await harness.fake.waitForRequest(callback(typing.id))).body as {
        data?: { choices?: Array<{ name: string }> };
      };
      return (answer.data?.choices ?? []).map((choice) => choice.name);
    };
    expect((await suggest(CHANNEL_ID)).sort()).toEqual(['Gull Systems', 'Harbour Labs', 'Sardinha Cloud']);
    const kube = await suggest(SECOND_CHANNEL_ID);
    expect(kube).toContain('Spectro Cloud');
    expect(kube).not.toContain('Harbour Labs');
  });

  it("each subscribed channel gets only its own conference's digest, on that conference's day", async () => {
    expect(await run('digest', 'subscribe', [], ADMIN)).toContain(
      "It follows this channel's conference, MiniConf.",
    );
    expect(await run('digest', 'subscribe', [], { ...ADMIN, channelId: SECOND_CHANNEL_ID })).toContain(
      "It follows this channel's conference, KubeCon EU 2026.",
    );

    now = KUBECON_DAY_0800 + 60_000;
    const first = await hallway.openDigests();
    await first.runtime.start();
    await first.close();
    expect(digestText(CHANNEL_ID)).toBe('');
    expect(digestText(SECOND_CHANNEL_ID)).toContain('Thu 26 Mar at KubeCon EU 2026');

    now = MINI_DAY_0800 + 60_000;
    const second = await hallway.openDigests();
    await second.runtime.start();
    await second.close();
    expect(digestText(CHANNEL_ID)).toContain('Sat 27 Mar at MiniConf');
    expect(digestText(CHANNEL_ID)).not.toContain('KubeCon');
    expect(digestText(SECOND_CHANNEL_ID)).not.toContain('MiniConf');
  });
});
