import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportDocumentSchema } from './app/testing/export-schema';
import { type CliResult, type CliRunner, createCliRunner, runBin } from './app/testing/processes';

const HEADER =
  'student_email,student_name,mentor_email,mentor_name,start_date,end_date,coordinator_email,cohort';
/** Two students share a mentor: her two talk questions are paced one second apart. */
const GOOD = `${HEADER}
sam@school.nl,Sam de Vries,mira@zorg.nl,Mira Mentor,2027-02-01,2027-06-30,coord@school.nl,Zorg 2027
noa@school.nl,Noa Bakker,mira@zorg.nl,Mira Mentor,2027-02-01,2027-06-30,coord@school.nl,Zorg 2027
`;
const BAD = `${HEADER}
lex@school.nl,Lex,mira@zorg.nl,Mira,2027-02-01,2027-06-30,,
bad-email,Kim,mira@zorg.nl,Mira,2027-02-01,2027-06-30,,
ivo@school.nl,Ivo,mira@zorg.nl,Mira,2027-06-01,2027-02-01,,
`;
const FRIDAY_1300 = '2027-02-05T12:00:00Z';

describe('the stagecoach command line', () => {
  let cli: CliRunner;
  const results: Record<string, CliResult> = {};
  beforeAll(async () => {
    cli = await createCliRunner();
    writeFileSync(join(cli.dir, 'bad.csv'), BAD);
    writeFileSync(join(cli.dir, 'placements.csv'), GOOD);
    // In order, like an operator: a rejected file, the real one, two ticks, exports, an erase.
    results.badImport = await cli.run('import', join(cli.dir, 'bad.csv'));
    results.exportAfterBad = await cli.run('export', '--format', 'json');
    results.import = await cli.run('import', join(cli.dir, 'placements.csv'));
    results.tick1 = await cli.run('tick', '--at', FRIDAY_1300);
    results.tick2 = await cli.run('tick', '--at', FRIDAY_1300);
    results.exportJson = await cli.run('export', '--format', 'json', '--student', 'sam@school.nl');
    results.exportCsv = await cli.run('export', '--format', 'csv');
    results.erase = await cli.run('erase', '--student', 'sam@school.nl');
    // The last one through the package's bin, a process of its own: its exit code is the CLI's.
    results.exportErased = await runBin(cli.env, 'export', '--student', 'sam@school.nl');
  }, 300_000);
  afterAll(() => cli.close());

  it('rejects a CSV with bad rows with exit code 1, naming each line on stderr', () => {
    expect(results.badImport?.code).toBe(1);
    const lines = (results.badImport?.stderr ?? '').trim().split('\n');
    expect(lines.map((line) => /bad\.csv: Line (\d+)/.exec(line)?.[1])).toEqual(['3', '4']);
    expect(lines[0]).toContain('student_email');
    expect(lines[1]).toContain('end_date');
    expect(results.badImport?.stdout).toContain('Nothing imported');
  });

  it('imports nothing from a file with bad rows, not even its good rows', () => {
    expect(JSON.parse(results.exportAfterBad?.stdout ?? '').placements).toEqual([]);
  });

  it('imports a good CSV with exit code 0', () => {
    expect(results.import).toMatchObject({ code: 0 });
    expect(results.import?.stdout).toContain('Imported: 2 created');
  });

  it('runs every job on the first tick: two check-ins, and one question to their mentor naming both', () => {
    expect(results.tick1?.code).toBe(0);
    expect(results.tick1?.stdout).toContain(
      `tick 2027-02-05T12:00:00.000Z: 7 job(s) ran, 0 already done; 3 sent, 0 waiting, 0 failed`,
    );
    expect(results.tick1?.stdout.match(/→ mira@zorg\.nl/g)).toHaveLength(1);
    expect(results.tick1?.stdout).toMatch(/1\. Noa Bakker\n2\. Sam de Vries/);
  });

  it('runs no job and sends nothing on a second tick at the same instant', () => {
    expect(results.tick2?.code).toBe(0);
    expect(results.tick2?.stdout.trim()).toBe(
      'tick 2027-02-05T12:00:00.000Z: 0 job(s) ran, 7 already done; 0 sent, 0 waiting, 0 failed',
    );
  });

  it('exports one student as JSON in the documented shape (README, "Export")', () => {
    expect(results.exportJson?.code).toBe(0);
    const document = exportDocumentSchema.parse(JSON.parse(results.exportJson?.stdout ?? ''));
    expect(document.placements.map((p) => p.student)).toEqual([
      { email: 'sam@school.nl', name: 'Sam de Vries' },
    ]);
    expect(document.placements[0]?.checkins).toEqual([
      {
        week: '2027-W05',
        mood: null,
        answeredAt: null,
        learned: null,
        wantsTalk: null,
        topic: null,
        mentorTalk: null,
        mentorNote: null,
      },
    ]);
  });

  it('exports CSV that parses, one row per report of each placement', () => {
    expect(results.exportCsv?.code).toBe(0);
    const rows = parse(results.exportCsv?.stdout ?? '', { columns: true }) as Record<string, string>[];
    // February–June 2027: monthly reports due 1 March, 1 April, 3 May and 1 June.
    expect(rows.filter((r) => r.student_email === 'sam@school.nl').map((r) => r.report_due_date)).toEqual([
      '2027-03-01',
      '2027-04-01',
      '2027-05-03',
      '2027-06-01',
    ]);
    expect(rows).toHaveLength(8);
  });

  it('erases a student, after which exporting them (through the bin) is bad input, exit code 1', () => {
    expect(results.erase?.code).toBe(0);
    expect(results.erase?.stdout).toContain('Erased sam@school.nl: 1 placement(s)');
    expect(results.exportErased?.code).toBe(1);
    expect(results.exportErased?.stderr).toContain('No student "sam@school.nl"');
  });
});
