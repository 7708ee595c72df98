/**
 * Turning what Excel passes to a custom function into typed values, and bad input into the
 * Excel errors of SPEC §4 with a Vietnamese message. Parameters are declared `any` in the
 * JSDoc-typed functions so that Excel hands over raw values and we can explain what is wrong.
 */

/** Thrown inside a function body; `guard` turns it into a CustomFunctions.Error. */
export class FunctionInputError extends Error {
  constructor(
    readonly kind: 'value' | 'num' | 'div0' | 'na',
    message: string,
  ) {
    super(message);
  }
}

export const valueError = (message: string): FunctionInputError => new FunctionInputError('value', message);
export const numError = (message: string): FunctionInputError => new FunctionInputError('num', message);

function excelError(error: FunctionInputError): CustomFunctions.Error {
  const codes = {
    value: CustomFunctions.ErrorCode.invalidValue,
    num: CustomFunctions.ErrorCode.invalidNumber,
    div0: CustomFunctions.ErrorCode.divisionByZero,
    na: CustomFunctions.ErrorCode.notAvailable,
  } as const;
  return new CustomFunctions.Error(codes[error.kind], error.message);
}

/**
 * Runs a function body: a FunctionInputError becomes its Excel error, anything unexpected
 * becomes #VALUE! with a message, so no exception ever reaches Excel unhandled.
 */
export function guard<T>(body: () => T): T {
  try {
    return body();
  } catch (error) {
    if (error instanceof FunctionInputError) throw excelError(error);
    if (error instanceof CustomFunctions.Error) throw error;
    throw new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, 'Lỗi không mong đợi khi tính hàm; hãy kiểm tra các đối số.');
  }
}

/** A single value: a 1×1 range arrives as [[v]] when a range is passed where a value is expected. */
function scalar(value: unknown): unknown {
  if (Array.isArray(value)) {
    const first: unknown = value[0];
    return Array.isArray(first) ? first[0] : first;
  }
  return value;
}

export function isBlankArg(value: unknown): boolean {
  const v = scalar(value);
  return v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
}

/** A number from a number or numeric text ("12", "92,5"); #VALUE! for anything else. */
export function numberArg(value: unknown, name: string): number {
  const v = scalar(value);
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string' && /^\s*-?\d+([.,]\d+)?\s*$/.test(v)) return Number(v.trim().replace(',', '.'));
  if (v === null || v === undefined || v === '') throw valueError(`Thiếu ${name}: cần một số.`);
  throw valueError(`${name} phải là một số (nhận được "${String(v)}").`);
}

/** A whole, non-negative count; #NUM! when negative or fractional. */
export function countArg(value: unknown, name: string): number {
  const n = numberArg(value, name);
  if (n < 0) throw numError(`${name} không được âm (nhận được ${n}).`);
  if (!Number.isInteger(n)) throw numError(`${name} phải là số nguyên (nhận được ${n}).`);
  return n;
}

export function optionalText(value: unknown): string | null {
  if (isBlankArg(value)) return null;
  return String(scalar(value)).trim();
}

export function textArg(value: unknown, name: string): string {
  const text = optionalText(value);
  if (text === null) throw valueError(`Thiếu ${name}.`);
  return text;
}

/** Flattens a range row by row; a single value becomes a one-item list. */
export function flatten(value: unknown): unknown[] {
  if (!Array.isArray(value)) return [value];
  const cells: unknown[] = [];
  for (const row of value as unknown[]) {
    if (Array.isArray(row)) cells.push(...(row as unknown[]));
    else cells.push(row);
  }
  return cells;
}

/**
 * A percent given either as a fraction (0–1, a cell formatted as %) or as points (0–100).
 * A value of at most 1 is a fraction, so exactly 1 means 100 %.
 */
export function percentArg(value: unknown, name: string): number {
  const n = numberArg(value, name);
  if (n < 0 || n > 100) throw numError(`${name} phải từ 0 đến 100 % (nhận được ${n}).`);
  return n <= 1 ? n * 100 : n;
}
