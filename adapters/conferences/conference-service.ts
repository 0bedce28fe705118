// Which conference answers a question: the one the question names, else the channel's binding, else the default;
// and the admin command that binds a channel or a whole workspace to a conference (`/hallway use`, `/conference`).
import {
  type Answer,
  type AskOptions,
  type Engine,
  pickConference,
  sanitizeQuestion,
} from '../../src/index.ts';
import type { Logger } from '../shared/logger.ts';
import type { BindingScope, BindingStore, ChannelPlace } from './binding-store.ts';
import { ConferenceLoadError, type ConferenceRegistry } from './conference-registry.ts';

/** A question routed to a conference: its engine, and the question without the phrase that named it. */
export interface Routed {
  readonly conferenceId: string;
  readonly engine: Engine;
  readonly question: string;
}

export type BindingCommand =
  | { readonly kind: 'use'; readonly conferenceId: string; readonly scope: BindingScope }
  | { readonly kind: 'list' };

/** Who asked, and where; the platform decides `isAdmin` and how a channel is written. */
export interface BindingContext extends ChannelPlace {
  readonly userId: string;
  readonly isAdmin: boolean;
  /** Who may bind, for the refusal: "workspace admins". */
  readonly admins: string;
  readonly mentionChannel: (channelId: string) => string;
  /** How to run the command: "/hallway use fosdem-2026". */
  readonly commandFor: (command: BindingCommand) => string;
}

/** A short reply, seen only by the person who asked. */
export interface BindingReply {
  readonly text: string;
  readonly refused: boolean;
}

export interface ConferenceServiceOptions {
  readonly registry: ConferenceRegistry;
  /** The bindings; undefined until the database is open (every channel then uses the default). */
  readonly bindings: () => BindingStore | undefined;
  readonly clock: () => number;
  readonly logger: Logger;
}

export class ConferenceService {
  constructor(private readonly options: ConferenceServiceOptions) {}

  get registry(): ConferenceRegistry {
    return this.options.registry;
  }

  /** The conference a channel answers about: its own binding, its workspace's, else the default. */
  async conferenceOf(place: ChannelPlace): Promise<string> {
    const { registry } = this.options;
    const bound = await this.options.bindings()?.lookup(place);
    if (bound === undefined) return registry.defaultId;
    if (registry.has(bound.conferenceId)) return bound.conferenceId;
    // The conference was taken out of the file since: the channel falls back rather than failing.
    this.options.logger.warn(
      { conference: bound.conferenceId, channel: place.channelId },
      'a channel is bound to a conference no longer configured; using the default',
    );
    return registry.defaultId;
  }

  /**
   * Routes a question (cleaned first, so a huge paste costs no more than a short question); rejects with a
   * ConferenceLoadError when that conference's data cannot be opened. An unnamed question goes on as asked.
   */
  async route(question: string, place: ChannelPlace): Promise<Routed> {
    const picked = pickConference(sanitizeQuestion(question).text, this.options.registry.names());
    const conferenceId = picked?.id ?? (await this.conferenceOf(place));
    const engine = await this.options.registry.engine(conferenceId);
    return { conferenceId, engine, question: picked?.question ?? question };
  }

  /** Asks the routed engine (wrapped, for metrics); a conference that cannot be opened gets a one-line answer. */
  async ask(
    question: string,
    place: ChannelPlace,
    wrap: (engine: Engine) => Engine = (e) => e,
    options: AskOptions = {},
  ): Promise<Answer> {
    try {
      const routed = await this.route(question, place);
      const answer = wrap(routed.engine).ask(routed.question, options);
      // The answer keeps the question as asked, naming its conference: "share" asks it again, in the channel.
      return routed.question === question ? answer : { ...answer, question: sanitizeQuestion(question).text };
    } catch (error) {
      if (!(error instanceof ConferenceLoadError)) throw error;
      // The reasons (paths, URLs) are for the log, where the registry wrote them, not for the channel.
      const label = this.options.registry.label(error.conferenceId);
      return unavailable(
        question,
        `Sorry, I could not read the data for ${label} just now. Please try again later, or ask whoever runs Hallway.`,
      );
    }
  }

