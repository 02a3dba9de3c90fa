/**
 * The built CLI (dist/cli/main.js, run as a child process like `npx eks-network-planner`) answers the same numbers with
 * the engines in its own process as a running server does over REST (`--server`), for every command; exit codes
 * 0 (answered), 1 (plan or lint with ERROR findings), 2 (bad input, refused request).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256Hex } from '../../src/platform/auth/static-tokens.js';
import type { DesignSpec } from '../../src/domain/spec/design-spec.types.js';
import { cleanDesign } from '../fixtures/plan/clean-design.fixture.js';
import { privateCluster } from '../fixtures/traffic-path/designs.scenario.js';
import { buildAppOnce, freePort } from '../support/built-app.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const ROOT = resolve(import.meta.dirname, '../..');
const EKSCTL_FIXTURE = join(ROOT, 'test/fixtures/eksctl/custom-networking.yaml');
const ENI_MAX_PODS = new Map(
  readFileSync(join(ROOT, 'test/fixtures/capacity/eni-max-pods.tsv'), 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => {
      const [name, pods] = line.split('\t');
      return [name, Number(pods)] as const;
    }),
);

const TYPO_MANIFESTS = `apiVersion: v1
kind: Service
metadata:
  name: checkout
  namespace: shop
  annotations:
    service.beta.kubernetes.io/aws-load-balancer-shceme: internet-facing
    service.beta.kubernetes.io/aws-load-balancer-type: external
spec:
  type: LoadBalancer
  selector:
    app: checkout
  ports:
    - port: 443
      targetPort: 8443
`;
const CLEAN_MANIFESTS = `apiVersion: v1
kind: Service
metadata:
  name: orders
  namespace: shop
spec:
  type: ClusterIP
  selector:
    app: orders
  ports:
    - port: 80
      targetPort: 8080
`;

/** cleanDesign() with private-a shrunk to a /24 that 40 nodes at max size overflow (SUBNET_FULL_AT_MAX, an ERROR). */
function designWithErrors(): DesignSpec {
  const spec = cleanDesign();
  Object.assign(
    spec.subnets.find((s) => s.name === 'private-a')!,
    { cidr: '10.0.32.0/24', roles: ['NODES'] },
  );
  spec.nodeGroups[0].maxSize = 40;
  return spec;
}

interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

let cliMain: string;

