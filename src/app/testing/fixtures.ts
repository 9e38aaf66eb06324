/**
 * Shared seed data for the app's integration tests: one cohort "Zorg 2027" with a coordinator,
 * placements from February to June 2027 (dates chosen so the first monthly report is due
 * Monday 1 March 2027).
 */
export const COORDINATOR = 'coord@school.nl';
export const STUDENT = 'sam@school.nl';
export const STUDENT_NAME = 'Sam de Vries';
export const MENTOR = 'mira@zorg.nl';
export const OTHER_STUDENT = 'noa@school.nl';
export const OTHER_MENTOR = 'piet@zorg.nl';

export const HEADER =
  'student_email,student_name,mentor_email,mentor_name,start_date,end_date,coordinator_email,coordinator_name,cohort';

export const ONE_PLACEMENT = `${HEADER}
${STUDENT},${STUDENT_NAME},${MENTOR},Mira Mentor,2027-02-01,2027-06-30,${COORDINATOR},Cor Coördinator,Zorg 2027
`;

export const TWO_PLACEMENTS = `${ONE_PLACEMENT}${OTHER_STUDENT},Noa Bakker,${OTHER_MENTOR},Piet Praktijk,2027-02-01,2027-06-30,${COORDINATOR},Cor Coördinator,Zorg 2027
`;

export const SEEDED_AT = new Date('2027-01-15T09:00:00Z');

/** Long, first-person answers: no quality nudge, so each answer moves one step on. */
export const STARR_ANSWERS = {
  goal: 'Professioneel communiceren met bewoners en hun familie',
  situation:
    'Tijdens de ochtendzorg op de afdeling wilde een bewoner niet uit bed komen en raakte zij steeds onrustiger naarmate ik aandrong.',
  task: 'Mijn taak was de bewoner op tijd klaar te hebben voor het ontbijt, zonder haar onder druk te zetten of te laten schrikken.',
  action:
    'Ik ben naast het bed gaan zitten, heb rustig gevraagd wat er aan de hand was en merkte dat ik zelf gespannen was door de tijdsdruk.',
  result:
    'Ze vertelde dat ze slecht had geslapen; daarna wilde ze wel opstaan, iets later dan gepland, maar zonder paniek of verdriet voor haar.',
  reflection:
    'Ik heb geleerd eerst te luisteren in plaats van te sturen; volgende keer ga ik eerder vragen hoe iemand geslapen heeft voordat ik begin.',
} as const;
