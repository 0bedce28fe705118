// Hallway's slash commands as data (the body registered with Discord), and the question each one asks the engine.
import {
  type APIApplicationCommandStringOption,
  type APIApplicationCommandSubcommandOption,
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ApplicationIntegrationType,
  InteractionContextType,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import { assertNever, MAX_QUESTION_LENGTH } from '../../src/index.ts';
import type { SubscriptionCommand } from '../digest/digest-subscriptions.ts';

/** The commands that ask the engine a question. */
export const QUESTION_COMMANDS = ['ask', 'who', 'vendor', 'session', 'help'] as const;
/** One of the question commands. */
export type QuestionCommandName = (typeof QUESTION_COMMANDS)[number];
/** The commands for a server's admins (`list` is open to everyone): digests, the channel's conference, reloading. */
export const ADMIN_COMMANDS = ['digest', 'conference', 'reload'] as const;
/** The user's own agenda, answered only to them. */
export const AGENDA_COMMANDS = ['agenda'] as const;
/** Every command Hallway registers. */
export const COMMAND_NAMES = [...QUESTION_COMMANDS, ...ADMIN_COMMANDS, ...AGENDA_COMMANDS] as const;
/** One of Hallway's command names. */
export type CommandName = (typeof COMMAND_NAMES)[number];
/** The subcommands of /digest, named as the shared subscription commands are. */
export const DIGEST_SUBCOMMANDS = [
  'subscribe',
  'unsubscribe',
  'list',
] as const satisfies readonly SubscriptionCommand[];

/** The string option each question command takes, if any. */
export const COMMAND_OPTIONS = {
  ask: 'question',
  who: 'topic',
  vendor: 'name',
  session: 'words',
  help: undefined,
} as const satisfies Record<QuestionCommandName, string | undefined>;

/** A required text option, as long as a question may be. */
function text(name: string, description: string, autocomplete = false): APIApplicationCommandStringOption {
  return {
    type: ApplicationCommandOptionType.String,
    name,
    description,
    required: true,
    min_length: 1,
    max_length: MAX_QUESTION_LENGTH,
    autocomplete,
  };
}

/** Usable in servers and in a DM with the bot, installed to a server. */
const WHERE = {
  type: ApplicationCommandType.ChatInput,
  contexts: [InteractionContextType.Guild, InteractionContextType.BotDM],
  integration_types: [ApplicationIntegrationType.GuildInstall],
} satisfies Partial<RESTPostAPIChatInputApplicationCommandsJSONBody>;

/** Servers only: digests go to a server's channels, and its admins decide. */
const IN_SERVERS = {
  ...WHERE,
  contexts: [InteractionContextType.Guild],
} satisfies Partial<RESTPostAPIChatInputApplicationCommandsJSONBody>;

/** A subcommand without options. */
function subcommand(name: string, description: string): APIApplicationCommandSubcommandOption {
  return { type: ApplicationCommandOptionType.Subcommand, name, description };
}

/** The subcommands of /conference: bind this channel or the whole server, or see the conferences. */
export const CONFERENCE_SUBCOMMANDS = ['use', 'list'] as const;
/** /conference use's options: the conference id, and whether the whole server takes it. */
export const CONFERENCE_OPTIONS = { id: 'id', server: 'server' } as const;

/** The body of `PUT /applications/{id}/commands`: every command, in the order Discord lists them. */
export const COMMAND_DEFINITIONS: readonly RESTPostAPIChatInputApplicationCommandsJSONBody[] = [
  {
    ...WHERE,
    name: 'ask',
    description: 'Ask anything about the conference: who, what, where, when.',
    options: [text('question', 'For example: who spoke about platform engineering?')],
  },
  {
    ...WHERE,
    name: 'who',
    description: 'Who spoke about a topic.',
    options: [text('topic', 'A topic, project or term, such as GPU sharing or Backstage.')],
  },
  {
    ...WHERE,
    name: 'vendor',
    description: 'What an organisation presented and announced.',
    options: [text('name', 'The organisation; pick one from the list or type a name.', true)],
  },
  {
    ...WHERE,
    name: 'session',
    description: 'Where and when a session is.',
    options: [text('words', 'Its title or a few words from it, such as Agones keynote.')],
  },
  { ...WHERE, name: 'help', description: 'What Hallway can answer, with examples.' },
  {
    ...IN_SERVERS,
    name: 'digest',
    description: 'The daily digest: post it in this channel, stop it, or see where it goes.',
    options: [
      subcommand('subscribe', 'Post the daily digest in this channel (Manage Server or HALLWAY_ADMINS).'),
      subcommand('unsubscribe', 'Stop the daily digest in this channel (Manage Server or HALLWAY_ADMINS).'),
      subcommand('list', 'Which channels of this server get the daily digest.'),
    ],
  },
  {
    ...IN_SERVERS,
    name: 'conference',
    description: 'Which conference this channel or server answers about, when Hallway serves several.',
    options: [
      {
        ...subcommand('use', 'Answer about this conference here (Manage Server or HALLWAY_ADMINS).'),
        options: [
          {
            type: ApplicationCommandOptionType.String,
            name: CONFERENCE_OPTIONS.id,
            description: 'The conference id, such as fosdem-2026 (see /conference list).',
            required: true,
            min_length: 1,
            max_length: 63,
          },
          {
            type: ApplicationCommandOptionType.Boolean,
            name: CONFERENCE_OPTIONS.server,
            description: 'For every channel of this server without a conference of its own.',
            required: false,
          },
        ],
      },
      subcommand('list', 'The conferences this Hallway serves, and which one each channel uses.'),
    ],
  },
  {
    ...IN_SERVERS,
    name: 'reload',
    description: 'Read the conference data again now (Manage Server or HALLWAY_ADMINS).',
  },
  {
    ...WHERE,
    name: 'agenda',
    description: 'Your agenda: the sessions you starred, in time order, clashes marked (only you see it).',
  },
];

/** The same commands for a guild-scoped registration, where `contexts` and `integration_types` do not apply. */
export function guildCommandDefinitions(): RESTPostAPIChatInputApplicationCommandsJSONBody[] {
  return COMMAND_DEFINITIONS.map(({ contexts: _contexts, integration_types: _types, ...command }) => command);
}

/** What a command invocation becomes: a question for the engine, or a command Hallway does not know. */
export type CommandQuestion =
  | { readonly kind: 'question'; readonly text: string }
  | { readonly kind: 'unknown'; readonly name: string };

/** Whether `name` is one of the question commands. */
export function isQuestionCommand(name: string): name is QuestionCommandName {
  return (QUESTION_COMMANDS as readonly string[]).includes(name);
}

/** Turns a question command and its option value into the question the engine answers. */
export function commandQuestion(name: string, value: string | null): CommandQuestion {
  if (!isQuestionCommand(name)) return { kind: 'unknown', name };
  const words = (value ?? '').trim().replace(/[?!.]+$/, '');
  switch (name) {
    case 'ask':
      return { kind: 'question', text: (value ?? '').trim() || 'help' };
    case 'who':
      return { kind: 'question', text: words === '' ? 'help' : `who spoke about ${words}?` };
    case 'vendor':
      return { kind: 'question', text: words === '' ? 'list organizations' : `what did ${words} present?` };
    case 'session':
      return { kind: 'question', text: words === '' ? 'list keynotes' : `where and when is ${words}?` };
    case 'help':
      return { kind: 'question', text: 'help' };
    default:
      return assertNever(name);
  }
}
