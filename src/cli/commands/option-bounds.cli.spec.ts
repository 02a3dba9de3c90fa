/** The CLI flags of bounded options accept exactly OPTION_BOUNDS at the edges (bound and bound ± 1), like the API. */
import { Command, CommanderError } from 'commander';
import { describe, expect, it } from 'vitest';
import { OPTION_BOUNDS, type IntegerBounds } from '../../domain/spec/option-bounds.js';
import { addMaxPodsOptions } from './capacity-options.js';
import { parseNodeGroup } from './subnet-usage.command.js';

function parses(flag: string, value: number): boolean {
  const command = addMaxPodsOptions(new Command('max-pods'))
    .exitOverride()
    .configureOutput({ writeErr: () => undefined })
    .action(() => undefined);
  try {
    command.parse([flag, String(value)], { from: 'user' });
    return true;
  } catch (error) {
    if (error instanceof CommanderError && error.code === 'commander.invalidArgument') return false;
    throw error;
  }
}

const edges = (bounds: IntegerBounds): [number, boolean][] => [
  [bounds.min - 1, false],
  [bounds.min, true],
  [bounds.max, true],
  [bounds.max + 1, false],
];

describe('CLI bounded flags', () => {
  it.each([
    ['--max-enis', OPTION_BOUNDS.maxEnis],
    ['--reserved-enis', OPTION_BOUNDS.reservedEnis],
    ['--kubelet-max-pods', OPTION_BOUNDS.kubeletMaxPods],
    ['--pods-per-core', OPTION_BOUNDS.podsPerCore],
  ] as const)('%s', (flag, bounds) => {
    for (const [value, expected] of edges(bounds)) expect([value, parses(flag, value)]).toEqual([value, expected]);
  });

  it('--node-group nodes and pods per node', () => {
    for (const [value, expected] of edges(OPTION_BOUNDS.nodes)) {
      expect([value, accepted(() => parseNodeGroup(`m5.large:${value}:10`))]).toEqual([value, expected]);
    }
    for (const [value, expected] of edges(OPTION_BOUNDS.podsPerNode)) {
      expect([value, accepted(() => parseNodeGroup(`m5.large:1:${value}`))]).toEqual([value, expected]);
    }
  });
});

function accepted(run: () => unknown): boolean {
  try {
    run();
    return true;
  } catch {
    return false;
  }
}
