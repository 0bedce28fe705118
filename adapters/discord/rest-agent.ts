// The HTTP agent Discord's REST client sends with: one of the undici that @discordjs/rest itself imports.
import { createRequire } from 'node:module';
import type { RESTOptions } from 'discord.js';

type Agent = NonNullable<RESTOptions['agent']>;

let shared: Agent | undefined;

/**
 * Without an agent of its own, @discordjs/rest (undici 6) sends through the process-wide default dispatcher. Slack's
 * socket mode loads undici 7, which sets that default for every undici version when it loads first (as under
 * `npm start`, Slack starting before Discord); undici 7 then cannot send the multipart body of an attachment built
 * for undici 6 ("action is not a function"), and the .ics never reaches the user. An agent of the same undici keeps
 * Discord's requests on their own version, whatever loaded first.
 */
export function discordRestAgent(): Agent {
  if (shared === undefined) {
    const fromDiscord = createRequire(import.meta.resolve('discord.js'));
    const fromRest = createRequire(fromDiscord.resolve('@discordjs/rest'));
    const { Agent: UndiciAgent } = fromRest('undici') as { Agent: new () => Agent };
    shared = new UndiciAgent();
  }
  return shared;
}
