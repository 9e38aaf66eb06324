import type { IncomingMessage, ServerResponse } from 'node:http';
import { BodyError, type BodyLimits, readBoundedBody } from '../shared/body';

/**
 * `CloudAdapter.process` expects Express-like request/response objects. These shims give it
 * exactly what it uses over plain node:http, so the shared server needs no framework.
 */

export type ShimRequest = {
  method?: string;
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

/** An activity as a JSON object, read with the shared limits (400, 408 or 413 on failure). */
export async function readJsonBody(
  req: IncomingMessage,
  limits?: BodyLimits,
): Promise<Record<string, unknown>> {
  const raw = await readBoundedBody(req, limits);
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw.toString('utf8'));
  } catch {
    throw new BodyError(400, 'request body is not JSON');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new BodyError(400, 'request body is not a JSON object');
  }
  return parsed as Record<string, unknown>;
}

export function createShimRequest(req: IncomingMessage, body: Record<string, unknown>): ShimRequest {
  return req.method === undefined
    ? { headers: req.headers, body }
    : { method: req.method, headers: req.headers, body };
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
