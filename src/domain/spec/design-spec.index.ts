/**
 * Name lookups over a draft design, built once and shared by the rules. The first entry with a name wins;
 * later ones are duplicates (reported by the reference rules).
 */
import { distance } from 'fastest-levenshtein';
import type { Problems } from './design-spec.problems.js';
import type { Draft } from './design-spec.readers.js';
import type { DesignSpec, DesignValidationContext, NatGateway, NodeGroup, SecurityGroup, Subnet } from './design-spec.types.js';

/** What every cross-field rule receives. */
export interface RuleInput {
  readonly spec: Draft<DesignSpec>;
  readonly index: DesignIndex;
  readonly context: DesignValidationContext;
  readonly problems: Problems;
  readonly suggestions: Suggestions;
}

export class NameIndex<T extends { name?: string }> {
  private readonly byName = new Map<string, number>();
  private nameList: string[] | undefined;
  /**
   * False when the list, or the name of one of its entries, could not be read: a name missing from it may then
   * just be unreadable, so references into it are not reported as unknown.
   */
  public readonly complete: boolean;

  public constructor(
    public readonly entries: readonly (T | undefined)[],
    listReadable: boolean,
  ) {
    let complete = listReadable;
    entries.forEach((entry, index) => {
      const name = entry?.name;
      if (name === undefined) complete = false;
      else if (!this.byName.has(name)) this.byName.set(name, index);
    });
    this.complete = complete;
  }

  public indexOf(name: string): number | undefined {
    return this.byName.get(name);
  }

  public get(name: string): T | undefined {
    const index = this.byName.get(name);
    return index === undefined ? undefined : this.entries[index];
  }

  public names(): readonly string[] {
    this.nameList ??= [...this.byName.keys()];
    return this.nameList;
  }
}

export interface DesignIndex {
  readonly subnets: NameIndex<Draft<Subnet>>;
  readonly natGateways: NameIndex<Draft<NatGateway>>;
  readonly nodeGroups: NameIndex<Draft<NodeGroup>>;
  readonly securityGroups: NameIndex<Draft<SecurityGroup>>;
}

/** Built after the structure is read: a list with a problem at its own path (wrong type, too long) is unreadable. */
export function indexDesign(spec: Draft<DesignSpec>, problems: Problems): DesignIndex {
  const readable = (list: keyof DesignSpec) => spec[list] !== undefined || !problems.has([list]);
  return {
    subnets: new NameIndex(spec.subnets ?? [], readable('subnets')),
    natGateways: new NameIndex(spec.natGateways ?? [], readable('natGateways')),
    nodeGroups: new NameIndex(spec.nodeGroups ?? [], readable('nodeGroups')),
    securityGroups: new NameIndex(spec.securityGroups ?? [], readable('securityGroups')),
  };
}

/** Comparisons one validation may spend on "did you mean" hints, so a hostile design cannot make it slow. */
const SUGGESTION_BUDGET = 100_000;

export class Suggestions {
  private budget = SUGGESTION_BUDGET;

  /** ` Did you mean "m5.large"?` for a near miss (a typo, not a different name), or ''. */
  public didYouMean(value: string, candidates: readonly string[]): string {
    if (candidates.length === 0 || candidates.length > this.budget) return '';
    this.budget -= candidates.length;
    const tolerance = Math.max(1, Math.floor(value.length / 4));
    let best: string | undefined;
    let bestDistance = tolerance + 1;
    for (const candidate of candidates) {
      if (Math.abs(candidate.length - value.length) > tolerance) continue;
      const d = distance(value.toLowerCase(), candidate.toLowerCase());
      if (d < bestDistance) {
        best = candidate;
        bestDistance = d;
      }
    }
    return best === undefined ? '' : ` Did you mean ${JSON.stringify(best)}?`;
  }
}
