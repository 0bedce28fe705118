// `hallway discord:deploy-commands [--guild ID]`: registers the Discord slash commands, globally or in one server.
import type { RESTOptions } from 'discord.js';
import { readDiscordConfig } from '../../discord/config.ts';
import { deployCommands } from '../../discord/deploy-commands.ts';
import type { CommandIo } from '../command-io.ts';

/** The command's options and the environment it reads. */
export interface DeployCommandsOptions {
  /** --guild: overrides DISCORD_GUILD_ID. */
  readonly guild?: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** REST overrides, for tests against a fake Discord. */
  readonly rest?: Partial<RESTOptions>;
}

/** Exit codes: 0 registered, 1 Discord refused or was unreachable, 2 missing or malformed configuration. */
export async function discordDeployCommandsCommand(
  options: DeployCommandsOptions,
  io: CommandIo,
): Promise<number> {
  const env = options.guild === undefined ? options.env : { ...options.env, DISCORD_GUILD_ID: options.guild };
  const read = readDiscordConfig(env);
  if (read.kind !== 'ok') {
    const problems =
      read.kind === 'skip'
        ? ['DISCORD_TOKEN: not set; put the bot token in .env (see .env.example)']
        : read.problems.map((problem) =>
            options.guild !== undefined && problem.startsWith('DISCORD_GUILD_ID')
              ? `--guild${problem.slice(16)}`
              : problem,
          );
    io.stderr.write(`Cannot register the Discord commands; fix these:\n  ${problems.join('\n  ')}\n`);
    return 2;
  }
  const { token, applicationId, guildId } = read.config;
  const result = await deployCommands({
    token,
    ...(applicationId === undefined ? {} : { applicationId }),
    ...(guildId === undefined ? {} : { guildId }),
    ...(options.rest === undefined ? {} : { rest: options.rest }),
  });
  if (!result.ok) {
    io.stderr.write(`${result.problem}\n`);
    return 1;
  }
  const where =
    result.guildId === undefined
      ? 'globally (every server the bot is in, and DMs with it)'
      : `in server ${result.guildId}`;
  io.stdout.write(
    `Registered ${result.commands.length} commands ${where} for application ${result.applicationId}: ${result.commands.map((name) => `/${name}`).join(', ')}\n`,
  );
  return 0;
}
