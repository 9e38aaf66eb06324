import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Inbound, InboundResult } from '../../src/app/inbound';
import type {
  Clock,
  ConversationRefStore,
  InboundHandler,
  LifecycleEvent,
  PlatformIdentity,
} from '../../src/app/ports';
import type { Message } from '../../src/core/messages/model';

/**
 * Test doubles for the Teams adapter: a fake Bot Connector (`serviceUrl`) on 127.0.0.1 that
 * records every call, an in-memory reference store, a scripted app handler and a settable clock.
 * Nothing here reaches the internet.
 */
export type ConnectorCall = {
  method: string;
  path: string;
  conversationId: string;
  replyToId?: string;
  authorization?: string;
  body: unknown;
};

export type ScriptedFailure = { status: number; headers?: Record<string, string>; body?: unknown };

export type FakeConnector = {
  url: string;
  calls: ConnectorCall[];
  /** Activities posted to conversations (sends and replies). */
  posted(): Array<ConnectorCall & { body: Record<string, unknown> }>;
  failNext(failure: ScriptedFailure): void;
  member: { email?: string; userPrincipalName?: string };
  files: Map<string, string>;
  /** Paths of every file download asked for. */
  fileRequests: string[];
  close(): Promise<void>;
};

export async function startFakeConnector(): Promise<FakeConnector> {
  const calls: ConnectorCall[] = [];
  const failures: ScriptedFailure[] = [];
  const files = new Map<string, string>();
  const fileRequests: string[] = [];
  const member: FakeConnector['member'] = {
    email: 'sanne@school.example',
    userPrincipalName: 'sanne@school.example',
  };
  let sent = 0;

  const server = createServer(async (req, res) => {
    const path = decodeURIComponent((req.url ?? '/').split('?')[0]!);
    const body = await readBody(req);
    if (req.method === 'GET' && path.startsWith('/files/')) {
      fileRequests.push(path);
      const file = files.get(path.slice('/files/'.length));
      return file === undefined ? reply(res, 404, { error: 'no such file' }) : reply(res, 200, file);
    }
    const match = /^\/v3\/conversations\/([^/]+)\/(activities|members)(?:\/([^/]+))?$/.exec(path);
    if (!match) return reply(res, 404, { error: { code: 'NotFound', message: path } });
    const [, conversationId, collection, tail] = match;
    const call: ConnectorCall = { method: req.method ?? '', path, conversationId: conversationId!, body };
    if (collection === 'activities' && tail) call.replyToId = tail;
    if (req.headers.authorization) call.authorization = req.headers.authorization;
    calls.push(call);
    const failure = collection === 'activities' ? failures.shift() : undefined;
    if (failure) {
      for (const [name, value] of Object.entries(failure.headers ?? {})) res.setHeader(name, value);
      return reply(res, failure.status, failure.body ?? { error: { code: 'Failure', message: 'scripted' } });
    }
    if (collection === 'members' && req.method === 'GET') {
      return reply(res, 200, {
        id: tail,
        name: 'Sanne de Vries',
        aadObjectId: '5f1c9a4e-2b7d-4c1e-9a3f-0d2e8b6c4a11',
        ...member,
      });
    }
    sent += 1;
    return reply(res, 200, { id: `sent-${sent}` });
  });
  const url = await listen(server);
  return {
    url: `${url}/`,
    calls,
    posted: () =>
      calls.filter((call) => call.method === 'POST') as Array<
        ConnectorCall & { body: Record<string, unknown> }
      >,
    failNext: (failure) => failures.push(failure),
    member,
    files,
    fileRequests,
    close: () => close(server),
  };
}

export type RecordingHandler = InboundHandler & {
  handled: Inbound[];
  homes: Array<{ identity: PlatformIdentity & { email?: string }; at: Date }>;
  lifecycles: LifecycleEvent[];
  /** Replies the adapter could not deliver and handed back to be queued. */
  deferred: Array<{ key: string; messages: Message[] }>;
  respond: (inbound: Inbound) => InboundResult | Promise<InboundResult>;
  /** What `mayImport` answers (a coordinator by default); every question is recorded. */
  importAllowed: boolean;
  importChecks: PlatformIdentity[];
};

export function createRecordingHandler(): RecordingHandler {
  const handler: RecordingHandler = {
    handled: [],
    homes: [],
    lifecycles: [],
    deferred: [],
    respond: () => ({ replies: [], duplicate: false }),
    importAllowed: true,
    importChecks: [],
    async mayImport(identity) {
      handler.importChecks.push(identity);
      return handler.importAllowed;
    },
    async handle(inbound) {
      handler.handled.push(inbound);
      return handler.respond(inbound);
    },
    async home(identity, at) {
      handler.homes.push({ identity, at });
      return message('home.view', 'Jouw stage in één oogopslag');
    },
    async lifecycle(event) {
      handler.lifecycles.push(event);
    },
    async deferReplies(_identity, key, messages) {
      handler.deferred.push({ key, messages: messages.map((entry) => entry.message) });
    },
  };
  return handler;
}

export type MemoryRefStore = ConversationRefStore & {
  entries: Map<string, { tenant: string; key: string; email?: string; ref: unknown }>;
};

export function createMemoryRefStore(): MemoryRefStore {
  const entries: MemoryRefStore['entries'] = new Map();
  return {
    entries,
    async save(entry) {
      const previous = entries.get(`${entry.platform}|${entry.key}`);
      const email = entry.email ?? previous?.email;
      entries.set(`${entry.platform}|${entry.key}`, {
        tenant: entry.tenant,
        key: entry.key,
        ...(email ? { email } : {}),
        ref: JSON.parse(JSON.stringify(entry.ref)),
      });
    },
    async get(platform, key) {
      return entries.get(`${platform}|${key}`)?.ref ?? null;
    },
    async findByEmail(platform, email) {
      for (const [id, entry] of entries) {
        if (id.startsWith(`${platform}|`) && entry.email === email)
          return { tenant: entry.tenant, key: entry.key };
      }
      return null;
    },
  };
}

export function createSettableClock(
  iso: string,
): Clock & { set(iso: string): void; advance(ms: number): void } {
  let now = new Date(iso);
  return {
    now: () => new Date(now),
    set: (value) => {
      now = new Date(value);
    },
    advance: (ms) => {
      now = new Date(now.getTime() + ms);
    },
  };
}

export function message(key: string, value: string): Message {
  return { key, summary: value, blocks: [{ type: 'text', text: value }] };
}

/** A node:http server that routes POST /api/messages to the adapter, as the shared server does. */
export async function startBotServer(
  handleHttp: (req: IncomingMessage, res: ServerResponse) => Promise<void>,
): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer((req, res) => {
    if (req.url === '/api/messages') {
      void handleHttp(req, res);
      return;
    }
    reply(res, 404, { error: 'not found' });
  });
  const url = await listen(server);
  return { url, close: () => close(server) };
}

export async function postActivity(
  botUrl: string,
  activity: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: string }> {
  const response = await fetch(`${botUrl}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(activity),
  });
  return { status: response.status, body: await response.text() };
}

async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function reply(res: ServerResponse, status: number, body: unknown): void {
  res.statusCode = status;
  if (typeof body === 'string') {
    res.setHeader('content-type', 'text/csv');
    res.end(body);
    return;
  }
  res.setHeader('content-type', 'application/json');
  res.end(JSON.stringify(body));
}

async function listen(server: Server): Promise<string> {
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return `http://127.0.0.1:${port}`;
}

function close(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}
