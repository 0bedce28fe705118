// HALLWAY_HTTP_PORT and HALLWAY_HTTP_HOST as `npm start` reads them: each problem names the variable.
import { describe, expect, it } from 'vitest';
import { DEFAULT_HTTP_HOST, readCoreEnv } from '../../adapters/shared/env.ts';

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
  ])('refuses HALLWAY_HTTP_PORT=%s', (port, problem) => {
    expect(readCoreEnv({ HALLWAY_HTTP_PORT: port })).toEqual({ ok: false, problems: [problem] });
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