function cli(args: readonly string[], options: { stdin?: string; env?: Record<string, string> } = {}): Promise<CliResult> {
  const { PLANNER_TOKEN: _ignored, ...env } = process.env;
  return new Promise((done, reject) => {
    // Asynchronous on purpose: the server under test answers from this process's event loop.
    const child = spawn(process.execPath, [cliMain, ...args], {
      cwd: ROOT,
      env: { ...env, ...options.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    // Decoded as a stream: a multi-byte character split across two chunks must not turn into U+FFFD.
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => done({ code, stdout, stderr }));
    child.stdin.end(options.stdin ?? '');
  });
}

function json(result: CliResult): any {
  expect(result.stderr).not.toMatch(/^error /m);
  return JSON.parse(result.stdout);
}

describe('eks-network-planner CLI: local engines and the server answer alike', () => {
  let t: TestApp;
  let server: string;
  let files: string;
  const file = (name: string) => join(files, name);

  /** The same command in both modes, `--output json`; both outputs parsed. */
  async function bothModes(args: readonly string[], options: { stdin?: string } = {}): Promise<{ local: CliResult; remote: CliResult }> {
    const [local, remote] = await Promise.all([
      cli([...args, '--output', 'json'], options),
      cli(['--server', server, ...args, '--output', 'json'], options),
    ]);
    return { local, remote };
  }

  async function sameAnswer(args: readonly string[], options: { stdin?: string; exitCode?: number } = {}): Promise<any> {
    const { local, remote } = await bothModes(args, options);
    expect(local.code).toBe(options.exitCode ?? 0);
    expect(remote.code).toBe(options.exitCode ?? 0);
    const answer = json(local);
    expect(json(remote)).toEqual(answer);
    return answer;
  }

  beforeAll(async () => {
    cliMain = join(dirname(await buildAppOnce()), 'cli', 'main.js');
    t = await startTestApp({ RATE_LIMIT_PER_MINUTE: '100000' });
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    server = (await t.app.getUrl()).replace('[::1]', '127.0.0.1');
    files = mkdtempSync(join(tmpdir(), 'planner-cli-'));
    writeFileSync(file('clean.json'), JSON.stringify(cleanDesign(), null, 2));
    writeFileSync(file('errors.json'), JSON.stringify(designWithErrors(), null, 2));
    writeFileSync(file('private-cluster.json'), JSON.stringify(privateCluster, null, 2));
    writeFileSync(
      file('invalid.json'),
      JSON.stringify({
        ...cleanDesign(),
        subnets: [{ ...cleanDesign().subnets[0], cidr: '10.0.0.0/33' }, ...cleanDesign().subnets.slice(1)],
      }),
    );
    writeFileSync(file('typo.yaml'), TYPO_MANIFESTS);
    writeFileSync(file('clean.yaml'), CLEAN_MANIFESTS);
  });
  afterAll(async () => {
    await t?.close();
    if (files) rmSync(files, { recursive: true, force: true });
  });

  describe('max-pods', () => {
    it('answers the issue example in both modes: m5.large, prefix delegation + custom networking, --show-max-allowed → 290', async () => {
      const answer = await sameAnswer(['max-pods', 'm5.large', '--prefix-delegation', '--custom-networking', '--show-max-allowed']);
      expect(answer).toMatchObject({
        instanceType: 'm5.large',
        launcher: 'CALCULATOR',
        maxPods: 290,
        cap: null,
        capApplied: false,
        podAddressMode: 'PREFIX_DELEGATION',
      });
      expect(answer.steps.map((step: { value: number }) => step.value)).toContain(290);
    });

    it('passes every launcher option through unchanged', async () => {
      expect(
        await sameAnswer([
          'max-pods',
          'm4.xlarge',
          '--launcher',
          'nodeadm',
          '--max-pods-expression',
          '((default_enis - 1) * (ips_per_eni - 1)) + 2',
        ]),
      ).toMatchObject({ launcher: 'NODEADM', maxPods: 44, kubeReservedMemoryMiB: 739 });
      expect(await sameAnswer(['max-pods', 'm5.4xlarge', '--launcher', 'MANAGED_NODE_GROUP'])).toMatchObject({
        maxPods: 110,
        cap: 110,
        capApplied: true,
      });
      expect(
        await sameAnswer([
          'max-pods',
          'c5.large',
          '--launcher',
          'karpenter',
          '--pods-per-core',
          '4',
          '--reserved-enis',
          '1',
          '--ami-family',
          'bottlerocket',
        ]),
      ).toMatchObject({ launcher: 'KARPENTER' });
      expect(await sameAnswer(['max-pods', 'm5.large', '--windows'])).toMatchObject({ os: 'WINDOWS' });
      expect(
        await sameAnswer(['max-pods', 'm5.large', '--sgp', '--cni-version', '1.18.0', '--max-enis', '2', '--kubelet-max-pods', '20']),
      ).toMatchObject({ maxPods: 20 });
      expect(await sameAnswer(['max-pods', 'm5.large', '--ipv6'])).toMatchObject({ ipFamily: 'IPV6', ipLimitedPods: null });
    });

    it('prints a readable summary and the steps for people', async () => {
      const { code, stdout } = await cli(['max-pods', 'm5.large', '--prefix-delegation', '--custom-networking', '--show-max-allowed']);
      expect(code).toBe(0);
      expect(stdout).toMatch(/^instance type:\s+m5\.large$/m);
      expect(stdout).toMatch(/^max pods:\s+290$/m);
      expect(stdout).toMatch(/^launcher:\s+CALCULATOR \(LINUX, IPV4, PREFIX_DELEGATION\)$/m);
      expect(stdout).toMatch(/^kube-reserved:\s+3445 MiB memory, 70m CPU$/m);
      expect(stdout).toMatch(/^VALUE {2}RULE +SOURCE$/m);
      expect(stdout).toMatch(
        /^ {2}290 {2}prefix delegation \(Nitro, CNI ≥ 1\.9\): ENIs × \(\(IPv4 per ENI − 1\) × 16\) \+ 2 +awslabs\/amazon-eks-ami /m,
      );
    });

    it('prints the same data as YAML for scripts', async () => {
      const { parse } = await import('yaml');
      const yaml = await cli(['max-pods', 'm5.large', '--output', 'yaml']);
      const asJson = await cli(['max-pods', 'm5.large', '--output', 'json']);
      expect(parse(yaml.stdout)).toEqual(JSON.parse(asJson.stdout));
    });
  });

  describe('max-pods-table', () => {
    it('with the ENI formula equals eni-max-pods.txt for all 1,391 instance types, in both modes', async () => {
      const answer = await sameAnswer(['max-pods-table', '--launcher', 'ENI_FORMULA']);
      expect(answer.items).toHaveLength(1391);
      expect(answer.skipped).toEqual([]);
      for (const item of answer.items) expect(item.maxPods).toBe(ENI_MAX_PODS.get(item.instanceType));
    });

    it('filters by family and vCPUs and lists what the options cannot run on, in both modes', async () => {
      const answer = await sameAnswer(['max-pods-table', '--family', 'm5', '--min-vcpu', '8', '--show-max-allowed']);
      expect(answer.items.map((i: { instanceType: string }) => i.instanceType)).toEqual([
        'm5.12xlarge',
        'm5.16xlarge',
        'm5.24xlarge',
        'm5.2xlarge',
        'm5.4xlarge',
        'm5.8xlarge',
        'm5.metal',
      ]);
      const sgp = await sameAnswer(['max-pods-table', '--sgp', '--family', 't3']);
      expect(sgp.items).toEqual([]);
      expect(sgp.skipped.map((s: { code: string }) => s.code)).toContain('SECURITY_GROUPS_FOR_PODS_INSTANCE_UNSUPPORTED');
    });

    it('prints aligned columns for people', async () => {
      const { stdout } = await cli(['max-pods-table', '--family', 'm5']);
      const lines = stdout.split('\n');
      expect(lines[0]).toMatch(
        /^INSTANCE TYPE {2}MAX PODS {2}UNCAPPED {2}IP-LIMITED {2}EFFECTIVE {2}BRANCH ENI {2}ADDRESSES {5}KUBE-RESERVED MIB$/,
      );
      expect(lines).toContain('m5.large             29        29          29         29           0  SECONDARY_IP                574');
      expect(lines).toContain('m5.4xlarge          110       234         234        110           0  SECONDARY_IP               1465');
      expect(stdout).toMatch(/^9 instance types$/m);
    });

    it('ends quietly with exit code 0 when the reader closes the pipe early (`--output json | head -1`)', async () => {
      // 3.6 MB of JSON: far more than a pipe buffers, so the CLI is still writing when the reader goes away.
      const child = spawn(process.execPath, [cliMain, 'max-pods-table', '--output', 'json'], {
        cwd: ROOT,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stderr = '';
      child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
      let first = '';
      child.stdout.setEncoding('utf8').once('data', (chunk: string) => {
        first = chunk;
        child.stdout.destroy();
      });
      const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
      expect(first.split('\n')[0]).toBe('{');
      expect(stderr).toBe('');
      expect(code).toBe(0);
    });
  });

  describe('subnet-usage', () => {
    const ARGS = [
      'subnet-usage',
      '--cidr',
      '10.0.0.0/24',
      '--node-group',
      'web=m5.large:3:20',
      '--node-group',
      'c5.xlarge:2:40',
      '--prefix-delegation',
    ];

    it('answers the same usage from options and from a request file, in both modes', async () => {
      const answer = await sameAnswer(ARGS);
      expect(answer).toMatchObject({
        totalIps: 256,
        awsReservedIps: 5,
        usableIps: 251,
        usedIps: 277,
        freeIps: -26,
        shortfallIps: 26,
        fits: false,
        maxNodes: 3,
      });
      expect(answer.prefixBlocks).toEqual({
        alignedBlocks: 16,
        assignableBlocks: 14,
        neededBlocks: 17,
        individualIps: 5,
        bestCaseAvailableBlocks: 14,
      });
      expect(
        answer.perNodeGroup.map((g: { name: string | null; ipsPerNode: number; prefixesPerNode: number }) => [
          g.name,
          g.ipsPerNode,
          g.prefixesPerNode,
        ]),
      ).toEqual([
        ['web', 49, 3],
        [null, 65, 4],
      ]);
      expect(answer.warnings.map((w: { code: string }) => w.code)).toEqual(['SUBNET_TOO_SMALL', 'PREFIX_BLOCKS_NEVER_AVAILABLE']);

      const request = {
        subnet: { cidr: '10.0.0.0/24' },
        cni: { prefixDelegation: true },
        nodeGroups: [
          { name: 'web', instanceType: 'm5.large', nodes: 3, podsPerNode: 20 },
          { instanceType: 'c5.xlarge', nodes: 2, podsPerNode: 40 },
        ],
      };
      writeFileSync(file('subnet-request.json'), JSON.stringify(request));
      expect(await sameAnswer(['subnet-usage', '--request', file('subnet-request.json')])).toEqual(answer);
      expect(await sameAnswer(['subnet-usage', '--request', '-'], { stdin: JSON.stringify(request) })).toEqual(answer);
    });

    it('passes the warm-pool settings through', async () => {
      const answer = await sameAnswer([
        'subnet-usage',
        '--cidr',
        '10.0.0.0/22',
        '--node-group',
        'm5.large:10:10',
        '--warm-ip-target',
        '2',
        '--minimum-ip-target',
        '12',
        '--role',
        'nodes',
      ]);
      expect(answer.subnet.role).toBe('NODES');
      expect(answer.perNodeGroup[0]).toMatchObject({ podsPerNode: 10, secondaryIpsPerNode: 12 });
    });

    it('prints the summary and one row per node group for people', async () => {
      const { code, stdout } = await cli(ARGS);
      expect(code).toBe(0);
      expect(stdout).toMatch(/^fits:\s+no \(short by 26\)$/m);
      expect(stdout).toMatch(/^web +m5\.large +3 +0 +20 +110 +PREFIX_DELEGATION +49 +1 +3 +28 +147 +2$/m);
      expect(stdout).toMatch(/^ {2}SUBNET_TOO_SMALL {15}The node groups need 277 addresses/m);
    });
  });

  describe('trace', () => {
    const POD_TO_INTERNET = ['--from', 'pod:reports', '--to', 'internet:93.184.216.34', '--port', '443'];

    it('traces a pod → internet flow the same way in both modes: SNAT at the node and the NAT gateway', async () => {
      const answer = await sameAnswer(['trace', file('private-cluster.json'), ...POD_TO_INTERNET]);
      expect(answer).toMatchObject({
        verdict: 'REACHABLE',
        dropReason: null,
        sourceIpSeenByDestination: 'NAT_GATEWAY_EIP',
        clientIpPreserved: false,
        clientIpVia: 'NONE',
      });
      expect(answer.hops.map((hop: { kind: string }) => hop.kind)).toEqual(['POD', 'NODE', 'NAT_GATEWAY', 'INTERNET_GATEWAY', 'INTERNET']);
      expect(answer.hops.map((hop: { action: string }) => hop.action)).toEqual(['FORWARD', 'SNAT', 'SNAT', 'FORWARD', 'DELIVER']);
      expect(answer.hops[2]).toMatchObject({ name: 'nat-b', packet: { srcRole: 'NAT_GATEWAY_EIP' } });
    });

    it('takes NAT gateway EIPs, a flow file, a saved design on the server, and a Service reached through its load balancer', async () => {
      const withEip = await sameAnswer(['trace', file('private-cluster.json'), ...POD_TO_INTERNET, '--nat-eip', 'nat-b=54.210.10.20']);
      expect(withEip.hops.at(-1).packet.src).toBe('54.210.10.20');

      const flow = {
        from: { kind: 'POD', workload: 'reports' },
        to: { kind: 'INTERNET', ip: '93.184.216.34' },
        protocol: 'TCP',
        port: 443,
        natGatewayEips: [{ natGateway: 'nat-b', ip: '54.210.10.20' }],
      };
      writeFileSync(file('flow.json'), JSON.stringify(flow));
      expect(await sameAnswer(['trace', file('private-cluster.json'), '--flow', file('flow.json')])).toEqual(withEip);

      const saved = (await t.http.post('/v1/designs').send(privateCluster).expect(201)).body.id as string;
      const remote = await cli([
        '--server',
        server,
        'trace',
        '--design-id',
        saved,
        ...POD_TO_INTERNET,
        '--nat-eip',
        'nat-b=54.210.10.20',
        '-o',
        'json',
      ]);
      expect(remote.code).toBe(0);
      expect(json(remote)).toEqual(withEip);

      const viaLb = await sameAnswer([
        'trace',
        file('private-cluster.json'),
        '--from',
        'internet:8.8.8.8',
        '--to',
        'service:web',
        '--port',
        '80',
      ]);
      expect(viaLb).toMatchObject({ verdict: 'REACHABLE', sourceIpSeenByDestination: 'LB_PRIVATE_IP', clientIpVia: 'X_FORWARDED_FOR' });
      expect(viaLb.hops.map((hop: { kind: string }) => hop.kind)).toEqual(['INTERNET', 'INTERNET_GATEWAY', 'ALB', 'POD']);
    });

    it('prints the verdict and one line per hop for people', async () => {
      const { code, stdout } = await cli(['trace', file('private-cluster.json'), ...POD_TO_INTERNET]);
      expect(code).toBe(0);
      expect(stdout).toMatch(/^verdict:\s+REACHABLE$/m);
      expect(stdout).toMatch(/^source IP seen:\s+NAT_GATEWAY_EIP$/m);
      expect(stdout).toMatch(/^3 +NAT_GATEWAY +nat-b +SNAT +203\.0\.113\.\d+ \(NAT_GATEWAY_EIP\) +93\.184\.216\.34:443 \(HOST_IP\)/m);
      expect(stdout).toMatch(/^ {2}ADDRESS_PLACEHOLDERS +The design cannot know the Elastic IP of NAT gateway nat-b/m);
    });
  });

  describe('plan', () => {
    it('plans a DesignSpec file the same way in both modes (exit 0), also from stdin', async () => {
      const answer = await sameAnswer(['plan', file('clean.json')]);
      expect(answer.designName).toBe('shop-prod');
      expect(answer.summary).toMatchObject({ status: 'OK', errors: 0, warnings: 0 });
      expect(answer.nodeGroups[0]).toMatchObject({ name: 'general', launcher: 'MANAGED_NODE_GROUP', maxPods: 58 });
      expect(answer.subnets).toHaveLength(9);
      expect(await sameAnswer(['plan', '-'], { stdin: readFileSync(file('clean.json'), 'utf8') })).toEqual(answer);
    });

    it('plans an eksctl ClusterConfig (detected by its apiVersion) the same way in both modes, with the import notes on stderr', async () => {
      const { local, remote } = await bothModes(['plan', EKSCTL_FIXTURE]);
      expect([local.code, remote.code]).toEqual([0, 0]);
      const answer = JSON.parse(local.stdout);
      expect(JSON.parse(remote.stdout)).toEqual(answer);
      expect(answer).toMatchObject({ designName: 'analytics', summary: { status: 'WARNINGS', errors: 0 } });
      expect(answer.nodeGroups.map((g: { name: string; maxPods: number }) => [g.name, g.maxPods])).toEqual([
        ['workers', 44],
        ['batch', 160],
      ]);
      for (const { stderr } of [local, remote]) {
        expect(stderr).toMatch(
          /^note: .*custom-networking\.yaml was imported from an eksctl ClusterConfig \(3 fields not carried over, 3 warnings\)$/m,
        );
        // vpc.id and the subnet IDs are kept now; what is left is what the design does not model.
        expect(stderr).not.toMatch(/not imported vpc\.id/);
        expect(stderr).toMatch(/^ {2}not imported addons\[0\]\.configurationValues\.env\.AWS_VPC_K8S_CNI_LOGLEVEL \(line \d+\): /m);
      }
    });

    it('exits 1 in both modes when the plan has ERROR findings, and shows them', async () => {
      const answer = await sameAnswer(['plan', file('errors.json')], { exitCode: 1 });
      expect(answer.summary.status).toBe('ERRORS');
      expect(answer.findings[0]).toMatchObject({ code: 'SUBNET_FULL_AT_MAX', severity: 'ERROR', path: 'subnets[6]' });

      const { code, stdout } = await cli(['plan', file('errors.json')]);
      expect(code).toBe(1);
      expect(stdout).toMatch(/^status:\s+ERRORS: 1 error, \d+ warnings?, \d+ info$/m);
      expect(stdout).toMatch(/^ {2}ERROR +SUBNET_FULL_AT_MAX +subnets\[6\]: Subnet private-a \(10\.0\.32\.0\/24\) needs \d+ addresses/m);
      expect(stdout).toMatch(/^ +fix: /m);
    });

    it('plans a saved design on the server by id', async () => {
      const local = json(await cli(['plan', file('clean.json'), '-o', 'json']));
      const saved = (await t.http.post('/v1/designs').send(cleanDesign()).expect(201)).body.id as string;
      const remote = await cli(['--server', server, 'plan', '--design-id', saved, '-o', 'json']);
      expect(remote.code).toBe(0);
      expect(json(remote)).toEqual({ designId: saved, revision: 1, ...local });
    });
  });

  describe('lint', () => {
    it('finds the typo annotation in both modes and exits 1', async () => {
      const answer = await sameAnswer(['lint', file('typo.yaml')], { exitCode: 1 });
      expect(answer.findings[0]).toMatchObject({
        code: 'UNKNOWN_ANNOTATION',
        severity: 'ERROR',
        resource: 'Service/shop/checkout',
        line: 7,
        path: 'metadata.annotations["service.beta.kubernetes.io/aws-load-balancer-shceme"]',
      });
      expect(answer.findings[0].message).toContain('did you mean service.beta.kubernetes.io/aws-load-balancer-scheme?');
      expect(await sameAnswer(['lint', '-'], { stdin: TYPO_MANIFESTS, exitCode: 1 })).toEqual(answer);
    });

    it('passes the context options, and exits 0 on clean manifests', async () => {
      const ccm = await sameAnswer(['lint', file('typo.yaml'), '--controller', 'ccm-only', '--namespace', 'other'], { exitCode: 1 });
      expect(ccm.findings.map((f: { code: string }) => f.code)).toContain('UNKNOWN_ANNOTATION');
      expect(await sameAnswer(['lint', file('clean.yaml')])).toEqual({ findings: [] });
      const { code, stdout } = await cli(['lint', file('clean.yaml')]);
      expect({ code, stdout }).toEqual({ code: 0, stdout: 'no findings\n' });
    });

    it('prints a table of findings and the counts for people', async () => {
      const { code, stdout } = await cli(['lint', file('typo.yaml')]);
      expect(code).toBe(1);
      expect(stdout).toMatch(/^SEVERITY {2}CODE +RESOURCE +LINE {2}MESSAGE$/m);
      expect(stdout).toMatch(
        /^ERROR {5}UNKNOWN_ANNOTATION +Service\/shop\/checkout +7 {2}service\.beta\.kubernetes\.io\/aws-load-balancer-shceme is not an annotation/m,
      );
      expect(stdout).toMatch(/^1 error, \d+ warnings?$/m);
    });
  });

  describe('errors', () => {
    /** Exit 2, nothing on stdout, `error CODE: …` on stderr — in both modes. */
    async function failsAlike(
      args: readonly string[],
      code: string,
      options: { stdin?: string } = {},
    ): Promise<{ local: string; remote: string }> {
      const { local, remote } = await bothModes(args, options);
      for (const result of [local, remote]) {
        expect({ code: result.code, stdout: result.stdout }).toEqual({ code: 2, stdout: '' });
        expect(result.stderr).toMatch(new RegExp(`^error ${code}: `));
      }
      return { local: local.stderr, remote: remote.stderr };
    }

    it('an unknown instance type', async () => {
      const { local, remote } = await failsAlike(['max-pods', 'm5.gigantic'], 'INSTANCE_TYPE_NOT_FOUND');
      expect(local).toBe('error INSTANCE_TYPE_NOT_FOUND: Instance type "m5.gigantic" is not in catalog "aws".\n');
      expect(remote).toBe(local);
    });

    it('an impossible option combination, naming the rule', async () => {
      const { local, remote } = await failsAlike(['max-pods', 't3.medium', '--sgp'], 'SECURITY_GROUPS_FOR_PODS_INSTANCE_UNSUPPORTED');
      expect(remote).toBe(local);
    });

    it('an invalid design, with the path of every problem', async () => {
      const { local, remote } = await failsAlike(['plan', file('invalid.json')], 'VALIDATION_FAILED');
      expect(local).toMatch(/^ {2}subnets\[0\]\.cidr: /m);
      expect(remote).toMatch(/^ {2}subnets\[0\]\.cidr: /m);
    });

    it('malformed YAML', async () => {
      const { local, remote } = await failsAlike(['lint', '-'], 'MALFORMED_YAML', { stdin: 'kind: Service\nmetadata: [unclosed\n' });
      expect(local).toMatch(/line \d+/);
      expect(remote).toMatch(/line \d+/);
      await failsAlike(['plan', '-'], 'MALFORMED_YAML', {
        stdin: 'apiVersion: eksctl.io/v1alpha5\nkind: ClusterConfig\nmetadata: [oops\n',
      });
    });

    it('a missing file, malformed JSON, and a file that is no design', async () => {
      await failsAlike(['plan', file('missing.json')], 'FILE_NOT_FOUND');
      await failsAlike(['lint', file('missing.yaml')], 'FILE_NOT_FOUND');
      await failsAlike(['plan', '-'], 'MALFORMED_JSON', { stdin: '{"name": ' });
      await failsAlike(['trace', '-', '--from', 'pod:a', '--to', 'eks-api'], 'UNKNOWN_DESIGN_FORMAT', { stdin: 'name: x\n' });
    });

    it('usage errors', async () => {
      const unknown = await failsAlike(['max-pods', 'm5.large', '--prefix-delgation'], 'USAGE');
      expect(unknown.local).toContain("error USAGE: unknown option '--prefix-delgation'");
      expect(unknown.local).toContain('(Did you mean --prefix-delegation?)');
      await failsAlike(['max-pods'], 'USAGE');
      await failsAlike(['max-pods-table', '--launcher', 'kubelet'], 'USAGE');
      await failsAlike(
        ['trace', file('private-cluster.json'), '--from', 'pod:reports', '--to', 'internet:example.com', '--port', '443'],
        'INVALID_ENDPOINT',
      );
      await failsAlike(['subnet-usage', '--cidr', '10.0.0.0/24', '--node-group', 'm5.large'], 'INVALID_NODE_GROUP');
    });

    it('a server that is not there', async () => {
      const port = await freePort();
      const result = await cli(['--server', `http://127.0.0.1:${port}`, 'max-pods', 'm5.large']);
      expect(result.code).toBe(2);
      expect(result.stderr).toBe(
        `error SERVER_UNREACHABLE: Cannot reach http://127.0.0.1:${port} (GET /v1/capacity/max-pods): ECONNREFUSED\n`,
      );
    });
  });

  it('is the package bin: dist/cli/main.js with a node shebang', async () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { bin: Record<string, string>; version: string };
    expect(pkg.bin).toEqual({ 'eks-network-planner': 'dist/cli/main.js' });
    expect(readFileSync(cliMain, 'utf8').split('\n')[0]).toBe('#!/usr/bin/env node');
    const help = await cli(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: eks-network-planner \[options\] \[command\]$/m);
    expect((await cli(['--version'])).stdout).toBe(`${pkg.version}\n`);
  });
});

describe('eks-network-planner CLI against a server that requires tokens', () => {
  const TOKEN = 'cli-reader-token-0123456789';
  let t: TestApp;
  let server: string;

  beforeAll(async () => {
    cliMain = join(dirname(await buildAppOnce()), 'cli', 'main.js');
    t = await startTestApp({ API_TOKENS: JSON.stringify([{ subject: 'cli', sha256: sha256Hex(TOKEN), scopes: ['read'] }]) });
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    server = (await t.app.getUrl()).replace('[::1]', '127.0.0.1');
  });
  afterAll(async () => {
    await t?.close();
  });

  it('sends --token or PLANNER_TOKEN as the bearer token; without one, or with a wrong one, exits 2 with the message', async () => {
    const args = [
      '--server',
      server,
      'max-pods',
      'm5.large',
      '--prefix-delegation',
      '--custom-networking',
      '--show-max-allowed',
      '-o',
      'json',
    ];
    const withOption = await cli([...args, '--token', TOKEN]);
    expect(withOption.code).toBe(0);
    expect(json(withOption).maxPods).toBe(290);
    const withEnv = await cli(args, { env: { PLANNER_TOKEN: TOKEN } });
    expect(json(withEnv)).toEqual(json(withOption));

    const without = await cli(args);
    expect({ code: without.code, stdout: without.stdout }).toEqual({ code: 2, stdout: '' });
    expect(without.stderr).toMatch(/^error UNAUTHENTICATED: /);
    const wrong = await cli([...args, '--token', 'not-the-token']);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(/^error UNAUTHENTICATED: /);
  });
});
