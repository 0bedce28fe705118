// docs/operations.md and .env.example say what the code does: the variables, the endpoints, the metrics.
import { readFileSync } from 'node:fs';
import { parse } from 'dotenv';
import { describe, expect, it } from 'vitest';
import { DEFAULT_HTTP_PORT, HEALTH_PATH, METRICS_PATH } from '../../adapters/ops/http-server.ts';
import { METRIC_NAMES } from '../../adapters/ops/metrics.ts';
import { readCoreEnv } from '../../adapters/shared/env.ts';
import { SECRET_VARIABLES } from '../../adapters/shared/secrets.ts';
import { PROJECT_ROOT } from '../helpers/run-process.ts';

const OPERATIONS_DOC = readFileSync(`${PROJECT_ROOT}docs/operations.md`, 'utf8');
const ENV_EXAMPLE = readFileSync(`${PROJECT_ROOT}.env.example`, 'utf8');

describe('operations documentation', () => {
  const start = OPERATIONS_DOC.indexOf('\n## Operations\n');
  const section = OPERATIONS_DOC.slice(start, OPERATIONS_DOC.indexOf('\n## ', start + 1));

  it('names every metric, both endpoints, the port, the secrets and the one-replica reason', () => {
    expect(start).toBeGreaterThan(0);
    for (const name of Object.values(METRIC_NAMES)) expect(section).toContain(`\`${name}\``);
    for (const path of [HEALTH_PATH, METRICS_PATH]) expect(section).toContain(`\`${path}\``);
    for (const name of SECRET_VARIABLES) expect(section).toContain(`\`${name}\``);
    expect(section).toContain(`HALLWAY_HTTP_PORT=${DEFAULT_HTTP_PORT} npm start`);
    expect(section).toContain('**one replica**');
    expect(section).toContain('`HALLWAY_HTTP_HOST`');
  });

  it('.env.example documents the variables, each under a comment, and copied as-is serves nothing', () => {
    const block = ENV_EXAMPLE.slice(ENV_EXAMPLE.indexOf('# --- Operations ---'));
    for (const name of ['HALLWAY_HTTP_PORT', 'HALLWAY_HTTP_HOST']) {
      expect(block).toMatch(new RegExp(`^# .+\\n${name}=$`, 'm'));
    }
    const env = readCoreEnv(parse(ENV_EXAMPLE));
    expect(env.ok).toBe(true);
    if (env.ok) expect(env.value.http).toBeUndefined();
  });
});
