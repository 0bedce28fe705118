// Logging in through the real discord.js: IDENTIFY and READY, heartbeats, resuming after a reconnect, and refusals.
import { afterEach, describe, expect, it } from 'vitest';
import { COMMAND_DEFINITIONS, COMMAND_NAMES } from '../../adapters/discord/commands.ts';
import { deployCommands } from '../../adapters/discord/deploy-commands.ts';
import { createDiscordAdapterFactory, DiscordStartError } from '../../adapters/discord/discord-adapter.ts';
import { type FakeDiscordOptions, startFakeDiscord } from './fake-discord.ts';
import { APPLICATION_ID, TOKEN } from './fake-discord-world.ts';
import { captureLogs, type Harness, kubeconEngine, NO_IDENTIFY_THROTTLE, startHarness } from './harness.ts';
import { interactionCreate } from './payloads.ts';

let harness: Harness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

/** Starts the adapter against a fake set up to refuse it; resolves with the error and the fake's log. */
async function failedStart(fakeOptions: FakeDiscordOptions, env: Record<string, string> = {}) {
  const fake = await startFakeDiscord(fakeOptions);
  try {
    const { logger } = captureLogs();
    const plan = createDiscordAdapterFactory({ rest: { api: fake.api, retries: 0 } }).plan({
      engine: kubeconEngine,
      env: { DISCORD_TOKEN: TOKEN, ...env },
      logger,
    });
    if (plan.kind !== 'start') throw new Error(`unexpected plan ${plan.kind}`);
    const error = await plan.adapter.start().then(
      () => undefined,
      (e: unknown) => e,
    );
    await plan.adapter.stop();
    return { error: error as Error, fake };
  } finally {
    await fake.close();
  }
}

describe('Discord gateway', () => {
  it('logs in: fetches /gateway/bot, IDENTIFYs with the token and non-privileged intents, and is ready', async () => {
    harness = await startHarness();
    const { fake, logs } = harness;
    expect(fake.requests[0]).toMatchObject({ method: 'GET', path: '/api/v10/gateway/bot', status: 200 });
    expect(fake.requests[0]?.headers.authorization).toBe(`Bot ${TOKEN}`);
    const identify = fake.received.find((payload) => payload.op === 2);
    expect(identify?.d).toMatchObject({ token: TOKEN, intents: 1 | 4096, compress: false });
    const ready = logs.find((line) => line.msg === 'Discord: ready');
    expect(ready).toMatchObject({ user: 'Hallway', servers: 1, mentions: false });
    expect(ready?.invite).toBe(
      `https://discord.com/oauth2/authorize?client_id=${APPLICATION_ID}&scope=bot%20applications.commands&permissions=274877991936`,
    );
    // No command is registered on the fake yet: the adapter says how to register them.
    await expect
      .poll(() => logs.find((line) => line.msg.includes('discord:deploy-commands'))?.missing)
      .toEqual([...COMMAND_NAMES]);
  });

  it('asks for Message Content and server messages only with DISCORD_MENTIONS=true', async () => {
    harness = await startHarness({ env: { DISCORD_MENTIONS: 'true' } });
    const identify = harness.fake.received.find((payload) => payload.op === 2);
    expect(identify?.d).toMatchObject({ intents: 1 | 512 | 4096 | 32768 });
  });

  it('heartbeats, and stays on one connection while the fake acknowledges them', async () => {
    // 500 ms, not less: discord.js reconnects when an acknowledgement is late, and on a loaded 2-core machine a
    // shorter beat made this test fail; two beats show the loop without waiting much.
    harness = await startHarness({ fake: { heartbeatIntervalMs: 500 } });
    const { fake } = harness;
    await expect
      .poll(() => fake.received.filter((payload) => payload.op === 1).length, { timeout: 10_000 })
      .toBeGreaterThanOrEqual(2);
    expect(fake.connections).toBe(1);
  });

  /** A clock that moves 1.5 s each time it is read: the outage is then exactly one step long. */
  const steppingClock = () => {
    let now = 0;
    return () => {
      now += 1500;
      return now;
    };
  };

  it.each([
    ['RECONNECT (op 7)', (h: Harness) => h.fake.sendOp(7)],
    ['a dropped connection (close 4000)', (h: Harness) => h.fake.closeGateway(4000)],
  ])(
    'after %s, RESUMEs the session, answers what was sent meanwhile, and logs the outage',
    async (_what, disconnect) => {
      harness = await startHarness({ clock: steppingClock() });
      const h = harness;
      const identify = h.fake.received.find((payload) => payload.op === 2);
      const before = h.fake.received.length;
      disconnect(h);
      // Sent while the bot is away: the fake replays it after RESUME, as Discord does.
      const command = interactionCreate('command', 'help', []);
      h.fake.dispatch('INTERACTION_CREATE', command);
      const resume = await h.fake.waitForGateway(6, before);
      expect(resume.d).toMatchObject({ token: TOKEN, session_id: expect.stringMatching(/^session-/) });
      expect((resume.d as { seq: number }).seq).toBeGreaterThanOrEqual(2);
      expect(h.fake.connections).toBe(2);
      expect(h.fake.received.filter((payload) => payload.op === 2)).toEqual([identify]);
      await h.fake.waitForRequest((request) => request.path.includes(`/interactions/${command.id}/`));
      await expect
        .poll(() => h.logs.some((line) => line.msg.startsWith('Discord: gateway connection back')))
        .toBe(true);
      const outage = h.logs.filter((line) => line.msg.startsWith('Discord: gateway connection'));
      expect(outage.map((line) => [line.level, line.msg])).toEqual([
        [40, 'Discord: gateway connection lost; reconnecting'],
        [30, 'Discord: gateway connection back after 1.5 s; session resumed, missed events replayed'],
      ]);
      expect(h.connection).toEqual([false, true]);
      expect(outage[1]).toMatchObject({
        outageMs: 1500,
        attempts: 1,
        how: 'resumed',
        replayed: expect.any(Number),
      });
    },
  );

  it('a longer outage (Discord unreachable, the session gone) ends in a new session, logged once down and once back', async () => {
    harness = await startHarness({ clock: steppingClock(), ws: NO_IDENTIFY_THROTTLE });
    const h = harness;
    h.fake.refuseConnections(1);
    h.fake.forgetSession();
    h.fake.closeGateway(4000);
    await expect
      .poll(() => h.logs.find((line) => line.msg.startsWith('Discord: gateway connection back'))?.msg, {
        timeout: 5000,
      })
      .toBe('Discord: gateway connection back after 1.5 s; new session, events sent meanwhile were missed');
    expect(h.logs.find((line) => line.msg.startsWith('Discord: gateway connection back'))).toMatchObject({
      how: 'new session',
      outageMs: 1500,
      attempts: 2,
    });
    // One warning for the whole outage; the failed attempt in between is only a debug line.
    expect(
      h.logs.filter((line) => line.msg === 'Discord: gateway connection lost; reconnecting'),
    ).toHaveLength(1);
    expect(h.logs.some((line) => line.msg === 'Discord: still reconnecting to the gateway')).toBe(true);
    expect(h.fake.received.filter((payload) => payload.op === 2)).toHaveLength(2);
    // Back for real: a command is answered on the new session.
    const command = interactionCreate('command', 'help', []);
    h.fake.dispatch('INTERACTION_CREATE', command);
    await h.fake.waitForRequest((request) => request.path.includes(`/interactions/${command.id}/`));
  });

  it('stopping is not an outage: no "connection lost" line', async () => {
    harness = await startHarness();
    await harness.adapter.stop();
    expect(harness.logs.some((line) => line.msg.startsWith('Discord: gateway connection lost'))).toBe(false);
  });

  it('a token reset while running (close 4004) is logged as fatal with what to fix; no reconnect is tried', async () => {
    harness = await startHarness();
    const h = harness;
    h.fake.closeGateway(4004);
    await expect
      .poll(() => h.logs.find((line) => line.level === 60)?.msg)
      .toMatch(
        /^Discord: disconnected for good and will not reconnect\. Discord rejected DISCORD_TOKEN.*Reset Token/,
      );
    expect(h.fake.connections).toBe(1);
  });

  it('stops cleanly: the gateway connection is closed', async () => {
    harness = await startHarness();
    const { fake } = harness;
    await harness.adapter.stop();
    await expect.poll(() => fake.openSockets()).toBe(0);
  });
});

