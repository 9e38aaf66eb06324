import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storesOnDb } from '../infra/db/stores';
import { type ExportDocument, exportPlacements } from './privacy/export';
import { type AppHarness, createAppHarness } from './testing/app-harness';
import {
  COORDINATOR,
  HEADER,
  MENTOR,
  OTHER_STUDENT,
  SEEDED_AT,
  STARR_ANSWERS,
  STUDENT,
} from './testing/fixtures';

/**
 * docs/export.schema.json is what integrators build on. Real exports, made the way the CLI and
 * the chat command make them, must validate against it: every object there is closed
 * (`additionalProperties: false`) and lists its fields as required, so a field added to,
 * renamed in or dropped from the export fails here until the documented schema follows.
 */
const schema = JSON.parse(readFileSync(new URL('../../docs/export.schema.json', import.meta.url), 'utf8'));
const ajv = new Ajv2020({ allErrors: true, strict: true });
addFormats(ajv);
const validate = ajv.compile(schema);

function problemsOf(document: ExportDocument): string[] {
  // Through JSON, as `stagecoach export` writes it.
  const valid = validate(JSON.parse(JSON.stringify(document)));
  return valid ? [] : (validate.errors ?? []).map((error) => `${error.instancePath} ${error.message}`);
}

// Noa has an intro meeting, so the export holds an intro report beside Sam's monthly one.
const PLACEMENTS = `${HEADER},intro_date
${STUDENT},Sam de Vries,${MENTOR},Mira Mentor,2027-02-01,2027-06-30,${COORDINATOR},Cor Coördinator,Zorg 2027,
${OTHER_STUDENT},Noa Bakker,piet@zorg.nl,Piet Praktijk,2027-02-01,2027-06-30,${COORDINATOR},Cor Coördinator,Zorg 2027,2027-02-03
`;
const INTRO_ANSWERS = [
  'We spraken over de afdeling, mijn rooster en wie mij de eerste weken begeleidt op de groep.',
  'Ik verwacht veel te leren over overdrachten en wil zelf vragen stellen als iets niet duidelijk is.',
  'Mijn leerdoel is dat ik rustig en volledig een overdracht kan geven aan de avonddienst.',
];
const EXPORTED = new Date('2027-03-20T10:00:00Z');

describe('the documented export JSON Schema', () => {
  let h: AppHarness;
  let cohortExport: ExportDocument;
  let studentExport: ExportDocument;
  let withCheckins: ExportDocument;
  beforeAll(async () => {
    h = await createAppHarness({ start: SEEDED_AT });
    await h.seed(PLACEMENTS, SEEDED_AT);
    await h.tick(new Date('2027-02-05T12:00:00Z'));
    await h.say(STUDENT, '4', new Date('2027-02-05T12:30:00Z'));
    await h.say(STUDENT, 'Ik heb geleerd een overdracht kort te houden.', new Date('2027-02-05T12:31:00Z'));
    await h.say(STUDENT, 'nee', new Date('2027-02-05T12:32:00Z'));
    await h.say(OTHER_STUDENT, 'start', new Date('2027-02-08T15:00:00Z'));
    for (const [i, answer] of INTRO_ANSWERS.entries())
      await h.say(OTHER_STUDENT, answer, new Date(Date.UTC(2027, 1, 8, 15, i + 1)));
    await h.say(OTHER_STUDENT, 'verstuur', new Date('2027-02-08T15:10:00Z'));
    await h.say(STUDENT, 'start', new Date('2027-02-25T20:00:00Z'));
    for (const [i, answer] of Object.values(STARR_ANSWERS).entries())
      await h.say(STUDENT, answer, new Date(Date.UTC(2027, 1, 25, 20, i + 1)));
    await h.say(STUDENT, 'verstuur', new Date('2027-02-25T20:07:00Z'));
    // Noa misses the March report: past its grace the ladder sets a substitute assignment.
    await h.tick(new Date('2027-03-08T10:00:00Z'));
    await h.tick(EXPORTED);

    const exportOf = async (scope: { student?: string }, includeCheckinContent = false) => {
      const result = await exportPlacements(storesOnDb(h.database.db, h.cipher), scope, {
        actor: 'schema-test',
        at: EXPORTED,
        includeCheckinContent,
      });
      if (!result.ok) throw new Error(result.error);
      return result.document;
    };
    cohortExport = await exportOf({});
    studentExport = await exportOf({ student: STUDENT });
    withCheckins = await exportOf({}, true);
  });
  afterAll(() => h.close());

  it('holds the cases worth checking: monthly and intro answers, a substitute assignment, check-ins', () => {
    const [sam, noa] = [STUDENT, OTHER_STUDENT].map((email) =>
      withCheckins.placements.find((placement) => placement.student.email === email),
    );

    expect(sam?.reports.some((report) => report.kind === 'monthly' && report.starr !== null)).toBe(true);
    expect(noa?.reports.find((report) => report.kind === 'intro')?.starr).toEqual({
      meeting: INTRO_ANSWERS[0],
      expectations: INTRO_ANSWERS[1],
      goals: INTRO_ANSWERS[2],
    });
    expect(noa?.substituteAssignments).toHaveLength(1);
    expect(sam?.checkins[0]?.mood).toBe(4);
  });

  it.each([
    ['a cohort export (check-in content left out)', () => cohortExport],
    ["one student's export", () => studentExport],
    ['an export with check-in content', () => withCheckins],
  ])('validates %s', (_name, documentOf) => {
    expect(problemsOf(documentOf())).toEqual([]);
  });

  it('fails on a field the schema does not know, so the doc cannot fall behind the code', () => {
    const placement = cohortExport.placements[0];
    const extended = { ...cohortExport, placements: [{ ...placement, newField: 1 }] };

    expect(problemsOf(extended as unknown as ExportDocument)).toEqual([
      '/placements/0 must NOT have additional properties',
    ]);
  });
});
