import { and, eq, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import { type Cipher, type Where, whereOf } from '../crypto';
import { checkins, conversations, goals, outbox, pauses, reports, substitutes } from './schema';

/**
 * Where each encrypted value lives — the associated data it is sealed with (see crypto.ts).
 * A row id is whatever identifies the row before it is written, so sealing needs no
 * round-trip: the natural key, or (goals) placement and position, which never change.
 */
export const sealedAt = {
  conversation: (personId: string, kind: string) =>
    whereOf('conversations', 'state_enc', `${personId}/${kind}`),
  reportContent: (reportId: string) => whereOf('reports', 'content_enc', reportId),
  reportFeedback: (reportId: string) => whereOf('reports', 'feedback_enc', reportId),
  excuseReason: (reportId: string) => whereOf('reports', 'excuse_reason', reportId),
  pauseReason: (pauseId: number) => whereOf('pauses', 'reason', String(pauseId)),
  substituteContent: (key: string) => whereOf('substitutes', 'content_enc', key),
  substituteReviewNote: (key: string) => whereOf('substitutes', 'review_note_enc', key),
  checkin: (
    column: 'mood_enc' | 'learned_enc' | 'topic_enc' | 'mentor_note_enc',
    placementId: string,
    week: string,
  ) => whereOf('checkins', column, `${placementId}/${week}`),
  outboxPayload: (idempotencyKey: string) => whereOf('outbox', 'payload_enc', idempotencyKey),
  goal: (placementId: string, position: number) => whereOf('goals', 'text', `${placementId}/${position}`),
};

/** One encrypted column: how to find its rows, where each value lives, and how to update one. */
export type SealedColumn = {
  table: PgTable;
  /** Database column name. */
  column: string;
  /** The drizzle property of that column. */
  property: string;
  where(row: Record<string, unknown>): Where;
  match(row: Record<string, unknown>): SQL;
};

const s = (row: Record<string, unknown>, key: string) => String(row[key]);

/**
 * Every column that holds text a person wrote (or a message built from it). The schema-walking
 * test checks that this list and the schema agree, and `rotate-key` re-seals exactly these.
 */
export const SEALED_COLUMNS: readonly SealedColumn[] = [
  ...(['stateEnc'] as const).map((property) => ({
    table: conversations,
    column: 'state_enc',
    property,
    where: (r: Record<string, unknown>) => sealedAt.conversation(s(r, 'personId'), s(r, 'kind')),
    match: (r: Record<string, unknown>) =>
      and(eq(conversations.personId, s(r, 'personId')), eq(conversations.kind, s(r, 'kind'))) as SQL,
  })),
  ...(
    [
      ['contentEnc', 'content_enc', sealedAt.reportContent],
      ['feedbackEnc', 'feedback_enc', sealedAt.reportFeedback],
      ['excuseReason', 'excuse_reason', sealedAt.excuseReason],
    ] as const
  ).map(([property, column, at]) => ({
    table: reports,
    column,
    property,
    where: (r: Record<string, unknown>) => at(s(r, 'id')),
    match: (r: Record<string, unknown>) => eq(reports.id, s(r, 'id')),
  })),
  {
    table: pauses,
    column: 'reason',
    property: 'reason',
    where: (r) => sealedAt.pauseReason(Number(r.id)),
    match: (r) => eq(pauses.id, Number(r.id)),
  },
  {
    table: substitutes,
    column: 'content_enc',
    property: 'contentEnc',
    where: (r) => sealedAt.substituteContent(s(r, 'key')),
    match: (r) => eq(substitutes.key, s(r, 'key')),
  },
  {
    table: substitutes,
    column: 'review_note_enc',
    property: 'reviewNoteEnc',
    where: (r) => sealedAt.substituteReviewNote(s(r, 'key')),
    match: (r) => eq(substitutes.key, s(r, 'key')),
  },
  ...(
    [
      ['moodEnc', 'mood_enc'],
      ['learnedEnc', 'learned_enc'],
      ['topicEnc', 'topic_enc'],
      ['mentorNoteEnc', 'mentor_note_enc'],
    ] as const
  ).map(([property, column]) => ({
    table: checkins,
    column,
    property,
    where: (r: Record<string, unknown>) => sealedAt.checkin(column, s(r, 'placementId'), s(r, 'week')),
    match: (r: Record<string, unknown>) =>
      and(eq(checkins.placementId, s(r, 'placementId')), eq(checkins.week, s(r, 'week'))) as SQL,
  })),
  {
    table: outbox,
    column: 'payload_enc',
    property: 'payloadEnc',
    where: (r) => sealedAt.outboxPayload(s(r, 'idempotencyKey')),
    match: (r) => eq(outbox.id, Number(r.id)),
  },
  {
    table: goals,
    column: 'text',
    property: 'text',
    where: (r) => sealedAt.goal(s(r, 'placementId'), Number(r.position)),
    match: (r) => eq(goals.id, Number(r.id)),
  },
];

export type { PgColumn };

/** The sealed-column entry for a table and drizzle property, if that column is encrypted. */
export function sealedColumn(table: PgTable, property: string): SealedColumn | undefined {
  return SEALED_COLUMNS.find((entry) => entry.table === table && entry.property === property);
}

/** Opens one stored cell of a row (tests, scans, export): the row says where it was sealed. */
export function openCell(cipher: Cipher, table: PgTable, property: string, row: object | undefined): string {
  const entry = sealedColumn(table, property);
  const record = (row ?? {}) as Record<string, unknown>;
  const value = record[property];
  if (!entry || typeof value !== 'string') throw new Error(`${property} is not a sealed value of this table`);
  return cipher.decrypt(value, entry.where(record));
}
