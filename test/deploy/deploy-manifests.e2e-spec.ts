/**
 * The service that plans EKS must itself run well on EKS: the deploy/ manifests are parsed and checked against the app
 * (ports, health routes, config keys, drain time), and the Service is linted with our own exposure lint.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { environmentVariableNames } from '../../src/platform/config/environment.js';
import { lintManifests } from '../../src/domain/exposure/index.js';

type Manifest = {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string> };
  spec?: any;
  data?: Record<string, string>;
  stringData?: Record<string, string>;
};

const files = readdirSync('deploy').filter((f) => f.endsWith('.yaml'));
const manifests: Manifest[] = files.flatMap((file) =>
  parseAllDocuments(readFileSync(`deploy/${file}`, 'utf8')).map((doc) => {
    expect(doc.errors, `${file} parses`).toEqual([]);
    return doc.toJS() as Manifest;
  }),
);
const byKind = (kind: string) => manifests.filter((m) => m.kind === kind);
const deployment = byKind('Deployment')[0];
const podSpec = deployment.spec.template.spec;
const container = podSpec.containers[0];

describe('deploy/ manifests', () => {
  it('lists every resource in the kustomization', () => {
    const kustomization = byKind('Kustomization')[0] as unknown as { resources: string[] };
    for (const resource of kustomization.resources) expect(existsSync(`deploy/${resource}`), resource).toBe(true);
    expect(kustomization.resources).not.toContain('secret.example.yaml');
  });

  it('runs 2 replicas spread over zones, non-root, with resources', () => {
    expect(deployment.spec.replicas).toBe(2);
    expect(podSpec.topologySpreadConstraints[0].topologyKey).toBe('topology.kubernetes.io/zone');
    expect(podSpec.securityContext).toMatchObject({ runAsNonRoot: true });
    expect(podSpec.securityContext.runAsUser).toBeGreaterThan(0);
    expect(container.securityContext).toMatchObject({ allowPrivilegeEscalation: false, readOnlyRootFilesystem: true });
    expect(container.resources.requests).toMatchObject({ cpu: expect.any(String), memory: expect.any(String) });
    expect(container.resources.limits.memory).toMatch(/^\d+(Mi|Gi)$/);
  });

  it('probes the app health routes on the container port the app listens on', () => {
    const config = byKind('ConfigMap')[0].data!;
    const port = container.ports.find((p: { name: string }) => p.name === 'http');
    expect(String(port.containerPort)).toBe(config.PORT);
    expect(config.HOST).toBe('0.0.0.0');
    expect(container.readinessProbe.httpGet).toMatchObject({ path: '/health/ready', port: 'http' });
    expect(container.livenessProbe.httpGet).toMatchObject({ path: '/health/live', port: 'http' });
  });

  it('passes only known settings, with DATABASE_URL and API_TOKENS from the Secret', () => {
    const known = new Set([...environmentVariableNames(), 'NODE_EXTRA_CA_CERTS']);
    for (const key of Object.keys(byKind('ConfigMap')[0].data!)) expect(known.has(key), key).toBe(true);
    const fromSecret = container.env
      .filter((e: { valueFrom?: { secretKeyRef?: unknown } }) => e.valueFrom?.secretKeyRef)
      .map((e: { name: string }) => e.name);
    expect(fromSecret.sort()).toEqual(['API_TOKENS', 'DATABASE_URL']);
    const example = parseAllDocuments(readFileSync('deploy/secret.example.yaml', 'utf8'))[0].toJS() as Manifest;
    expect(Object.keys(example.stringData!).sort()).toEqual(['API_TOKENS', 'DATABASE_URL']);
  });

  it('gives the app time to drain before SIGKILL', () => {
    const graceMs = Number(byKind('ConfigMap')[0].data!.SHUTDOWN_GRACE_MS);
    const preStopSeconds = container.lifecycle.preStop.sleep.seconds;
    expect(podSpec.terminationGracePeriodSeconds * 1000).toBeGreaterThan(graceMs + preStopSeconds * 1000);
  });

  it('selects the pods from the Service and the PodDisruptionBudget', () => {
    const labels = deployment.spec.template.metadata.labels;
    const service = byKind('Service')[0];
    const pdb = byKind('PodDisruptionBudget')[0];
    for (const [k, v] of Object.entries(service.spec.selector)) expect(labels[k]).toBe(v);
    for (const [k, v] of Object.entries(pdb.spec.selector.matchLabels)) expect(labels[k]).toBe(v);
    expect(pdb.spec.minAvailable).toBeLessThan(deployment.spec.replicas);
    expect(service.spec.ports[0].targetPort).toBe('http');
  });

  it('has a Service our own exposure lint finds no error in', () => {
    const { findings } = lintManifests(readFileSync('deploy/service.yaml', 'utf8'));
    expect(findings.filter((f) => f.severity === 'ERROR')).toEqual([]);
  });
});

describe('Dockerfile', () => {
  const dockerfile = readFileSync('Dockerfile', 'utf8');
  it('is multi-stage, runs as a non-root user, and keeps only production dependencies', () => {
    expect(dockerfile.match(/^FROM /gm)?.length).toBeGreaterThanOrEqual(2);
    expect(dockerfile).toMatch(/npm prune --omit=dev/);
    expect(dockerfile).toMatch(/^USER (?!0\b|root\b)\S+/m);
    expect(dockerfile).toMatch(/CMD \["node", "dist\/main\.js"\]/);
  });
});

describe('catalog-info.yaml', () => {
  it('declares the component and both APIs from the committed contracts', () => {
    const entities = parseAllDocuments(readFileSync('catalog-info.yaml', 'utf8')).map((d) => d.toJS() as Manifest & { spec: any });
    const component = entities.find((e) => e.kind === 'Component')!;
    const apis = entities.filter((e) => e.kind === 'API');
    expect(component.spec.providesApis.sort()).toEqual(apis.map((a) => a.metadata.name).sort());
    expect(apis.map((a) => a.spec.type).sort()).toEqual(['graphql', 'openapi']);
    for (const api of apis) expect(existsSync(api.spec.definition.$text.replace('./', ''))).toBe(true);
  });
});
