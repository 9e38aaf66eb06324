import { fail, ok, type Result } from '../../src/core/shared/result';
import { type DownloadRefusal, downloadFile } from '../shared/download';

export type FileDownloadError =
  | 'SLACK.FILE_HOST_NOT_ALLOWED'
  | 'SLACK.FILE_TOO_LARGE'
  | 'SLACK.FILE_NOT_READABLE'
  | 'SLACK.FILE_DOWNLOAD_FAILED';

const ERROR_OF: Record<DownloadRefusal, FileDownloadError> = {
  'not-allowed': 'SLACK.FILE_HOST_NOT_ALLOWED',
  'too-large': 'SLACK.FILE_TOO_LARGE',
  // Without `files:read` Slack answers 200 with its HTML sign-in page instead of the file.
  'not-a-file': 'SLACK.FILE_NOT_READABLE',
  redirect: 'SLACK.FILE_DOWNLOAD_FAILED',
  failed: 'SLACK.FILE_DOWNLOAD_FAILED',
};

/**
 * Downloads a shared file with the bot token (needs `files:read`). The token is only ever sent to
 * Slack's file host or the configured API host, never to another URL a payload (or a redirect)
 * might carry.
 */
export async function downloadSlackFile(input: {
  url: string;
  botToken: string;
  allowedOrigins: readonly string[];
  fetch?: typeof fetch;
}): Promise<Result<string>> {
  const result = await downloadFile({
    url: input.url,
    isAllowed: (url) => input.allowedOrigins.includes(url.origin),
    headers: { Authorization: `Bearer ${input.botToken}` },
    ...(input.fetch ? { fetch: input.fetch } : {}),
  });
  return result.ok ? ok(result.text) : fail<FileDownloadError>(ERROR_OF[result.refusal]);
}
