/**
 * Expected outcomes are values, not exceptions (docs/ARCHITECTURE.md, "Errors").
 * Error codes are namespaced: `STARR.EMPTY_ANSWER`, `COMMAND.USAGE`, `CSV.BAD_ROW`, ...
 */
export type DomainError<Code extends string = string> = {
  code: Code;
  /** Parameters the adapter may use to phrase a friendly message in the user's language. */
  params?: Record<string, string | number>;
};

export type Ok<T> = { ok: true; value: T };
export type Err<E = DomainError> = { ok: false; error: E };
export type Result<T, E = DomainError> = Ok<T> | Err<E>;

export const ok = <T>(value: T): Ok<T> => ({ ok: true, value });
export const err = <E>(error: E): Err<E> => ({ ok: false, error });

export function fail<Code extends string>(
  code: Code,
  params?: DomainError['params'],
): Err<DomainError<Code>> {
  return { ok: false, error: params ? { code, params } : { code } };
}
