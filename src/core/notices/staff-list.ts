import type { Block, Button, Locale, Message } from '../messages/model';
import { pick } from '../messages/texts';
import * as staffTexts from '../messages/texts/staff';

/**
 * One message per staff member per job run: every student it concerns is named in it, split into
 * as few messages as the platforms allow. The limit is one conservative budget shared by every
 * platform (chosen over per-adapter budgets so the outbox holds the same parts whatever the
 * platform, and a retry of a split message resumes at the same part):
 */
export const STAFF_MESSAGE_LIMITS = {
  /** Slack: 50 blocks per message; 5 left for what a renderer adds (a long header, a footer). */
  blocks: 45,
  /**
   * Teams: an Adaptive Card of about 28 KB. The card markup (element types, wrap flags, escaped
   * Markdown) adds about a third to the model's JSON, so the model stays at 20 KB.
   */
  bytes: 20_000,
  /** Slack: 3,000 characters per section; kept below it so a block is never split in two. */
  textChars: 2_800,
  /** Slack: 25 elements per actions block. */
  buttonsPerRow: 20,
} as const;

export type StaffMessageLimits = { blocks: number; bytes: number; textChars: number; buttonsPerRow: number };

/** Where the student's name goes in an entry's line: entries with the same line are grouped. */
export const STUDENT_SLOT = '{{student}}';

export type StaffListEntry = {
  /** One line about one student, with `STUDENT_SLOT` where the name goes. */
  line: string;
  student: string;
  /** The student's buttons (details, or the answers to a question); shown while they fit. */
  buttons: readonly Button[];
};

export type StaffList = {
  /** The message key of every part. */
  key: string;
  heading: string;
  summary: string;
  /** Shown under the heading of the first part. */
  intro: readonly Block[];
  entries: readonly StaffListEntry[];
};

const encoder = new TextEncoder();
const sizeOf = (value: unknown): number => encoder.encode(JSON.stringify(value)).length;

/** A line per student, or for several students in the same situation the line once, then the names. */
function linesOf(entries: readonly StaffListEntry[], locale: Locale, limits: StaffMessageLimits): string[] {
  const t = pick(staffTexts, locale);
  const groups = new Map<string, string[]>();
  for (const entry of entries) {
    const names = groups.get(entry.line) ?? [];
    names.push(entry.student);
    groups.set(entry.line, names);
  }
  const lines: string[] = [];
  for (const [line, names] of groups) {
    if (names.length === 1 || !line.includes(STUDENT_SLOT)) {
      lines.push(...names.map((name) => line.split(STUDENT_SLOT).join(name)));
      continue;
    }
    // A bare name needs no line of its own: the message's intro says what the names have in common.
    if (line !== STUDENT_SLOT) lines.push(line.split(STUDENT_SLOT).join(t.students(names.length)));
    const indent = line === STUDENT_SLOT ? '' : '   ';
    let current = '';
    for (const name of names) {
      const next = current ? `${current}, ${name}` : `${indent}${name}`;
      if (next.length > limits.textChars / 2 && current) {
        lines.push(`${current},`);
        current = `${indent}${name}`;
      } else current = next;
    }
    if (current) lines.push(current);
  }
  return lines;
}

/** Lines joined into text blocks of at most `textChars` characters. */
function textBlocks(lines: readonly string[], limits: StaffMessageLimits): Block[] {
  const blocks: Block[] = [];
  let current = '';
  for (const line of lines) {
    const fitted = line.slice(0, limits.textChars);
    if (current && current.length + 1 + fitted.length > limits.textChars) {
      blocks.push({ type: 'text', text: current });
      current = fitted;
    } else current = current ? `${current}\n${fitted}` : fitted;
  }
  if (current) blocks.push({ type: 'text', text: current });
  return blocks;
}

/** Room kept in every part for the heading's "(part 2 of 3)" and the closing hint. */
const RESERVE_BYTES = 600;
const RESERVE_BLOCKS = 2;

/**
 * The staff message as few parts as the limits allow. Every student is named; the buttons follow
 * the names in the last part while they fit, and a hint points to `mijn` for the students whose
 * buttons did not.
 */
export function renderStaffList(
  list: StaffList,
  locale: Locale,
  limits: StaffMessageLimits = STAFF_MESSAGE_LIMITS,
): Message[] {
  const t = pick(staffTexts, locale);
  const maxBytes = limits.bytes - RESERVE_BYTES;
  const maxBlocks = limits.blocks - RESERVE_BLOCKS;
  const headingBlock: Block = { type: 'text', text: list.heading, style: 'heading' };
  const parts: Block[][] = [[headingBlock, ...list.intro]];
  const fits = (part: Block[], block: Block) =>
    part.length + 1 <= maxBlocks && sizeOf(part) + sizeOf(block) <= maxBytes;
  const add = (block: Block) => {
    const part = parts[parts.length - 1] as Block[];
    if (fits(part, block) || part.length === 1) part.push(block);
    else parts.push([headingBlock, block]);
  };
  for (const block of textBlocks(linesOf(list.entries, locale, limits), limits)) add(block);

  const buttons = list.entries.flatMap((entry) => entry.buttons);
  const last = parts[parts.length - 1] as Block[];
  let shown = 0;
  for (let start = 0; start < buttons.length; start += limits.buttonsPerRow) {
    const row: Block = { type: 'actions', buttons: buttons.slice(start, start + limits.buttonsPerRow) };
    if (!fits(last, row)) break;
    last.push(row);
    shown = start + limits.buttonsPerRow;
  }
  // Buttons come per student: count the students whose buttons were all shown.
  let covered = 0;
  let counted = 0;
  for (const entry of list.entries) {
    counted += entry.buttons.length;
    if (entry.buttons.length > 0 && counted <= shown) covered += 1;
  }
  const withButtons = list.entries.filter((entry) => entry.buttons.length > 0).length;
  if (covered < withButtons) last.push({ type: 'text', text: t.more(withButtons - covered), style: 'muted' });

  return parts.map((blocks, index) => {
    const heading = parts.length > 1 ? `${list.heading} ${t.part(index + 1, parts.length)}` : list.heading;
    return {
      key: list.key,
      summary: parts.length > 1 ? `${list.summary} ${t.part(index + 1, parts.length)}` : list.summary,
      blocks: [{ type: 'text', text: heading, style: 'heading' }, ...blocks.slice(1)],
    };
  });
}
