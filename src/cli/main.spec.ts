/** The command line in-process over the local engines (the built CLI against a server is test/cli/cli.e2e-spec.ts). */
import { describe, expect, it } from 'vitest';
import type { CliIo } from './cli.context.js';
import { parseNodeGroup } from './commands/subnet-usage.command.js';
import { runCli } from './main.js';

async function sut(argv: string[], stdin = ''): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { stdout: (text) => void (stdout += text), stderr: (text) => void (stderr += text), readStdin: async () => stdin };
  const code = await runCli(argv, io);
  return { code, stdout, stderr };
}

const TYPO_SERVICE = `apiVersion: v1
kind: Service
metadata:
  name: api
  annotations:
    service.beta.kubernetes.io/aws-load-balancer-shceme: internet-facing
spec:
  type: ClusterIP
  ports: [{ port: 80 }]
`;

describe('eks-network-planner (in-process, local engines)', () => {
  it('answers the issue example: m5.large with prefix delegation and custom networking, no cap → 290', async () => {
    const { code, stdout, stderr } = await sut([
      'max-pods',
      'm5.large',
      '--prefix-delegation',
      '--custom-networking',
      '--show-max-allowed',
      '-o',
      'json',
    ]);
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(JSON.parse(stdout)).toMatchObject({
      instanceType: 'm5.large',
      launcher: 'CALCULATOR',
      maxPods: 290,
      cap: null,
      podAddressMode: 'PREFIX_DELEGATION',
    });
  });

  it('maps the flags onto the API options (kebab-case enum values accepted)', async () => {
    const windows = JSON.parse((await sut(['max-pods', 'm5.large', '--windows', '--launcher', 'managed-node-group', '-o', 'json'])).stdout);
    expect(windows).toMatchObject({ launcher: 'MANAGED_NODE_GROUP', os: 'WINDOWS' });
    const nodeadm = JSON.parse(
      (
        await sut([
          'max-pods',
          'm4.xlarge',
          '--launcher',
          'NODEADM',
          '--max-pods-expression',
          '((default_enis - 1) * (ips_per_eni - 1)) + 2',
          '-o',
          'json',
        ])
      ).stdout,
    );
    expect(nodeadm).toMatchObject({ launcher: 'NODEADM', maxPods: 44 });
    const ipv6 = JSON.parse((await sut(['max-pods', 'm5.large', '--ipv6', '-o', 'json'])).stdout);
    expect(ipv6).toMatchObject({ ipFamily: 'IPV6', ipLimitedPods: null });
  });

  it('lints from stdin and exits 1 on an ERROR finding', async () => {
    const { code, stdout } = await sut(['lint', '-'], TYPO_SERVICE);
    expect(code).toBe(1);
    expect(stdout).toMatch(
      /^ERROR\s+UNKNOWN_ANNOTATION\s+Service\/default\/api\s+6\s+service\.beta\.kubernetes\.io\/aws-load-balancer-shceme is not/m,
    );
    expect(stdout).toMatch(/^1 error, 0 warnings$/m);
  });

  it('exits 2 with the error code on stderr for bad input, and prints nothing on stdout', async () => {
    const cases: Array<[string[], RegExp]> = [
      [['max-pods', 'm5.gigantic'], /^error INSTANCE_TYPE_NOT_FOUND: Instance type "m5.gigantic" is not in catalog "aws"\.$/m],
      [['max-pods', 'm5.large', '--catalog', 'mine'], /^error CATALOG_NOT_FOUND: /m],
      [
        ['max-pods', 'm5.large', '--max-enis', 'two'],
        /^error USAGE: option '--max-enis <n>' argument 'two' is invalid\. Expected an integer\.$/m,
      ],
      [
        ['subnet-usage', '--cidr', '10.0.0.0/24', '--node-group', 'm5.large:ten:3'],
        /^error INVALID_NODE_GROUP: --node-group "m5.large:ten:3": nodes "ten" is invalid/m,
      ],
      [['subnet-usage', '--cidr', '10.0.0.0/24'], /^error MISSING_OPTION: /m],
      [['subnet-usage', '--request', 'r.json', '--cidr', '10.0.0.0/24'], /^error CONFLICTING_OPTIONS: /m],
      [['trace', 'd.json', '--from', 'pod:a', '--to', 'service:b', '--same-node'], /^error CONFLICTING_OPTIONS: --same-node only applies/m],
      [['trace', '--from', 'pod:a', '--to', 'eks-api', '--design-id', 'abc'], /^error SERVER_REQUIRED: /m],
      [['plan', '--design-id', 'abc'], /^error SERVER_REQUIRED: /m],
      [['plan', 'no-such-design.json'], /^error FILE_NOT_FOUND: No such file: no-such-design\.json\n$/],
      [['plan', '-'], /^error UNKNOWN_DESIGN_FORMAT: stdin is neither a DesignSpec/m],
      [['lint', '-', '--context', '-'], /^error STDIN_ALREADY_READ: Only one input can come from stdin \(-\)\.$/m],
      [['subnet-usage', '--request', '-'], /^error MALFORMED_JSON: stdin is not valid JSON: /m],
      [['frobnicate'], /^error USAGE: unknown command 'frobnicate'$/m],
      [['max-pods', 'm5.large', '--output', 'xml'], /^error USAGE: option '-o, --output <format>' argument 'xml' is invalid/m],
    ];
    for (const [argv, message] of cases) {
      const { code, stdout, stderr } = await sut(argv, 'name: not a design\n');
      expect({ argv, code, stdout }).toEqual({ argv, code: 2, stdout: '' });
      expect(stderr).toMatch(message);
    }
  });

  it('answers --help and --version with exit 0', async () => {
    const help = await sut(['--help']);
    expect(help.code).toBe(0);
    for (const command of ['max-pods', 'max-pods-table', 'subnet-usage', 'trace', 'plan', 'lint'])
      expect(help.stdout).toMatch(new RegExp(`^  ${command} `, 'm'));
    const maxPodsHelp = await sut(['max-pods', '--help']);
    expect(maxPodsHelp.stdout).toContain('--prefix-delegation');
    expect(maxPodsHelp.stdout).toContain('--show-max-allowed');
    expect((await sut(['--version'])).stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });
});

describe('parseNodeGroup', () => {
  it('reads [name=]instanceType:nodes:podsPerNode', () => {
    expect(parseNodeGroup('m5.large:10:30')).toEqual({ instanceType: 'm5.large', nodes: 10, podsPerNode: 30 });
    expect(parseNodeGroup('web=c5.xlarge:3:0')).toEqual({ name: 'web', instanceType: 'c5.xlarge', nodes: 3, podsPerNode: 0 });
  });

  it.each(['m5.large', 'm5.large:1', ':1:2', 'm5.large:1:2:3', 'm5.large:-1:2', 'm5.large:1:20000'])('refuses %s', (spec) => {
    expect(() => parseNodeGroup(spec)).toThrow(expect.objectContaining({ code: 'INVALID_NODE_GROUP' }));
  });
});
