// docs/discord.md and .env.example say what the code does: the variables, the permissions, the commands.
import { readFileSync } from 'node:fs';
import { parse } from 'dotenv';
import { describe, expect, it } from 'vitest';
import { COMMAND_NAMES } from '../../adapters/discord/commands.ts';
import { readDiscordConfig } from '../../adapters/discord/config.ts';
import { INVITE_PERMISSIONS } from '../../adapters/discord/invite-url.ts';
import { PROJECT_ROOT } from '../helpers/run-process.ts';

const DISCORD_DOC = readFileSync(`${PROJECT_ROOT}docs/discord.md`, 'utf8');
const ENV_EXAMPLE = readFileSync(`${PROJECT_ROOT}.env.example`, 'utf8');
const VARIABLES = ['DISCORD_TOKEN', 'DISCORD_APPLICATION_ID', 'DISCORD_GUILD_ID', 'DISCORD_MENTIONS'];

describe('Discord documentation', () => {
  const section = DISCORD_DOC;

  it('covers every variable, command and the invite permissions', () => {
    for (const name of VARIABLES) expect(section).toContain(`\`${name}\``);
    for (const name of COMMAND_NAMES) expect(section).toContain(`\`/${name}`);
    expect(section).toContain(`permissions=${INVITE_PERMISSIONS}`);
    expect(section).toContain('discord:deploy-commands');
    expect(section).toContain('Message Content Intent');
  });

  it('.env.example lists every variable under "# --- Discord ---", and copied as-is leaves Discord skipped', () => {
    const block = ENV_EXAMPLE.slice(ENV_EXAMPLE.indexOf('# --- Discord ---'));
    for (const name of VARIABLES) expect(block).toMatch(new RegExp(`^${name}=`, 'm'));
    expect(readDiscordConfig(parse(ENV_EXAMPLE))).toEqual({
      kind: 'skip',
      reason: 'DISCORD_TOKEN is not set',
    });
  });
});
