// SIGTERM with slow clients attached: a half-sent request on the Slack port and on HALLWAY_HTTP_PORT must not hold
// the shutdown past its 10 s budget (which would exit 1). A real `npm start`, Slack in HTTP mode, raw sockets.
import { afterAll, describe, expect, it } from 'vitest';
import { holdPartialRequest } from '../helpers/raw-http.ts';
import { type RunningProcess, startProcess } from '../helpers/running-process.ts';
import { slackHttpEnv } from '../helpers/slack-http-env.ts';

const running: RunningProcess[] = [];
afterAll(() => {
  for (const child of running.splice(0)) child.kill();
});

describe('shutdown with slow clients', () => {
  it('exits 0 on SIGTERM while clients hold half-sent requests on both ports', async () => {
    const env = await slackHttpEnv({ HALLWAY_HTTP_PORT: '0', HALLWAY_HTTP_HOST: '127.0.0.1' });
    const bot = startProcess('npm', ['start', '--silent'], { env });
    running.push(bot);
    const [, opsPort] = await bot.waitFor('stderr', /"port":(\d+),"paths"/, 30_000);
    await bot.waitFor('stderr', /Slack: started/, 30_000);
    const partial = 'POST /slack/events HTTP/1.1\r\nHost: localhost\r\nContent-Length: 100\r\n\r\n{"tok';
    const slow = [
      await holdPartialRequest(Number(env.SLACK_PORT), partial),
      await holdPartialRequest(Number(opsPort), 'GET /healthz HTTP/1.1\r\nHost: loc'),
    ];
    bot.child.kill('SIGTERM');
    // Exit 0 means every shutdown step finished inside the budget; a step still waiting at 10 s gives exit 1.
    expect(await bot.exited).toBe(0);
    expect(bot.stderr()).toContain('"msg":"shut down cleanly"');
    for (const socket of slow) socket.destroy();
  }, 60_000);
});
