import { isTyped } from '../../core/messages/keywords';
import { renderSubstituteForm, SUBSTITUTE_ACTIONS, SUBSTITUTE_INPUT } from '../../core/notices/substitute';
import { withReadButton } from '../../core/notices/substitute-review';
import { appTextsFor, renderNote } from '../../core/notices/texts';
import { formatDeadline } from '../../core/reports/format';
import { localeOf } from '../../core/shared/person';
import { evaluatePlacement, storedSubstituteKey } from '../placements/evaluate';
import { currentPlacementOf } from './current-placement';
import { emptyOutput, reply, say, type UseCaseInput, type UseCaseOutput } from './use-case';

export const isSubstituteWord = (text: string): boolean => isTyped('substitute', text);

/** The student's open substitute assignment with this key (or the first open one), with its placement. */
async function findOpen(input: UseCaseInput, key: string | undefined) {
  const current = await currentPlacementOf(input.stores, input.person.id, input.now);
  const bundles = key
    ? await input.stores.placements.loadBundles({ studentId: input.person.id })
    : current
      ? [current.bundle]
      : [];
  for (const bundle of bundles) {
    const evaluation = evaluatePlacement(bundle, input.now);
    for (const assignment of evaluation.ladder.substitutes) {
      const stored = storedSubstituteKey(bundle.placement.id, assignment.key);
      if (assignment.status === 'done' || (key && key !== stored)) continue;
      const row = bundle.substitutes.find((s) => s.key === stored);
      return { bundle, assignment, stored, text: row?.text ?? bundle.placement.substituteText ?? null };
    }
  }
  return null;
}

/**
 * A student hands in a substitute assignment through the bot: the button (or typing
 * "opdracht") opens a private form; submitting stores the work encrypted, with the platform's
 * time of the act, and tells mentors and coordinators — without the content.
 */
export async function handleSubstitute(
  input: UseCaseInput,
  act: { text: string } | { actionId: string; value?: string; formValues?: Record<string, string> },
): Promise<UseCaseOutput | null> {
  const t = appTextsFor(input.locale);
  const opening = 'text' in act ? isSubstituteWord(act.text) : act.actionId === SUBSTITUTE_ACTIONS.open;
  const submitting = !('text' in act) && act.actionId === SUBSTITUTE_ACTIONS.submit;
  if (!opening && !submitting) return null;

  const found = await findOpen(input, 'text' in act ? undefined : act.value);
  if (!found) return say(renderNote('substitute.none', t['substitute.none']));

  if (opening) {
    return {
      ...emptyOutput(),
      view: renderSubstituteForm(input.locale, {
        key: found.stored,
        assignment: found.text ?? t['substitute.default'],
        dueDate: formatDeadline(found.assignment.dueDate, input.locale),
      }),
    };
  }

  const work = ('formValues' in act ? act.formValues?.[SUBSTITUTE_INPUT] : undefined)?.trim();
  if (!work) return reply(renderNote('substitute.empty', t['substitute.empty']));
  // A hand-in after "sent back" is a new hand-in: the earlier assessment no longer stands.
  await input.stores.substitutes.handIn({
    key: found.stored,
    placementId: found.bundle.placement.id,
    text: found.text,
    work,
    by: input.person.id,
    at: input.actedAt,
  });

  const output = emptyOutput();
  output.conversation.push(renderNote('substitute.thanks', t['substitute.thanks']));
  const { bundle } = found;
  for (const person of [...bundle.mentors, ...bundle.coordinators]) {
    const locale = localeOf(person, input.defaultLocale);
    output.outgoing.push({
      // Once per hand-in: work sent back and handed in again is news again.
      key: `${found.stored}:handed-in:${person.id}:${input.actedAt.toISOString()}`,
      to: { kind: 'person', personId: person.id },
      // No work in the notice itself: "Lezen" opens it privately (and audit-logged).
      message: withReadButton(
        renderNote('substitute.handed-in', appTextsFor(locale)['substitute.handedIn'](bundle.student.name)),
        found.stored,
        locale,
      ),
      subjectId: bundle.student.id,
    });
  }
  return output;
}
