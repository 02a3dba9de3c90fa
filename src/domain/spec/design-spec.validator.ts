/**
 * Strict DesignSpec validation (docs/api.md "Saved designs"). Takes any JSON a caller can send and returns either a
 * clean copy of the spec (known fields only; absent optional fields stay absent) or every problem found, each with its
 * path and rule code, in document order. It never throws for bad input.
 */
import { ValidationFailedError, type ErrorDetail } from '../errors/planning-error.js';
import { checkNetwork } from './design-spec-network.rules.js';
import { checkNamesAndReferences } from './design-spec-reference.rules.js';
import { checkSemantics } from './design-spec-semantic.rules.js';
import { indexDesign, Suggestions, type RuleInput } from './design-spec.index.js';
import { Problems, SpecPath } from './design-spec.problems.js';
import { readDesignSpec } from './design-spec.schema.js';
import type { DesignSpec, DesignValidationContext } from './design-spec.types.js';

export type DesignSpecValidation = { ok: true; spec: DesignSpec } | { ok: false; details: ErrorDetail[] };

export function validateDesignSpec(input: unknown, context: DesignValidationContext): DesignSpecValidation {
  const problems = new Problems();
  let spec: DesignSpec | undefined;
  try {
    const draft = readDesignSpec(input, SpecPath.root, problems);
    if (draft !== undefined) {
      const rules: RuleInput = {
        spec: draft,
        index: indexDesign(draft, problems),
        context,
        problems,
        suggestions: new Suggestions(),
      };
      checkNetwork(draft, problems);
      checkNamesAndReferences(rules);
      checkSemantics(rules);
      // Every reader and rule passed, so every required field is present with its declared type.
      if (problems.isEmpty) spec = draft as DesignSpec;
    }
  } catch {
    // JSON input never gets here (property-tested); a JavaScript caller's throwing getter or revoked proxy can.
    problems.add(SpecPath.root, 'INPUT_UNREADABLE', 'The input could not be read as JSON data (reading a property failed).');
  }
  return spec !== undefined ? { ok: true, spec } : { ok: false, details: problems.toDetails(input) };
}

/** The same validation for callers that want the domain error: throws ValidationFailedError (400 VALIDATION_FAILED). */
export function assertValidDesignSpec(input: unknown, context: DesignValidationContext): DesignSpec {
  const result = validateDesignSpec(input, context);
  if (!result.ok) throw new ValidationFailedError(result.details);
  return result.spec;
}
