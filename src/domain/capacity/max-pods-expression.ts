/**
 * nodeadm `spec.kubelet.maxPodsExpression`: a CEL expression over `default_enis`, `ips_per_eni` and `max_pods`
 * (awslabs/amazon-eks-ami nodeadm/internal/kubelet/eni_max_pods.go evaluateCustomMaxPodsExpression, nodeadm/doc/examples.md).
 * nodeadm compiles (parse + type-check) the expression, converts the result to an int like cel-go's
 * `ConvertToType(IntType)`, and accepts only 0 < value ≤ MaxInt32; anything else falls back to the standard value.
 * Compile once, evaluate per instance type.
 */
import { Environment } from '@marcbachmann/cel-js';
import { LRUCache } from 'lru-cache';

export interface MaxPodsExpressionVariables {
  defaultEnis: number;
  ipsPerEni: number;
  maxPods: number;
}

export type MaxPodsExpressionOutcome = { ok: true; value: number } | { ok: false; reason: string };

export interface CompiledMaxPodsExpression {
  readonly text: string;
  evaluate(variables: MaxPodsExpressionVariables): MaxPodsExpressionOutcome;
}

const MAX_INT32 = 2_147_483_647n;
const MIN_INT64 = -(2n ** 63n);
const MAX_INT64 = 2n ** 63n - 1n;
const CACHE_LIMIT = 64;

const environment = new Environment()
  .registerVariable('default_enis', 'int')
  .registerVariable('ips_per_eni', 'int')
  .registerVariable('max_pods', 'int');

const cache = new LRUCache<string, CompiledMaxPodsExpression>({ max: CACHE_LIMIT });

/** Compiles (or returns the cached compilation of) an expression. Never throws: a failed compilation evaluates to its reason (the fallback). */
export function compileMaxPodsExpression(text: string): CompiledMaxPodsExpression {
  const cached = cache.get(text);
  if (cached) return cached;
  const compiled = compile(text);
  cache.set(text, compiled);
  return compiled;
}

function compile(text: string): CompiledMaxPodsExpression {
  let program: ReturnType<Environment['parse']>;
  try {
    program = environment.parse(text);
  } catch (error) {
    return failed(text, `does not parse: ${firstLine(error)}`);
  }
  const checked = program.check();
  if (!checked.valid) return failed(text, `does not type-check: ${firstLine(checked.error)}`);
  return {
    text,
    evaluate(variables) {
      let raw: unknown;
      try {
        raw = program({
          default_enis: BigInt(variables.defaultEnis),
          ips_per_eni: BigInt(variables.ipsPerEni),
          max_pods: BigInt(variables.maxPods),
        });
      } catch (error) {
        return { ok: false, reason: `evaluation failed: ${firstLine(error)}` };
      }
      return toPositiveInt32(raw);
    },
  };
}

function failed(text: string, reason: string): CompiledMaxPodsExpression {
  return { text, evaluate: () => ({ ok: false, reason }) };
}

/** cel-go ConvertToType(IntType): ints as is, uints and doubles (truncated) when in range, decimal strings parsed. */
function toPositiveInt32(raw: unknown): MaxPodsExpressionOutcome {
  let value: bigint | undefined;
  if (typeof raw === 'bigint') value = raw;
  else if (typeof raw === 'number' && Number.isFinite(raw) && raw > -(2 ** 63) && raw < 2 ** 63) value = BigInt(Math.trunc(raw));
  else if (typeof raw === 'string' && /^[+-]?\d+$/.test(raw)) value = BigInt(raw);
  else if (isUnsignedInt(raw)) value = raw.valueOf();
  if (value === undefined || value < MIN_INT64 || value > MAX_INT64) {
    return { ok: false, reason: `result ${describe(raw)} cannot be read as an integer` };
  }
  if (value <= 0n || value > MAX_INT32) {
    return { ok: false, reason: `result ${value} is not a positive integer of at most ${MAX_INT32}` };
  }
  return { ok: true, value: Number(value) };
}

function isUnsignedInt(raw: unknown): raw is { valueOf(): bigint } {
  return typeof raw === 'object' && raw !== null && raw.constructor?.name === 'UnsignedInt' && typeof raw.valueOf() === 'bigint';
}

function describe(raw: unknown): string {
  if (typeof raw === 'string') return JSON.stringify(raw);
  if (typeof raw === 'bigint' || typeof raw === 'number' || typeof raw === 'boolean') return String(raw);
  return raw === null ? 'null' : typeof raw;
}

function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0] ?? message;
}
