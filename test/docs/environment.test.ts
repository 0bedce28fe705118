// Every variable the code reads is in .env.example under a one-line comment, and in the docs.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { digestChannelsVariable, PLATFORMS } from '../../adapters/shared/platforms.ts';
import { PROJECT_ROOT } from '../helpers/run-process.ts';

const ENV_EXAMPLE = readFileSync(join(PROJECT_ROOT, '.env.example'), 'utf8');
/** Where an operator looks up a variable: the configuration table and the platforms' pages. */
const DOCS = ['docs/operations.md', 'docs/slack.md', 'docs/discord.md']
  .map((file) => readFileSync(join(PROJECT_ROOT, file), 'utf8'))
  .join('\n');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sourceFiles(join(dir, entry.name))
      : entry.name.endsWith('.ts')
        ? [join(dir, entry.name)]
        : [],
  );
}

/** Names shaped like our variables, minus the ones the code declares as constants (SLACK_LIMITS…). */
function variablesReadByTheCode(): string[] {
  const code = sourceFiles(join(PROJECT_ROOT, 'adapters'))
    .map((file) => readFileSync(file, 'utf8'))
    .join('\n');
  const names = new Set(code.match(/\b(?:HALLWAY|SLACK|DISCORD|LOG)_[A-Z0-9_]*[A-Z0-9]\b/g) ?? []);
  const constants = new Set([...code.matchAll(/\bconst ([A-Z][A-Z0-9_]+)\b/g)].map((match) => match[1]));
  return [...names].filter((name) => !constants.has(name)).sort();
}

describe('the environment documentation', () => {
  const variables = variablesReadByTheCode();

  it('finds the variables (the scan itself works)', () => {
    expect(variables).toEqual(
      expect.arrayContaining(['HALLWAY_DB_PATH', 'SLACK_BOT_TOKEN', 'DISCORD_TOKEN']),
    );
    expect(variables).not.toContain('SLACK_LIMITS');
  });

  // Some names are built from the platform list rather than spelled out (HALLWAY_DIGEST_SLACK_CHANNELS…).
  const derived = PLATFORMS.map(digestChannelsVariable);

  it.each([...variables, ...derived])('%s is in .env.example under a comment, and in the docs', (name) => {
    expect(ENV_EXAMPLE).toMatch(new RegExp(`^# [^\\n]+\\n${name}=`, 'm'));
    expect(DOCS).toContain(name);
  });
});
