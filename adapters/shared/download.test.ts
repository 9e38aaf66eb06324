import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type DownloadRequest, downloadFile } from './download';

/** A local file host: every request is recorded with its headers. */
let server: Server;
let base: string;
let requests: { path: string; headers: IncomingHttpHeaders }[] = [];
beforeAll(async () => {
  server = createServer((req, res) => {
    requests.push({ path: req.url ?? '', headers: req.headers });
    switch (req.url) {
      case '/loop':
        res.writeHead(302, { location: '/loop' }).end();
        return;
      case '/away':
        res.writeHead(302, { location: 'http://elsewhere.example/steal' }).end();
        return;
      case '/sign-in':
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end('<html>Sign in</html>');
        return;
      case '/declared-huge':
        res.writeHead(200, { 'content-type': 'text/csv', 'content-length': String(10_000) });
        res.end('x'.repeat(10_000));
        return;
      case '/missing':
        res.writeHead(404).end();
        return;
      default:
        res.writeHead(200, { 'content-type': 'text/csv' }).end('\uFEFFstudent_email\n');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
afterEach(() => {
  requests = [];
});

const local = (path: string, over: Partial<DownloadRequest> = {}) =>
  downloadFile({ url: `${base}${path}`, isAllowed: (url) => url.origin === base, ...over });

describe('downloading a shared file', () => {
  it('gives the text without the byte-order mark Excel writes', async () => {
    expect(await local('/placements.csv')).toEqual({ ok: true, text: 'student_email\n' });
  });

  it('sends its headers (a bearer token) only to allowed URLs, never to a redirect elsewhere', async () => {
    const result = await local('/away', { headers: { Authorization: 'Bearer xoxb-secret' } });

    expect(result).toEqual({ ok: false, refusal: 'not-allowed' });
    expect(requests.map((r) => [r.path, r.headers.authorization])).toEqual([['/away', 'Bearer xoxb-secret']]);
  });

  it('gives up on a redirect loop', async () => {
    expect(await local('/loop')).toEqual({ ok: false, refusal: 'redirect' });
    expect(requests).toHaveLength(4);
  });

  it('refuses a sign-in page instead of the file', async () => {
    expect(await local('/sign-in')).toEqual({ ok: false, refusal: 'not-a-file' });
  });

  it('refuses a file whose declared size is over the limit', async () => {
    expect(await local('/declared-huge', { maxBytes: 1000 })).toEqual({ ok: false, refusal: 'too-large' });
  });

  it('reports a failed answer or an unparsable URL', async () => {
    expect(await local('/missing')).toEqual({ ok: false, refusal: 'failed' });
    expect(await downloadFile({ url: 'not a url', isAllowed: () => true })).toEqual({
      ok: false,
      refusal: 'not-allowed',
    });
  });
});
