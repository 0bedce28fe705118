// `npm start` and `npm run hallway -- discord:deploy-commands` as a user runs them, without reaching Discord.
// Child processes take a second or two each, so they run concurrently.
import { describe, expect, it } from 'vitest';
import { runProcess } from '../helpers/run-process.ts';

const NO_CHAT = { SLACK_BOT_TOKEN: '', SLACK_APP_TOKEN: '', DISCORD_TOKEN: '', HALLWAY_DATA: '' };

describe.concurrent('npm start and the CLI with Discord', () => {
  it('with a malformed configuration, names each variable and exits 1 instead of falling back to the console', async () => {
    const result = await runProcess('node', ['dist/main.js'], {
      input: 'help\n',
      env: { ...NO_CHAT, DISCORD_TOKEN: 'Bot abc.def.ghi', DISCORD_MENTIONS: 'maybe' },
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Discord: not started; fix these variables (see .env.example):');
    expect(result.stderr).toContain('DISCORD_TOKEN: write the token alone, without the "Bot " prefix');
    expect(result.stderr).toContain('DISCORD_MENTIONS: must be true or false');
    expect(result.stdout).toBe('');
  });

  it('discord:deploy-commands without DISCORD_TOKEN exits 2 and says what to set', async () => {
    const result = await runProcess('node', ['dist/cli/main.js', 'discord:deploy-commands'], {
      env: NO_CHAT,
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('DISCORD_TOKEN: not set; put the bot token in .env (see .env.example)');
  });
});
