import type { FastifyRequest } from 'fastify';
import { errorCodes } from 'fastify';
import secureJsonParse from 'secure-json-parse';
import { InvalidInputError } from '../../domain/errors/planning-error.js';

/**
 * The JSON body parser: secure-json-parse (what Fastify's own parser uses) refusing `__proto__` and
 * `constructor.prototype` keys, with their own code and message — Fastify's parser answers them "Body is not valid JSON".
 */
export function parseJsonBody(_request: FastifyRequest, body: Buffer, done: (error: Error | null, parsed?: unknown) => void): void {
  if (body.length === 0) {
    done(new errorCodes.FST_ERR_CTP_EMPTY_JSON_BODY());
    return;
  }
  try {
    done(null, secureJsonParse.parse(body, null, { protoAction: 'error', constructorAction: 'error' }));
  } catch (error) {
    if (error instanceof SyntaxError && /forbidden (prototype|constructor) property/.test(error.message)) {
      done(
        new InvalidInputError(
          'FORBIDDEN_JSON_KEY',
          'The JSON body has a "__proto__" or "constructor.prototype" key; such keys are refused.',
          [{ path: '', message: error.message }],
        ),
      );
      return;
    }
    done(new errorCodes.FST_ERR_CTP_INVALID_JSON_BODY());
  }
}
