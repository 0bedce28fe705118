// docs/slack.md and the app manifest agree: the bot scopes, the command and its admin words.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { commandFor } from '../../adapters/slack/command-text.ts';
import { SLASH_COMMAND } from '../../adapters/slack/surfaces.ts';
import { PROJECT_ROOT } from '../helpers/run-process.ts';

const SLACK_DOC = readFileSync(`${PROJECT_ROOT}docs/slack.md`, 'utf8');
const MANIFEST = JSON.parse(readFileSync(`${PROJECT_ROOT}adapters/slack/manifest.json`, 'utf8')) as {
  oauth_config: { scopes: { bot: string[] } };
  features: { slash_commands: Array<{ command: string; usage_hint: string }> };
};

describe('Slack documentation', () => {
  const section = SLACK_DOC;

  it('the scope table lists exactly the manifest’s bot scopes, users:read among them', () => {
    const lines = section.split('\n');
    const table = lines.slice(lines.findIndex((line) => line.startsWith('| bot scope |')) + 2);
    const rows = table.slice(
      0,
      table.findIndex((line) => !line.startsWith('|')),
    );
    const documented = rows.flatMap((row) =>
      [...(row.split('|')[1] ?? '').matchAll(/`([^`]+)`/g)].map((m) => m[1]),
    );
    expect(documented.sort()).toEqual([...MANIFEST.oauth_config.scopes.bot].sort());
    expect(MANIFEST.oauth_config.scopes.bot).toContain('users:read');
  });

  it('the manifest registers /hallway, and the docs and usage hint name each digest command', () => {
    const [command] = MANIFEST.features.slash_commands;
    expect(command?.command).toBe(SLASH_COMMAND);
    for (const name of ['subscribe', 'unsubscribe', 'list'] as const) {
      expect(section).toContain(`\`${commandFor(name)}\``);
      expect(command?.usage_hint).toContain(commandFor(name).replace(`${SLASH_COMMAND} `, ''));
    }
    expect(section).toContain('`/hallway reload`');
  });
});
