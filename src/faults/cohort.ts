import type { SeedPlacement } from '../../adapters/testing/seed';

/**
 * The cast of the in-process fault tests: people the local fake of the Slack Web API knows by
 * e-mail (`adapters/slack/fixtures/fake-slack-api.ts`), so they are linked to Slack on first send.
 */
export function sannePlacement(dates: { startDate: string; endDate: string }): SeedPlacement {
  return {
    studentEmail: 'sanne@student.roc.nl',
    studentName: 'Sanne de Vries',
    mentorEmail: 'mark@zorggroep.nl',
    mentorName: 'Mark Jansen',
    coordinatorEmail: 'petra@roc.nl',
    coordinatorName: 'Petra Bakker',
    cohort: 'zorg-2027',
    ...dates,
  };
}
