// Slash commands as data, the questions they ask, /vendor autocomplete, configuration, and start-up error messages.
import { describe, expect, it } from 'vitest';
import { vendorChoices } from '../../adapters/discord/autocomplete.ts';
import {
  COMMAND_DEFINITIONS,
  COMMAND_NAMES,
  COMMAND_OPTIONS,
  commandQuestion,
  DIGEST_SUBCOMMANDS,
  guildCommandDefinitions,
  QUESTION_COMMANDS,
} from '../../adapters/discord/commands.ts';
import { readDiscordConfig } from '../../adapters/discord/config.ts';
import { discordIntents } from '../../adapters/discord/create-discord-client.ts';
import { discordAdapterFactory } from '../../adapters/discord/discord-adapter.ts';
import { classifyStartFailure, explainStartFailure } from '../../adapters/discord/start-errors.ts';
import { silentLogger } from '../../adapters/shared/logger.ts';
import type { Organization } from '../../src/index.ts';
import { TOKEN } from './fake-discord-world.ts';
import { kubeconEngine } from './harness.ts';

describe('command definitions', () => {
  it('declare the eight commands with names, options and descriptions Discord accepts', () => {
    expect(COMMAND_DEFINITIONS.map((command) => command.name)).toEqual([...COMMAND_NAMES]);
    for (const command of COMMAND_DEFINITIONS) {
      expect(command.name).toMatch(/^[-_\p{Ll}\p{N}]{1,32}$/u);
      expect(command.description.length).toBeGreaterThan(0);
      expect(command.description.length).toBeLessThanOrEqual(100);
      for (const o of command.options ?? []) {
        expect(o.name).toMatch(/^[-_\p{Ll}\p{N}]{1,32}$/u);
        expect(o.description.length).toBeLessThanOrEqual(100);
      }
    }
    const optionsOf = (name: string) => COMMAND_DEFINITIONS.find((c) => c.name === name)?.options ?? [];
    for (const name of QUESTION_COMMANDS) {
      const option = COMMAND_OPTIONS[name];
      expect(optionsOf(name).map((o) => o.name)).toEqual(option === undefined ? [] : [option]);
    }
    expect(optionsOf('vendor')[0]).toMatchObject({
      name: 'name',
      type: 3,
      required: true,
      autocomplete: true,
    });
    // /digest has three subcommands (type 1), without options of their own; /reload takes nothing.
    expect(optionsOf('digest').map((o) => [o.type, o.name])).toEqual(
      DIGEST_SUBCOMMANDS.map((name) => [1, name]),
    );
    expect(optionsOf('reload')).toEqual([]);
    // /conference use takes the conference id (required) and whether the whole server takes it; list takes nothing.
    expect(optionsOf('conference').map((o) => [o.type, o.name])).toEqual([
      [1, 'use'],
      [1, 'list'],
    ]);
    const use = optionsOf('conference')[0];
    expect(
      use !== undefined && 'options' in use ? use.options?.map((o) => [o.type, o.name, o.required]) : [],
    ).toEqual([
      [3, 'id', true],
      [5, 'server', false],
    ]);
  });

  it('questions and /agenda work in servers and in DMs, /digest, /conference and /reload in servers only; the guild copy drops global-only fields', () => {
    const contexts = Object.fromEntries(
      COMMAND_DEFINITIONS.map((command) => [command.name, command.contexts]),
    );
    expect(contexts).toEqual({
      ask: [0, 1],
      who: [0, 1],
      vendor: [0, 1],
      session: [0, 1],
      help: [0, 1],
      digest: [0],
      conference: [0],
      reload: [0],
      agenda: [0, 1],
    });
    for (const command of guildCommandDefinitions()) {
      expect(command).not.toHaveProperty('contexts');
      expect(command).not.toHaveProperty('integration_types');
    }
  });
});

describe('commandQuestion', () => {
  const engine = kubeconEngine();

  it.each([
    ['ask', 'what is HAMi?', 'what is HAMi?', 'identify', 'GPU sharing'],
    ['who', 'platform engineering', 'who spoke about platform engineering?', 'topic', 'Abby Bangser'],
    ['vendor', 'Spectro Cloud', 'what did Spectro Cloud present?', 'activity', 'PaletteAI'],
    ['session', 'Agones keynote', 'where and when is Agones keynote?', 'where', 'Hall 12'],
    ['help', null, 'help', 'help', 'who spoke about'],
  ])('/%s %s asks “%s”, which the engine answers', (name, value, question, intent, expected) => {
    expect(commandQuestion(name, value)).toEqual({ kind: 'question', text: question });
    const answer = engine.ask(question);
    expect(answer.intent).toBe(intent);
    expect(answer.answered).toBe(true);
    expect(answer.text).toContain(expected);
  });

  it('drops a trailing question mark the user typed, and names a command it does not know', () => {
    expect(commandQuestion('who', 'GPU sharing?')).toEqual({
      kind: 'question',
      text: 'who spoke about GPU sharing?',
    });
    expect(commandQuestion('dance', 'x')).toEqual({ kind: 'unknown', name: 'dance' });
  });
});

