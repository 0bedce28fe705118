// Registers Hallway's slash commands with Discord, globally or in one server, and explains a refusal.
import {
  type APIApplication,
  type APIApplicationCommand,
  DiscordAPIError,
  RateLimitError,
  REST,
  type RESTOptions,
  Routes,
} from 'discord.js';
import { COMMAND_DEFINITIONS, guildCommandDefinitions } from './commands.ts';
import { inviteUrl } from './invite-url.ts';
import { restOptions } from './rest-policy.ts';

/** Where and as whom to register the commands. */
export interface DeployOptions {
  readonly token: string;
  /** Read from Discord (`GET /applications/@me`) when not given. */
  readonly applicationId?: string;
  /** Register in this server only: changes show at once, handy while testing. */
  readonly guildId?: string;
  readonly rest?: Partial<RESTOptions>;
}

/** The commands registered, or what Discord refused, worded for the user. */
export type DeployResult =
  | {
      readonly ok: true;
      readonly applicationId: string;
      readonly guildId?: string;
      readonly commands: readonly string[];
    }
  | { readonly ok: false; readonly problem: string };

/** Replaces the application's commands (global, or the server's) with Hallway's: `PUT …/commands`. */
export async function deployCommands(options: DeployOptions): Promise<DeployResult> {
  const rest = new REST(restOptions(options.rest)).setToken(options.token);
  let applicationId = options.applicationId;
  try {
    applicationId ??= ((await rest.get(Routes.currentApplication())) as APIApplication).id;
    const { guildId } = options;
    const registered = (await (guildId === undefined
      ? rest.put(Routes.applicationCommands(applicationId), { body: COMMAND_DEFINITIONS })
      : rest.put(Routes.applicationGuildCommands(applicationId, guildId), {
          body: guildCommandDefinitions(),
        }))) as APIApplicationCommand[];
    return {
      ok: true,
      applicationId,
      commands: registered.map((command) => command.name),
      ...(guildId === undefined ? {} : { guildId }),
    };
  } catch (error) {
    return { ok: false, problem: explainDeployFailure(error, options.guildId, applicationId) };
  }
}

function explainDeployFailure(
  error: unknown,
  guildId: string | undefined,
  applicationId: string | undefined,
): string {
  if (error instanceof RateLimitError)
    return `Discord is rate limiting command registration for another ${Math.ceil(error.retryAfter / 1000)} s (Discord allows 200 command creations a day); try again later.`;
  if (!(error instanceof DiscordAPIError)) {
    const cause = (error as { cause?: { code?: string } }).cause?.code;
    return `Could not reach Discord${cause === undefined ? '' : ` (${cause})`}: ${(error as Error).message}`;
  }
  const { status, code } = error;
  if (status === 401)
    return 'Discord rejected DISCORD_TOKEN (401 Unauthorized): copy the token again from the Developer Portal → your application → Bot → Reset Token.';
  if (code === 10002 || (status === 404 && guildId === undefined))
    return `Discord knows no application ${applicationId ?? ''} for this token: set DISCORD_APPLICATION_ID to the Application ID under General Information in the Developer Portal, or leave it empty to read it from the token.`;
  if (guildId !== undefined && (code === 50001 || status === 403 || status === 404))
    return `Discord refused to register commands in server ${guildId} (${error.message}): the bot is not in that server, or was added without the applications.commands scope. Invite it with ${inviteUrl(applicationId ?? 'APPLICATION_ID')} and check DISCORD_GUILD_ID or --guild.`;
  return `Discord refused the commands (HTTP ${status}, code ${code}): ${error.message}`;
}
