import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../logging';
import { createHttpServer, HEADERS_TIMEOUT_MS, REQUEST_TIMEOUT_MS } from './server';

/**
 * Slow clients cannot hold the server: headers must arrive within the headers timeout, a whole
 * request within the request timeout. (Shortened here; the defaults are asserted as numbers.)
 */
let port = 0;
const http = createHttpServer({
  port: 0,
  host: '127.0.0.1',
  logger: silentLogger,
  health: async () => ({ ok: true }),
  slack: async (req, res) => {
    for await (const _chunk of req) {
      // a route that reads the whole body
    }
    res.end('ok');
  },
  timeouts: { headers: 300, request: 600 },
});
beforeAll(async () => {
  port = await http.listen();
});
afterAll(() => http.close());

/** Opens a socket, writes `parts` (never finishing the request) and resolves when the server closes it. */
function stall(parts: string[]): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    let answer = '';
    socket.on('data', (chunk) => {
      answer += String(chunk);
    });
    socket.on('close', () => resolve(answer));
    socket.on('connect', () => {
      for (const part of parts) socket.write(part);
    });
  });
}

describe('HTTP limits', () => {
  it('has production defaults for header and request timeouts', () => {
    expect(HEADERS_TIMEOUT_MS).toBe(10_000);
    expect(REQUEST_TIMEOUT_MS).toBe(30_000);
  });

  it('closes a connection whose headers never finish (slowloris)', async () => {
    const answer = await stall(['POST /slack/events HTTP/1.1\r\nHost: x\r\nX-Slow: 1\r\n']);
    expect(answer === '' || answer.startsWith('HTTP/1.1 408')).toBe(true);
  });

  it('closes a connection whose chunked body never ends', async () => {
    const answer = await stall([
      'POST /slack/events HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n',
      '5\r\nhallo\r\n',
    ]);
    expect(answer === '' || answer.startsWith('HTTP/1.1 408')).toBe(true);
  });
});
