import type { EscalationPolicy } from '../escalation/policy';
import type { Locale } from '../messages/model';
import type { CohortSettings } from '../shared/cohort';
import type { IsoWeekday, LocalDate } from '../shared/dates';

/** Who may run a command; checked on the platform's authenticated user, never on typed names. */
export type CommandRole = 'anyone' | 'coordinator';

/**
 * Whose data a command or button may touch. `own`: the actor's own data; `own-students`: the
 * placements the actor mentors; `own-cohorts`: cohorts the actor coordinates; `all-cohorts`:
 * only a coordinator of every cohort (creating cohorts and coordinators widens reach).
 */
export type CommandScope = 'own' | 'own-students' | 'own-cohorts' | 'all-cohorts';

export type StudentTarget = { kind: 'student'; email: string };
export type CohortTarget = { kind: 'cohort'; cohort: string };
/** What an overview or export is about; null in a command means "everything I may see". */
export type CommandTarget = StudentTarget | CohortTarget;

export type AddPlacementArgs = {
  studentEmail: string;
  studentName: string;
  /** At least one, lower-cased, in the order typed. */
  mentorEmails: string[];
  /** Optional names matching `mentorEmails` by position (may be shorter). */
  mentorNames: string[];
  startDate: LocalDate;
  endDate: LocalDate;
  cohort: string | null;
  organisation: string | null;
  coordinatorEmail: string | null;
  introDate: LocalDate | null;
  midEvaluationDate: LocalDate | null;
  finalEvaluationDate: LocalDate | null;
  /** Sorted, unique; null = every working day. */
  workingDays: IsoWeekday[] | null;
  locale: Locale | null;
};

/** Which report an excuse is for: the one due on a date, or the intro / mid-term report. */
export type ExcuseTarget = { kind: 'due-date'; dueDate: LocalDate } | { kind: 'intro' } | { kind: 'midterm' };

/** The cohort settings a coordinator may change with `instellingen`; only the keys typed are present. */
export type CohortSettingsPatch = Partial<
  Pick<
    CohortSettings,
    | 'checkinWeekday'
    | 'checkinTime'
    | 'digestWeekday'
    | 'digestTime'
    | 'closedDates'
    | 'timezone'
    | 'retentionMonths'
    | 'handInFromDay'
  >
> & {
  escalation?: Partial<Pick<EscalationPolicy, 'graceDays' | 'substituteDueDays' | 'insufficientAt'>>;
};

export type Command =
  /** `topic` is the canonical name of the command asked about. */
  | { type: 'help'; topic: CommandName | null }
  | { type: 'me' }
  | { type: 'overview'; target: CommandTarget | null }
  | { type: 'add'; placement: AddPlacementArgs }
  /** The CSV itself arrives as an attached file (`Inbound.payload.type === 'file'`). */
  | { type: 'import'; skipInvalid: boolean }
  /** `until` is inclusive; null = open-ended. */
  | { type: 'pause'; studentEmail: string; from: LocalDate; until: LocalDate | null; reason: string | null }
  /** `on` null = today (the app's clock). */
  | { type: 'resume'; studentEmail: string; on: LocalDate | null }
  | { type: 'excuse'; studentEmail: string; report: ExcuseTarget; reason: string | null }
  | { type: 'substitute'; studentEmail: string; text: string }
  /** Ticks off a substitute assignment; `reportDueDate` picks one when several are open. */
  | { type: 'check-off'; studentEmail: string; reportDueDate: LocalDate | null }
  | { type: 'remind'; studentEmail: string }
  /** The digest channel becomes the conversation the command was typed in. */
  | { type: 'channel'; cohort: string }
  /** `patch` null = show the settings. */
  | { type: 'settings'; cohort: string; patch: CohortSettingsPatch | null }
  /** `withCheckins`: a cohort export with moods and check-in text (audit-logged as such). */
  | { type: 'export'; format: 'json' | 'csv'; target: CommandTarget | null; withCheckins: boolean }
  /** Only produced with the confirmation word: erasing is irreversible. */
  | { type: 'erase'; studentEmail: string; confirmed: true }
  | { type: 'coordinator'; action: 'add' | 'remove'; email: string; cohort: string | null }
  /** Back to `active` after a coordinator reviewed an `insufficient` placement. */
  | { type: 'reset'; studentEmail: string };

export type CommandName = Command['type'];

export type CommandErrorCode =
  | 'COMMAND.UNKNOWN'
  | 'COMMAND.USAGE'
  | 'COMMAND.MISSING_ARGUMENT'
  | 'COMMAND.UNEXPECTED_ARGUMENT'
  | 'COMMAND.BAD_DATE'
  | 'COMMAND.BAD_EMAIL'
  | 'COMMAND.BAD_RANGE'
  | 'COMMAND.BAD_VALUE'
  | 'COMMAND.UNKNOWN_KEY'
  | 'COMMAND.DUPLICATE_KEY'
  | 'COMMAND.NEEDS_CONFIRMATION'
  | 'COMMAND.UNCLOSED_QUOTE';

/**
 * A typo or a missing piece in a command. `command` is set once the command word was
 * recognised, so the renderer can show the right usage line. Params per code:
 * UNKNOWN {input, suggestion?} · USAGE {value} · MISSING_ARGUMENT {argument} ·
 * UNEXPECTED_ARGUMENT {value} · BAD_DATE {value} · BAD_EMAIL {value} · BAD_RANGE {from, to} ·
 * BAD_VALUE {key, value, expected, min?, max?} · UNKNOWN_KEY {key, suggestion?} ·
 * DUPLICATE_KEY {key} · NEEDS_CONFIRMATION {email} · UNCLOSED_QUOTE {}.
 */
export type CommandUsageError = {
  code: CommandErrorCode;
  command?: CommandName;
  params: Record<string, string | number>;
};

/** Names of the pieces a command can miss; the catalogs turn them into placeholders. */
export type ArgumentId =
  | 'command'
  | 'student-email'
  | 'email'
  | 'from-date'
  | 'report'
  | 'text'
  | 'cohort'
  | 'action'
  | 'confirmation'
  | 'student'
  | 'name'
  | 'mentor'
  | 'start'
  | 'end';

/** What a setting value must look like, for the error message. */
export type ExpectedValue = 'weekday' | 'time' | 'integer' | 'dates' | 'timezone' | 'weekdays' | 'locale';
