/** What a remedy builder sees and returns (apart from the advisor engine, which runs the builders). */
import type { InstanceTypeRecord } from '../catalog/instance-type.js';
import type { DesignPlan } from '../plan/index.js';
import type { DesignSpec } from '../spec/design-spec.types.js';
import type { AdviceProblem, Remedy, RemedyKind, TradeOff } from './advice.types.js';
import type { JsonPatchOperation } from './json-patch.js';
import type { WhatIfDependencies, WhatIfResult } from './what-if.engine.js';

export interface AdvisorDependencies extends WhatIfDependencies {
  /** Every instance type of the design's catalog (the INSTANCE_TYPES remedy looks for alternatives among them). */
  instanceTypes: readonly InstanceTypeRecord[];
}

/** A remedy before it is priced: what to change and why. */
export interface RemedyCandidate {
  kind: RemedyKind;
  title: string;
  patch: JsonPatchOperation[];
  disruption: Remedy['disruption'];
  tradeOffs: TradeOff[];
}

/** A patch run through what-if, with the problems its plan still has. */
export interface PricedPatch {
  result: WhatIfResult;
  problems: AdviceProblem[];
  /** Keys (problemKey) of the base problems the patched design no longer has. */
  solved: Set<string>;
}

/** What a remedy builder sees: the design, its plan and problems, and a way to price a patch. */
export interface AdviceContext {
  spec: DesignSpec;
  plan: DesignPlan;
  problems: AdviceProblem[];
  deps: AdvisorDependencies;
  /** The patch through what-if; undefined when the patched spec does not validate (the remedy is not offered). */
  price(patch: JsonPatchOperation[]): PricedPatch | undefined;
}

export type RemedyBuilder = (context: AdviceContext) => RemedyCandidate | undefined;
