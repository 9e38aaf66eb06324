import type { Readable } from 'node:stream';

/** bytes; Slack and Teams requests are a few KB (files come by URL), a megabyte is plenty. */
export const MAX_REQUEST_BODY_BYTES = 1_048_576;
/** ms; a platform sends its request at once, a body still trickling in after this is not one. */
export const REQUEST_BODY_TIMEOUT_MS = 10_000;

/** Why a request body was not read; `status` is what the endpoint answers. */
export class BodyError extends Error {
  constructor(
    readonly status: 400 | 408 | 413,
    message: string,
  ) {
    super(message);
    this.name = 'BodyError';
  }
}

export type BodyLimits = { maxBytes?: number; timeoutMs?: number };

/**
 * Reads a request body whole, counting bytes as they arrive: past `maxBytes` (413) or after
 * `timeoutMs` (408) reading stops, so a huge, endless or slow body never fills memory or holds
 * the handler. The caller answers with `status`; the stream is released (not destroyed first),
 * so that answer still reaches the client. A client that aborts gives a 400.
 */
export async function readBoundedBody(req: Readable, limits: BodyLimits = {}): Promise<Buffer> {
  const maxBytes = limits.maxBytes ?? MAX_REQUEST_BODY_BYTES;
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new BodyError(408, 'request body too slow')),
      limits.timeoutMs ?? REQUEST_BODY_TIMEOUT_MS,
    );
  });
  const chunks = req[Symbol.asyncIterator]();
  const parts: Buffer[] = [];
  let size = 0;
  let finished = false;
  try {
    for (;;) {
      const { done, value } = await Promise.race([chunks.next(), expired]);
      if (done) break;
      const buffer = typeof value === 'string' ? Buffer.from(value) : (value as Buffer);
      size += buffer.length;
      if (size > maxBytes) throw new BodyError(413, 'request body too large');
      parts.push(buffer);
    }
    finished = true;
  } catch (error) {
    throw error instanceof BodyError ? error : new BodyError(400, 'request body aborted');
  } finally {
    clearTimeout(timer);
    // Stops reading; like leaving a for-await loop early.
    if (!finished) void chunks.return?.().catch(() => undefined);
  }
  return Buffer.concat(parts);
}
