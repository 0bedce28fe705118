// The Kubernetes manifests and the Dockerfile, held to the code: ports, probe paths, secrets, the volume, users.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { readDiscordConfig } from '../../adapters/discord/config.ts';
import { DEFAULT_HTTP_PORT, HEALTH_PATH } from '../../adapters/ops/http-server.ts';
import { SHUTDOWN_TIMEOUT_MS } from '../../adapters/ops/shutdown.ts';
import { readCoreEnv } from '../../adapters/shared/env.ts';
import { SECRET_VARIABLES } from '../../adapters/shared/secrets.ts';
import { readSlackConfig } from '../../adapters/slack/config.ts';
import { PROJECT_ROOT } from '../helpers/run-process.ts';

const DIR = join(PROJECT_ROOT, 'deploy', 'kubernetes');
const read = (file: string) => readFileSync(join(PROJECT_ROOT, file), 'utf8');
// biome-ignore lint/suspicious/noExplicitAny: manifests are checked field by field below.
const manifest = (file: string): any => parse(readFileSync(join(DIR, file), 'utf8'));

const deployment = manifest('deployment.yaml');
const configMap = manifest('configmap.yaml');
const secret = manifest('secret.yaml');
const claim = manifest('pvc.yaml');
const pod = deployment.spec.template.spec;
const container = pod.containers[0];

/** The Dockerfile's instructions, continuation lines joined, comments dropped. */
const dockerfile = read('Dockerfile')
  .replace(/\\\n/g, ' ')
  .split('\n')
  .filter((line) => line.trim() !== '' && !line.trim().startsWith('#'));
const instructions = (name: string) =>
  dockerfile.filter((line) => line.startsWith(`${name} `)).map((line) => line.slice(name.length + 1).trim());

