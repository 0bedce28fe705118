// Every variable the code reads is in .env.example under a one-line comment, and in the README.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../helpers/run-process.ts';

const ENV_EXAMPLE = readFileSync(join(PROJECT_ROOT, '.env.example'), 'utf8');
const README = readFileSync(join(PROJECT_ROOT, 'README.md'), 'utf8');

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

  it.each(variables)('%s is in .env.example under a comment, and in the README', (name) => {
    expect(ENV_EXAMPLE).toMatch(new RegExp(`^# [^\\n]+\\n${name}=`, 'm'));
    expect(README).toContain(name);
  });
});
