/**
 * Texts of the reflection conversation (STARR, intro and mid-term reports). Keys `label.<step>`,
 * `ask.<step>` and `hint.<step>` exist for every step id of every report kind (see core/starr/steps.ts).
 */

// Space-separated to keep the catalog short; index 0 = Monday / January.
const NL_WEEKDAYS = 'maandag dinsdag woensdag donderdag vrijdag zaterdag zondag'.split(' ');
const NL_MONTHS =
  'januari februari maart april mei juni juli augustus september oktober november december'.split(' ');
const EN_WEEKDAYS = 'Monday Tuesday Wednesday Thursday Friday Saturday Sunday'.split(' ');
const EN_MONTHS =
  'January February March April May June July August September October November December'.split(' ');

/** Splits 'YYYY-MM-DD' into ISO weekday index (0 = Monday), day and month index, zone-free. */
function dateParts(date: string): { weekday: number; day: number; month: number } {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const sundayBased = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  return { weekday: (sundayBased + 6) % 7, day: d, month: m - 1 };
}

export const nl = {
  'label.goal': 'Leerdoel',
  'label.situation': 'Situatie',
  'label.task': 'Taak',
  'label.action': 'Actie',
  'label.result': 'Resultaat',
  'label.reflection': 'Reflectie',
  'label.meeting': 'Kennismaking',
  'label.expectations': 'Verwachtingen',
  'label.goals': 'Leerdoelen',
  'label.progress': 'Voortgang',
  'label.strengths': 'Wat goed gaat',
  'label.improvements': 'Verbeterpunten',
  'ask.goal': 'Aan welk leerdoel heb je gewerkt in de situatie die je wilt beschrijven?',
  'ask.situation': 'Beschrijf de situatie in een paar zinnen. Wat gebeurde er, waar, en wie waren erbij?',
  'ask.task': 'Wat was jouw rol of taak in die situatie? Wat werd er van je verwacht?',
  'ask.action': 'Wat deed je precies? En wat zag, dacht en voelde je op dat moment?',
  'ask.result': 'Wat was het resultaat van wat je deed? Waarom werkte het wel, of juist niet?',
  'ask.reflection':
    'Wat heb je hiervan geleerd? Wat had je ook anders kunnen doen, en wat probeer je de volgende keer?',
  'ask.meeting': 'Hoe ging de kennismaking op je stageplek? Wat viel je op?',
  'ask.expectations': 'Wat verwacht je van deze stage? En wat verwacht je stageplek van jou?',
  'ask.goals': 'Aan welke leerdoelen wil je tijdens deze stage werken, en waarom juist die?',
  'ask.progress': 'Hoe gaat het met je leerdoelen? Waarin ben je gegroeid sinds de start van je stage?',
  'ask.strengths': 'Wat gaat er goed? Geef een voorbeeld waar je trots op bent.',
  'ask.improvements': 'Wat wil je de rest van je stage nog verbeteren, en hoe ga je dat aanpakken?',
  'hint.goal':
    'Kies één moment van de afgelopen maand waarop je met een leerdoel bezig was. Kies dat leerdoel, typ het nummer, of schrijf het zelf op als het er niet bij staat.',
  'hint.situation':
    'Schets het moment zo dat iemand die er niet bij was het snapt. Gebruik geen echte namen: een voorletter of schuilnaam is genoeg.',
  'hint.task': 'Gaat het over jouw rol: wat was jouw taak, of wat wilde je zelf bereiken?',
  'hint.action':
    'Schrijf vanuit jezelf ("ik …"). Het gaat om wat jij deed, en wat er door je heen ging — niet om wat anderen deden.',
  'hint.result': 'Wat was het gevolg van jouw aanpak? Probeer ook te verklaren waarom het zo liep.',
  'hint.reflection':
    'Kijk terug én vooruit: wat neem je mee, welke andere aanpak had gekund, en wat ga je de volgende keer doen?',
  'hint.meeting': 'Denk aan de eerste indruk: de mensen, de plek, de afspraken die jullie maakten.',
  'hint.expectations':
    'Wat hoop je te leren of mee te maken? En welke afspraken of verwachtingen hoorde je van hen?',
  'hint.goals': 'Noem een of meer leerdoelen en vertel kort waarom ze bij jou en deze stageplek passen.',
  'hint.progress': 'Loop je leerdoelen langs: wat lukt al, en waar zit je nog middenin?',
  'hint.strengths': 'Noem een concreet moment: wat deed je en waarom ging het goed?',
  'hint.improvements': 'Kies een of twee punten en maak ze concreet: wat ga je anders doen, en wanneer?',
  stepHeading: (stepNumber: number, totalSteps: number, label: string) =>
    `Stap ${stepNumber} van ${totalSteps} — ${label}`,
  reportStepHeading: (report: string, stepNumber: number, totalSteps: number, label: string) =>
    `${report.charAt(0).toUpperCase()}${report.slice(1)} · stap ${stepNumber} van ${totalSteps} — ${label}`,
  reportSummaryHeading: (report: string) => `Je ${report} in het kort`,
  revisionFeedbackLabel: (mentor: string) => `Feedback van ${mentor}`,
  revisionSummary: (mentor: string) =>
    `${mentor} vraagt je je verslag aan te vullen. Kies een stap om aan te passen en verstuur het opnieuw.`,
  revisionIntro:
    'Je begeleider vroeg je dit verslag aan te vullen. Pas een stap aan (typ bijvoorbeeld wijzig 4) en verstuur het daarna opnieuw.',
  whichStep: (totalSteps: number) =>
    `Ik heb je tekst bewaard. Bij welke stap hoort hij? Typ het nummer (1 tot en met ${totalSteps}) of klik op de stap; dan zet ik hem daar neer.`,
  whichStepButton: (stepNumber: number, label: string) => `${stepNumber}. ${label}`,
  'rejected.STARR.TOO_EARLY': (from: string) =>
    `Je verslag is bewaard, maar inleveren kan pas vanaf ${from}: het gaat over een periode die nog niet voorbij is. Typ dan verstuur.`,
  chooseHeading: 'Welk verslag wil je schrijven?',
  chooseIntro: 'Er staan meer verslagen voor je open. Kies er een; de andere blijven bewaard.',
  chooseRevision: (report: string) => `${report.charAt(0).toUpperCase()}${report.slice(1)} (aanvullen)`,
  chooseReport: (report: string) => `${report.charAt(0).toUpperCase()}${report.slice(1)}`,
  previousAnswerLabel: 'Je eerdere antwoord',
  previousAnswerHint: 'Typ een nieuw antwoord, of kies Overslaan om het zo te laten.',
  typeHint: 'Typ je antwoord hieronder. Vastgelopen? Typ help.',
  goalListIntro: 'Je leerdoelen:',
  goalTypeHint: 'Klik op een leerdoel, typ het nummer, of typ zelf een leerdoel.',
  goalNone: 'Typ je leerdoel in een paar woorden.',
  'button.back': 'Terug',
  'button.skip': 'Overslaan',
  'button.stop': 'Stop',
  'button.resume': 'Verder',
  'button.cancel': 'Annuleren',
  'button.submit': 'Versturen',
  'button.start': 'Start',
  editButton: (stepNumber: number) => `Wijzig stap ${stepNumber}`,
  'keyword.back': 'terug',
  'keyword.skip': 'overslaan',
  'keyword.stop': 'stop',
  'keyword.resume': 'verder',
  'keyword.cancel': 'annuleer',
  'keyword.submit': 'verstuur',
  'keyword.start': 'start',
  editKeyword: (stepNumber: number) => `wijzig ${stepNumber}`,
  'nudge.too-short': (keyword: string) =>
    `Bewaard! Je antwoord is nog wat kort. Met een paar zinnen extra wordt je verslag sterker. Aanvullen? Typ ${keyword} of gebruik de knop. Anders gaan we gewoon verder.`,
  'nudge.no-intention': (keyword: string) =>
    `Bewaard! Nog één vraag om over na te denken: wat ga je de volgende keer doen of proberen? Aanvullen? Typ ${keyword} of gebruik de knop.`,
  'nudge.no-first-person': (keyword: string) =>
    `Bewaard! Vertel vooral wat jíj deed: schrijf het vanuit jezelf, met "ik …". Aanvullen? Typ ${keyword} of gebruik de knop.`,
  privacyNudge: (keyword: string) =>
    `Het lijkt erop dat je de naam van een cliënt noemt. Gebruik liever een schuilnaam of alleen een voorletter, zodat je verslag privacy-veilig blijft. Aanpassen? Typ ${keyword} of gebruik de knop.`,
  summaryHeading: 'Je verslag in het kort',
  summaryIntro: 'Lees het nog even door.',
  summaryEmpty: 'nog leeg',
  summaryOutro: 'Klopt alles? Typ verstuur of klik op Versturen. Iets aanpassen? Typ bijvoorbeeld wijzig 2.',
  summaryText: (answered: number, total: number) =>
    `Je verslag is klaar om te versturen (${answered} van ${total} stappen ingevuld).`,
  submitted:
    'Dank je wel, je verslag is verstuurd! 🙌 Je praktijkbegeleider krijgt een seintje en geeft je feedback. Die krijg je hier, alleen voor jou.',
  paused:
    'Prima, ik heb alles bewaard. Wil je verder? Typ verder of klik op de knop, ook als dat pas over een paar dagen is.',
  cancelled:
    'Je concept is weggegooid. Het verslag staat nog wel open: typ start als je opnieuw wilt beginnen.',
  helpHeading: 'Zo werkt het',
  helpIntro:
    'Ik stel je één vraag per stap en bewaar elk antwoord meteen. Je kunt altijd stoppen en later verder.',
  helpKeywords:
    'Typ terug (vorige stap), overslaan, stop (pauze), verder, annuleer (concept weggooien) of help. In de samenvatting: verstuur, of wijzig met een stapnummer, zoals wijzig 2.',
  helpSummary: 'Je bent bij de samenvatting. Verstuur je verslag, of pas eerst een stap aan.',
  'rejected.STARR.EMPTY_ANSWER': 'Ik zie nog geen antwoord. Typ een paar woorden, of kies Overslaan.',
  'rejected.STARR.INCOMPLETE': (labels: string) =>
    `Bijna klaar! Deze stappen zijn nog leeg: ${labels}. Vul ze eerst in, dan kun je versturen.`,
  'rejected.STARR.NOT_ACTIVE.paused': 'Je verslag staat op pauze. Typ verder om door te gaan.',
  'rejected.STARR.NOT_ACTIVE.cancelled': 'Dit concept is weggegooid. Typ start als je opnieuw wilt beginnen.',
  'rejected.STARR.ALREADY_SUBMITTED': 'Dit verslag heb je al verstuurd. Goed bezig!',
  'rejected.STARR.NO_SUCH_STEP': (totalSteps: number) =>
    `Die stap ken ik niet. Kies een nummer van 1 tot en met ${totalSteps}, bijvoorbeeld wijzig 2.`,
  'rejected.STARR.NO_SUCH_GOAL': (goalCount: number) =>
    goalCount > 0
      ? `Dat nummer hoort niet bij een leerdoel. Kies 1 tot en met ${goalCount}, of typ je leerdoel.`
      : 'Typ je leerdoel in een paar woorden.',
  'rejected.STARR.NOT_A_GOAL_STEP': 'Je leerdoel kies je bij de eerste stap. Beantwoord nu eerst deze vraag.',
  'rejected.STARR.NOT_AT_SUMMARY':
    'Dat kan in de samenvatting, aan het eind. Beantwoord eerst deze vraag, of kies Overslaan.',
  'rejected.STARR.AT_SUMMARY':
    'Je verslag staat klaar. Typ verstuur, wijzig met een stapnummer (zoals wijzig 2), of annuleer.',
  'rejected.STARR.AT_FIRST_STEP': 'Dit is de eerste stap; verder terug kan niet.',
  'invitation.heading.monthly': 'Tijd voor je maandreflectie',
  'invitation.heading.intro': 'Tijd voor je kennismakingsverslag',
  'invitation.heading.midterm': 'Tijd voor je tussenverslag',
  'invitation.body.monthly': (name: string, due: string) =>
    `Hoi ${name}! Kijk even terug op de afgelopen maand en kies één situatie waarin je aan een leerdoel werkte. Ik help je stap voor stap. Inleveren kan tot en met ${due}.`,
  'invitation.body.intro': (name: string, due: string) =>
    `Hoi ${name}! Je hebt kennisgemaakt met je stageplek. Vertel in drie korte stappen hoe dat ging. Inleveren kan tot en met ${due}.`,
  'invitation.body.midterm': (name: string, due: string) =>
    `Hoi ${name}! Je bent halverwege je stage. Blik in drie korte stappen terug en vooruit. Inleveren kan tot en met ${due}.`,
  invitationHint: 'Typ start of klik op de knop. Je kunt tussendoor stoppen en later verder.',
  invitationSummary: (name: string, due: string) => `${name}, je verslag staat klaar (uiterlijk ${due}).`,
  dueDate: (date: string) => {
    const { weekday, day, month } = dateParts(date);
    return `${NL_WEEKDAYS[weekday]} ${day} ${NL_MONTHS[month]}`;
  },
};

