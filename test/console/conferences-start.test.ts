// `npm start` with a conferences file: the default conference answers the console; a broken file is refused in
// one line per problem (exit 2); with a chat platform, each conference's digest starts and /metrics shows the
// conferences in memory and their sizes.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_DATASET, MINI_CONF } from '../helpers/engines.ts';
import { runProcess } from '../helpers/run-process.ts';
import { type RunningProcess, startProcess } from '../helpers/running-process.ts';
import { slackHttpEnv } from '../helpers/slack-http-env.ts';

const running: RunningProcess[] = [];
afterAll(() => {
  for (const child of running.splice(0)) child.kill();
});

/** A conferences file in a fresh folder; MINI_CONF first makes it the default unless `default` says otherwise. */
function conferencesFile(json: unknown): string {
  const file = join(mkdtempSync(join(tmpdir(), 'hallway-conferences-')), 'conferences.json');
  writeFileSync(file, JSON.stringify(json));
  return file;
}

const TWO = {
  default: 'mini-conf',
  maxLoaded: 2,
  conferences: [
    // With its zone in the file, a conference's digest is timed without opening its data.
    {
      id: 'kubecon-eu-2026',
      name: 'KubeCon EU 2026',
      sources: [{ path: DEFAULT_DATASET }],
      timeZone: 'Europe/Amsterdam',
    },
    { id: 'mini-conf', name: 'Mini Conf 2027', sources: [{ path: MINI_CONF }], timeZone: 'Europe/Lisbon' },
  ],
};

describe.concurrent('npm start with a conferences file', () => {
  it('answers the console from the default conference', async () => {
    const result = await runProcess('node', ['dist/main.js'], {
      env: {
        HALLWAY_CONFIG: conferencesFile(TWO),
        HALLWAY_CACHE_DIR: mkdtempSync(join(tmpdir(), 'hallway-cache-')),
      },
      input: 'what rooms are there?\n',
    });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Room Azul');
    expect(result.stdout).not.toContain('Hall 12');
  });

  it('refuses a broken file with one line per problem, exit 2, no stack trace', async () => {
    const file = conferencesFile({
      default: 'fosdem-2026',
      conferences: [
        { id: 'a', name: 'A', sources: [{ path: MINI_CONF }] },
        { id: 'a', name: 'A again', sources: [{ path: MINI_CONF }] },
      ],
    });
    const result = await runProcess('node', ['dist/main.js'], { env: { HALLWAY_CONFIG: file } });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${file}: conferences.1.id: a is listed twice`);
    expect(result.stderr).toContain(`${file}: default: fosdem-2026 is not one of the conferences (a)`);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('refuses to start when the default conference cannot be read, naming it', async () => {
    const file = conferencesFile({
      conferences: [{ id: 'gone', name: 'Gone', sources: [{ path: 'no-such-folder' }] }],
    });
    const result = await runProcess('node', ['dist/main.js'], { env: { HALLWAY_CONFIG: file } });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('gone (the default conference):');
    expect(result.stderr).toContain('no-such-folder');
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('with Slack: a digest per conference, and /metrics shows the conferences in memory', async () => {
    const env = await slackHttpEnv({
      HALLWAY_CONFIG: conferencesFile(TWO),
      HALLWAY_HTTP_PORT: '0',
      HALLWAY_HTTP_HOST: '127.0.0.1',
      HALLWAY_CACHE_DIR: mkdtempSync(join(tmpdir(), 'hallway-cache-')),
    });
    const bot = startProcess('node', ['dist/main.js'], { env });
    running.push(bot);
    const [, port] = await bot.waitFor('stderr', /"port":(\d+)/, 30_000);
    await bot.waitFor('stderr', /Slack: started/, 30_000);
    await bot.waitFor('stderr', /"conference":"kubecon-eu-2026".*"msg":"digest ready"/);
    await bot.waitFor('stderr', /"conference":"mini-conf".*"msg":"digest ready"/);
    const metrics = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
    expect(metrics).toContain('hallway_conferences_loaded 1');
    expect(metrics).toContain('hallway_conferences_max_loaded 2');
    expect(metrics).toContain('hallway_conference_sessions{conference="mini-conf"} 5');
    // KubeCon is not opened until someone asks about it.
    expect(metrics).not.toContain('conference="kubecon-eu-2026"');
    bot.child.kill('SIGTERM');
    expect(await bot.exited).toBe(0);
  });
});
