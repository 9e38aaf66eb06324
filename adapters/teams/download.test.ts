import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DownloadRefused, downloadText, isAllowedHost, TEAMS_FILE_HOSTS } from './deliver';
import { startTeamsHarness, type TeamsHarness } from './test-harness';

/** A Teams file download fetches only platform hosts, redirects included, and stops at the cap. */
let server: Server;
let base: string;
let requests: string[] = [];
beforeAll(async () => {
  server = createServer((req, res) => {
    requests.push(req.url ?? '');
    if (req.url === '/redirect') {
      res.writeHead(302, { location: '/ok' });
      res.end();
      return;
    }
    if (req.url === '/redirect-away') {
      res.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data' });
      res.end();
      return;
    }
    if (req.url === '/endless') {
      // Chunked, no content-length: the size is only known while reading.
      res.writeHead(200, { 'content-type': 'text/csv' });
      const chunk = 'x'.repeat(64 * 1024);
      let sent = 0;
      const pump = () => {
        while (sent < 200 && res.write(chunk)) sent++;
        if (sent < 200) res.once('drain', pump);
        else res.end();
      };
      pump();
      return;
    }
    res.writeHead(200, { 'content-type': 'text/csv' });
    res.end('student_email\n');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
afterEach(() => {
  requests = [];
});

async function refusal(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'downloaded';
  } catch (error) {
    return error instanceof DownloadRefused ? error.reason : String(error);
  }
}

describe('downloading a file shared in Teams', () => {
  it('only trusts SharePoint / OneDrive hosts by default', () => {
    expect(isAllowedHost('school-my.sharepoint.com', TEAMS_FILE_HOSTS)).toBe(true);
    expect(isAllowedHost('sharepoint.com.evil.example', TEAMS_FILE_HOSTS)).toBe(false);
    expect(isAllowedHost('evilsharepoint.com', TEAMS_FILE_HOSTS)).toBe(false);
    expect(isAllowedHost('169.254.169.254', TEAMS_FILE_HOSTS)).toBe(false);
  });

  it('refuses any other host without making a request', async () => {
    expect(await refusal(downloadText(`${base}/ok`, TEAMS_FILE_HOSTS))).toBe('not-allowed');
    expect(await refusal(downloadText('http://169.254.169.254/latest/meta-data', TEAMS_FILE_HOSTS))).toBe(
      'not-allowed',
    );
    expect(await refusal(downloadText('http://school.sharepoint.com/p.csv', TEAMS_FILE_HOSTS))).toBe(
      'not-allowed',
    );
    expect(requests).toEqual([]);
  });

  it('follows a redirect only to an allowed host', async () => {
    expect(await refusal(downloadText(`${base}/redirect-away`, ['127.0.0.1']))).toBe('not-allowed');
    expect(requests).toEqual(['/redirect-away']);
    expect(await downloadText(`${base}/redirect`, ['127.0.0.1'])).toBe('student_email\n');
  });

  it('stops reading a chunked body at the cap instead of reading it whole first', async () => {
    expect(await refusal(downloadText(`${base}/endless`, ['127.0.0.1'], 256 * 1024))).toBe('too-large');
  });

  it('downloads a small file from an allowed host', async () => {
    expect(await downloadText(`${base}/ok`, ['127.0.0.1'])).toBe('student_email\n');
  });
});

describe('the role is checked before a file is fetched', () => {
  let h: TeamsHarness;
  afterEach(() => h.close());

  it('never downloads the file of someone who may not import, and still answers them', async () => {
    h = await startTeamsHarness();
    h.handler.importAllowed = false;
    h.connector.files.set('p.csv', 'student_email\n');
    await h.post(
      h.activity({
        kind: 'file',
        text: 'import',
        name: 'p.csv',
        downloadUrl: `${h.connector.url}files/p.csv`,
      }),
    );
    expect(h.handler.importChecks).toHaveLength(1);
    expect(h.connector.fileRequests).toEqual([]);
    expect(h.handler.handled[0]?.payload).toMatchObject({ type: 'file', content: '' });
  });
});

describe('the Teams endpoint body', () => {
  let h: TeamsHarness;
  afterEach(() => h.close());

  it('stops reading a chunked body past the cap (413), without a content-length', async () => {
    h = await startTeamsHarness();
    const chunk = new TextEncoder().encode(`{"pad":"${'x'.repeat(64 * 1024)}`);
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent++ < 40) controller.enqueue(chunk);
        else controller.close();
      },
    });
    const response = await fetch(`${h.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
      duplex: 'half',
    } as RequestInit);
    expect(response.status).toBe(413);
    expect(h.handler.handled).toHaveLength(0);
  });
});
