// `npm start` with HALLWAY_HTTP_PORT as a real process: the "done when", a SIGTERM, and start failures.
// (A malformed HALLWAY_HTTP_PORT takes the path every variable problem takes; test/ops/env.test.ts covers it.)
import { createServer } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { runProcess } from '../helpers/run-process.ts';
import { type RunningProcess, startProcess } from '../helpers/running-process.ts';

const NO_CHAT = {
  SLACK_BOT_TOKEN: '',
  SLACK_APP_TOKEN: '',
  DISCORD_TOKEN: '',
  HALLWAY_DATA: '',
  HALLWAY_CONFIG: '',
  LOG_LEVEL: 'info',
};
const running: RunningProcess[] = [];

afterAll(() => {
  for (const child of running.splice(0)) child.kill();
});

describe.concurrent('npm start with HALLWAY_HTTP_PORT', () => {
  it('answers piped questions, counts them in /metrics, stays up for /healthz, and exits 0 on SIGTERM', async () => {
    const bot = startProcess('node', ['dist/main.js'], {
      input: 'who spoke about platform engineering?\nwhat is HAMi?\n',
      env: { ...NO_CHAT, HALLWAY_HTTP_PORT: '0', HALLWAY_HTTP_HOST: '127.0.0.1' },
    });
    running.push(bot);
    const [, port] = await bot.waitFor('stderr', /"port":(\d+)/);
    await bot.waitFor('stderr', /console input ended; still serving/);
    await bot.waitFor('stdout', /HAMi/);
    expect(bot.stdout()).toContain('Abby Bangser (Syntasso)');

    const health = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ ok: true, components: { data: 'ready', console: 'ready' } });

    const metrics = await fetch(`http://127.0.0.1:${port}/metrics`);
    expect(metrics.headers.get('content-type')).toContain('text/plain; version=0.0.4');
    const text = await metrics.text();
    expect(text).toMatch(/^hallway_questions_total\{intent="topic",platform="console",answered="true"\} 1$/m);
    expect(text).toMatch(
      /^hallway_questions_total\{intent="identify",platform="console",answered="true"\} 1$/m,
    );
    expect(text).toMatch(/^hallway_answer_seconds_count\{platform="console"\} 2$/m);
    expect(text).toMatch(/^process_cpu_user_seconds_total \d/m);

    // One structured line per answer, without the question's text.
    const answers = bot
      .stderr()
      .split('\n')
      .filter((line) => line.includes('"msg":"answer"'))
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(answers).toHaveLength(2);
    expect(answers[0]).toMatchObject({ platform: 'console', intent: 'topic', answered: true });
    expect(typeof answers[0]?.latencyMs).toBe('number');
    expect(bot.stderr()).not.toContain('platform engineering');

    bot.child.kill('SIGTERM');
    expect(await bot.exited).toBe(0);
    expect(bot.stderr()).toContain('"msg":"shut down cleanly"');
  });

  it('still exits 1 on invalid data with the endpoints configured, rather than hang serving them', async () => {
    const result = await runProcess('node', ['dist/main.js'], {
      env: {
        ...NO_CHAT,
        HALLWAY_HTTP_PORT: '0',
        HALLWAY_HTTP_HOST: '127.0.0.1',
        HALLWAY_DATA: '/nonexistent',
      },
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('refuses to start');
  });

  it('says when the port is taken, and exits 2 rather than running without its endpoints', async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const address = taken.address();
    const port = typeof address === 'object' && address !== null ? address.port : 0;
    try {
      const result = await runProcess('node', ['dist/main.js'], {
        input: 'help\n',
        env: { ...NO_CHAT, HALLWAY_HTTP_PORT: String(port), HALLWAY_HTTP_HOST: '127.0.0.1' },
      });
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(`HALLWAY_HTTP_PORT: cannot serve on 127.0.0.1:${port}`);
      expect(result.stderr).toContain('EADDRINUSE');
      expect(result.stdout).toBe('');
    } finally {
      await new Promise((resolve) => taken.close(resolve));
    }
  });
});
