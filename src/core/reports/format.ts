import { format } from 'date-fns/format';
import { enGB, nl as nlLocale } from 'date-fns/locale';
import type { Locale } from '../messages/model';
import { pick } from '../messages/texts';
import * as reportTexts from '../messages/texts/reports';
import { addMonthsToFirst, firstOfMonth, type LocalDate } from '../shared/dates';
import { assertNever } from '../shared/errors';
import type { ReportRef } from './reminders';

export const reportTextsFor = (locale: Locale) => pick(reportTexts, locale);

/** Noon of the calendar date as a carrier for date-fns; only y/m/d are read back. */
function carrier(date: LocalDate): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d, 12);
}

const DATE_LOCALES = { nl: nlLocale, en: enGB } as const;

/** "maandag 4 januari" / "Monday 4 January". */
export function formatLocalDate(date: LocalDate, locale: Locale): string {
  return format(carrier(date), 'EEEE d MMMM', { locale: DATE_LOCALES[locale] });
}

/** "maandag 4 januari om 23:59": a deadline is always the end of its local day. */
export function formatDeadline(date: LocalDate, locale: Locale): string {
  return reportTextsFor(locale).deadline(formatLocalDate(date, locale));
}

/**
 * The report's name without an article. A monthly report looks back on the month before its
 * due date, so the one due on 1 February is "reflectieverslag over januari".
 */
export function renderReportName(report: Pick<ReportRef, 'kind' | 'dueDate'>, locale: Locale): string {
  const t = reportTextsFor(locale);
  switch (report.kind) {
    case 'monthly': {
      const previousMonth = addMonthsToFirst(firstOfMonth(report.dueDate), -1);
      return t['report.monthly'](format(carrier(previousMonth), 'LLLL', { locale: DATE_LOCALES[locale] }));
    }
    case 'intro':
      return t['report.intro'];
    case 'midterm':
      return t['report.midterm'];
    default:
      return assertNever(report.kind);
  }
}
