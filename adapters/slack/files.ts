import { fail, ok, type Result } from '../../src/core/shared/result';

/** Placements CSVs are small; anything bigger is not what we are waiting for. */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;

export type FileDownloadError =
  | 'SLACK.FILE_HOST_NOT_ALLOWED'
  | 'SLACK.FILE_TOO_LARGE'
  | 'SLACK.FILE_NOT_READABLE'
  | 'SLACK.FILE_DOWNLOAD_FAILED';

/**
 * Downloads a shared file with the bot token (needs `files:read`). The token is only ever sent to
 * Slack's file host or the configured API host, never to another URL a payload might carry.
 */
export async function downloadSlackFile(input: {
  url: string;
  botToken: string;
  allowedOrigins: readonly string[];
  fetch?: typeof fetch;
}): Promise<Result<string>> {
  let url: URL;
  try {
    url = new URL(input.url);
  } catch {
    return fail<FileDownloadError>('SLACK.FILE_HOST_NOT_ALLOWED');
  }
  if (!input.allowedOrigins.includes(url.origin))
    return fail<FileDownloadError>('SLACK.FILE_HOST_NOT_ALLOWED');
  const fetchFn = input.fetch ?? globalThis.fetch;
  let response: Response;
  try {
    response = await fetchFn(url, {
      headers: { Authorization: `Bearer ${input.botToken}` },
      signal: AbortSignal.timeout(15_000), // ms
    });
  } catch {
    return fail<FileDownloadError>('SLACK.FILE_DOWNLOAD_FAILED');
  }
  if (!response.ok) return fail<FileDownloadError>('SLACK.FILE_DOWNLOAD_FAILED', { status: response.status });
  // Without `files:read` Slack answers 200 with its HTML sign-in page instead of the file.
  if ((response.headers.get('content-type') ?? '').includes('text/html')) {
    return fail<FileDownloadError>('SLACK.FILE_NOT_READABLE');
  }
  if (Number(response.headers.get('content-length') ?? 0) > MAX_FILE_BYTES) {
    return fail<FileDownloadError>('SLACK.FILE_TOO_LARGE');
  }
  const bytes = new Uint8Array(await response.arrayBuffer());
  if (bytes.byteLength > MAX_FILE_BYTES) return fail<FileDownloadError>('SLACK.FILE_TOO_LARGE');
  // TextDecoder drops a UTF-8 byte-order mark, which Excel likes to put in front of CSVs.
  return ok(new TextDecoder('utf-8').decode(bytes));
}