describe('Discord refuses to start, and says what to fix', () => {
  it('a wrong token (401 on /gateway/bot)', async () => {
    const { error, fake } = await failedStart({ token: 'MTIz.other.token' });
    expect(error).toBeInstanceOf(DiscordStartError);
    expect(error.message).toMatch(/^Discord rejected DISCORD_TOKEN \(Discord answered 401 Unauthorized\)/);
    expect(error.message).toContain('Bot → Reset Token');
    expect(fake.requests.map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual([
      'GET /api/v10/gateway/bot 401',
    ]);
  });

  it('a token the gateway rejects (close code 4004)', async () => {
    const { error, fake } = await failedStart({ gatewayToken: 'MTIz.reset.meanwhile' });
    expect(error).toBeInstanceOf(DiscordStartError);
    expect(error.message).toMatch(/^Discord rejected DISCORD_TOKEN \(the gateway closed with code 4004/);
    expect(fake.connections).toBe(1);
  });

  it('the Message Content intent not enabled in the Developer Portal (close code 4014)', async () => {
    const { error, fake } = await failedStart(
      { allowedIntents: 1 | 512 | 4096 },
      { DISCORD_MENTIONS: 'true' },
    );
    expect(error).toBeInstanceOf(DiscordStartError);
    expect(error.message).toContain('Discord refused the Message Content intent (gateway close code 4014)');
    expect(error.message).toContain('turn on Message Content Intent, or set DISCORD_MENTIONS=false');
    // Without mentions the same application starts: the privileged intent is the only problem.
    harness = await startHarness({ fake: { allowedIntents: 1 | 512 | 4096 } });
    expect(fake.connections).toBe(1);
  });
});

describe('commands registered on the fake', () => {
  it('are found at start-up, so no warning is logged', async () => {
    const fake = await startFakeDiscord();
    const deployed = await deployCommands({ token: TOKEN, rest: { api: fake.api, retries: 0 } });
    expect(deployed).toMatchObject({
      ok: true,
      commands: COMMAND_DEFINITIONS.map((command) => command.name),
    });
    const { logs, logger } = captureLogs();
    const plan = createDiscordAdapterFactory({ rest: { api: fake.api, retries: 0 } }).plan({
      engine: kubeconEngine,
      env: { DISCORD_TOKEN: TOKEN },
      logger,
    });
    if (plan.kind !== 'start') throw new Error('expected start');
    await plan.adapter.start();
    await expect
      .poll(() => logs.some((line) => line.msg === 'Discord: slash commands are registered'))
      .toBe(true);
    await plan.adapter.stop();
    await fake.close();
    expect(logs.some((line) => line.msg.includes('not registered'))).toBe(false);
  });
});
