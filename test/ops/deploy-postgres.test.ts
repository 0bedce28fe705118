// The PostgreSQL overlay of the Kubernetes manifests, checked without kubectl: every file it names exists, each
// patch targets a resource of the base, and the result has the replicas, rollout, budget, autoscaler, probe
// and database secret that stateless replicas need.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, parseAllDocuments } from 'yaml';
import { readDigestConfig } from '../../adapters/digest/digest-config.ts';
import { HEALTH_PATH } from '../../adapters/ops/http-server.ts';
import { PROJECT_ROOT } from '../helpers/run-process.ts';

const BASE = join(PROJECT_ROOT, 'deploy', 'kubernetes');
const OVERLAY = join(BASE, 'overlays', 'postgres');
// biome-ignore lint/suspicious/noExplicitAny: manifests are checked field by field below.
const yamlAt = (path: string): any => parse(readFileSync(path, 'utf8'));

const kustomization = yamlAt(join(OVERLAY, 'kustomization.yaml'));
// biome-ignore lint/suspicious/noExplicitAny: as above.
const overlayResources: any[] = (kustomization.resources as string[])
  .filter((resource) => resource.endsWith('.yaml'))
  .flatMap((file) => parseAllDocuments(readFileSync(join(OVERLAY, file), 'utf8')).map((doc) => doc.toJS()));
// biome-ignore lint/suspicious/noExplicitAny: as above.
const baseResources: any[] = (yamlAt(join(BASE, 'kustomization.yaml')).resources as string[]).map((file) =>
  yamlAt(join(BASE, file)),
);
const ofKind = (kind: string) => overlayResources.find((resource) => resource.kind === kind);
const patch = yamlAt(join(OVERLAY, 'deployment-patch.yaml'));
const baseDeployment = baseResources.find((resource) => resource.kind === 'Deployment');
const container = patch.spec.template.spec.containers[0];

describe('the PostgreSQL overlay', () => {
  it('builds on the base and names only files that exist', () => {
    expect(kustomization.resources).toContain('../..');
    for (const resource of kustomization.resources as string[]) {
      expect(existsSync(join(OVERLAY, resource)), resource).toBe(true);
    }
    for (const entry of kustomization.patches as Array<{ path?: string }>) {
      if (entry.path !== undefined) expect(existsSync(join(OVERLAY, entry.path)), entry.path).toBe(true);
    }
  });

  it('patches resources the base has: its Deployment, and drops its volume claim', () => {
    expect([patch.kind, patch.metadata.name]).toEqual([baseDeployment.kind, baseDeployment.metadata.name]);
    expect(container.name).toBe(baseDeployment.spec.template.spec.containers[0].name);
    const deleted = (kustomization.patches as Array<{ patch?: string }>)
      .filter((entry) => entry.patch !== undefined)
      .map((entry) => parse(entry.patch as string));
    const claim = baseResources.find((resource) => resource.kind === 'PersistentVolumeClaim');
    expect(deleted).toContainEqual(
      expect.objectContaining({
        $patch: 'delete',
        kind: claim.kind,
        metadata: { name: claim.metadata.name },
      }),
    );
    // The volume the claim backed becomes an emptyDir, its claim reference removed.
    const volume = patch.spec.template.spec.volumes.find((v: { name: string }) => v.name === 'var');
    expect(volume).toMatchObject({ persistentVolumeClaim: null, emptyDir: {} });
  });

  it('runs three replicas, rolled one at a time with no pod down, ready only once the engine is loaded', () => {
    expect(patch.spec.replicas).toBe(3);
    expect(patch.spec.strategy).toEqual({
      type: 'RollingUpdate',
      rollingUpdate: { maxUnavailable: 0, maxSurge: 1 },
    });
    expect(container.readinessProbe.httpGet).toEqual({ path: HEALTH_PATH, port: 'http' });
  });

  it('keeps two replicas through a disruption and scales on CPU from three', () => {
    const podLabels = baseDeployment.spec.template.metadata.labels;
    const budget = ofKind('PodDisruptionBudget');
    expect(budget.spec.minAvailable).toBe(2);
    expect(podLabels).toMatchObject(budget.spec.selector.matchLabels);
    const autoscaler = ofKind('HorizontalPodAutoscaler');
    expect(autoscaler.spec.scaleTargetRef).toEqual({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      name: 'hallway',
    });
    expect(autoscaler.spec.minReplicas).toBe(patch.spec.replicas);
    expect(autoscaler.spec.metrics[0].resource.name).toBe('cpu');
  });

  it('takes DATABASE_URL from a Secret the overlay defines, which Hallway reads as PostgreSQL', () => {
    const [variable] = container.env;
    expect(variable.name).toBe('DATABASE_URL');
    const secret = ofKind('Secret');
    expect(variable.valueFrom.secretKeyRef).toEqual({ name: secret.metadata.name, key: 'DATABASE_URL' });
    expect(Object.keys(secret.stringData)).toEqual(['DATABASE_URL']);
    const config = readDigestConfig({ DATABASE_URL: 'postgres://hallway:secret@db:5432/hallway' });
    expect(config.ok && config.value.databaseUrl).toBe('postgres://hallway:secret@db:5432/hallway');
    expect(readDigestConfig({ DATABASE_URL: 'mysql://db/hallway' })).toMatchObject({ ok: false });
  });
});
