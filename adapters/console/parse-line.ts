/**
 * One line typed in the console chat → what the user meant. Pure: the session decides what
 * each intent does. Lines starting with `/` are console commands (except `/stage`, the
 * coordinator command of the product); `!` clicks a button or submits a form; anything else
 * is text typed by the current person.
 */
export type ConsoleIntent =
  | { type: 'empty' }
  | { type: 'text'; text: string }
  | { type: 'command'; text: string }
  | { type: 'action'; actionId: string; value?: string; formValues?: Record<string, string> }
  | { type: 'switch'; who: string }
  | { type: 'who' }
  | { type: 'clock' }
  /** ms to move the clock forward. */
  | { type: 'advance'; ms: number }
  | { type: 'set-time'; at: string }
  | { type: 'help' }
  | { type: 'stop' }
  | { type: 'invalid'; reason: InvalidReason; input: string };

export type InvalidReason =
  | 'unknown-command'
  | 'missing-person'
  | 'bad-duration'
  | 'missing-time'
  | 'missing-action';

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

/** Units of `/verder` (Dutch and English); the value is ms per unit. */
const UNIT_MS: Readonly<Record<string, number>> = {
  m: MINUTE_MS,
  min: MINUTE_MS,
  mins: MINUTE_MS,
  minuut: MINUTE_MS,
  minuten: MINUTE_MS,
  minute: MINUTE_MS,
  minutes: MINUTE_MS,
  h: HOUR_MS,
  u: HOUR_MS,
  uur: HOUR_MS,
  uren: HOUR_MS,
  hour: HOUR_MS,
  hours: HOUR_MS,
  d: DAY_MS,
  dag: DAY_MS,
  dagen: DAY_MS,
  day: DAY_MS,
  days: DAY_MS,
  w: 7 * DAY_MS,
  wk: 7 * DAY_MS,
  week: 7 * DAY_MS,
  weken: 7 * DAY_MS,
  weeks: 7 * DAY_MS,
};

/**
 * `3h`, `1d`, `1w`, `2d4h`, `90m`, `2 dagen` → ms; null when unreadable or zero. A bare
 * number means days.
 */
export function parseDuration(text: string): number | null {
  const compact = text.trim().toLowerCase();
  if (/^\d+$/.test(compact)) return Number(compact) > 0 ? Number(compact) * DAY_MS : null;
  const pattern = /(\d+)\s*([a-z]+)/g;
  let total = 0;
  let consumed = '';
  for (const match of compact.matchAll(pattern)) {
    const unit = UNIT_MS[match[2] as string];
    if (!unit) return null;
    total += Number(match[1]) * unit;
    consumed += match[0];
  }
  // Everything but spaces must have been read: "3h banaan" is not a duration.
  if (consumed.replace(/\s+/g, '') !== compact.replace(/\s+/g, '')) return null;
  return total > 0 ? total : null;
}

const KEY_VALUE = /^([A-Za-z][\w.-]*)=(.*)$/;

/**
 * `!<actionId> [value] [key=value …]`. A form value runs until the next `key=`, so free text
 * with spaces needs no quotes: `!reflection.feedback verdict=approved feedback=Mooi verslag`.
 */
export function parseAction(rest: string): ConsoleIntent {
  const tokens = rest.trim().split(/\s+/).filter(Boolean);
  const [actionId, ...others] = tokens;
  if (!actionId) return { type: 'invalid', reason: 'missing-action', input: `!${rest}` };
  let value: string | undefined;
  const formValues: Record<string, string> = {};
  let currentKey: string | null = null;
  for (const token of others) {
    const pair = KEY_VALUE.exec(token);
    if (pair) {
      currentKey = pair[1] as string;
      formValues[currentKey] = pair[2] as string;
    } else if (currentKey) {
      formValues[currentKey] = `${formValues[currentKey]} ${token}`.trim();
    } else {
      value = value === undefined ? token : `${value} ${token}`;
    }
  }
  return {
    type: 'action',
    actionId,
    ...(value !== undefined ? { value } : {}),
    ...(Object.keys(formValues).length > 0 ? { formValues } : {}),
  };
}

const COMMANDS: Readonly<Record<string, ConsoleIntent['type']>> = {
  als: 'switch',
  as: 'switch',
  wie: 'who',
  who: 'who',
  klok: 'clock',
  clock: 'clock',
  verder: 'advance',
  advance: 'advance',
  tijd: 'set-time',
  time: 'set-time',
  help: 'help',
  hulp: 'help',
  stop: 'stop',
  quit: 'stop',
  exit: 'stop',
};

/** Default step of a bare `/verder`: one day. */
const DEFAULT_ADVANCE_MS = DAY_MS;

export function parseConsoleLine(line: string): ConsoleIntent {
  const trimmed = line.trim();
  if (!trimmed) return { type: 'empty' };
  if (trimmed.startsWith('!')) return parseAction(trimmed.slice(1));
  if (!trimmed.startsWith('/')) return { type: 'text', text: trimmed };

  const [head = '', ...restParts] = trimmed.slice(1).split(/\s+/);
  const rest = restParts.join(' ');
  const name = head.toLowerCase();
  if (name === 'stage') return { type: 'command', text: rest };
  switch (COMMANDS[name]) {
    case 'switch':
      return rest
        ? { type: 'switch', who: rest }
        : { type: 'invalid', reason: 'missing-person', input: trimmed };
    case 'who':
      return { type: 'who' };
    case 'clock':
      return { type: 'clock' };
    case 'advance': {
      if (!rest) return { type: 'advance', ms: DEFAULT_ADVANCE_MS };
      const ms = parseDuration(rest);
      return ms === null ? { type: 'invalid', reason: 'bad-duration', input: rest } : { type: 'advance', ms };
    }
    case 'set-time':
      return rest
        ? { type: 'set-time', at: rest }
        : { type: 'invalid', reason: 'missing-time', input: trimmed };
    case 'help':
      return { type: 'help' };
    case 'stop':
      return { type: 'stop' };
    default:
      return { type: 'invalid', reason: 'unknown-command', input: trimmed };
  }
}
