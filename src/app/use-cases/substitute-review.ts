import {
  parseAssessment,
  renderAssessmentForStudent,
  renderSubstituteView,
  SUBSTITUTE_REVIEW_ACTIONS,
  SUBSTITUTE_REVIEW_INPUTS,
} from '../../core/notices/substitute-review';
import { appTextsFor, renderNote } from '../../core/notices/texts';
import { formatDeadline } from '../../core/reports/format';
import { localeOf } from '../../core/shared/person';
import { evaluatePlacement, storedSubstituteKey } from '../placements/evaluate';
import { coordinatesCohort } from '../stores/people-store';
import { emptyOutput, reply, type UseCaseInput, type UseCaseOutput } from './use-case';

/** The assignment behind a stored key, with who may read it (mentors, coordinators) and assess it (coordinators). */
async function findAssignment(input: UseCaseInput, key: string | undefined) {
  if (!key) return null;
  const placementId = key.slice(0, key.indexOf(':'));
  const [bundle] = await input.stores.placements.loadBundles({ placementIds: [placementId] });
  if (!bundle) return null;
  const assignment = evaluatePlacement(bundle, input.now).ladder.substitutes.find(
    (s) => storedSubstituteKey(bundle.placement.id, s.key) === key,
  );
  if (!assignment) return null;
  const isCoordinator = coordinatesCohort(
    await input.stores.people.coordinatorScopes(input.person.id),
    bundle.cohort.id,
  );
  const isMentor = bundle.mentors.some((m) => m.id === input.person.id);
  const row = bundle.substitutes.find((s) => s.key === key) ?? null;
  return { bundle, assignment, row, mayRead: isMentor || isCoordinator, mayAssess: isCoordinator };
}

/**
 * Reading and assessing a substitute assignment: mentors and coordinators read the handed-in
 * work privately (audit-logged); a coordinator accepts it or sends it back, and the student
 * hears which, in one message.
 */
export async function handleSubstituteReview(
  input: UseCaseInput,
  act: { actionId: string; value?: string; formValues?: Record<string, string> },
): Promise<UseCaseOutput | null> {
  const reading = act.actionId === SUBSTITUTE_REVIEW_ACTIONS.read;
  if (!reading && act.actionId !== SUBSTITUTE_REVIEW_ACTIONS.assess) return null;
  const t = appTextsFor(input.locale);
  const found = await findAssignment(input, act.value);
  if (!found?.mayRead || (!reading && !found.mayAssess)) {
    return reply(renderNote('substitute.forbidden', t['error.notAllowedToRead']));
  }
  const { bundle, assignment, row } = found;
  const key = act.value as string;

  if (reading) {
    // Reading a student's work is audit-logged like reading a reflection (who, what, when).
    await input.stores.audit.record({
      at: input.now,
      actor: input.person.id,
      action: 'substitute.read',
      subject: bundle.student.id,
      detail: { substitute: key },
    });
    return {
      ...emptyOutput(),
      view: renderSubstituteView(input.locale, {
        key,
        studentName: bundle.student.name,
        assignment: row?.text ?? bundle.placement.substituteText ?? t['substitute.default'],
        dueDate: formatDeadline(assignment.dueDate, input.locale),
        handedInAt: row?.doneAt ? row.doneAt.toISOString().slice(0, 10) : null,
        work: row ? input.stores.unseal.substituteWork(row) : null,
        review: row?.reviewStatus ?? null,
        mayAssess: found.mayAssess,
      }),
    };
  }

  if (!row?.contentEnc || row.doneAt === null) {
    return reply(renderNote('substitute.not-handed-in', t['substitute.notHandedIn']));
  }
  const assessment = parseAssessment(act.formValues?.[SUBSTITUTE_REVIEW_INPUTS.verdict]) ?? 'accepted';
  const note = act.formValues?.[SUBSTITUTE_REVIEW_INPUTS.note]?.trim() || null;
  // Sent back: the assignment is open again (and counts as overdue past its due date).
  await input.stores.substitutes.assess(key, {
    status: assessment,
    note,
    by: input.person.id,
    at: input.actedAt,
  });
  await input.stores.audit.record({
    at: input.now,
    actor: input.person.id,
    action: `substitute.${assessment}`,
    subject: bundle.student.id,
    detail: { substitute: key },
  });

  const studentLocale = localeOf(bundle.student, input.defaultLocale);
  const output = emptyOutput();
  output.conversation.push(
    renderNote(`substitute.assessed`, t[`substitute.assessed.${assessment}`](bundle.student.name)),
  );
  output.outgoing.push({
    key: `${key}:assessed:${input.inbound.dedupeKey}`,
    to: { kind: 'person', personId: bundle.student.id },
    message: renderAssessmentForStudent(studentLocale, { key, assessment, note }),
    subjectId: bundle.student.id,
  });
  return output;
}
