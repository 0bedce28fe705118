// `hallway discord:deploy-commands`: registering the slash commands against the fake, and its error messages.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { discordDeployCommandsCommand } from '../../adapters/cli/commands/discord-deploy-commands.ts';
import { runCli } from '../../adapters/cli/main.ts';
import { COMMAND_DEFINITIONS, guildCommandDefinitions } from '../../adapters/discord/commands.ts';
import { captureIo } from '../helpers/streams.ts';
import { type FakeDiscord, startFakeDiscord } from './fake-discord.ts';
import { APPLICATION_ID, GUILD_ID, TOKEN } from './fake-discord-world.ts';

let fake: FakeDiscord;
beforeEach(async () => {
  fake = await startFakeDiscord();
});
afterEach(async () => {
  await fake.close();
});

async function deploy(env: Record<string, string>, guild?: string) {
  const io = captureIo();
  const code = await discordDeployCommandsCommand(
    { env, rest: { api: fake.api, retries: 0 }, ...(guild === undefined ? {} : { guild }) },
    io,
  );
  return { code, out: io.out(), err: io.err() };
}

const puts = () => fake.requests.filter((request) => request.method === 'PUT');

describe('hallway discord:deploy-commands', () => {
  it('registers the eight commands globally (PUT /applications/{id}/commands)', async () => {
    const result = await deploy({ DISCORD_TOKEN: TOKEN, DISCORD_APPLICATION_ID: APPLICATION_ID });
    expect(result).toEqual({
      code: 0,
      out: `Registered 9 commands globally (every server the bot is in, and DMs with it) for application ${APPLICATION_ID}: /ask, /who, /vendor, /session, /help, /digest, /conference, /reload, /agenda\n`,
      err: '',
    });
    expect(puts()).toHaveLength(1);
    expect(puts()[0]?.path).toBe(`/api/v10/applications/${APPLICATION_ID}/commands`);
    expect(puts()[0]?.headers.authorization).toBe(`Bot ${TOKEN}`);
    expect(puts()[0]?.body).toEqual(COMMAND_DEFINITIONS);
  });

  it('--guild registers them in one server (PUT …/guilds/{id}/commands), overriding DISCORD_GUILD_ID', async () => {
    const result = await deploy(
      {
        DISCORD_TOKEN: TOKEN,
        DISCORD_APPLICATION_ID: APPLICATION_ID,
        DISCORD_GUILD_ID: '299999999999999999',
      },
      GUILD_ID,
    );
    expect(result.code).toBe(0);
    expect(result.out).toContain(`in server ${GUILD_ID}`);
    expect(puts()[0]?.path).toBe(`/api/v10/applications/${APPLICATION_ID}/guilds/${GUILD_ID}/commands`);
    expect(puts()[0]?.body).toEqual(guildCommandDefinitions());
  });

  it('reads the application ID from Discord when DISCORD_APPLICATION_ID is not set', async () => {
    const result = await deploy({ DISCORD_TOKEN: TOKEN, DISCORD_APPLICATION_ID: '' });
    expect(result.code).toBe(0);
    expect(fake.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      'GET /api/v10/applications/@me',
      `PUT /api/v10/applications/${APPLICATION_ID}/commands`,
    ]);
  });

  it('says what to fix when Discord refuses: a wrong token, a wrong application, a server without the bot', async () => {
    const badToken = await deploy({
      DISCORD_TOKEN: 'MTIz.wrong.token',
      DISCORD_APPLICATION_ID: APPLICATION_ID,
    });
    expect(badToken.code).toBe(1);
    expect(badToken.err).toMatch(/^Discord rejected DISCORD_TOKEN \(401 Unauthorized\)/);

    const badApp = await deploy({ DISCORD_TOKEN: TOKEN, DISCORD_APPLICATION_ID: '199999999999999999' });
    expect(badApp.code).toBe(1);
    expect(badApp.err).toContain('set DISCORD_APPLICATION_ID to the Application ID');

    const badGuild = await deploy({ DISCORD_TOKEN: TOKEN }, '299999999999999999');
    expect(badGuild.code).toBe(1);
    expect(badGuild.err).toContain(
      'the bot is not in that server, or was added without the applications.commands',
    );
    expect(badGuild.err).toContain('scope=bot%20applications.commands');
  });

  it('through the CLI: without DISCORD_TOKEN, or with a malformed --guild, exits 2 naming what is wrong', async () => {
    const io = captureIo();
    expect(await runCli(['discord:deploy-commands'], io, {})).toBe(2);
    expect(io.err()).toContain('DISCORD_TOKEN: not set');
    const io2 = captureIo();
    expect(
      await runCli(['discord:deploy-commands', '--guild', 'my-server'], io2, { DISCORD_TOKEN: TOKEN }),
    ).toBe(2);
    expect(io2.err()).toContain('--guild: must be a server ID');
    expect(fake.requests).toEqual([]);
  });
});
