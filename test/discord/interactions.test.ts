// Slash commands and autocomplete through the real discord.js: defer and edit, reply, choices, and apologies.
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { createDiscordAdapterFactory } from '../../adapters/discord/discord-adapter.ts';
import { APOLOGY } from '../../adapters/discord/interactions.ts';
import type { Engine } from '../../src/index.ts';
import { startFakeDiscord } from './fake-discord.ts';
import { APPLICATION_ID, TOKEN } from './fake-discord-world.ts';
import { type Harness, kubeconEngine, startHarness } from './harness.ts';
import { interactionCreate } from './payloads.ts';
import { callback, type Embed, original, shown } from './replies.ts';

let harness: Harness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

type Body = {
  type: number;
  data?: { embeds?: Embed[]; content?: string; flags?: number; choices?: Choice[] };
};
type Choice = { name: string; value: string };

/** An engine whose answers fail, to see the apology. */
const brokenEngine = (): Engine => ({
  ...kubeconEngine(),
  ask: () => {
    throw new Error('the index is corrupt');
  },
});

describe('slash commands', () => {
  it.each([
    ['ask', 'question', 'who is Chad Beaudin?', ['Chad Beaudin (Boeing)']],
    [
      'who',
      'topic',
      'platform engineering',
      ['On “platform engineering”', 'Abby Bangser (Syntasso)', 'People'],
    ],
    [
      'vendor',
      'name',
      'Spectro Cloud',
      ['Spectro Cloud announced 4 things', 'Strategic partnership with WEKA'],
    ],
    ['session', 'words', 'Agones keynote', ['Hall 12', 'Thu 26 Mar, 09:29–09:32 CET', 'Where']],
  ])(
    '/%s is deferred, then the answer is edited in (PATCH @original)',
    async (name, option, value, expected) => {
      harness = await startHarness();
      const { fake } = harness;
      const command = interactionCreate('command', name, [{ name: option, value }]);
      fake.dispatch('INTERACTION_CREATE', command);
      const defer = await fake.waitForRequest(callback(command.id));
      expect(defer.body).toEqual({ type: 5, data: { flags: 0 } });
      expect(defer.status).toBe(204);
      const edit = await fake.waitForRequest(original(command.token));
      expect(edit.rawPath).toBe(`/api/v10/webhooks/${APPLICATION_ID}/${command.token}/messages/%40original`);
      expect(edit.status).toBe(200);
      const text = shown((edit.body as { embeds: Embed[] }).embeds);
      for (const words of expected) expect(text).toContain(words);
    },
  );

  it('/help is answered at once (a reply, no defer) with examples', async () => {
    harness = await startHarness();
    const { fake } = harness;
    const command = interactionCreate('command', 'help', []);
    fake.dispatch('INTERACTION_CREATE', command);
    const reply = await fake.waitForRequest(callback(command.id));
    const body = reply.body as Body;
    expect(body.type).toBe(4);
    expect(body.data?.embeds?.[0]?.title).toBe('What Hallway can answer');
    expect(shown(body.data?.embeds)).toContain('who spoke about');
    expect(fake.requests.some(original(command.token))).toBe(false);
  });

  it('works in a DM with the bot too', async () => {
    harness = await startHarness();
    const { fake } = harness;
    const command = interactionCreate('command', 'who', [{ name: 'topic', value: 'GPU sharing' }], {
      dm: true,
    });
    fake.dispatch('INTERACTION_CREATE', command);
    const edit = await fake.waitForRequest(original(command.token));
    expect(shown((edit.body as { embeds: Embed[] }).embeds)).toContain('HAMi');
  });

  it('a long answer goes out as embeds within every limit, the rest counted with "…and N more"', async () => {
    harness = await startHarness();
    const { fake } = harness;
    const question = "what's on Thursday?";
    expect(kubeconEngine().ask(question).text.length).toBeGreaterThan(2000);
    const command = interactionCreate('command', 'ask', [{ name: 'question', value: question }]);
    fake.dispatch('INTERACTION_CREATE', command);
    const edit = await fake.waitForRequest(original(command.token));
    // The fake answers 400 to anything over Discord's limits, as Discord does.
    expect(edit.status).toBe(200);
    const embeds = (edit.body as { embeds: Embed[] }).embeds;
    expect(embeds).toHaveLength(10);
    expect(embeds.at(-1)?.description).toMatch(/…and \d+ more\.$/);
  });
});

