/** `import aws` and `import instance-types` in-process over the local engines, on the dumps under examples/. */
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CliIo } from '../cli.context.js';
import { runCli } from '../main.js';

async function sut(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { stdout: (text) => void (stdout += text), stderr: (text) => void (stderr += text), readStdin: async () => '' };
  const code = await runCli(argv, io);
  return { code, stdout, stderr };
}

describe('eks-network-planner import', () => {
  it('imports a dumped folder into a DesignSpec (JSON on stdout, remarks on stderr) that plan then reads', async () => {
    const imported = await sut(['import', 'aws', 'examples/aws-dump', '--observed-at', '2026-12-04T18:00:00Z', '-o', 'json']);
    expect(imported.code).toBe(0);
    const spec = JSON.parse(imported.stdout);
    expect(spec).toMatchObject({ clusterName: 'shop-prod', vpc: { id: 'vpc-0a1b2c3d4e5f60001' } });
    expect(spec.subnets[8]).toMatchObject({ name: 'pods-c', observed: { availableIps: 32, at: '2026-12-04T18:00:00Z' } });
    expect(imported.stderr).toContain('INFERRED at routeTables.RouteTables[3].Routes[2].NatGatewayId');

    const file = join(mkdtempSync(join(tmpdir(), 'i13-')), 'design.json');
    writeFileSync(file, imported.stdout);
    const plan = await sut(['plan', file, '-o', 'json']);
    expect(plan.code).toBe(0);
    expect(JSON.parse(plan.stdout).summary.tightestSubnet).toMatchObject({ name: 'pods-c', observed: { headroomAtMax: 2 } });
  });

  it('prints a table of subnets with their IDs and free addresses by default', async () => {
    const { code, stdout } = await sut(['import', 'aws', 'examples/aws-dump/vpcs.json', 'examples/aws-dump/subnets.json']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/private-c\s+subnet-0a1b2c3d4e5f60016\s+eu-west-1c\s+10\.20\.96\.0\/19\s+118/);
  });

  it('answers exit 2 with the code and the file for a file of another command', async () => {
    const { code, stderr } = await sut(['import', 'aws', 'examples/aws-dump/vpcs.json', 'examples/describe-instance-types.json']);
    expect(code).toBe(2);
    expect(stderr).toContain('AWS_BUNDLE_INVALID');
  });

  it('turns describe-instance-types output into a catalog', async () => {
    const { code, stdout, stderr } = await sut([
      'import',
      'instance-types',
      'examples/describe-instance-types.json',
      '--name',
      'lab',
      '-o',
      'json',
    ]);
    expect(code).toBe(0);
    const catalog = JSON.parse(stdout);
    expect(catalog.name).toBe('lab');
    expect(catalog.instanceTypes.map((type: { name: string }) => type.name)).toEqual(['m5.large', 'm5.xlarge', 'm5.metal', 'm10i.large']);
    expect(stderr).toContain('INSTANCE_TYPE_BRANCH_ENIS_UNKNOWN');
  });
});
