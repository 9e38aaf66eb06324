import { describe, expect, it } from 'vitest';
import type { Message } from '../messages/model';
import { renderStaffList, STAFF_MESSAGE_LIMITS, STUDENT_SLOT, type StaffListEntry } from './staff-list';

const entry = (i: number, line = `${STUDENT_SLOT}: 1e gemiste verslag`): StaffListEntry => ({
  line,
  student: `Student ${i}`,
  buttons: [{ actionId: 'digest.details', label: `Details Student ${i}`, value: `placement-${i}` }],
});
const list = (entries: StaffListEntry[]) => ({
  key: 'test.list',
  heading: 'Overzicht',
  summary: 'Overzicht',
  intro: [],
  entries,
});
const textOf = (messages: Message[]) =>
  messages.flatMap((m) => m.blocks.map((b) => (b.type === 'text' ? b.text : ''))).join('\n');
const bytes = (m: Message) => new TextEncoder().encode(JSON.stringify(m.blocks)).length;

describe('a staff list within the platform limits', () => {
  it('names 400 students in the same situation in one message, the line once', () => {
    const messages = renderStaffList(list(Array.from({ length: 400 }, (_, i) => entry(i))), 'nl');
    expect(messages).toHaveLength(1);
    const text = textOf(messages);
    for (let i = 0; i < 400; i++) expect(text).toContain(`Student ${i},`.slice(0, -1));
    expect(text.match(/gemiste verslag/g)).toHaveLength(1);
    expect(text).toContain('400 studenten');
    // The buttons that did not fit are pointed to `mijn`.
    expect(text).toContain('`mijn`');
  });

  it('splits lists that do not fit into as few parts as the budget allows, each within it', () => {
    const entries = Array.from({ length: 600 }, (_, i) =>
      entry(i, `${STUDENT_SLOT}: situatie ${i} ${'x'.repeat(60)}`),
    );
    const messages = renderStaffList(list(entries), 'en');
    const total = messages.reduce((sum, m) => sum + bytes(m), 0);
    expect(messages.length).toBeGreaterThan(1);
    // As few as possible: no two neighbouring parts would have fitted in one.
    expect(messages.length).toBeLessThanOrEqual(Math.ceil(total / (STAFF_MESSAGE_LIMITS.bytes - 3000)));
    for (const [index, message] of messages.entries()) {
      expect(message.blocks.length).toBeLessThanOrEqual(STAFF_MESSAGE_LIMITS.blocks);
      expect(bytes(message)).toBeLessThanOrEqual(STAFF_MESSAGE_LIMITS.bytes);
      expect(message.summary).toContain(`(part ${index + 1} of ${messages.length})`);
    }
    for (let i = 0; i < 600; i++) expect(textOf(messages)).toContain(`Student ${i}: situatie ${i} `);
  });

  it('keeps every button when they fit, without the hint', () => {
    const [message] = renderStaffList(
      list(Array.from({ length: 30 }, (_, i) => entry(i, `${i + 1}. ${STUDENT_SLOT}`))),
      'nl',
    );
    const buttons = message?.blocks.flatMap((b) => (b.type === 'actions' ? b.buttons : [])) ?? [];
    expect(buttons).toHaveLength(30);
    expect(textOf(message ? [message] : [])).not.toContain('`mijn`');
  });
});
