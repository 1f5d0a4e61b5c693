import { expect } from 'vitest';
import { VerifyTokenError } from '../src/errors';

/** The error a verification rejected with, asserted to be a `VerifyTokenError`. */
export async function rejection(promise: Promise<unknown>): Promise<VerifyTokenError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(VerifyTokenError);
  return error as VerifyTokenError;
}
