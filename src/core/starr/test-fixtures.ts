import type { StarrContext, StarrEffect, StarrEvent } from './events';
import { createStarrState, type StarrState } from './state';
import { transition } from './transition';

/** Shared fixtures for the STARR tests. Fixed instants only (never the wall clock). */
export const MONDAY = new Date('2026-03-02T09:00:00.000Z');
export const minutesLater = (minutes: number): Date => new Date(MONDAY.getTime() + minutes * 60_000);
export const daysLater = (days: number): Date => new Date(MONDAY.getTime() + days * 86_400_000);

export const CTX: StarrContext = {
  goals: ['Ik communiceer rustig en duidelijk met cliënten', 'Ik plan mijn werkdag zelfstandig'],
  fadeQualityNudges: false,
};

export const FADED: StarrContext = { ...CTX, fadeQualityNudges: true };

/** Answers that pass every quality check of their step (15+ words, "ik", an intention). */
export const GOOD_ANSWERS = {
  situation:
    'Op maandagochtend was een bewoner erg onrustig tijdens het ontbijt in de huiskamer, terwijl er maar twee collega’s waren.',
  task: 'Ik moest het ontbijt begeleiden en zorgen dat iedereen rustig kon eten, ook de bewoner die onrustig was.',
  action:
    'Ik ging naast haar zitten, sprak zacht en vroeg wat er aan de hand was; ik voelde me eerst onzeker maar bleef rustig.',
  result:
    'Ze werd rustiger en at haar boterham op, omdat ze zich gehoord voelde en ik de tijd nam om te luisteren.',
  reflection:
    'Ik heb geleerd dat rustig blijven helpt. Volgende keer ga ik eerder naar iemand toe als ik onrust zie ontstaan.',
} as const;

export const GOOD_INTRO_ANSWERS = {
  meeting:
    'Het kennismakingsgesprek ging goed: mijn begeleider nam de tijd, liet me de afdeling zien en stelde me voor aan het team.',
  expectations:
    'Ik verwacht veel te leren over begeleiden, en mijn stageplek verwacht dat ik op tijd ben en zelf vragen stel.',
  goals:
    'Ik wil werken aan rustig communiceren met cliënten en aan het zelfstandig plannen van mijn werkdag, omdat ik dat spannend vind.',
} as const;

/** Plays events one minute apart, JSON round-tripping the state between steps like the database does. */
export function play(
  events: readonly StarrEvent[],
  ctx: StarrContext = CTX,
  state: StarrState = createStarrState('report-1', 'monthly', MONDAY),
): { state: StarrState; effects: StarrEffect[][] } {
  const effects: StarrEffect[][] = [];
  let current = state;
  events.forEach((event, index) => {
    const [next, produced] = transition(current, event, minutesLater(index + 1), ctx);
    current = JSON.parse(JSON.stringify(next)) as StarrState;
    effects.push(produced);
  });
  return { state: current, effects };
}

export const answer = (text: string): StarrEvent => ({ type: 'answer', text });

export const FULL_MONTHLY: StarrEvent[] = [
  { type: 'start' },
  { type: 'choose-goal', index: 1 },
  answer(GOOD_ANSWERS.situation),
  answer(GOOD_ANSWERS.task),
  answer(GOOD_ANSWERS.action),
  answer(GOOD_ANSWERS.result),
  answer(GOOD_ANSWERS.reflection),
];