describe('vendorChoices', () => {
  const organizations = kubeconEngine().catalog.dataset.organizations;

  it('offers every organisation alphabetically when nothing is typed, at most 25', () => {
    const choices = vendorChoices(organizations, '');
    expect(choices).toHaveLength(Math.min(25, organizations.length));
    const names = choices.map((choice) => choice.value);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
  });

  it.each([
    ['spec', 'Spectro Cloud'],
    ['spectro clod', 'Spectro Cloud'],
    ['SPECTROCLOUD', 'Spectro Cloud'],
    ['ha proxy', 'HAProxy Technologies'],
    ['nvidai', 'NVIDIA'],
  ])('ranks %s → %s first', (typed, expected) => {
    expect(vendorChoices(organizations, typed)[0]?.value).toBe(expected);
  });

  it('matches aliases and says which one matched', () => {
    const choices = vendorChoices(organizations, 'cloud');
    // A name or alias starting with the word first, then names with a word starting with it, alphabetically.
    expect(choices.map((choice) => choice.name)).toEqual([
      'CNCF (Cloud Native Computing Foundation)',
      'Google (Google Cloud)',
      'Spectro Cloud',
    ]);
    expect(choices[0]?.value).toBe('CNCF');
  });

  it('returns nothing for no match, and cuts to 25 choices of at most 100 characters', () => {
    expect(vendorChoices(organizations, 'zzzz')).toEqual([]);
    const many: Organization[] = Array.from({ length: 60 }, (_, i) => ({
      ...(organizations[0] as Organization),
      id: `org-${i}`,
      name: `Acme ${String(i).padStart(2, '0')} ${'x'.repeat(120)}`,
      aliases: [],
    }));
    const choices = vendorChoices(many, 'acme');
    expect(choices).toHaveLength(25);
    for (const choice of choices) {
      expect(choice.name.length).toBeLessThanOrEqual(100);
      expect(choice.value.length).toBeLessThanOrEqual(100);
    }
  });
});

describe('readDiscordConfig', () => {
  it('skips without DISCORD_TOKEN (or with it empty, as .env.example leaves it)', () => {
    expect(readDiscordConfig({})).toEqual({ kind: 'skip', reason: 'DISCORD_TOKEN is not set' });
    expect(readDiscordConfig({ DISCORD_TOKEN: '  ', DISCORD_MENTIONS: '' })).toMatchObject({ kind: 'skip' });
  });

  it('reads a complete configuration; mentions are off unless DISCORD_MENTIONS=true', () => {
    expect(readDiscordConfig({ DISCORD_TOKEN: TOKEN })).toEqual({
      kind: 'ok',
      config: { token: TOKEN, mentions: false },
    });
    expect(
      readDiscordConfig({
        DISCORD_TOKEN: TOKEN,
        DISCORD_APPLICATION_ID: '100000000000000001',
        DISCORD_GUILD_ID: '200000000000000001',
        DISCORD_MENTIONS: 'TRUE',
      }),
    ).toEqual({
      kind: 'ok',
      config: {
        token: TOKEN,
        applicationId: '100000000000000001',
        guildId: '200000000000000001',
        mentions: true,
      },
    });
  });

  it('names every malformed variable, one line each', () => {
    const result = readDiscordConfig({
      DISCORD_TOKEN: `Bot ${TOKEN}`,
      DISCORD_APPLICATION_ID: 'my-app',
      DISCORD_GUILD_ID: '12',
      DISCORD_MENTIONS: 'yes',
    });
    expect(result.kind).toBe('invalid');
    const problems = result.kind === 'invalid' ? result.problems : [];
    expect(problems).toHaveLength(4);
    expect(problems[0]).toMatch(/^DISCORD_TOKEN: write the token alone, without the "Bot " prefix/);
    expect(problems[1]).toMatch(/^DISCORD_APPLICATION_ID: must be the Application ID/);
    expect(problems[2]).toMatch(/^DISCORD_GUILD_ID: must be a server ID/);
    expect(problems[3]).toBe('DISCORD_MENTIONS: must be true or false');
    expect(readDiscordConfig({ DISCORD_TOKEN: 'not a token' })).toMatchObject({
      kind: 'invalid',
      problems: [expect.stringMatching(/^DISCORD_TOKEN: does not look like a bot token/)],
    });
  });

  it('asks for the privileged Message Content intent only with mentions on', () => {
    expect(discordIntents(false)).toEqual([1, 4096]);
    expect(discordIntents(true)).toEqual([1, 4096, 512, 32768]);
  });
});

describe('the Discord adapter factory', () => {
  const dependencies = (env: Record<string, string>) => ({
    engine: kubeconEngine,
    env,
    logger: silentLogger(),
  });

  it('is named Discord, skips without a token, refuses malformed variables, and plans to start otherwise', () => {
    expect(discordAdapterFactory.name).toBe('Discord');
    expect(discordAdapterFactory.plan(dependencies({}))).toEqual({
      kind: 'skip',
      reason: 'DISCORD_TOKEN is not set',
    });
    expect(
      discordAdapterFactory.plan(dependencies({ DISCORD_TOKEN: TOKEN, DISCORD_MENTIONS: 'on' })),
    ).toEqual({
      kind: 'invalid',
      problems: ['DISCORD_MENTIONS: must be true or false'],
    });
    expect(discordAdapterFactory.plan(dependencies({ DISCORD_TOKEN: TOKEN }))).toMatchObject({
      kind: 'start',
      adapter: { name: 'Discord' },
    });
  });
});

describe('start-up failures say what to fix', () => {
  it.each([
    [
      new Error('Used disallowed intents'),
      4014,
      true,
      /Message Content Intent, or set DISCORD_MENTIONS=false/,
    ],
    [
      Object.assign(new Error('An invalid token was provided.'), { code: 'TokenInvalid' }),
      undefined,
      false,
      /401/,
    ],
    [new Error('Authentication failed'), 4004, false, /4004.*Reset Token.*DISCORD_TOKEN/],
    [
      Object.assign(new Error('fetch failed'), { cause: { code: 'ENOTFOUND' } }),
      undefined,
      false,
      /reach Discord/,
    ],
  ])('%s', (error, code, mentions, expected) => {
    expect(explainStartFailure(classifyStartFailure(error, code, mentions))).toMatch(expected);
  });
});
