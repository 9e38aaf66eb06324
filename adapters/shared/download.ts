/** bytes; a placements CSV of a whole school is far smaller. */
export const MAX_DOWNLOAD_BYTES = 2_097_152;
/** ms for the whole download, headers and body. */
export const DOWNLOAD_TIMEOUT_MS = 15_000;
/** Redirects followed, each to an allowed URL only. */
const MAX_REDIRECTS = 3;

export type DownloadRefusal =
  /** The URL (or a redirect's target) is not on an allowed host, or not https. */
  | 'not-allowed'
  /** Too many redirects, or one without a target. */
  | 'redirect'
  /** Not a 2xx answer, or the connection failed or timed out. */
  | 'failed'
  /** An HTML page instead of a file: typically a sign-in page (Slack without `files:read`). */
  | 'not-a-file'
  | 'too-large';

export type DownloadResult = { ok: true; text: string } | { ok: false; refusal: DownloadRefusal };

export type DownloadRequest = {
  url: string;
  /** Whether a URL may be fetched; asked for the URL and for every redirect target. */
  isAllowed(url: URL): boolean;
  /** Sent with every request, e.g. a bearer token; only ever to allowed URLs. */
  headers?: Record<string, string>;
  maxBytes?: number;
  fetch?: typeof fetch;
};

/**
 * Downloads a shared file as UTF-8 text. Only allowed URLs are fetched, redirects included
 * (each is checked before it is followed, so a token never goes elsewhere). The size is
 * counted while streaming, so a huge or endless body is cut off at the cap.
 */
export async function downloadFile(request: DownloadRequest): Promise<DownloadResult> {
  const fetchFn = request.fetch ?? globalThis.fetch;
  const maxBytes = request.maxBytes ?? MAX_DOWNLOAD_BYTES;
  const signal = AbortSignal.timeout(DOWNLOAD_TIMEOUT_MS);
  let url: URL;
  try {
    url = new URL(request.url);
  } catch {
    return refuse('not-allowed');
  }
  for (let hop = 0; ; hop++) {
    if (!request.isAllowed(url)) return refuse('not-allowed');
    let response: Response;
    try {
      response = await fetchFn(url, { headers: request.headers ?? {}, redirect: 'manual', signal });
    } catch {
      return refuse('failed');
    }
    if (response.status >= 300 && response.status < 400) {
      await response.body?.cancel().catch(() => undefined);
      const location = response.headers.get('location');
      if (!location || hop >= MAX_REDIRECTS) return refuse('redirect');
      url = new URL(location, url);
      continue;
    }
    return readText(response, maxBytes);
  }
}

async function readText(response: Response, maxBytes: number): Promise<DownloadResult> {
  if (!response.ok || !response.body) return refuse('failed');
  if ((response.headers.get('content-type') ?? '').includes('text/html')) {
    await response.body.cancel().catch(() => undefined);
    return refuse('not-a-file');
  }
  if (Number(response.headers.get('content-length') ?? 0) > maxBytes) {
    await response.body.cancel().catch(() => undefined);
    return refuse('too-large');
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = response.body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        await reader.cancel().catch(() => undefined);
        return refuse('too-large');
      }
      chunks.push(value);
    }
  } catch {
    return refuse('failed');
  }
  // TextDecoder drops a UTF-8 byte-order mark, which Excel likes to put in front of CSVs.
  return { ok: true, text: new TextDecoder('utf-8').decode(Buffer.concat(chunks)) };
}

function refuse(refusal: DownloadRefusal): DownloadResult {
  return { ok: false, refusal };
}
