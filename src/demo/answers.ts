/**
 * What the demo's students type. Long enough that the quality nudges stay quiet for Sam (the
 * diligent one) and a little shorter for Noor, so both kinds of answer show up.
 */
export const REPORT_ANSWERS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  sam: {
    goal: '1',
    situation:
      'Tijdens de ochtenddienst moest ik voor het eerst de overdracht geven aan de collega van de middag.',
    task: 'Mijn taak was om alle bewoners van de gang kort en volledig te bespreken, zonder iets te vergeten.',
    action:
      'Ik heb vooraf een lijstje gemaakt. Ik merkte dat ik zenuwachtig was, maar ik ben rustig gaan praten.',
    result: 'De collega wist alles wat ze moest weten; het lijstje werkte goed omdat ik niets oversloeg.',
    reflection:
      'Ik heb geleerd dat voorbereiding rust geeft. Volgende keer wil ik ook vragen of de collega iets mist.',
    progress:
      'Ik doe nu zelfstandig overdrachten en help nieuwe collega’s op weg met de routines van de afdeling.',
    strengths:
      'Ik ben goed voorbereid, rustig in contact met bewoners en ik vraag op tijd om hulp als ik twijfel.',
    improvements:
      'Ik wil vaker feedback vragen en beter plannen als er onverwacht veel tegelijk gebeurt op de gang.',
  },
  noor: {
    goal: 'Ik communiceer duidelijk met familie van bewoners.',
    situation: 'Een dochter van een bewoner vroeg mij waarom haar moeder minder at dan vorige week.',
    task: 'Ik moest haar uitleg geven zonder dingen te beloven die ik niet kon waarmaken.',
    action: 'Ik heb eerst geluisterd en ik heb daarna samen met haar de eetlijst bekeken.',
    result: 'Ze was gerustgesteld, omdat ze zag dat we het goed bijhouden.',
    reflection: 'Ik ga voortaan eerst bij mijn begeleider navragen wat ik mag vertellen.',
    progress: 'Het gaat steeds beter met de gesprekken met familie en met de planning.',
    strengths: 'Ik kan goed luisteren en blijf rustig als iemand boos of verdrietig is.',
    improvements: 'Ik wil mijn verslagen op tijd inleveren en beter plannen in drukke weken.',
  },
};

/** Check-in answers per week, in turn: mood, what they learned (or skip), wants to talk. */
export const CHECKIN_ANSWERS: Readonly<Record<string, { moods: readonly string[]; learned: string }>> = {
  sam: {
    moods: ['4', '5', '4', '3'],
    learned: 'Ik heb geoefend met de overdracht en het ging steeds beter.',
  },
  noor: { moods: ['4', '3', '4'], learned: 'overslaan' },
  daan: { moods: ['3', '4', '3'], learned: 'overslaan' },
};

export const FEEDBACK_TEXT: Readonly<Record<string, string>> = {
  sam: 'Mooi verslag, Sam. Je laat goed zien wat je zelf deed en wat je ervan leerde.',
  noor: 'Duidelijk beschreven, Noor. Vertel de volgende keer ook wat je zelf dacht en voelde.',
};

/** Sam's first report comes back with "graag aanvullen"; this is what the mentor asks for. */
export const NEEDS_MORE_TEXT =
  'Goed begin, Sam. Vertel bij de actie nog wat je precies tegen je collega zei en wat je daarbij voelde.';

/** Sam's revised action step after that feedback. */
export const REVISED_ACTION =
  'Ik heb vooraf een lijstje gemaakt en ben per bewoner begonnen met wat er veranderd was. Ik merkte dat mijn stem trilde, dus ik heb even adem gehaald en ben rustig verder gegaan.';

/** Daan's substitute assignment, and the coordinator's note when accepting it. */
export const SUBSTITUTE_WORK =
  'Vervangende opdracht: ik beschrijf volgens STARR hoe ik een ruzie tussen twee kinderen rustig heb opgelost en wat ik daarvan leerde.';
export const SUBSTITUTE_NOTE = 'Voldoende, Daan. Let op: je verslagen zelf blijven nodig.';
