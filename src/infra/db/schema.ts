import {
  bigserial,
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

/**
 * The whole database. Columns ending in `_enc` hold AES-256-GCM ciphertext (see
 * `src/infra/crypto.ts`): reflection answers, check-in free text and mood, conversation state
 * and outgoing message bodies never sit in plain text.
 * Dates without a time are `date` columns read as 'YYYY-MM-DD' strings; instants are timestamptz.
 */

const instant = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const localDate = (name: string) => date(name, { mode: 'string' });

export const people = pgTable('people', {
  id: text('id').primaryKey(),
  /** Lower-cased; the identity that links a person across Slack and Teams. */
  email: text('email').notNull().unique(),
  name: text('name').notNull(),
  locale: text('locale', { enum: ['nl', 'en'] }),
  createdAt: instant('created_at').notNull(),
});

export const identities = pgTable(
  'identities',
  {
    personId: text('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    platform: text('platform', { enum: ['slack', 'teams', 'console'] }).notNull(),
    tenant: text('tenant').notNull(),
    platformUserId: text('platform_user_id').notNull(),
    /** `gone`: deactivated, left, or uninstalled — we stop sending there. */
    status: text('status', { enum: ['active', 'gone'] })
      .notNull()
      .default('active'),
    linkedAt: instant('linked_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.platform, t.tenant, t.platformUserId] }),
    index('identities_person').on(t.personId),
  ],
);

export const cohorts = pgTable('cohorts', {
  id: text('id').primaryKey(),
  name: text('name').notNull().unique(),
  /** `CohortSettings` (zod-validated on every read and write). */
  settings: jsonb('settings').notNull(),
  /** Where the weekly digest goes: `{ platform, tenant, channelId }`; null = privately to each mentor. */
  digestChannel: jsonb('digest_channel'),
  createdAt: instant('created_at').notNull(),
});

/** Coordinator role; `cohort_id` null = coordinator of every cohort. */
export const coordinators = pgTable(
  'coordinators',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    personId: text('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    cohortId: text('cohort_id').references(() => cohorts.id, { onDelete: 'cascade' }),
  },
  (t) => [uniqueIndex('coordinators_person_cohort').on(t.personId, t.cohortId)],
);

export const placements = pgTable(
  'placements',
  {
    id: text('id').primaryKey(),
    studentId: text('student_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    cohortId: text('cohort_id')
      .notNull()
      .references(() => cohorts.id),
    organisation: text('organisation'),
    startDate: localDate('start_date').notNull(),
    endDate: localDate('end_date').notNull(),
    /** ISO weekdays the student works there; null = every working day. */
    workingDays: jsonb('working_days').$type<number[] | null>(),
    introDate: localDate('intro_date'),
    midEvaluationDate: localDate('mid_evaluation_date'),
    finalEvaluationDate: localDate('final_evaluation_date'),
    /** Stored decisions only (`active`, `ended`, `insufficient`); paused/completed are derived. */
    status: text('status', { enum: ['active', 'paused', 'insufficient', 'completed', 'ended'] })
      .notNull()
      .default('active'),
    /** A coordinator's reset after reviewing an insufficient placement: misses before it no longer count. */
    ladderResetAt: instant('ladder_reset_at'),
    substituteText: text('substitute_text'),
    /**
     * When the one closing message after the end went out. Outbox keys are pruned after a while,
     * so "once" is recorded here rather than trusted to the idempotency key.
     */
    closingSentAt: instant('closing_sent_at'),
    createdAt: instant('created_at').notNull(),
    updatedAt: instant('updated_at').notNull(),
  },
  (t) => [index('placements_student').on(t.studentId), index('placements_cohort').on(t.cohortId)],
);

export const placementMentors = pgTable(
  'placement_mentors',
  {
    placementId: text('placement_id')
      .notNull()
      .references(() => placements.id, { onDelete: 'cascade' }),
    personId: text('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
  },
  (t) => [
    primaryKey({ columns: [t.placementId, t.personId] }),
    index('placement_mentors_person').on(t.personId),
  ],
);

export const goals = pgTable('goals', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  placementId: text('placement_id')
    .notNull()
    .references(() => placements.id, { onDelete: 'cascade' }),
  position: integer('position').notNull(),
  text: text('text').notNull(),
});

export const pauses = pgTable('pauses', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  placementId: text('placement_id')
    .notNull()
    .references(() => placements.id, { onDelete: 'cascade' }),
  fromDate: localDate('from_date').notNull(),
  untilDate: localDate('until_date'),
  /** Encrypted: a pause reason may be medical. */
  reason: text('reason'),
  createdAt: instant('created_at').notNull(),
});

export const reports = pgTable(
  'reports',
  {
    /** `<placementId>:<kind>:<dueDate>` — stable, so the due-date series can be upserted. */
    id: text('id').primaryKey(),
    placementId: text('placement_id')
      .notNull()
      .references(() => placements.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ['monthly', 'intro', 'midterm'] }).notNull(),
    dueDate: localDate('due_date').notNull(),
    /** The platform's timestamp of the submit act. */
    submittedAt: instant('submitted_at'),
    contentEnc: text('content_enc'),
    neededNudges: boolean('needed_nudges'),
    excused: boolean('excused').notNull().default(false),
    /** Encrypted: an excuse is often medical ("ziek"). */
    excuseReason: text('excuse_reason'),
    feedbackEnc: text('feedback_enc'),
    feedbackVerdict: text('feedback_verdict', { enum: ['approved', 'needs-more'] }),
    feedbackBy: text('feedback_by').references(() => people.id, { onDelete: 'set null' }),
    feedbackAt: instant('feedback_at'),
  },
  (t) => [index('reports_placement').on(t.placementId)],
);

export const substitutes = pgTable('substitutes', {
  /** `substitute:<reportId>` as derived by the escalation engine. */
  key: text('key').primaryKey(),
  placementId: text('placement_id')
    .notNull()
    .references(() => placements.id, { onDelete: 'cascade' }),
  text: text('text'),
  doneAt: instant('done_at'),
  doneBy: text('done_by'),
  contentEnc: text('content_enc'),
  /**
   * A coordinator's assessment of handed-in work: `accepted`, or `returned` (sent back — `done_at`
   * is cleared so the assignment is open again, the earlier work stays for reference).
   */
  reviewStatus: text('review_status', { enum: ['accepted', 'returned'] }),
  reviewedBy: text('reviewed_by'),
  reviewedAt: instant('reviewed_at'),
  /** Encrypted: the coordinator's note to the student. */
  reviewNoteEnc: text('review_note_enc'),
});

export const checkins = pgTable(
  'checkins',
  {
    placementId: text('placement_id')
      .notNull()
      .references(() => placements.id, { onDelete: 'cascade' }),
    /** ISO week, `YYYY-Www`. */
    week: text('week').notNull(),
    sentAt: instant('sent_at').notNull(),
    answeredAt: instant('answered_at'),
    moodEnc: text('mood_enc'),
    learnedEnc: text('learned_enc'),
    wantsTalk: boolean('wants_talk'),
    topicEnc: text('topic_enc'),
    mentorTalk: text('mentor_talk', { enum: ['yes', 'no', 'moved'] }),
    mentorNoteEnc: text('mentor_note_enc'),
    mentorAnsweredAt: instant('mentor_answered_at'),
  },
  (t) => [primaryKey({ columns: [t.placementId, t.week] })],
);

/** One open conversation per person and kind (STARR draft, check-in, mentor feedback form). */
export const conversations = pgTable(
  'conversations',
  {
    personId: text('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    stateEnc: text('state_enc').notNull(),
    updatedAt: instant('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.personId, t.kind] })],
);

export const outbox = pgTable(
  'outbox',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    /** Unique: enqueueing the same message twice is a no-op (e.g. `checkin:<placement>:<week>`). */
    idempotencyKey: text('idempotency_key').notNull().unique(),
    /** `Recipient` in domain terms; resolved to a platform address at send time. */
    recipient: jsonb('recipient').notNull(),
    /** Person the message is about, so erase can remove it; null for channel digests. */
    subjectId: text('subject_id'),
    /** Other people the message names (a digest's students, an export's): erase finds it by id. */
    mentions: jsonb('mentions').$type<string[]>().notNull().default([]),
    payloadEnc: text('payload_enc').notNull(),
    status: text('status', { enum: ['pending', 'sent', 'failed'] })
      .notNull()
      .default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: instant('next_attempt_at').notNull(),
    /** A dispatcher's lease: while in the future, other dispatchers leave the row alone. */
    claimedUntil: instant('claimed_until'),
    claimedBy: text('claimed_by'),
    /** Pacing unit: one conversation/channel. */
    conversationKey: text('conversation_key'),
    platformMessageId: text('platform_message_id'),
    /** Parts of a message split by platform limits already delivered; a retry resumes after them. */
    partsSent: integer('parts_sent').notNull().default(0),
    lastError: text('last_error'),
    createdAt: instant('created_at').notNull(),
    sentAt: instant('sent_at'),
  },
  (t) => [
    index('outbox_due').on(t.status, t.nextAttemptAt),
    // Claiming takes the oldest pending row per conversation; pacing reads its last send.
    index('outbox_conversation').on(t.conversationKey, t.status, t.id),
    index('outbox_conversation_sent').on(t.conversationKey, t.sentAt),
  ],
);

/** Scheduler fires claimed across instances: a (job, fire time) pair runs once. */
export const schedulerRuns = pgTable(
  'scheduler_runs',
  {
    job: text('job').notNull(),
    fireTime: instant('fire_time').notNull(),
    claimedBy: text('claimed_by').notNull(),
    claimedAt: instant('claimed_at').notNull(),
    finishedAt: instant('finished_at'),
    summary: text('summary'),
  },
  (t) => [primaryKey({ columns: [t.job, t.fireTime] })],
);

/** Inbound acts already handled (platform retries carry the same key). */
export const seenInbound = pgTable('seen_inbound', {
  dedupeKey: text('dedupe_key').primaryKey(),
  seenAt: instant('seen_at').notNull(),
});

/** Who did what, when — never content. */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: instant('at').notNull(),
    /** Person id, or `cli`/`system`. */
    actor: text('actor').notNull(),
    action: text('action').notNull(),
    /** Person id the action concerned (replaced by `erased` when that person is erased). */
    subject: text('subject'),
    detail: jsonb('detail'),
  },
  (t) => [index('audit_subject').on(t.subject)],
);

export const conversationRefs = pgTable(
  'conversation_refs',
  {
    platform: text('platform').notNull(),
    key: text('key').notNull(),
    tenant: text('tenant').notNull(),
    email: text('email'),
    ref: jsonb('ref').notNull(),
    updatedAt: instant('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.platform, t.key] }), index('conversation_refs_email').on(t.email)],
);

/**
 * Facts about the data itself, checked at start-up: e.g. `encryption_key_fingerprint`, so a
 * process started with another key refuses to run instead of writing unreadable data.
 */
export const instanceFacts = pgTable('instance_facts', {
  name: text('name').primaryKey(),
  value: text('value').notNull(),
  recordedAt: instant('recorded_at').notNull(),
});

/** Undeliverable recipients already reported to a coordinator (tell once). */
export const deliveryProblems = pgTable('delivery_problems', {
  key: text('key').primaryKey(),
  reportedAt: instant('reported_at').notNull(),
});

export const tables = {
  people,
  identities,
  cohorts,
  coordinators,
  placements,
  placementMentors,
  goals,
  pauses,
  reports,
  substitutes,
  checkins,
  conversations,
  outbox,
  schedulerRuns,
  seenInbound,
  auditLog,
  conversationRefs,
  deliveryProblems,
  instanceFacts,
};
