import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Logger } from '../logging';

export type RouteHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

export type HealthReport = { ok: boolean } & Record<string, unknown>;

export type HttpServerOptions = {
  port: number;
  /** Interface to bind; all interfaces when unset (tests bind 127.0.0.1). */
  host?: string;
  logger: Logger;
  health: () => Promise<HealthReport>;
  /** `POST /slack/events` when Slack is configured. */
  slack?: RouteHandler;
  /** `POST /api/messages` when Teams is configured. */
  teams?: RouteHandler;
  /** Slow-client limits in ms (tests shorten them); defaults below. */
  timeouts?: { headers?: number; request?: number; idle?: number };
};

/** A client gets this long to send its headers, its whole request, and between requests. */
export const HEADERS_TIMEOUT_MS = 10_000;
export const REQUEST_TIMEOUT_MS = 30_000;
export const KEEP_ALIVE_TIMEOUT_MS = 5_000;
/** ms between closing connections that turned idle while the server stops. */
const IDLE_SWEEP_MS = 50;

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

/**
 * The one HTTP server: health for load balancers and the platform webhooks. Adapters own
 * their request handling (signature checks, acks); this only routes and keeps faults contained.
 */
export function createHttpServer(options: HttpServerOptions): {
  server: Server;
  listen(): Promise<number>;
  close(): Promise<void>;
} {
  const routes: Record<string, RouteHandler | undefined> = {
    'POST /slack/events': options.slack,
    'POST /api/messages': options.teams,
  };

  const headersTimeout = options.timeouts?.headers ?? HEADERS_TIMEOUT_MS;
  const requestTimeout = options.timeouts?.request ?? REQUEST_TIMEOUT_MS;
  // A slow or stalled client (headers dribbled, a body that never ends) cannot hold a socket:
  // the platforms send small requests quickly. Body sizes are capped by each adapter while reading.
  const server = createServer(
    {
      headersTimeout,
      requestTimeout,
      keepAliveTimeout: options.timeouts?.idle ?? KEEP_ALIVE_TIMEOUT_MS,
      // How often Node checks those timeouts (its default, 30 s, would let a stall last that long).
      connectionsCheckingInterval: Math.min(1_000, Math.floor(headersTimeout / 2)),
      maxHeaderSize: 16_384,
    },
    (req, res) => {
      const path = (req.url ?? '/').split('?')[0];
      const key = `${req.method} ${path}`;
      if (key === 'GET /healthz') {
        options
          .health()
          .then((report) => sendJson(res, report.ok ? 200 : 503, report))
          .catch((error: unknown) => {
            options.logger.error({ err: error }, 'health check failed');
            sendJson(res, 503, { ok: false });
          });
        return;
      }
      const handler = routes[key];
      if (!handler) {
        sendJson(res, 404, { error: 'not found' });
        return;
      }
      handler(req, res).catch((error: unknown) => {
        options.logger.error({ err: error, route: key }, 'unhandled error in route');
        if (!res.headersSent) sendJson(res, 500, { error: 'internal error' });
        else res.end();
      });
    },
  );

  server.maxHeadersCount = 100;

  return {
    server,
    listen: () =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        const onListening = () => {
          const address = server.address();
          resolve(typeof address === 'object' && address ? address.port : options.port);
        };
        if (options.host) server.listen(options.port, options.host, onListening);
        else server.listen(options.port, onListening);
      }),
    close: () =>
      new Promise((resolve) => {
        // close() waits for every connection to end, and a keep-alive connection whose request
        // was in flight only ends when its idle timeout (5 s) runs out. Closing connections as
        // they turn idle lets a stopping process exit as soon as its last answer is sent.
        const sweep = setInterval(() => server.closeIdleConnections(), IDLE_SWEEP_MS);
        server.close(() => {
          clearInterval(sweep);
          resolve();
        });
        server.closeIdleConnections();
      }),
  };
}
