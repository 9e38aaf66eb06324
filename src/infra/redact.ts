/**
 * What may reach a log line or a stored error summary: never query parameters, message
 * content or what a person wrote. Applied to every log object at every depth (see logging.ts)
 * and to the error summaries the scheduler stores.
 */

/** Keys whose values are content or secrets, wherever they appear. Compared lower-case. */
const SECRET_KEYS = new Set([
  'text',
  'content',
  'body',
  'payload',
  'message_text',
  'answers',
  'answer',
  'note',
  'feedback',
  'reason',
  'goal',
  'params',
  'parameters',
  'query',
  'detail',
  'where',
  'email',
  'password',
  'token',
  'authorization',
  'cookie',
  'secret',
  'formvalues',
  'value',
  'values',
]);

const REDACTED = '[redacted]';
const MAX_DEPTH = 8;
const MAX_STRING = 300;

/** `https://host/path?code=…` → `https://host/path?[redacted]`; bare e-mail addresses too. */
export function scrubString(value: string): string {
  return value
    .replace(/(https?:\/\/[^\s?#"']*)[?#][^\s"']*/giu, '$1?[redacted]')
    .replace(/[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.[\p{L}]{2,}/gu, '[e-mail]')
    .slice(0, MAX_STRING);
}

/**
 * An error as it may be logged or stored: its name, code and a message without the query
 * parameters drizzle appends ("Failed query: … params: …") or a database's `detail`
 * ("Key (email)=(…) already exists"); the cause chain the same way.
 */
export function safeError(error: unknown, depth = 0): Record<string, unknown> {
  if (!(error instanceof Error))
    return { message: typeof error === 'string' ? scrubString(error) : 'non-error thrown' };
  const record = error as Error & { code?: unknown; cause?: unknown; query?: unknown };
  let message = record.message;
  // drizzle: "Failed query: <sql>\nparams: <values>" — the statement is ours, the values are not.
  const failed = /^Failed query: ([\s\S]*?)\nparams:[\s\S]*$/u.exec(message);
  if (failed) message = `Failed query: ${(failed[1] ?? '').replace(/'(?:[^']|'')*'/gu, "'?'")}`;
  const safe: Record<string, unknown> = { type: record.name, message: scrubString(message) };
  if (typeof record.code === 'string' || typeof record.code === 'number') safe.code = record.code;
  if (record.cause !== undefined && depth < 3) safe.cause = safeError(record.cause, depth + 1);
  return safe;
}

/** One line for a stored summary (`scheduler_runs.summary`). */
export function safeErrorLine(error: unknown): string {
  const parts: string[] = [];
  let current: Record<string, unknown> | undefined = safeError(error);
  while (current) {
    // A plain `Error` says nothing its message does not: only other types and codes are named.
    const label = [current.type !== 'Error' ? current.type : null, current.code ?? null]
      .filter(Boolean)
      .join(' ');
    parts.push(label ? `${label}: ${current.message}` : String(current.message));
    current = current.cause as Record<string, unknown> | undefined;
  }
  return parts.join(' ← ').slice(0, 1000);
}

/** Deep copy with secrets removed and errors made safe, at any depth. */
export function redactDeep(value: unknown, depth = 0, seen = new WeakSet<object>()): unknown {
  if (value instanceof Error) return safeError(value);
  if (typeof value === 'string') return scrubString(value);
  if (value === null || typeof value !== 'object') return value;
  if (value instanceof Date) return value;
  if (depth >= MAX_DEPTH || seen.has(value)) return '[…]';
  seen.add(value);
  if (Array.isArray(value)) return value.slice(0, 50).map((item) => redactDeep(item, depth + 1, seen));
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    out[key] = SECRET_KEYS.has(key.toLowerCase()) ? REDACTED : redactDeep(inner, depth + 1, seen);
  }
  return out;
}