describe('autocomplete for /vendor', () => {
  it('offers matching organisations at once, at most 25', async () => {
    harness = await startHarness();
    const { fake } = harness;
    const started = Date.now();
    const typing = interactionCreate('autocomplete', 'vendor', [
      { name: 'name', value: 'spec', focused: true },
    ]);
    fake.dispatch('INTERACTION_CREATE', typing);
    const answer = await fake.waitForRequest(callback(typing.id));
    // Discord drops an autocomplete answer after 3 s; the margin below that is for a loaded machine.
    expect(Date.now() - started).toBeLessThan(2500);
    expect(answer.status).toBe(204);
    expect(answer.body).toEqual({
      type: 8,
      data: { choices: [{ name: 'Spectro Cloud', value: 'Spectro Cloud' }] },
    });

    const empty = interactionCreate('autocomplete', 'vendor', [{ name: 'name', value: '', focused: true }]);
    fake.dispatch('INTERACTION_CREATE', empty);
    const all = (await fake.waitForRequest(callback(empty.id))).body as Body;
    const count = kubeconEngine().catalog.dataset.organizations.length;
    expect(all.data?.choices).toHaveLength(Math.min(25, count));
  });
});

describe('when answering fails', () => {
  it('a deferred command gets the apology in place of "thinking…", is logged, and the bot keeps answering', async () => {
    let broken = true;
    harness = await startHarness({ engine: () => (broken ? brokenEngine() : kubeconEngine()) });
    const { fake, logs } = harness;
    const command = interactionCreate('command', 'who', [{ name: 'topic', value: 'GPU sharing' }]);
    fake.dispatch('INTERACTION_CREATE', command);
    const edit = await fake.waitForRequest(original(command.token));
    expect(edit.body).toMatchObject({ content: APOLOGY, embeds: [] });
    const error = logs.find((line) => line.msg === 'Discord: could not answer a command');
    expect(error).toMatchObject({
      level: 50,
      command: 'who',
      interaction: command.id,
      guild: expect.any(String),
    });
    expect(error?.err).toMatchObject({ message: 'the index is corrupt' });

    broken = false;
    const again = interactionCreate('command', 'who', [{ name: 'topic', value: 'GPU sharing' }]);
    fake.dispatch('INTERACTION_CREATE', again);
    const answer = await fake.waitForRequest(original(again.token));
    expect(shown((answer.body as { embeds: Embed[] }).embeds)).toContain('HAMi');
  });

  it('a command not deferred gets an ephemeral apology as its reply', async () => {
    harness = await startHarness({ engine: brokenEngine });
    const { fake } = harness;
    const command = interactionCreate('command', 'help', []);
    fake.dispatch('INTERACTION_CREATE', command);
    const reply = await fake.waitForRequest(callback(command.id));
    expect(reply.body).toEqual({ type: 4, data: expect.objectContaining({ content: APOLOGY, flags: 64 }) });
  });

  it('when Discord keeps refusing the edit (past the one quick retry), the deferred message becomes the apology', async () => {
    harness = await startHarness();
    const { fake } = harness;
    const error = { status: 500, body: { message: 'Internal Server Error', code: 0 } };
    fake.script('PATCH', /@original$/, error, error);
    const command = interactionCreate('command', 'session', [{ name: 'words', value: 'Agones keynote' }]);
    fake.dispatch('INTERACTION_CREATE', command);
    await expect
      .poll(() =>
        fake.requests
          .filter(original(command.token))
          .map((r) => [r.status, (r.body as Body['data'])?.content]),
      )
      .toEqual([
        [500, undefined],
        [500, undefined],
        [200, APOLOGY],
      ]);
  });

  it('after the answer went out, the apology is an ephemeral follow-up', async () => {
    // A logger that fails on the "answered" line: an error after the reply was sent.
    const fake = await startFakeDiscord();
    const logger = pino(
      {
        level: 'info',
        hooks: {
          logMethod(args, method) {
            if (args.includes('Discord: answered' as never)) throw new Error('the log disk is full');
            method.apply(this, args);
          },
        },
      },
      new Writable({ write: (_chunk, _encoding, done) => done() }),
    );
    const plan = createDiscordAdapterFactory({ rest: { api: fake.api, retries: 0 } }).plan({
      engine: kubeconEngine,
      env: { DISCORD_TOKEN: TOKEN },
      logger,
    });
    if (plan.kind !== 'start') throw new Error('expected start');
    await plan.adapter.start();
    try {
      const command = interactionCreate('command', 'help', []);
      fake.dispatch('INTERACTION_CREATE', command);
      const followUp = await fake.waitForRequest(
        (r) => r.method === 'POST' && r.path === `/api/v10/webhooks/${APPLICATION_ID}/${command.token}`,
      );
      expect(followUp.body).toMatchObject({ content: APOLOGY, flags: 64 });
      expect(fake.requests.find(callback(command.id))?.body).toMatchObject({ type: 4 });
    } finally {
      await plan.adapter.stop();
      await fake.close();
    }
  });

  it('an unknown command (stale registration) gets an ephemeral hint', async () => {
    harness = await startHarness();
    const { fake } = harness;
    const command = interactionCreate('command', 'dance', []);
    fake.dispatch('INTERACTION_CREATE', command);
    const reply = await fake.waitForRequest(callback(command.id));
    expect(reply.body).toEqual({ type: 4, data: expect.objectContaining({ flags: 64 }) });
    expect((reply.body as Body).data?.content).toContain('try /help');
  });
});
