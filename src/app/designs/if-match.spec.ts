import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../domain/errors/planning-error.js';
import { thrownBy } from '../../../test/support/thrown.js';
import { etagOf, revisionFromIfMatch as sut } from './if-match.js';

describe('revisionFromIfMatch', () => {
  it.each([
    ['"3"', 3],
    ['W/"3"', 3],
    ['3', 3],
    [' "12" ', 12],
    [['"4"'], 4],
    ['"2147483647"', 2_147_483_647],
  ] as const)('reads %j as revision %i', (header, revision) => {
    expect(sut(header as string | string[])).toBe(revision);
  });

  it.each([undefined, ''])('answers undefined for an absent header (%j): the service answers 428', (header) => {
    expect(sut(header)).toBeUndefined();
  });

  it.each(['"abc"', '"0"', '"2147483648"', '"1", "2"', ['"1"', '"2"'], '*', '"-1"'])('refuses %j with INVALID_IF_MATCH', (header) => {
    const error = thrownBy(() => sut(header), InvalidInputError);
    expect(error.code).toBe('INVALID_IF_MATCH');
    expect(error.details[0].path).toBe('If-Match');
  });

  it('writes the revision as a strong ETag that reads back', () => {
    expect(etagOf(5)).toBe('"5"');
    expect(sut(etagOf(5))).toBe(5);
  });
});
