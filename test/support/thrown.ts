/** Test support: the error a call throws, asserted to be of the expected class (a call that returns fails the test). */
import { expect } from 'vitest';

export function thrownBy<E extends Error>(run: () => unknown, type: abstract new (...args: never[]) => E): E {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(type);
    return error as E;
  }
  throw new Error(`expected ${type.name} to be thrown`);
}
