// A live Discord connection: log in, wire commands and messages, report what to fix, stop cleanly.
// Loaded only when Discord starts, so that discord.js costs nothing to a bot that runs without it.

import { once } from 'node:events';
import { type Client, Events } from 'discord.js';
import type { AgendaMessenger } from '../agenda/agenda-messenger.ts';
import type { DigestPoster } from '../digest/digest-poster.ts';
import type { AdapterDependencies, ChatAdapter } from '../shared/chat-adapter.ts';
import { ConversationMemory } from '../shared/conversation-memory.ts';
import { createDiscordAgendaMessenger } from './agenda-discord.ts';
import { COMMAND_NAMES } from './commands.ts';
import type { DiscordConfig } from './config.ts';
import { createDiscordClient } from './create-discord-client.ts';
import type { DiscordAdapterOptions } from './discord-adapter.ts';
import { createDiscordDigestPoster } from './discord-digest-poster.ts';
import { DiscordStartError } from './discord-start-error.ts';
import { watchGateway } from './gateway-monitor.ts';
import { handleInteraction } from './interactions.ts';
import { inviteUrl } from './invite-url.ts';
import { handleMessage } from './mentions.ts';
import { classifyStartFailure, explainStartFailure } from './start-errors.ts';

export class DiscordAdapter implements ChatAdapter {
  readonly name = 'Discord';
  private client: Client | undefined;
  private poster: DigestPoster | undefined;
  private messenger: AgendaMessenger | undefined;

  constructor(
    private readonly config: DiscordConfig,
    private readonly dependencies: AdapterDependencies,
    private readonly options: DiscordAdapterOptions,
  ) {}

  /** Logs in and resolves once the bot is ready; rejects with a `DiscordStartError` saying what to fix. */
  async start(): Promise<void> {
    const { config } = this;
    const { engine, ask, engineIn, services } = this.dependencies;
    const logger = this.dependencies.logger.child({ adapter: 'discord' });
    const client = createDiscordClient({
      mentions: config.mentions,
      ...(config.shards === undefined ? {} : { shards: config.shards }),
      ...(this.options.rest === undefined ? {} : { rest: this.options.rest }),
      ...(this.options.ws === undefined ? {} : { ws: this.options.ws }),
    });
    this.client = client;
    let ready = false;
    let closeCode: number | undefined;

    // The handlers catch their own errors; this is the last net, so a bug never becomes an unhandled rejection.
    const lastResort = (error: unknown) => logger.error({ err: error }, 'Discord: handler failed');
    const withServices = {
      ...(services === undefined ? {} : { services }),
      ...(ask === undefined ? {} : { ask }),
      ...(engineIn === undefined ? {} : { engineIn }),
    };
    // Follow-ups ("when is it?") refer to the previous answer in the same channel or DM; in the store if any.
    const conversations = services?.conversations ?? new ConversationMemory();
    client.on(Events.InteractionCreate, (interaction) => {
      handleInteraction(interaction, { engine, logger, conversations, ...withServices }).catch(lastResort);
    });
    client.on(Events.MessageCreate, (message) => {
      handleMessage(message, {
        engine,
        logger,
        mentions: config.mentions,
        conversations,
        ...withServices,
      }).catch(lastResort);
    });
    // A server removed the bot (an outage is guildUnavailable, not this): forget what was kept for that server.
    client.on(Events.GuildDelete, (guild) => {
      const installations = services?.installations?.();
      if (installations === undefined) return;
      Promise.resolve(installations.delete('discord', guild.id))
        .then((removed) => logger.info({ server: guild.id, removed }, 'Discord server forgotten'))
        .catch(lastResort);
    });
    client.on(Events.Error, (error) => logger.error({ err: error }, 'Discord: client error'));
    watchGateway(client, {
      logger,
      clock: this.options.clock ?? Date.now,
      active: () => this.client === client,
      ...(this.dependencies.onConnectionChange === undefined
        ? {}
        : { onConnectionChange: this.dependencies.onConnectionChange }),
    });
    client.on(Events.ShardDisconnect, (event) => {
      closeCode = event.code;
      if (!ready) return;
      const failure = classifyStartFailure(
        new Error(`closed with ${event.code}`),
        event.code,
        config.mentions,
      );
      logger.fatal(
        { code: event.code },
        `Discord: disconnected for good and will not reconnect. ${explainStartFailure(failure)}`,
      );
    });

    const becameReady = once(client, Events.ClientReady);
    becameReady.catch(() => {});
    try {
      await client.login(config.token);
      await becameReady;
    } catch (error) {
      await client.destroy();
      this.client = undefined;
      const failure = classifyStartFailure(error, closeCode, config.mentions);
      throw new DiscordStartError(explainStartFailure(failure), { cause: error });
    }
    ready = true;
    if (client.isReady()) {
      this.poster = createDiscordDigestPoster(client);
      this.messenger = createDiscordAgendaMessenger(client);
    }
    const applicationId = client.application?.id ?? config.applicationId;
    logger.info(
      {
        user: client.user?.tag,
        servers: client.guilds.cache.size,
        mentions: config.mentions,
        ...(applicationId === undefined ? {} : { invite: inviteUrl(applicationId) }),
      },
      'Discord: ready',
    );
    void this.checkCommands(client);
  }

  async stop(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    this.poster = undefined;
    this.messenger = undefined;
    await client?.destroy();
  }

  /** Posts digests through this connection; undefined until it is ready and after it stops. */
  digestPoster(): DigestPoster | undefined {
    return this.poster;
  }

  /** Sends agenda DMs through this connection; undefined until it is ready and after it stops. */
  agendaMessenger(): AgendaMessenger | undefined {
    return this.messenger;
  }

  /** Warns when the slash commands were never registered (or are out of date): a common first-run surprise. */
  private async checkCommands(client: Client): Promise<void> {
    const logger = this.dependencies.logger.child({ adapter: 'discord' });
    try {
      const { guildId } = this.config;
      const registered = await (guildId === undefined
        ? client.application?.commands.fetch()
        : client.application?.commands.fetch({ guildId }));
      const names = new Set(registered?.map((command) => command.name) ?? []);
      const missing = COMMAND_NAMES.filter((name) => !names.has(name));
      if (missing.length > 0) {
        logger.warn(
          { missing, scope: guildId ?? 'global' },
          'Discord: some slash commands are not registered; run `npm run hallway -- discord:deploy-commands`',
        );
      } else logger.debug({ scope: guildId ?? 'global' }, 'Discord: slash commands are registered');
    } catch (error) {
      logger.debug({ err: error }, 'Discord: could not list the registered commands');
    }
  }
}
