/**
 * RFC 6902 JSON Patch over a DesignSpec, through fast-json-patch: the patch is validated operation by operation against
 * the document (so `test` operations are honoured and a missing path is named), applied to a copy, and never to the
 * caller's spec. A bad patch is a 400 that names the operation's index, op and path.
 */
import fastJsonPatch, { type Operation } from 'fast-json-patch';
import { InvalidInputError } from '../errors/planning-error.js';

const { applyPatch, deepClone, JsonPatchError } = fastJsonPatch;

export const JSON_PATCH_OPS = ['add', 'remove', 'replace', 'move', 'copy', 'test'] as const;
export type JsonPatchOp = (typeof JSON_PATCH_OPS)[number];

/** One RFC 6902 operation as the API carries it (`from` for move/copy, `value` for add/replace/test). */
export interface JsonPatchOperation {
  op: JsonPatchOp;
  path: string;
  from?: string;
  value?: unknown;
}

/** Operations a patch may hold; what-if patches stay far below it, and a larger one is refused before any work. */
export const MAX_PATCH_OPERATIONS = 1000;

/** What fast-json-patch's error names mean, in words a caller can act on. */
const REASONS: Readonly<Record<string, string>> = {
  SEQUENCE_NOT_AN_ARRAY: 'the patch must be a list of operations',
  OPERATION_NOT_AN_OBJECT: 'an operation must be an object',
  OPERATION_OP_INVALID: 'op must be one of add, remove, replace, move, copy, test',
  OPERATION_PATH_INVALID: 'path must be a JSON Pointer string ("" or starting with "/")',
  OPERATION_FROM_REQUIRED: 'move and copy need a "from" JSON Pointer',
  OPERATION_VALUE_REQUIRED: 'add, replace and test need a "value"',
  OPERATION_VALUE_CANNOT_CONTAIN_UNDEFINED: 'the value must be JSON',
  OPERATION_PATH_CANNOT_ADD: 'the parent of the path does not exist',
  OPERATION_PATH_UNRESOLVABLE: 'the path does not exist in the design',
  OPERATION_FROM_UNRESOLVABLE: 'the "from" path does not exist in the design',
  OPERATION_PATH_ILLEGAL_ARRAY_INDEX: 'a list index must be a number or "-"',
  OPERATION_VALUE_OUT_OF_BOUNDS: 'the list index is past the end of the list',
  TEST_OPERATION_FAILED: 'the value at the path is not the one the test expects',
};

/** The spec with the patch applied (a new object; `spec` is left as it was). Throws 400 PATCH_INVALID / PATCH_TEST_FAILED. */
export function applyDesignPatch(spec: unknown, patch: unknown): unknown {
  if (!Array.isArray(patch)) throw patchError('PATCH_INVALID', undefined, undefined, REASONS.SEQUENCE_NOT_AN_ARRAY);
  if (patch.length > MAX_PATCH_OPERATIONS) {
    throw patchError('PATCH_INVALID', undefined, undefined, `the patch has ${patch.length} operations; at most ${MAX_PATCH_OPERATIONS}`);
  }
  if (patch.length === 0) return deepClone(spec) as unknown;
  patch.forEach((operation: unknown, index) => {
    const pointers = isObject(operation) ? [operation.path, operation.from] : [];
    // fast-json-patch refuses these too, but with a bare TypeError that names no operation.
    if (pointers.some((pointer) => typeof pointer === 'string' && PROTOTYPE_SEGMENT.test(pointer))) {
      throw patchError(
        'PATCH_INVALID',
        index,
        operation as Partial<JsonPatchOperation>,
        'a path may not reach __proto__ or constructor/prototype',
      );
    }
  });
  try {
    // validateOperation=true checks each operation against the document as it is at that point; prototype changes
    // (`__proto__`, `constructor/prototype`) are refused by fast-json-patch's default banPrototypeModifications.
    return applyPatch(deepClone(spec), deepClone(patch) as Operation[], true, true).newDocument as unknown;
  } catch (error) {
    if (!(error instanceof JsonPatchError)) throw error;
    const operation = error.operation as Partial<JsonPatchOperation> | undefined;
    const code = error.name === 'TEST_OPERATION_FAILED' ? 'PATCH_TEST_FAILED' : 'PATCH_INVALID';
    const reason = REASONS[error.name] ?? error.message.split('\n')[0] ?? 'the operation cannot be applied';
    throw patchError(code, error.index, operation, reason);
  }
}

const PROTOTYPE_SEGMENT = /(^|\/)(__proto__|prototype)(\/|$)/;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function patchError(
  code: 'PATCH_INVALID' | 'PATCH_TEST_FAILED',
  index: number | undefined,
  operation: Partial<JsonPatchOperation> | undefined,
  reason: string,
): InvalidInputError {
  const where = index === undefined ? 'patch' : `patch[${index}]`;
  const pointer = typeof operation?.path === 'string' ? operation.path : undefined;
  const op = typeof operation?.op === 'string' ? `${operation.op} ` : '';
  const at =
    index === undefined ? 'The patch' : `Patch operation ${index} (${op}${pointer === undefined ? 'without a path' : `at "${pointer}"`})`;
  return new InvalidInputError(code, `${at} cannot be applied: ${reason}.`, [
    { path: pointer === undefined ? where : `${where}.path`, message: `${reason}${pointer === undefined ? '' : ` (${pointer})`}` },
  ]);
}
