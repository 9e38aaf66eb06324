import type { AuditStore } from '../../stores/audit-store';
import {
  type ConversationRecord,
  type ConversationStore,
  mentorTalkKind,
} from '../../stores/conversation-store';
import type { InboundLog } from '../../stores/inbound-log';
import type { OutboxStore } from '../../stores/outbox-store';
import type { PrivacyStore } from '../../stores/privacy-store';
import type { MemoryTables } from './tables';

/** State goes through JSON as it does in the database (dates come back as strings). */
const asStored = <T>(state: T): T => JSON.parse(JSON.stringify(state)) as T;

export function memoryConversationStore(t: () => MemoryTables): ConversationStore {
  const find = (personId: string, kind: string) =>
    t().conversations.find((c) => c.personId === personId && c.kind === kind);
  return {
    async load<T>(personId: string, kind: string) {
      const found = find(personId, kind);
      return found ? { state: asStored(found.state) as T, updatedAt: found.updatedAt } : null;
    },
    list: async (personId) =>
      t()
        .conversations.filter((c) => c.personId === personId)
        .map((c) => ({ kind: c.kind, updatedAt: c.updatedAt }))
        .sort((a, b) => b.updatedAt.getTime() - a.updatedAt.getTime()),
    async save(personId, kind, state, at) {
      const found = find(personId, kind);
      if (found) Object.assign(found, { state: asStored(state), updatedAt: at });
      else t().conversations.push({ personId, kind, state: asStored(state), updatedAt: at });
    },
    async delete(personId, kind) {
      const tables = t();
      tables.conversations = tables.conversations.filter(
        (c) => !(c.personId === personId && c.kind === kind),
      );
    },
    async loadMany<T>(kind: string, personIds: readonly string[]) {
      const found = new Map<string, ConversationRecord<T>>();
      for (const personId of personIds) {
        const row = find(personId, kind);
        if (row) found.set(personId, { state: asStored(row.state) as T, updatedAt: row.updatedAt });
      }
      return found;
    },
    async saveMany(writes) {
      for (const { personId, kind, state, at } of writes) {
        const found = find(personId, kind);
        if (found) Object.assign(found, { state: asStored(state), updatedAt: at });
        else t().conversations.push({ personId, kind, state: asStored(state), updatedAt: at });
      }
    },
  };
}

export function memoryAuditStore(t: () => MemoryTables): AuditStore {
  return {
    async record(entry) {
      t().audit.push({ ...entry, subject: entry.subject ?? null });
    },
    list: async () => structuredClone(t().audit),
  };
}

export function memoryInboundLog(t: () => MemoryTables): InboundLog {
  return {
    async firstSeen(dedupeKey, at) {
      if (t().seenInbound.has(dedupeKey)) return false;
      t().seenInbound.set(dedupeKey, at);
      return true;
    },
    async forgetBefore(before) {
      const seen = t().seenInbound;
      for (const [key, at] of seen) if (at.getTime() < before.getTime()) seen.delete(key);
    },
  };
}

export function memoryOutboxStore(t: () => MemoryTables): OutboxStore {
  return {
    async enqueue(items, at) {
      let fresh = 0;
      for (const item of items) {
        if (t().outbox.some((queued) => queued.key === item.key)) continue;
        t().outbox.push({ ...structuredClone(item), at });
        fresh++;
      }
      return fresh;
    },
    queuedKeys: async (keys) =>
      new Set(keys.filter((key) => t().outbox.some((queued) => queued.key === key))),
    // Nothing is ever delivered in memory (no dispatcher runs on the fakes): nothing to prune.
    pruneDelivered: async () => 0,
  };
}

export function memoryPrivacyStore(t: () => MemoryTables): PrivacyStore {
  return {
    async erasePerson(person) {
      const tables = t();
      const placementIds = new Set(
        tables.placements.filter((p) => p.studentId === person.id).map((p) => p.id),
      );
      const talkKinds = new Set([...placementIds].map(mentorTalkKind));
      const ofPlacement = <T extends { placementId: string }>(rows: T[]) =>
        rows.filter((row) => !placementIds.has(row.placementId));
      tables.outbox = tables.outbox.filter(
        (m) =>
          m.subjectId !== person.id &&
          !(m.to.kind === 'person' && m.to.personId === person.id) &&
          !(m.mentions ?? []).includes(person.id),
      );
      tables.deliveryProblems.delete(person.id);
      tables.conversations = tables.conversations.filter(
        (c) => c.personId !== person.id && !talkKinds.has(c.kind),
      );
      tables.placements = tables.placements.filter((p) => !placementIds.has(p.id));
      tables.placementMentors = ofPlacement(tables.placementMentors).filter((m) => m.personId !== person.id);
      tables.goals = ofPlacement(tables.goals);
      tables.pauses = ofPlacement(tables.pauses);
      tables.reports = ofPlacement(tables.reports);
      tables.substitutes = ofPlacement(tables.substitutes);
      tables.checkins = ofPlacement(tables.checkins);
      tables.accounts = tables.accounts.filter((a) => a.personId !== person.id);
      tables.coordinators = tables.coordinators.filter((c) => c.personId !== person.id);
      tables.people = tables.people.filter((p) => p.id !== person.id);
      for (const entry of tables.audit) {
        if (entry.subject === person.id) entry.subject = 'erased';
        if (entry.actor === person.id) entry.actor = 'erased';
      }
      return { placements: placementIds.size };
    },
    async purgeWritten(expired) {
      const tables = t();
      const ids = new Set(expired.map((p) => p.id));
      const cleared = new Set<string>();
      const clear = <T extends { placementId: string }>(row: T, fields: ReadonlyArray<keyof T>) => {
        if (!ids.has(row.placementId) || fields.every((field) => row[field] === null)) return;
        for (const field of fields) (row as Record<keyof T, unknown>)[field] = null;
        cleared.add(row.placementId);
      };
      for (const row of tables.reports) clear(row, ['contentEnc', 'feedbackEnc', 'excuseReason']);
      for (const row of tables.checkins) clear(row, ['moodEnc', 'learnedEnc', 'topicEnc', 'mentorNoteEnc']);
      for (const row of tables.substitutes) clear(row, ['contentEnc', 'reviewNoteEnc']);
      for (const row of tables.pauses) clear(row, ['reason']);
      for (const goal of tables.goals) if (ids.has(goal.placementId)) cleared.add(goal.placementId);
      tables.goals = tables.goals.filter((goal) => !ids.has(goal.placementId));
      const talkKinds = new Set([...ids].map(mentorTalkKind));
      const students = new Set(expired.filter((p) => cleared.has(p.id)).map((p) => p.studentId));
      tables.conversations = tables.conversations.filter(
        (c) => !talkKinds.has(c.kind) && !students.has(c.personId),
      );
      return expired.filter((p) => cleared.has(p.id)).map((p) => p.id);
    },
  };
}
