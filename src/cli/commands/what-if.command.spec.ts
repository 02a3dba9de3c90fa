/** `what-if` and `advise` in-process over the local engines. */
import { describe, expect, it } from 'vitest';
import type { CliIo } from '../cli.context.js';
import { runCli } from '../main.js';

const DESIGN = new URL('../../../test/fixtures/advice/overflow-design.json', import.meta.url).pathname;
const WARM_PATCH = [
  { op: 'add', path: '/cni/warmEniTarget', value: 0 },
  { op: 'add', path: '/cni/warmIpTarget', value: 4 },
  { op: 'add', path: '/cni/minimumIpTarget', value: 15 },
];

async function sut(argv: string[], stdin = ''): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { stdout: (text) => void (stdout += text), stderr: (text) => void (stderr += text), readStdin: async () => stdin };
  return { code: await runCli(argv, io), stdout, stderr };
}

describe('what-if and advise', () => {
  it('what-if <design> <patch>: the diff of the plan, exit 0 when the changed design has no error', async () => {
    const { code, stdout, stderr } = await sut(['what-if', DESIGN, '-', '-o', 'json'], JSON.stringify({ patch: WARM_PATCH }));
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(JSON.parse(stdout).diff.plan.summary.usedIpsAtMax).toEqual({ before: 3243, after: 1515, delta: -1728 });
    const table = await sut(['what-if', DESIGN, '-'], JSON.stringify(WARM_PATCH));
    expect(table.stdout).toContain('private-a  1080 → 504 (-576)');
  });

  it('what-if with a failing test operation: the coded error naming the operation', async () => {
    const { code, stderr } = await sut(['what-if', DESIGN, '-'], JSON.stringify([{ op: 'test', path: '/nodeGroups/0/maxSize', value: 1 }]));
    expect(code).not.toBe(0);
    expect(stderr).toContain('error PATCH_TEST_FAILED: Patch operation 0 (test at "/nodeGroups/0/maxSize")');
  });

  it('advise <design>: problems and ranked remedies, exit 1 while there are problems', async () => {
    const { code, stdout } = await sut(['advise', DESIGN, '-o', 'json']);
    expect(code).toBe(1);
    const advice = JSON.parse(stdout) as { problems: unknown[]; remedies: Array<{ kind: string; rank: number }> };
    expect(advice.problems).toHaveLength(3);
    expect(advice.remedies.slice(0, 2).map((remedy) => remedy.kind)).toEqual(['WARM_POOL_TUNING', 'PREFIX_DELEGATION']);
    const table = await sut(['advise', DESIGN]);
    expect(table.stdout).toContain(
      '#1 WARM_POOL_TUNING (NONE): Shrink the warm pool: WARM_ENI_TARGET=0, WARM_IP_TARGET=4, MINIMUM_IP_TARGET=15',
    );
  });
});
