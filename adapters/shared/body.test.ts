import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { BodyError, readBoundedBody } from './body';

async function statusOf(reading: Promise<Buffer>): Promise<number | 'read'> {
  try {
    await reading;
    return 'read';
  } catch (error) {
    return error instanceof BodyError ? error.status : Number.NaN;
  }
}

describe('reading a request body', () => {
  it('reads a body within the limit whole', async () => {
    const req = new PassThrough();
    req.end('{"type":"message"}');

    expect((await readBoundedBody(req)).toString('utf8')).toBe('{"type":"message"}');
  });

  it('stops at the limit while the body is still arriving (413)', async () => {
    const req = new PassThrough();
    const reading = statusOf(readBoundedBody(req, { maxBytes: 10 }));
    req.write('0123456789');
    req.write('x'); // one byte past the limit; the stream never ends

    expect(await reading).toBe(413);
  });

  it('gives up on a body that stops arriving (408)', async () => {
    const req = new PassThrough();
    req.write('{"type":'); // and nothing more

    expect(await statusOf(readBoundedBody(req, { timeoutMs: 20 }))).toBe(408);
  });

  it('refuses a body whose client went away halfway (400)', async () => {
    const req = new PassThrough();
    const reading = statusOf(readBoundedBody(req));
    req.write('{"type":');
    req.destroy(new Error('aborted'));

    expect(await reading).toBe(400);
  });

  it('still answers a client whose body is too slow or too large over real HTTP', async () => {
    const server = createServer((req, res) => {
      readBoundedBody(req, { maxBytes: 10, timeoutMs: 50 }).then(
        () => res.writeHead(200).end(),
        (error: BodyError) => res.writeHead(error.status).end(),
      );
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const statusFor = (body: string) =>
      new Promise<number | undefined>((resolve, reject) => {
        const req = request({ host: '127.0.0.1', port, method: 'POST' }, (res) => {
          res.resume();
          resolve(res.statusCode);
          req.destroy();
        });
        req.on('error', reject);
        req.write(body); // the request is never ended: the body keeps "arriving"
      });
    try {
      expect(await statusFor('{"a":')).toBe(408);
      expect(await statusFor('x'.repeat(100))).toBe(413);
    } finally {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
