import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * `CloudAdapter.process` expects Express-like request/response objects. These shims give it
 * exactly what it uses over plain node:http, so the shared server needs no framework.
 */
export const MAX_BODY_BYTES = 1_048_576; // bytes; activities are small, files come by URL

export type ShimRequest = {
  method: string | undefined;
  headers: IncomingMessage['headers'];
  body: Record<string, unknown>;
};

export type ShimResponse = {
  socket: unknown;
  status(code: number): ShimResponse;
  header(name: string, value: unknown): ShimResponse;
  send(body?: unknown): ShimResponse;
  end(): ShimResponse;
};

export class BodyError extends Error {
  constructor(
    readonly status: 400 | 413,
    message: string,
  ) {
    super(message);
    this.name = 'BodyError';
  }
}

export async function readJsonBody(
  req: IncomingMessage,
  limit = MAX_BODY_BYTES,
): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    size += buffer.length;
    if (size > limit) throw new BodyError(413, 'request body too large');
    chunks.push(buffer);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new BodyError(400, 'request body is not JSON');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new BodyError(400, 'request body is not a JSON object');
  }
  return parsed as Record<string, unknown>;
}

export function createShimRequest(req: IncomingMessage, body: Record<string, unknown>): ShimRequest {
  return { method: req.method, headers: req.headers, body };
}

export function createShimResponse(res: ServerResponse): ShimResponse {
  let pending: string | Buffer | undefined;
  const shim: ShimResponse = {
    socket: res.socket,
    status(code) {
      res.statusCode = code;
      return shim;
    },
    header(name, value) {
      if (!res.headersSent) res.setHeader(name, String(value));
      return shim;
    },
    send(body) {
      if (body === undefined || body === null) return shim;
      // botbuilder puts its error text (e.g. why a token failed) in error bodies: never echo it.
      if (res.statusCode >= 400) return shim;
      if (typeof body === 'string' || Buffer.isBuffer(body)) {
        pending = body;
        if (!res.headersSent && !res.hasHeader('content-type')) res.setHeader('content-type', 'text/plain');
      } else {
        pending = JSON.stringify(body);
        if (!res.headersSent) res.setHeader('content-type', 'application/json; charset=utf-8');
      }
      return shim;
    },
    end() {
      if (!res.writableEnded) res.end(pending);
      return shim;
    },
  };
  return shim;
}

export function sendStatus(res: ServerResponse, status: number, message?: string): void {
  if (res.writableEnded) return;
  res.statusCode = status;
  if (message) res.setHeader('content-type', 'text/plain');
  res.end(message);
}
