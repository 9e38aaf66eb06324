import { addLocalDays, isoWeekdayOf, type LocalDate } from '../../core/shared/dates';
import type { PlacementInput } from '../placements/placement-input';
import type { StoreAccess } from '../stores/stores';

/**
 * A small, made-up cohort to try Stagecoach without a school's data: one coordinator, two
 * mentors, three students. Used by the console chat (`npm start` without credentials) and
 * by `demo`. Every address is on `.example`, which can never reach a real mailbox.
 */
export const SAMPLE_COHORT_NAME = 'voorbeeldklas';

export type SampleRole = 'student' | 'mentor' | 'coordinator';
export type SamplePerson = { email: string; name: string; roles: SampleRole[] };

export const SAMPLE_PEOPLE = {
  coordinator: { email: 'ingrid.deboer@school.example', name: 'Ingrid de Boer', roles: ['coordinator'] },
  mentorCare: { email: 'eva.jansen@delinde.example', name: 'Eva Jansen', roles: ['mentor'] },
  mentorChildcare: {
    email: 'mohammed.elamrani@hetanker.example',
    name: 'Mohammed El Amrani',
    roles: ['mentor'],
  },
  sam: { email: 'sam.devries@student.example', name: 'Sam de Vries', roles: ['student'] },
  noor: { email: 'noor.bakker@student.example', name: 'Noor Bakker', roles: ['student'] },
  daan: { email: 'daan.visser@student.example', name: 'Daan Visser', roles: ['student'] },
} as const satisfies Record<string, SamplePerson>;

/** Sam's learning goals: the STARR conversation offers them as the first step. */
export const SAMPLE_GOALS: readonly string[] = [
  'Ik voer een overdracht zelfstandig en volledig uit.',
  'Ik geef aan wanneer ik hulp nodig heb.',
];

/** Weeks a sample placement has already run on the day the cohort is seeded. */
const WEEKS_ALREADY_RUNNING = 3;
/** Days; the sample semester: 20 weeks and 4 days, Monday to Friday. */
const PLACEMENT_DAYS = 20 * 7 + 4;
const MID_EVALUATION_AFTER_DAYS = 10 * 7;
const FINAL_EVALUATION_BEFORE_END_DAYS = 3;

/** The Monday a few weeks before `today`: placements are already under way when you look. */
export function sampleStartDate(today: LocalDate): LocalDate {
  const monday = addLocalDays(today, 1 - isoWeekdayOf(today));
  return addLocalDays(monday, -7 * WEEKS_ALREADY_RUNNING);
}

/** The three sample placements, all starting on `startDate` (best a Monday). */
export function samplePlacements(startDate: LocalDate): PlacementInput[] {
  const endDate = addLocalDays(startDate, PLACEMENT_DAYS);
  const { coordinator, mentorCare, mentorChildcare } = SAMPLE_PEOPLE;
  const base = {
    coordinator: { email: coordinator.email, name: coordinator.name },
    cohort: SAMPLE_COHORT_NAME,
    startDate,
    endDate,
    introDate: null,
    midEvaluationDate: addLocalDays(startDate, MID_EVALUATION_AFTER_DAYS),
    finalEvaluationDate: addLocalDays(endDate, -FINAL_EVALUATION_BEFORE_END_DAYS),
    workingDays: null,
    locale: null,
  };
  const student = (person: SamplePerson, mentor: SamplePerson, organisation: string): PlacementInput => ({
    ...base,
    studentEmail: person.email,
    studentName: person.name,
    mentors: [{ email: mentor.email, name: mentor.name }],
    organisation,
  });
  return [
    student(SAMPLE_PEOPLE.sam, mentorCare, 'Zorgcentrum De Linde'),
    student(SAMPLE_PEOPLE.noor, mentorCare, 'Zorgcentrum De Linde'),
    student(SAMPLE_PEOPLE.daan, mentorChildcare, 'Kinderopvang Het Anker'),
  ];
}

export type SampleCohort = {
  people: SamplePerson[];
  /** Placement id per student e-mail. */
  placementIds: Record<string, string>;
};

/**
 * Saves the sample placements (idempotent: seeding twice with the same start date changes
 * nothing) and gives Sam learning goals.
 */
export async function seedSampleCohort(
  from: StoreAccess,
  options: { startDate: LocalDate; at: Date },
): Promise<SampleCohort> {
  const placementIds: Record<string, string> = {};
  await from.transaction(async (stores) => {
    const inputs = samplePlacements(options.startDate);
    const saved = await stores.placements.save(inputs, options.at);
    inputs.forEach((input, index) => {
      const id = saved[index]?.id;
      if (id) placementIds[input.studentEmail] = id;
    });
    const samPlacement = placementIds[SAMPLE_PEOPLE.sam.email];
    if (!samPlacement) return;
    // Seeding again keeps the goals Sam has (positions never change).
    const existing = (await stores.goals.read(samPlacement)).length;
    for (const [position, text] of SAMPLE_GOALS.entries()) {
      if (position >= existing) await stores.goals.add(samPlacement, position, text);
    }
  });
  return { people: Object.values(SAMPLE_PEOPLE).map((p) => ({ ...p, roles: [...p.roles] })), placementIds };
}
