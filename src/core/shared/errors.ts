/**
 * The one family for faults (bugs, broken infrastructure, invalid configuration).
 * Expected outcomes such as a typo in a command are `Result` values instead.
 */
export class StagecoachError extends Error {
  readonly code: string;

  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StagecoachError';
    this.code = code;
  }
}

/** Compile-time exhaustiveness: a new union variant that is not handled fails the build. */
export function assertNever(value: never): never {
  throw new StagecoachError('INTERNAL.UNREACHABLE', `Unhandled variant: ${JSON.stringify(value)}`);
}