export const en: typeof nl = {
  'label.goal': 'Learning goal',
  'label.situation': 'Situation',
  'label.task': 'Task',
  'label.action': 'Action',
  'label.result': 'Result',
  'label.reflection': 'Reflection',
  'label.meeting': 'Intro meeting',
  'label.expectations': 'Expectations',
  'label.goals': 'Learning goals',
  'label.progress': 'Progress',
  'label.strengths': 'What goes well',
  'label.improvements': 'Points to improve',
  'ask.goal': 'Which learning goal were you working on in the situation you want to describe?',
  'ask.situation': 'Describe the situation in a few sentences. What happened, where, and who was there?',
  'ask.task': 'What was your role or task in that situation? What was expected of you?',
  'ask.action': 'What exactly did you do? And what did you see, think and feel at that moment?',
  'ask.result': 'What was the result of what you did? Why did it work, or why not?',
  'ask.reflection':
    'What did you learn from this? What else could you have done, and what will you try next time?',
  'ask.meeting': 'How did the intro meeting at your placement go? What stood out to you?',
  'ask.expectations':
    'What do you expect from this internship? And what does your placement expect from you?',
  'ask.goals': 'Which learning goals do you want to work on during this internship, and why those?',
  'ask.progress':
    'How are your learning goals going? Where have you grown since the start of your internship?',
  'ask.strengths': 'What is going well? Give an example you are proud of.',
  'ask.improvements':
    'What do you still want to improve during the rest of your internship, and how will you go about it?',
  'hint.goal':
    "Pick one moment from the past month when you were working on a learning goal. Choose that goal, type its number, or write it yourself if it isn't listed.",
  'hint.situation':
    "Sketch the moment so that someone who wasn't there understands it. Don't use real names: an initial or a made-up name is enough.",
  'hint.task': 'This is about your role: what was your task, or what did you want to achieve yourself?',
  'hint.action':
    'Write from your own point of view ("I …"). It is about what you did and what went through your mind — not what others did.',
  'hint.result': 'What came of your approach? Try to explain why it turned out that way.',
  'hint.reflection':
    'Look back and ahead: what do you take away, what other approach was possible, and what will you do next time?',
  'hint.meeting': 'Think of your first impression: the people, the place, the agreements you made.',
  'hint.expectations': 'What do you hope to learn or experience? And what did they tell you they expect?',
  'hint.goals': 'Name one or more learning goals and say briefly why they suit you and this placement.',
  'hint.progress':
    'Go through your learning goals: what already works, and what are you still in the middle of?',
  'hint.strengths': 'Name a concrete moment: what did you do, and why did it go well?',
  'hint.improvements':
    'Pick one or two points and make them concrete: what will you do differently, and when?',
  stepHeading: (stepNumber: number, totalSteps: number, label: string) =>
    `Step ${stepNumber} of ${totalSteps} — ${label}`,
  reportStepHeading: (report: string, stepNumber: number, totalSteps: number, label: string) =>
    `${report.charAt(0).toUpperCase()}${report.slice(1)} · step ${stepNumber} of ${totalSteps} — ${label}`,
  reportSummaryHeading: (report: string) => `Your ${report} at a glance`,
  revisionFeedbackLabel: (mentor: string) => `Feedback from ${mentor}`,
  revisionSummary: (mentor: string) =>
    `${mentor} asks you to add to your report. Pick a step to change, then submit it again.`,
  revisionIntro:
    'Your mentor asked you to add to this report. Change a step (type, for example, edit 4) and then submit it again.',
  whichStep: (totalSteps: number) =>
    `I kept your text. Which step does it belong to? Type the number (1 to ${totalSteps}) or click the step, and I'll put it there.`,
  whichStepButton: (stepNumber: number, label: string) => `${stepNumber}. ${label}`,
  'rejected.STARR.TOO_EARLY': (from: string) =>
    `Your report is saved, but you can hand it in from ${from}: it covers a period that isn't over yet. Type submit then.`,
  chooseHeading: 'Which report do you want to write?',
  chooseIntro: 'More than one report is open for you. Pick one; the others stay saved.',
  chooseRevision: (report: string) => `${report.charAt(0).toUpperCase()}${report.slice(1)} (add to it)`,
  chooseReport: (report: string) => `${report.charAt(0).toUpperCase()}${report.slice(1)}`,
  previousAnswerLabel: 'Your earlier answer',
  previousAnswerHint: 'Type a new answer, or choose Skip to keep it.',
  typeHint: 'Type your answer below. Stuck? Type help.',
  goalListIntro: 'Your learning goals:',
  goalTypeHint: 'Click a learning goal, type its number, or type a goal of your own.',
  goalNone: 'Type your learning goal in a few words.',
  'button.back': 'Back',
  'button.skip': 'Skip',
  'button.stop': 'Stop',
  'button.resume': 'Continue',
  'button.cancel': 'Cancel',
  'button.submit': 'Submit',
  'button.start': 'Start',
  editButton: (stepNumber: number) => `Edit step ${stepNumber}`,
  'keyword.back': 'back',
  'keyword.skip': 'skip',
  'keyword.stop': 'stop',
  'keyword.resume': 'resume',
  'keyword.cancel': 'cancel',
  'keyword.submit': 'submit',
  'keyword.start': 'start',
  editKeyword: (stepNumber: number) => `edit ${stepNumber}`,
  'nudge.too-short': (keyword: string) =>
    `Saved! Your answer is still a bit short. A few more sentences make your report stronger. Want to add to it? Type ${keyword} or use the button. Otherwise we simply carry on.`,
  'nudge.no-intention': (keyword: string) =>
    `Saved! One more thing to think about: what will you do or try next time? Want to add to it? Type ${keyword} or use the button.`,
  'nudge.no-first-person': (keyword: string) =>
    `Saved! Tell me mainly what you did yourself: write it from your own point of view, with "I …". Want to add to it? Type ${keyword} or use the button.`,
  privacyNudge: (keyword: string) =>
    `It looks like you mention a client's name. Please use a made-up name or just an initial, so your report stays privacy-safe. Want to change it? Type ${keyword} or use the button.`,
  summaryHeading: 'Your report at a glance',
  summaryIntro: 'Have one more look.',
  summaryEmpty: 'still empty',
  summaryOutro: 'All good? Type submit or click Submit. Want to change something? Type, for example, edit 2.',
  summaryText: (answered: number, total: number) =>
    `Your report is ready to submit (${answered} of ${total} steps filled in).`,
  submitted:
    'Thank you, your report has been submitted! 🙌 Your mentor gets a notice and will give you feedback. You will receive it here, just for you.',
  paused:
    'Fine, I saved everything. Want to continue? Type resume or click the button, even if that is a few days from now.',
  cancelled:
    'Your draft has been discarded. The report is still open: type start whenever you want to begin again.',
  helpHeading: 'How it works',
  helpIntro:
    'I ask you one question per step and save every answer right away. You can always stop and continue later.',
  helpKeywords:
    'Type back (previous step), skip, stop (pause), resume, cancel (discard the draft) or help. In the summary: submit, or edit with a step number, like edit 2.',
  helpSummary: 'You are at the summary. Submit your report, or change a step first.',
  'rejected.STARR.EMPTY_ANSWER': "I don't see an answer yet. Type a few words, or choose Skip.",
  'rejected.STARR.INCOMPLETE': (labels: string) =>
    `Almost done! These steps are still empty: ${labels}. Fill them in first, then you can submit.`,
  'rejected.STARR.NOT_ACTIVE.paused': 'Your report is paused. Type resume to carry on.',
  'rejected.STARR.NOT_ACTIVE.cancelled':
    'This draft was discarded. Type start whenever you want to begin again.',
  'rejected.STARR.ALREADY_SUBMITTED': 'You have already submitted this report. Well done!',
  'rejected.STARR.NO_SUCH_STEP': (totalSteps: number) =>
    `I don't know that step. Choose a number from 1 to ${totalSteps}, for example edit 2.`,
  'rejected.STARR.NO_SUCH_GOAL': (goalCount: number) =>
    goalCount > 0
      ? `That number doesn't match a learning goal. Choose 1 to ${goalCount}, or type your goal.`
      : 'Type your learning goal in a few words.',
  'rejected.STARR.NOT_A_GOAL_STEP':
    'You choose your learning goal in the first step. Please answer this question first.',
  'rejected.STARR.NOT_AT_SUMMARY':
    'You can do that in the summary, at the end. Answer this question first, or choose Skip.',
  'rejected.STARR.AT_SUMMARY':
    'Your report is ready. Type submit, edit with a step number (like edit 2), or cancel.',
  'rejected.STARR.AT_FIRST_STEP': "This is the first step; you can't go back any further.",
  'invitation.heading.monthly': 'Time for your monthly reflection',
  'invitation.heading.intro': 'Time for your intro report',
  'invitation.heading.midterm': 'Time for your mid-term report',
  'invitation.body.monthly': (name: string, due: string) =>
    `Hi ${name}! Look back on the past month and pick one situation in which you worked on a learning goal. I'll guide you step by step. Please hand it in by ${due}.`,
  'invitation.body.intro': (name: string, due: string) =>
    `Hi ${name}! You've met your placement. Tell me in three short steps how it went. Please hand it in by ${due}.`,
  'invitation.body.midterm': (name: string, due: string) =>
    `Hi ${name}! You're halfway through your internship. Look back and ahead in three short steps. Please hand it in by ${due}.`,
  invitationHint: 'Type start or click the button. You can stop in between and continue later.',
  invitationSummary: (name: string, due: string) => `${name}, your report is waiting (due ${due}).`,
  dueDate: (date: string) => {
    const { weekday, day, month } = dateParts(date);
    return `${EN_WEEKDAYS[weekday]} ${day} ${EN_MONTHS[month]}`;
  },
};
