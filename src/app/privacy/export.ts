import { stringify } from 'csv-stringify/sync';
import { coreReportId, evaluatePlacement, storedSubstituteKey } from '../placements/evaluate';
import type { CheckinRecord as CheckinRow, PlacementFilter } from '../stores/placement-records';
import type { Stores } from '../stores/stores';

/** The export document (docs/INTERFACES.md, "Export JSON"; docs/export.schema.json); field names are part of the product. */
export type ExportDocument = {
  exportedAt: string;
  /**
   * Moods and check-in free text are private: a cohort export leaves them out unless asked for
   * explicitly; a student's own export (an access request) always has them.
   */
  checkinContent: 'included' | 'left-out';
  placements: Array<{
    student: { email: string; name: string };
    mentors: Array<{ email: string }>;
    cohort: string;
    status: string;
    startDate: string;
    endDate: string;
    missCount: number;
    reports: Array<{
      kind: string;
      dueDate: string;
      status: string;
      submittedAt: string | null;
      starr: Record<string, string> | null;
    }>;
    substituteAssignments: Array<{
      dueDate: string;
      status: string;
      /** The assignment as set (null: the product's standard text). */
      text: string | null;
      /** The student's handed-in work, when there is any. */
      work: string | null;
      handedInAt: string | null;
      assessment: 'accepted' | 'returned' | null;
    }>;
    checkins: Array<{
      week: string;
      /** Null when unanswered, or left out of a cohort export. */
      mood: number | null;
      answeredAt: string | null;
      learned: string | null;
      wantsTalk: boolean | null;
      topic: string | null;
      /** The mentor's answer to "did you have your weekly talk?" and their note. */
      mentorTalk: 'yes' | 'no' | 'moved' | null;
      mentorNote: string | null;
    }>;
  }>;
};

export type ExportScope = { cohort?: string; student?: string };

export type ExportResult =
  | { ok: true; document: ExportDocument; studentIds: string[] }
  | {
      ok: false;
      error: 'EXPORT.UNKNOWN_STUDENT' | 'EXPORT.UNKNOWN_COHORT' | 'EXPORT.NOT_YOURS';
      value: string;
    };

const MONTHLY_KEYS = ['goal', 'situation', 'task', 'action', 'result', 'reflection'] as const;

/**
 * Everything about the placements in scope (access/portability), decrypted for the requester.
 * Audit-logged as one entry per exported student.
 */
