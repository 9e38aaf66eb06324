import { z } from 'zod';
import { isInDstTransitionHour } from '../calendar/zoned';
import { escalationPolicySchema } from '../escalation/policy';
import { isoWeekdaySchema, localDateSchema, localTimeSchema } from './dates';

const scheduleTime = localTimeSchema.refine((time) => !isInDstTransitionHour(time), {
  message: 'no schedules between 02:00 and 03:00 (daylight-saving changes)',
});

/** Zones already checked: building an Intl formatter per cohort read was a hot spot. */
const knownTimeZones = new Map<string, boolean>();

function isKnownTimeZone(zone: string): boolean {
  const known = knownTimeZones.get(zone);
  if (known !== undefined) return known;
  let valid = true;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
  } catch {
    valid = false;
  }
  // Only valid zones are kept, so arbitrary input cannot grow the map.
  if (valid) knownTimeZones.set(zone, true);
  return valid;
}

/**
 * Schedule and policy settings of a cohort; placements inherit them. Every field has the
 * product's default (docs/DOMAIN.md, "Placements and cohorts"), so `{}` is a valid cohort.
 */
export const cohortSettingsSchema = z.object({
  timezone: z.string().refine(isKnownTimeZone, 'unknown time zone').default('Europe/Amsterdam'),
  checkinWeekday: isoWeekdaySchema.default(5),
  checkinTime: scheduleTime.default('13:00'),
  /** Unanswered check-ins are reminded once, the next working day at this time. */
  checkinReminderTime: scheduleTime.default('10:00'),
  digestWeekday: isoWeekdaySchema.default(1),
  digestTime: scheduleTime.default('08:30'),
  /** Morning reminders (report due today, 3 days before, evaluation reminders). */
  morningReminderTime: scheduleTime.default('09:00'),
  /** Extra closed dates on top of Dutch public holidays. */
  closedDates: z.array(localDateSchema).default([]),
  /** Reminder lead time before a mid-term or final evaluation. */
  evaluationReminderDays: z.number().int().min(1).max(30).default(7),
  /**
   * Day of the month from which a monthly report may be handed in: the month it looks back on
   * has then mostly passed. Writing may start earlier; handing in not.
   */
  handInFromDay: z.number().int().min(1).max(28).default(20),
  /** Reflection content is purged this many months after the placement ends. */
  retentionMonths: z.number().int().min(1).max(120).default(12),
  /** Default text of a substitute assignment; null = the product's standard text. */
  substituteText: z.string().max(2000).nullable().default(null),
  escalation: escalationPolicySchema.default(escalationPolicySchema.parse({})),
});

export type CohortSettings = z.infer<typeof cohortSettingsSchema>;

export const DEFAULT_COHORT_SETTINGS: CohortSettings = cohortSettingsSchema.parse({});
