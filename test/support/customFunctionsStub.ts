/**
 * The slice of Excel's CustomFunctions runtime that the functions use, as Excel defines it:
 * an Error class carrying an error code and message, and associate() collecting bindings.
 * Installed as a global before function tests (jest setupFiles) and for the bundle contract test.
 */
export const ERROR_CODES = {
  invalidValue: '#VALUE!',
  notAvailable: '#N/A',
  divisionByZero: '#DIV/0!',
  invalidNumber: '#NUM!',
  nullReference: '#NULL!',
  invalidName: '#NAME?',
  invalidReference: '#REF!',
} as const;

export class StubCustomFunctionError extends Error {
  constructor(
    readonly code: string,
    message?: string,
  ) {
    super(message ?? code);
  }
}

export interface CustomFunctionsStub {
  Error: typeof StubCustomFunctionError;
  ErrorCode: typeof ERROR_CODES;
  associate(id: string, fn: (...args: unknown[]) => unknown): void;
  bound: Map<string, (...args: unknown[]) => unknown>;
}

export function createCustomFunctionsStub(): CustomFunctionsStub {
  const bound = new Map<string, (...args: unknown[]) => unknown>();
  return {
    Error: StubCustomFunctionError,
    ErrorCode: ERROR_CODES,
    associate(id, fn) {
      if (typeof fn !== 'function') throw new Error(`associate(${id}) was given ${typeof fn}`);
      bound.set(id, fn);
    },
    bound,
  };
}

export function installCustomFunctionsStub(): CustomFunctionsStub {
  const stub = createCustomFunctionsStub();
  (globalThis as unknown as { CustomFunctions: CustomFunctionsStub }).CustomFunctions = stub;
  return stub;
}
