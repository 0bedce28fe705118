// HALLWAY_HTTP_PORT and HALLWAY_HTTP_HOST as `npm start` reads them: each problem names the variable.
import { describe, expect, it } from 'vitest';
import { readDigestConfig } from '../../adapters/digest/digest-config.ts';
import { DEFAULT_HTTP_HOST, type EnvResult, readCoreEnv } from '../../adapters/shared/env.ts';
import { readRateLimitConfig } from '../../adapters/shared/rate-limit-config.ts';
import { readSlackConfig } from '../../adapters/slack/config.ts';

type Env = Record<string, string>;
const problemsOf = (read: EnvResult<unknown>) => (read.ok ? [] : read.problems);
/** Slack's problems about its port alone (HTTP mode with a secret, so only the port can be wrong). */
function slackProblems(env: Env): readonly string[] {
  const read = readSlackConfig({
    SLACK_BOT_TOKEN: 'xoxb-test',
    SLACK_SIGNING_SECRET: '0123456789abcdef',
    ...env,
  });
  return read.kind === 'invalid' ? read.problems : [];
}

describe('the operations variables', () => {
  it.each([
    [{}, undefined],
    [{ HALLWAY_HTTP_PORT: '' }, undefined],
    [{ HALLWAY_HTTP_PORT: '  ' }, undefined],
    [{ HALLWAY_HTTP_PORT: '8080' }, { port: 8080, host: DEFAULT_HTTP_HOST }],
    [
      { HALLWAY_HTTP_PORT: '0', HALLWAY_HTTP_HOST: ' 127.0.0.1 ' },
      { port: 0, host: '127.0.0.1' },
    ],
    [
      { HALLWAY_HTTP_PORT: '9464', HALLWAY_HTTP_HOST: '' },
      { port: 9464, host: '0.0.0.0' },
    ],
  ])('%j serves %j', (env, http) => {
    const read = readCoreEnv(env);
    expect(read.ok).toBe(true);
    if (read.ok) expect(read.value.http).toEqual(http);
  });

  it.each([
    ['eighty', 'HALLWAY_HTTP_PORT: must be a port number such as 8080'],
    ['80.5', 'HALLWAY_HTTP_PORT: must be a whole port number such as 8080'],
    ['65536', 'HALLWAY_HTTP_PORT: must be a port number from 1 to 65535 (or 0 for any free port)'],
    ['-1', 'HALLWAY_HTTP_PORT: must be a port number from 1 to 65535 (or 0 for any free port)'],
    ['0x1F90', 'HALLWAY_HTTP_PORT: must be a port number such as 8080'],
    ['8e3', 'HALLWAY_HTTP_PORT: must be a port number such as 8080'],
    ['0b1111', 'HALLWAY_HTTP_PORT: must be a port number such as 8080'],
    ['8 080', 'HALLWAY_HTTP_PORT: must be a port number such as 8080'],
  ])('refuses HALLWAY_HTTP_PORT=%s', (port, problem) => {
    expect(readCoreEnv({ HALLWAY_HTTP_PORT: port })).toEqual({ ok: false, problems: [problem] });
  });

  // Every numeric variable goes through one strict reader: what Number() reads as 8080 or 16 is refused.
  it.each([
    ['HALLWAY_REFRESH_MINUTES', (env: Env) => problemsOf(readCoreEnv(env))],
    ['HALLWAY_USER_BURST', (env: Env) => problemsOf(readRateLimitConfig(env))],
    ['HALLWAY_CHANNEL_PER_MINUTE', (env: Env) => problemsOf(readRateLimitConfig(env))],
    ['HALLWAY_DIGEST_CATCH_UP_HOURS', (env: Env) => problemsOf(readDigestConfig(env))],
    ['SLACK_PORT', (env: Env) => slackProblems(env)],
  ])('refuses hex, exponents and binary in %s, naming it', (name, read) => {
    for (const text of ['0x10', '1e1', '0b11', '0o7', 'Infinity']) {
      expect(read({ [name]: text }), `${name}=${text}`).toEqual([expect.stringMatching(`^${name}: must be`)]);
    }
    expect(read({ [name]: ' 12 ' })).toEqual([]);
  });

  it("refuses the port Slack's HTTP mode listens on", () => {
    expect(readCoreEnv({ HALLWAY_HTTP_PORT: '3000', SLACK_PORT: '3000' })).toEqual({
      ok: false,
      problems: [
        "HALLWAY_HTTP_PORT: must differ from SLACK_PORT (both are 3000); Slack's HTTP mode listens there",
      ],
    });
    expect(readCoreEnv({ HALLWAY_HTTP_PORT: '8080', SLACK_PORT: '3000' }).ok).toBe(true);
  });
});
