import { DIGEST_DETAILS_ACTION } from '../digest/render';
import type { Button, Locale } from '../messages/model';
import { pick } from '../messages/texts';
import * as staffTexts from '../messages/texts/staff';

export const staffTextsFor = (locale: Locale) => pick(staffTexts, locale);

/** The details button of a student in a staff list: the private detail view (src/app/use-cases/details.ts). */
export function detailsButton(locale: Locale, student: string, placementId: string): Button {
  return {
    actionId: DIGEST_DETAILS_ACTION,
    label: staffTextsFor(locale)['details.button'](student).slice(0, 60),
    value: placementId,
  };
}