describe('the Kubernetes manifests', () => {
  it('run one replica, recreated on update, since SQLite is a file one process owns', () => {
    expect(deployment.kind).toBe('Deployment');
    expect(deployment.spec.replicas).toBe(1);
    expect(deployment.spec.strategy.type).toBe('Recreate');
    expect(read('deploy/kubernetes/deployment.yaml')).toMatch(
      /One replica, on purpose\. The store is SQLite/,
    );
    expect(claim.spec.accessModes).toEqual(['ReadWriteOnce']);
  });

  it('probe /healthz on the port the code serves, which the ConfigMap sets', () => {
    const [port] = container.ports;
    expect(port).toEqual({ name: 'http', containerPort: DEFAULT_HTTP_PORT });
    for (const probe of ['startupProbe', 'readinessProbe', 'livenessProbe']) {
      const { path, port: probePort } = container[probe].httpGet;
      expect(path, probe).toBe(HEALTH_PATH);
      expect([port.name, port.containerPort], probe).toContain(probePort);
    }
    const env = readCoreEnv(configMap.data);
    expect(env.ok).toBe(true);
    if (env.ok) expect(env.value.http).toEqual({ port: DEFAULT_HTTP_PORT, host: '0.0.0.0' });
    const { annotations } = deployment.spec.template.metadata;
    expect(annotations['prometheus.io/port']).toBe(String(DEFAULT_HTTP_PORT));
  });

  it('take the environment from the ConfigMap and the Secret, which hold every secret variable and only there', () => {
    // The ConfigMap last, so its settings win over any copy of them in the Secret.
    expect(container.envFrom).toEqual([
      { secretRef: { name: secret.metadata.name } },
      { configMapRef: { name: configMap.metadata.name } },
    ]);
    expect(Object.keys(secret.stringData).sort()).toEqual([...SECRET_VARIABLES].sort());
    for (const name of SECRET_VARIABLES) expect(configMap.data).not.toHaveProperty(name);
    // Empty placeholders mean "not configured": each platform is skipped, not refused.
    const env = { ...configMap.data, ...secret.stringData };
    expect(readSlackConfig(env).kind).toBe('skip');
    expect(readDiscordConfig(env).kind).toBe('skip');
  });

  it('list, in SECRET_VARIABLES, every token and secret the adapters read', () => {
    const sources = readdirSync(join(PROJECT_ROOT, 'adapters'), { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('.ts'))
      .map((file) => readFileSync(join(PROJECT_ROOT, 'adapters', file), 'utf8'))
      .join('\n');
    const named = new Set(sources.match(/\b[A-Z][A-Z0-9_]*_(?:TOKEN|SECRET)\b/g));
    expect(named.size).toBeGreaterThanOrEqual(4);
    expect([...named].filter((name) => !(SECRET_VARIABLES as readonly string[]).includes(name))).toEqual([]);
  });

  it('mount the claim at /app/var, where the cache and the database are, on a read-only root', () => {
    const varMount = container.volumeMounts.find(
      (mount: { mountPath: string }) => mount.mountPath === '/app/var',
    );
    const volume = pod.volumes.find((entry: { name: string }) => entry.name === varMount.name);
    expect(volume.persistentVolumeClaim.claimName).toBe(claim.metadata.name);
    expect(configMap.data.HALLWAY_CACHE_DIR).toMatch(/^\/app\/var\//);
    expect(configMap.data.HALLWAY_DB_PATH).toMatch(/^\/app\/var\//);
    expect(container.volumeMounts.map((mount: { mountPath: string }) => mount.mountPath)).toContain('/tmp');
  });

  it('run as a non-root user without privilege escalation, with resources and time to shut down', () => {
    expect(pod.securityContext).toMatchObject({ runAsNonRoot: true, runAsUser: 1000, runAsGroup: 1000 });
    expect(container.securityContext).toEqual({
      allowPrivilegeEscalation: false,
      readOnlyRootFilesystem: true,
      capabilities: { drop: ['ALL'] },
    });
    expect(container.resources.requests).toMatchObject({
      cpu: expect.any(String),
      memory: expect.any(String),
    });
    expect(container.resources.limits.memory).toEqual(expect.any(String));
    expect(pod.terminationGracePeriodSeconds).toBeGreaterThan(SHUTDOWN_TIMEOUT_MS / 1000);
  });

  it('are all listed in kustomization.yaml', () => {
    const files = readdirSync(DIR).filter((file) => file.endsWith('.yaml') && file !== 'kustomization.yaml');
    expect([...manifest('kustomization.yaml').resources].sort()).toEqual(files.sort());
  });
});

describe('the Dockerfile', () => {
  it('builds on node:24-slim (Node 24 LTS) in stages: production dependencies, the bundle, the runtime', () => {
    expect(instructions('FROM')).toEqual([
      'node:24-slim AS deps',
      'deps AS build',
      'node:24-slim AS runtime',
    ]);
    const runs = instructions('RUN').join('\n');
    expect(runs).toContain('npm ci --omit=dev');
    expect(runs).toContain('npm run build');
    // A question answered at build time leaves V8's code cache in dist/, for a runtime that cannot write there.
    expect(runs).toMatch(/\| HALLWAY_NO_DOTENV=1 node dist\/main\.js/);
    expect(instructions('COPY')).toEqual(
      expect.arrayContaining([
        '--from=deps /app/node_modules ./node_modules',
        '--from=build /app/dist ./dist',
        'data ./data',
      ]),
    );
  });

  it('runs node dist/main.js as the same non-root user as the pod, with /app/var a volume', () => {
    expect(instructions('USER')).toEqual([
      `${pod.securityContext.runAsUser}:${pod.securityContext.runAsGroup}`,
    ]);
    expect(instructions('VOLUME')).toEqual(['["/app/var"]']);
    expect(instructions('CMD').at(-1)).toBe('["node", "dist/main.js"]');
    const env = instructions('ENV').join(' ');
    expect(env).toContain(`HALLWAY_HTTP_PORT=${DEFAULT_HTTP_PORT}`);
    expect(env).toContain('HALLWAY_CACHE_DIR=/app/var/');
    expect(env).toContain('HALLWAY_DB_PATH=/app/var/');
  });

  it('exposes the HTTP port and checks its health at /healthz', () => {
    expect(instructions('EXPOSE')).toEqual([String(DEFAULT_HTTP_PORT)]);
    const [healthcheck] = instructions('HEALTHCHECK');
    expect(healthcheck).toContain(`${HEALTH_PATH}'`);
    expect(healthcheck).toContain(`|| ${DEFAULT_HTTP_PORT}`);
  });

  it('keeps secrets, dependencies and build output out of the build context', () => {
    const ignored = read('.dockerignore').split('\n');
    for (const entry of ['.env', '.git', 'node_modules', 'dist', 'var']) expect(ignored).toContain(entry);
  });
});