export async function exportPlacements(
  stores: Stores,
  scope: ExportScope,
  options: {
    actor: string;
    at: Date;
    allowedCohortIds?: ReadonlySet<string> | null;
    /** Cohort exports only: include moods and check-in text (audit-logged as such). */
    includeCheckinContent?: boolean;
  },
): Promise<ExportResult> {
  const { unseal } = stores;
  const withContent = scope.student !== undefined || options.includeCheckinContent === true;
  const textOrNull = (row: CheckinRow, field: 'learnedEnc' | 'topicEnc' | 'mentorNoteEnc') =>
    withContent ? unseal.checkinText(row, field) : null;
  let filter: PlacementFilter = { all: true };
  if (scope.student) {
    const student = await stores.people.findByEmail(scope.student);
    if (!student) return { ok: false, error: 'EXPORT.UNKNOWN_STUDENT', value: scope.student };
    filter = { studentId: student.id };
  } else if (scope.cohort) {
    const cohort = await stores.cohorts.findByName(scope.cohort);
    if (!cohort) return { ok: false, error: 'EXPORT.UNKNOWN_COHORT', value: scope.cohort };
    filter = { cohortId: cohort.id };
  }
  const allowed = options.allowedCohortIds;
  const found = await stores.placements.loadBundles(filter);
  // A named cohort or student outside the actor's cohorts is refused outright (not an empty export).
  if ((scope.cohort || scope.student) && allowed && found.some((b) => !allowed.has(b.cohort.id))) {
    return { ok: false, error: 'EXPORT.NOT_YOURS', value: scope.cohort ?? scope.student ?? '' };
  }
  if (scope.cohort && allowed && 'cohortId' in filter && !allowed.has(filter.cohortId)) {
    return { ok: false, error: 'EXPORT.NOT_YOURS', value: scope.cohort };
  }
  const bundles = found.filter((b) => !allowed || allowed.has(b.cohort.id));

  const placements = bundles.map((bundle) => {
    const evaluation = evaluatePlacement(bundle, options.at);
    const rows = new Map(bundle.reports.map((row) => [coreReportId(row), row]));
    return {
      student: { email: bundle.student.email, name: bundle.student.name },
      mentors: bundle.mentors.map((m) => ({ email: m.email })),
      cohort: bundle.cohort.name,
      status: evaluation.status,
      startDate: bundle.placement.startDate,
      endDate: bundle.placement.endDate,
      missCount: evaluation.ladder.missCount,
      reports: evaluation.ladder.reports.map((report) => {
        const row = rows.get(report.id);
        const answers = row ? unseal.reportContent(row) : null;
        const starr =
          answers && report.kind === 'monthly'
            ? Object.fromEntries(MONTHLY_KEYS.map((key) => [key, answers[key] ?? '']))
            : answers;
        return {
          kind: report.kind,
          dueDate: report.dueDate,
          status: report.status,
          submittedAt: row?.submittedAt?.toISOString() ?? null,
          starr,
        };
      }),
      substituteAssignments: evaluation.ladder.substitutes.map((s) => {
        const row = bundle.substitutes.find((r) => r.key === storedSubstituteKey(bundle.placement.id, s.key));
        return {
          dueDate: s.dueDate,
          status: s.status,
          text: row?.text ?? bundle.placement.substituteText ?? null,
          work: row ? unseal.substituteWork(row) : null,
          handedInAt: row?.doneAt?.toISOString() ?? null,
          assessment: row?.reviewStatus ?? null,
        };
      }),
      checkins: bundle.checkins.map((row) => ({
        week: row.week,
        mood: withContent ? unseal.mood(row) : null,
        answeredAt: row.answeredAt?.toISOString() ?? null,
        learned: textOrNull(row, 'learnedEnc'),
        wantsTalk: withContent ? row.wantsTalk : null,
        topic: textOrNull(row, 'topicEnc'),
        mentorTalk: row.mentorTalk,
        mentorNote: textOrNull(row, 'mentorNoteEnc'),
      })),
    };
  });

  for (const bundle of bundles) {
    // A cohort export with moods and check-in text is logged as exactly that.
    const action = withContent && !scope.student ? 'export.checkin-content' : 'export';
    await stores.audit.record({ at: options.at, actor: options.actor, action, subject: bundle.student.id });
  }
  return {
    ok: true,
    document: {
      exportedAt: options.at.toISOString(),
      checkinContent: withContent ? 'included' : 'left-out',
      placements,
    },
    studentIds: bundles.map((bundle) => bundle.student.id),
  };
}

/** The same data flattened to CSV: one row per report (placements without reports get one row). */
export function exportToCsv(document: ExportDocument): string {
  const header = [
    'student_email',
    'student_name',
    'mentor_emails',
    'cohort',
    'status',
    'start_date',
    'end_date',
    'miss_count',
    'report_kind',
    'report_due_date',
    'report_status',
    'submitted_at',
    ...MONTHLY_KEYS,
    'open_substitute_assignments',
    'checkins_answered',
    'checkins_sent',
  ];
  const rows: string[][] = [];
  for (const p of document.placements) {
    const base = [
      p.student.email,
      p.student.name,
      p.mentors.map((m) => m.email).join('|'),
      p.cohort,
      p.status,
      p.startDate,
      p.endDate,
      String(p.missCount),
    ];
    const tail = [
      String(p.substituteAssignments.filter((s) => s.status !== 'done').length),
      String(p.checkins.filter((c) => c.answeredAt).length),
      String(p.checkins.length),
    ];
    const reports = p.reports.length > 0 ? p.reports : [null];
    for (const r of reports) {
      rows.push([
        ...base,
        r?.kind ?? '',
        r?.dueDate ?? '',
        r?.status ?? '',
        r?.submittedAt ?? '',
        ...MONTHLY_KEYS.map((key) => r?.starr?.[key] ?? ''),
        ...tail,
      ]);
    }
  }
  return stringify([header, ...rows.map((row) => row.map(neutraliseFormula))]);
}

/**
 * A spreadsheet runs a cell starting with `=`, `+`, `-`, `@`, tab or carriage return as a formula
 * (CSV injection). Such a cell gets a leading apostrophe, which Excel and LibreOffice show as text.
 */
export function neutraliseFormula(cell: string): string {
  return /^[=+\-@\t\r]/u.test(cell) ? `'${cell}` : cell;
}
