/**
 * The committed openapi.json passes Redocly's recommended ruleset (redocly.yaml) with no error and no warning beyond
 * the justified ones in .redocly.lint-ignore.yaml, and every operation follows the rules a generated client relies
 * on. A route added without them (another controller, another helper) fails here, not in a caller's build.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);

interface Operation {
  operationId?: string;
  summary?: string;
  security?: unknown[];
  parameters?: { in: string; name: string; schema?: Record<string, unknown> }[];
  requestBody?: unknown;
  responses: Record<string, { content?: Record<string, { schema?: { $ref?: string } }> }>;
}

const document = JSON.parse(readFileSync('openapi.json', 'utf8')) as {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, unknown> };
};
const operations = Object.entries(document.paths).flatMap(([path, item]) =>
  Object.entries(item).map(([method, operation]) => ({ name: `${method.toUpperCase()} ${path}`, operation })),
);

/** Statuses an operation must declare, from its shape. */
function expectedErrorStatuses(operation: Operation): string[] {
  const statuses = new Set<string>();
  if (operation.security?.length !== 0) statuses.add('401').add('403');
  if (operation.requestBody) statuses.add('400').add('413').add('415');
  if (operation.parameters?.some((p) => p.in === 'query')) statuses.add('400');
  if (operation.parameters?.some((p) => p.in === 'path')) statuses.add('404');
  return [...statuses].sort();
}

/** Numbers that really are fractional (or any JSON number); every other numeric value is `type: integer`. */
const FRACTIONAL = new Set([
  'CalculationStepModel.value',
  'NumberMoveModel.before',
  'NumberMoveModel.after',
  'NumberMoveModel.delta',
  'SpecChangeModel.before',
  'SpecChangeModel.after',
  'SubnetPlanModel.utilizationAtMax',
  'TightestSubnetModel.utilization',
]);

function numberSchemas(node: unknown, where: string, found: string[]): void {
  if (Array.isArray(node)) {
    node.forEach((child) => numberSchemas(child, where, found));
    return;
  }
  if (typeof node !== 'object' || node === null) return;
  const schema = node as Record<string, unknown>;
  const types = Array.isArray(schema.type) ? schema.type : [schema.type];
  if (types.includes('number')) found.push(where);
  for (const [key, child] of Object.entries(schema))
    numberSchemas(child, key === 'properties' || key === 'oneOf' || key === 'items' ? where : `${where}.${key}`, found);
}

describe('openapi.json', () => {
  it(
    'passes redocly lint with the recommended ruleset: no error, no warning outside .redocly.lint-ignore.yaml',
    { timeout: 120_000 },
    async () => {
      const { stdout } = await run(process.execPath, ['node_modules/.bin/redocly', 'lint', 'openapi.json', '--format', 'json'], {
        env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', REDOCLY_SUPPRESS_NOTIFICATIONS: 'true' },
      }).catch((error: { stdout?: string }) => ({ stdout: error.stdout ?? '' }));
      const report = JSON.parse(stdout) as {
        totals: { errors: number; warnings: number; ignored: number };
        problems: { ruleId: string; message: string }[];
      };
      expect(report.problems.map((p) => `${p.ruleId}: ${p.message}`)).toEqual([]);
      expect(report.totals).toEqual({ errors: 0, warnings: 0, ignored: 2 });
    },
  );

  it('gives every operation a summary and declares each error status its shape implies, with the Error schema', () => {
    for (const { name, operation } of operations) {
      expect(operation.summary, name).toMatch(/\S/);
      const declared = Object.keys(operation.responses).filter((status) => /^[45]/.test(status));
      for (const status of expectedErrorStatuses(operation)) expect(declared, `${name} declares ${status}`).toContain(status);
      if (operation.security?.length === 0) continue; // the health probes: their 503 is the health report
      for (const status of declared) {
        expect(operation.responses[status].content?.['application/json']?.schema?.$ref, `${name} ${status}`).toBe(
          '#/components/schemas/Error',
        );
      }
    }
  });

  it('answers each success with one media type, so a generated client knows how to parse it', () => {
    for (const { name, operation } of operations) {
      for (const [status, response] of Object.entries(operation.responses)) {
        if (/^2/.test(status) && response.content) expect(Object.keys(response.content), `${name} ${status}`).toHaveLength(1);
      }
    }
    expect(Object.keys(document.paths['/v1/paths/trace'].post.responses['200'].content ?? {})).toEqual(['application/json']);
    expect(Object.keys(document.paths['/v1/paths/trace.svg'].get.responses['200'].content ?? {})).toEqual(['image/svg+xml']);
    expect(document.paths['/v1/designs/{id}/export/eksctl'].get.responses['200'].content).toEqual({
      'application/yaml': { schema: { type: 'string' } },
    });
  });

  it('declares integers as integers: only fractional values stay `number`', () => {
    const found: string[] = [];
    for (const [name, schema] of Object.entries(document.components.schemas)) {
      for (const [property, child] of Object.entries((schema as { properties?: Record<string, unknown> }).properties ?? {})) {
        numberSchemas(child, `${name}.${property}`, found);
      }
    }
    for (const { name, operation } of operations) {
      for (const parameter of operation.parameters ?? []) numberSchemas(parameter.schema, `${name} ${parameter.name}`, found);
    }
    expect([...new Set(found)].sort()).toEqual([...FRACTIONAL].sort());
  });

  it('has no 3.0 leftovers: no `nullable`, no single-item allOf wrapper', () => {
    const text = readFileSync('openapi.json', 'utf8');
    expect(text).not.toContain('"nullable"');
    const wrappers: string[] = [];
    JSON.parse(text, (key, value: unknown) => {
      if (key === 'allOf' && Array.isArray(value) && value.length === 1) wrappers.push(JSON.stringify(value));
      return value;
    });
    expect(wrappers).toEqual([]);
  });
});
