import { describe, expect, it } from 'vitest';
import { isDriverDeadSocketWrite } from './driver-guard';

function errorFrom(message: string, frame: string): Error {
  const error = new TypeError(message);
  error.stack = `TypeError: ${message}\n    at nextWrite (${frame}:255:22)`;
  return error;
}

describe('the guard against the driver writing to a closed connection', () => {
  it('recognises that one driver error', () => {
    const error = errorFrom(
      "Cannot read properties of null (reading 'write')",
      '/srv/stagecoach/node_modules/postgres/src/connection.js',
    );

    expect(isDriverDeadSocketWrite(error)).toBe(true);
  });

  it('lets the same message from our own code crash as usual', () => {
    expect(
      isDriverDeadSocketWrite(errorFrom("Cannot read properties of null (reading 'write')", '/srv/src/x.ts')),
    ).toBe(false);
  });

  it('lets any other driver error crash as usual', () => {
    expect(
      isDriverDeadSocketWrite(
        errorFrom("Cannot read properties of null (reading 'end')", '/n/postgres/src/connection.js'),
      ),
    ).toBe(false);
  });
});