  /** Runs `/hallway use …` or its listing. Changes are for admins only, and logged either way. */
  async command(command: BindingCommand, context: BindingContext): Promise<BindingReply> {
    const { registry, logger } = this.options;
    const where = context.mentionChannel(context.channelId);
    if (command.kind === 'list') return { refused: false, text: await this.listing(context) };
    const audit = {
      platform: context.platform,
      user: context.userId,
      channel: context.channelId,
      ...command,
    };
    if (!context.isAdmin) {
      logger.warn({ ...audit, allowed: false }, 'conference binding refused: not an admin');
      return {
        refused: true,
        text: `Sorry, only ${context.admins} can choose which conference ${where} answers about. Ask one of them to run ${context.commandFor(command)} there.`,
      };
    }
    if (!registry.has(command.conferenceId)) {
      return { refused: true, text: `I do not know a conference "${command.conferenceId}". ${this.known()}` };
    }
    const store = this.options.bindings();
    if (store === undefined) {
      return { refused: true, text: 'Choosing a conference needs Hallway’s database, which is not open.' };
    }
    const workspace = command.scope === 'workspace';
    if (workspace && context.workspaceId === undefined) {
      return { refused: true, text: 'A whole server can be bound only from one of its channels.' };
    }
    await store.bind({
      platform: context.platform,
      scope: command.scope,
      targetId: workspace ? (context.workspaceId as string) : context.channelId,
      conferenceId: command.conferenceId,
      createdBy: context.userId,
      createdAt: this.options.clock(),
      ...(context.workspaceId === undefined ? {} : { workspaceId: context.workspaceId }),
    });
    logger.info({ ...audit, allowed: true }, 'conference binding changed by an admin');
    const label = `${registry.label(command.conferenceId)} (${command.conferenceId})`;
    return {
      refused: false,
      text: workspace
        ? `Every channel of this server without a conference of its own now answers about ${label}, and gets its digest.`
        : `${where} now answers about ${label}, and gets its digest.`,
    };
  }

  private async listing(context: BindingContext): Promise<string> {
    const { registry } = this.options;
    const current = await this.conferenceOf(context);
    const lines = registry.entries().map((entry) => {
      const notes = [
        ...(entry.id === registry.defaultId ? ['default'] : []),
        ...(entry.id === current ? ['this channel'] : []),
      ];
      return `• ${entry.id}: ${registry.label(entry.id)}${notes.length > 0 ? ` (${notes.join(', ')})` : ''}`;
    });
    const bound = ((await this.options.bindings()?.list(context.platform, context.workspaceId)) ?? []).map(
      (binding) =>
        binding.scope === 'workspace'
          ? `• this server: ${binding.conferenceId}`
          : `• ${context.mentionChannel(binding.targetId)}: ${binding.conferenceId}`,
    );
    const example = context.commandFor({ kind: 'use', conferenceId: registry.defaultId, scope: 'channel' });
    return [
      'Conferences on this Hallway:',
      ...lines,
      ...(bound.length > 0 ? ['Bound:', ...bound] : []),
      `An admin chooses a channel's conference with ${example}; a question can also name one ("at ${registry.label(registry.defaultId)}, …").`,
    ].join('\n');
  }

  private known(): string {
    const ids = this.options.registry.entries().map((entry) => entry.id);
    return `This Hallway serves: ${ids.join(', ')}.`;
  }
}

/** The answer when a conference's data cannot be opened: says so in one line, never a stack trace. */
function unavailable(question: string, text: string): Answer {
  return {
    question,
    intent: 'event',
    answered: false,
    title: 'Conference data unavailable',
    blocks: [{ type: 'paragraph', text }],
    results: [],
    text,
  };
}
