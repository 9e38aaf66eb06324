/**
 * Texts of the app's own replies: identity, errors, mentor feedback, status, coordinator command
 * results, import/export/erase. Names and report names arrive ready to print.
 */
/** Report names arrive lower-case ("reflectieverslag over maart"); a heading starts with a capital. */
const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

export const nl = {
  'unknown.heading': 'Ik ken je nog niet',
  'unknown.body': (email: string) =>
    email
      ? `Ik vind niemand met het e-mailadres ${email} in Stagecoach. Vraag je stagecoördinator om je toe te voegen.`
      : 'Ik kan je nog niet koppelen aan een stage. Vraag je stagecoördinator om je toe te voegen.',
  'error.generic': 'Er ging iets mis aan mijn kant. Probeer het zo nog eens; je antwoord is niet kwijt.',
  'error.notCoordinator': (command: string) =>
    `Alleen een stagecoördinator mag "${command}" gebruiken. Typ help voor wat jij kunt doen.`,
  'error.studentUnknown': (email: string) => `Ik vind geen stagiair met het e-mailadres ${email}.`,
  'error.cohortUnknown': (name: string) => `Ik vind geen cohort met de naam "${name}".`,
  'error.notYourCohort': 'Dat cohort valt niet onder jouw coördinatie.',
  'error.noPlacement': (student: string) => `${student} heeft geen lopende stage.`,
  'error.reportUnknown': (what: string) => `Ik vind geen verslag "${what}" bij deze stage.`,
  'error.noOpenSubstitute': (student: string) => `${student} heeft geen openstaande vervangende opdracht.`,
  'error.channelOnly': 'Typ dit commando in het kanaal waar de mentoroverzichten moeten komen.',
  'error.importNeedsFile':
    'Stuur het CSV-bestand mee met het woord import (sleep het bestand in dit gesprek).',
  'error.badSettings': (detail: string) => `Deze instelling klopt niet: ${detail}`,
  'error.notAllowedToRead': 'Dit verslag hoort niet bij een stagiair die jij begeleidt.',
  nothingOpen:
    'Er staat nu niets voor je open. Typ help voor wat ik kan, mijn voor je overzicht of start om een verslag te schrijven.',
  'start.noReport': 'Er staat nu geen verslag voor je open. Ik laat het je weten zodra het tijd is.',

  'feedback.notice.heading': (student: string) => `${student} heeft een verslag ingeleverd`,
  'feedback.notice.body': (student: string, report: string) =>
    `${student} heeft het ${report} ingeleverd. Lees het en geef feedback: akkoord, of graag aanvullen.`,
  'feedback.notice.summary': (student: string) => `Nieuw verslag van ${student}`,
  'feedback.button.read': 'Lezen en feedback geven',
  'feedback.view.heading': (student: string, report: string) => `${capitalise(report)} van ${student}`,
  'feedback.view.goal': 'Leerdoel',
  'feedback.input.label': 'Je feedback (de stagiair leest dit)',
  'feedback.verdict.label': 'Oordeel',
  'feedback.verdict.approved': 'Akkoord',
  'feedback.verdict.needs-more': 'Graag aanvullen',
  'feedback.submit': 'Feedback versturen',
  'feedback.thanks': (student: string) => `Dank je! ${student} krijgt je feedback.`,
  'feedback.given': (verdict: string) =>
    `Je gaf eerder: ${verdict}. Je kunt je oordeel wijzigen zolang het verslag niet is aangevuld.`,
  'feedback.change': 'Oordeel wijzigen',
  'feedback.changed': (student: string) => `Je oordeel is gewijzigd; ${student} krijgt bericht.`,
  'feedback.student.changedHeading': (mentor: string) => `${mentor} heeft het oordeel gewijzigd`,
  'feedback.student.heading': (mentor: string) => `Feedback van ${mentor}`,
  'feedback.student.approved': (report: string) => `Je ${report} is akkoord. Goed gedaan!`,
  'feedback.student.needsMore': (report: string) =>
    `Je begeleider vraagt je je ${report} aan te vullen. Lees de feedback en typ start om het aan te passen.`,
  'feedback.student.summary': (mentor: string) => `Nieuwe feedback van ${mentor}`,
  'feedback.student.label': 'Feedback',

  'help.heading': 'Wat je mij kunt sturen',
  'help.conversation':
    'start — een verslag schrijven (of verder gaan)\nmijn — je overzicht\nleerdoel <tekst> — een leerdoel toevoegen; leerdoelen — ze bekijken\nopdracht — een vervangende opdracht inleveren\ntaal en — write to me in English\nhelp — tijdens een check-in of verslag: uitleg bij die stap',
  'help.mentor':
    'mijn — je stagiairs: hoe hun stage loopt en welke verslagen op jouw feedback wachten\nLezen en feedback geven — met de knop in het bericht over een nieuw verslag; je oordeel kun je wijzigen tot de stagiair het verslag heeft aangevuld\nDetails — in het weekoverzicht: check-ins, jullie gespreksnotities, verslagen en vervangende opdrachten van een stagiair\nDe weekvraag "Hebben jullie gesproken?" — beantwoord met ja, nee of verzet, eventueel met een notitie\ntaal en — write to me in English',
  'status.mentorLine': (status: string, behind: string, feedback: string) =>
    `${status} · ${behind}${feedback}`,
  'status.mentorNoMisses': 'geen gemiste verslagen',
  'status.mentorMisses': (step: number) => `${step} gemist verslag(en) — stap ${step} op de ladder`,
  'status.mentorFeedback': (count: number) =>
    count === 1 ? ' · 1 verslag wacht op jouw feedback' : ` · ${count} verslagen wachten op jouw feedback`,
  'status.mentorHint':
    'Typ help voor wat je als begeleider kunt doen; Details in het weekoverzicht laat meer zien.',
  'details.talk.yes': 'gesprek gehad',
  'details.talk.no': 'geen gesprek',
  'details.talk.moved': 'gesprek verzet',
  'details.talks': 'Wekelijkse gesprekken (laatste 4 weken)',
  'details.talkLine': (week: string, talk: string, note: string) =>
    `${week}: ${talk}${note ? ` — ${note}` : ''}`,
  'language.set': 'Ik schrijf je voortaan in het Nederlands. (In English? Type language en.)',
  'language.unknown': 'Die taal ken ik niet. Typ taal nl (Nederlands) of taal en (English).',
  'language.button': 'In English, please',
  'status.heading': 'Je overzicht',
  'status.none': 'Je hebt (nog) geen stage in Stagecoach.',
  'status.placement': 'Stage',
  'status.status': 'Status',
  'status.nextReport': 'Volgend verslag',
  'status.owed': 'Nog in te leveren',
  'status.substitutes': 'Vervangende opdrachten open',
  'status.step': 'Stap op de ladder',
  'status.goals': 'Leerdoelen',
  'status.noGoals': 'nog geen leerdoelen vastgelegd',
  'status.nothing': 'geen',
  'status.mentorOf': 'Je begeleidt',
  'status.coordinatorOf': 'Je coördineert',
  'status.history': 'Ingeleverde verslagen',
  'status.awaitingFeedback': 'Wacht op feedback',
  'status.awaitingRevision': 'Wacht op aanvulling',
  'status.toRevise': 'Aan te vullen',
  'goals.added': 'Leerdoel toegevoegd',
  'goals.hint':
    'Een leerdoel toevoegen: typ leerdoel gevolgd door je doel, bijv. "leerdoel Ik geef een duidelijke overdracht".',
  'goals.tooLong': (max: number) => `Houd een leerdoel kort: hooguit ${max} tekens. Eén zin is genoeg.`,
  'goals.tooMany': (max: number) =>
    `Je hebt al ${max} leerdoelen. Bespreek met je begeleider welke je wilt houden.`,
  'status.cohortGlance': (running: number, owed: number, insufficient: number) =>
    `${running} lopend · ${owed} met achterstand · ${insufficient} onvoldoende`,
  'placementStatus.active': 'loopt',
  'placementStatus.paused': 'gepauzeerd',
  'placementStatus.insufficient': 'onvoldoende',
  'placementStatus.completed': 'afgerond',
  'placementStatus.ended': 'gestopt',

  'details.heading': (student: string) => `Details: ${student}`,
  'details.checkins': 'Check-ins (laatste 4 weken)',
  'details.checkin': (week: string, mood: string, talk: string) => `${week}: stemming ${mood}${talk}`,
  'details.wantsTalk': ' — wil praten',
  'details.notAnswered': (week: string) => `${week}: niet beantwoord`,

  'cmd.added': (student: string, outcome: string) => `Stage van ${student} ${outcome}.`,
  'cmd.outcome.created': 'toegevoegd',
  'cmd.outcome.updated': 'bijgewerkt',
  'cmd.outcome.unchanged': 'was al zo vastgelegd',
  'cmd.paused': (student: string, from: string, until: string | null) =>
    until
      ? `Stage van ${student} gepauzeerd van ${from} tot en met ${until}.`
      : `Stage van ${student} gepauzeerd vanaf ${from}.`,
  'cmd.resumed': (student: string, on: string) => `Stage van ${student} loopt weer vanaf ${on}.`,
  'cmd.excused': (student: string, report: string) =>
    `${report} van ${student} is verontschuldigd; de ladder is opnieuw berekend.`,
  'cmd.substituteSet': (student: string) =>
    `De tekst van de vervangende opdracht voor ${student} is vastgelegd.`,
  'cmd.ticked': (student: string) => `Vervangende opdracht van ${student} afgevinkt.`,
  'cmd.reminded': (student: string) => `${student} krijgt nu een herinnering.`,
  'cmd.channelSet': (cohort: string) => `Het weekoverzicht van ${cohort} komt voortaan in dit kanaal.`,
  'cmd.settingsSaved': (cohort: string) => `Instellingen van ${cohort} opgeslagen.`,
  'cmd.settingsHeading': (cohort: string) => `Instellingen van ${cohort}`,
  'cmd.coordinatorAdded': (email: string) => `${email} is nu stagecoördinator.`,
  'cmd.coordinatorRemoved': (email: string) => `${email} is geen stagecoördinator meer.`,
  'cmd.reset': (student: string) =>
    `De ladder van ${student} is na beoordeling opnieuw gestart; de stage loopt weer.`,
  'cmd.erased': (email: string) =>
    `Alle gegevens van ${email} zijn gewist. Alleen een inhoudsloze auditregel blijft.`,
  'cmd.exportHeading': (count: number) => `Export van ${count} stage(s)`,
  'cmd.exportTruncated':
    'De export is te groot voor een bericht; gebruik de opdrachtregel: stagecoach export.',
  'cmd.overviewHeading': (what: string) => `Overzicht: ${what}`,
  'cmd.overviewEmpty': 'Geen stages gevonden.',
  'cmd.remindNothing': (student: string) => `${student} heeft nu geen openstaand verslag of check-in.`,

  'substitute.default':
    'Schrijf een reflectie van ongeveer 300 woorden over een situatie uit de afgelopen weken waarin je aan een van je leerdoelen werkte, volgens STARR. Lever hem in met de knop of typ opdracht.',
  'substitute.button': 'Opdracht inleveren',
  'substitute.form.heading': 'Vervangende opdracht inleveren',
  'substitute.form.assignment': 'De opdracht',
  'substitute.form.due': (date: string) => `Inleveren uiterlijk ${date}.`,
  'substitute.form.label': 'Jouw uitwerking',
  'substitute.form.submit': 'Inleveren',
  'substitute.thanks':
    'Dank je! Je vervangende opdracht is ingeleverd; je begeleider en coördinator weten het.',
  'substitute.empty': 'Je uitwerking is nog leeg. Schrijf je opdracht in het tekstvak en lever hem dan in.',
  'substitute.none': 'Je hebt geen openstaande vervangende opdracht.',
  'substitute.handedIn': (student: string) => `${student} heeft de vervangende opdracht ingeleverd.`,
  'substitute.read': 'Lezen',
  'substitute.readButton': (due: string) => `Vervangende opdracht (${due})`,
  'substitute.view.heading': (student: string) => `Vervangende opdracht van ${student}`,
  'substitute.view.work': (at: string) => `Ingeleverd ${at}`,
  'substitute.view.noWork': 'Nog niet ingeleverd.',
  'substitute.review.accepted': 'Beoordeeld: afgerond.',
  'substitute.review.returned': 'Teruggestuurd; de stagiair levert opnieuw in.',
  'substitute.assess.label': 'Beoordeling',
  'substitute.assess.accepted': 'Afgerond',
  'substitute.assess.returned': 'Terugsturen',
  'substitute.assess.note': 'Toelichting voor de stagiair (optioneel)',
  'substitute.assess.submit': 'Beoordeling versturen',
  'substitute.assessed.accepted': (student: string) => `De vervangende opdracht van ${student} is afgerond.`,
  'substitute.assessed.returned': (student: string) =>
    `De vervangende opdracht is teruggestuurd; ${student} krijgt bericht.`,
  'substitute.student.accepted':
    'Je vervangende opdracht is beoordeeld en afgerond. Goed dat je hem hebt gemaakt!',
  'substitute.student.returned':
    'Je vervangende opdracht is teruggestuurd: hij is nog niet voldoende. Lees de toelichting, pas je uitwerking aan en lever hem opnieuw in.',
  'substitute.student.note': 'Toelichting',
  'substitute.notHandedIn': 'Deze opdracht is nog niet ingeleverd; afvinken kan met stage afvinken.',
  'reminder.manual.heading': 'Even een herinnering',
  'reminder.manual.report': (report: string, deadline: string) =>
    `Je ${report} staat nog open (deadline ${deadline}). Typ start om verder te gaan.`,
  'reminder.manual.checkin': 'Je check-in van deze week staat nog open. Hoe gaat het?',

  'bundle.heading': (count: number) => `${count} dingen voor je vandaag`,
  'bundle.summary': (parts: readonly string[]) => parts.join(' · '),
  'decision.heading': 'Bericht van je stagecoördinator',
  'decision.paused.student': (from: string, until: string | null) =>
    `Je stage is gepauzeerd vanaf ${from}${until ? ` tot en met ${until}` : ''}. In die tijd krijg je geen check-ins of herinneringen, en verslagen die in de pauze vallen hoef je niet in te leveren.`,
  'decision.paused.mentor': (student: string, from: string, until: string | null) =>
    `De stage van ${student} is gepauzeerd vanaf ${from}${until ? ` tot en met ${until}` : ''}. In die tijd zijn er geen check-ins en geen weekvraag over jullie gesprek.`,
  'decision.resumed.student': (on: string) => `Je stage loopt weer vanaf ${on}. Welkom terug!`,
  'decision.resumed.mentor': (student: string, on: string) =>
    `De stage van ${student} loopt weer vanaf ${on}.`,
  'decision.excused.student': (report: string) =>
    `Je ${report} is verontschuldigd: je hoeft het niet meer in te leveren, en het telt niet als gemist.`,
  'decision.excused.mentor': (student: string, report: string) =>
    `Het ${report} van ${student} is verontschuldigd; het telt niet als gemist.`,
  'decision.ticked.student': (due: string) =>
    `Je vervangende opdracht (inleveren uiterlijk ${due}) is door je stagecoördinator afgevinkt. Je hoeft er niets meer voor te doen.`,
  'decision.ticked.mentor': (student: string, due: string) =>
    `De vervangende opdracht van ${student} (uiterlijk ${due}) is afgevinkt.`,
  'decision.reset.student':
    'Je stagecoördinator heeft je stage na beoordeling opnieuw gestart: eerder gemiste verslagen tellen niet meer mee voor de ladder. Je stage loopt weer.',
  'decision.reset.mentor': (student: string) =>
    `De stage van ${student} is na beoordeling opnieuw gestart; eerdere gemiste verslagen tellen niet meer mee.`,
  'closing.heading.completed': 'Je stage is afgerond',
  'closing.heading.ended': 'Je stage is gestopt',
  'closing.heading.insufficient': 'Je stage is als onvoldoende beoordeeld',
  'closing.body.completed':
    'Je stageperiode is voorbij. Dank je wel voor je check-ins en verslagen! Dit is mijn laatste bericht over deze stage.',
  'closing.body.ended':
    'Je stage is beëindigd. Ik stuur je over deze stage geen herinneringen of check-ins meer.',
  'closing.body.insufficient':
    'Je hebt te veel verslagen gemist; je stage is daarom als onvoldoende beoordeeld. Ik stuur je over deze stage geen herinneringen meer.',
  'closing.handedIn': 'Ingeleverd',
  'closing.stillOpen': 'Nog open',
  'closing.substitutes': (count: number) =>
    count === 1 ? '1 vervangende opdracht' : `${count} vervangende opdrachten`,
  'closing.contact': (names: string) =>
    `Vragen, of iets wat nog open staat afronden? Neem contact op met ${names}.`,
  'closing.contactSchool':
    'Vragen, of iets wat nog open staat afronden? Neem contact op met je stagecoördinator.',
  'closing.coordinator': (student: string, status: string, open: string) =>
    `De stage van ${student} is ${status}. Nog open: ${open}. Stagecoach stuurt ${student} hierover geen herinneringen meer; opvolgen ligt bij jou.`,
  'import.heading': 'Import van stages',
  'import.result': (created: number, updated: number, unchanged: number) =>
    `${created} nieuw, ${updated} bijgewerkt, ${unchanged} ongewijzigd.`,
  'import.rejected': (count: number) =>
    `Niets geïmporteerd: ${count} probleem/problemen gevonden. Verbeter het bestand, of importeer met --skip-invalid alleen de goede regels.`,
  'import.skipped': (count: number) => `${count} regel(s) overgeslagen.`,
  'import.problem': (line: number, field: string, problem: string) =>
    field ? `Regel ${line}, ${field}: ${problem}` : `Regel ${line}: ${problem}`,
  'csv.MISSING_FIELD': 'ontbreekt',
  'csv.BAD_EMAIL': (value: string) => `"${value}" is geen geldig e-mailadres`,
  'csv.BAD_DATE': (value: string) => `"${value}" is geen geldige datum (JJJJ-MM-DD)`,
  'csv.END_BEFORE_START': 'de einddatum ligt vóór de startdatum',
  'csv.BAD_WORKING_DAYS': (value: string) => `"${value}" zijn geen werkdagen (bijv. ma,di,wo)`,
  'csv.BAD_LOCALE': (value: string) => `"${value}" is geen taal (nl of en)`,
  'csv.DUPLICATE_ROW': (value: string) => `dezelfde stage staat al op regel ${value}`,
  'csv.MISSING_COLUMN': 'kolom ontbreekt in de kopregel',
  'csv.EMPTY': 'het bestand bevat geen stages',
  'csv.UNREADABLE': (value: string) => `het bestand is geen leesbare CSV (${value})`,
  'csv.COHORT_NOT_YOURS': (value: string) => `cohort "${value}" valt niet onder jouw coördinatie`,
  'csv.NEEDS_ALL_COHORTS': (value: string) =>
    `een nieuw cohort of een nieuwe coördinator (${value}) kan alleen een coördinator van alle cohorten aanmaken`,
  'csv.STUDENT_NOT_YOURS': (value: string) => `${value} loopt stage in een cohort dat niet onder jou valt`,
  'csv.TOO_MANY_ROWS': (value: string) => `te veel regels; het maximum is ${value}`,
  'csv.FIELD_TOO_LONG': (value: string) => `te lang; het maximum is ${value} tekens`,
  'csv.TOO_LONG_PLACEMENT': 'een stage van meer dan 5 jaar kan niet kloppen',
  'csv.DATE_OUT_OF_RANGE': (value: string) => `${value} ligt buiten 2000–2100`,
  'error.needsAllCohorts':
    'Dit kan alleen een coördinator van alle cohorten: een nieuw cohort of een nieuwe coördinator geeft toegang tot gegevens.',
  'error.personNotYours': 'Die persoon staat (ook) in een cohort dat niet onder jouw coördinatie valt.',
  'error.answerTooLong': (max: number) =>
    `Dat is te lang voor één antwoord (maximaal ${max} tekens). Kun je het korter opschrijven?`,
  'error.slowDown': 'Je stuurt veel berichten kort achter elkaar. Wacht even en probeer het dan opnieuw.',
};

export const en: typeof nl = {
  'unknown.heading': "I don't know you yet",
  'unknown.body': (email: string) =>
    email
      ? `I can't find anyone with the e-mail address ${email} in Stagecoach. Ask your placement coordinator to add you.`
      : "I can't link you to a placement yet. Ask your placement coordinator to add you.",
  'error.generic': 'Something went wrong on my side. Please try again in a moment; your answer is not lost.',
  'error.notCoordinator': (command: string) =>
    `Only a placement coordinator may use "${command}". Type help to see what you can do.`,
  'error.studentUnknown': (email: string) => `I can't find a student with the e-mail address ${email}.`,
  'error.cohortUnknown': (name: string) => `I can't find a cohort called "${name}".`,
  'error.notYourCohort': "That cohort isn't one you coordinate.",
  'error.noPlacement': (student: string) => `${student} has no current placement.`,
  'error.reportUnknown': (what: string) => `I can't find a report "${what}" in this placement.`,
  'error.noOpenSubstitute': (student: string) => `${student} has no open substitute assignment.`,
  'error.channelOnly': 'Type this command in the channel where the mentor digests should go.',
  'error.importNeedsFile': 'Send the CSV file together with the word import (drop the file into this chat).',
  'error.badSettings': (detail: string) => `That setting is not valid: ${detail}`,
  'error.notAllowedToRead': "This report doesn't belong to a student you supervise.",
  nothingOpen:
    'Nothing is waiting for you right now. Type help to see what I can do, me for your overview, or start to write a report.',
  'start.noReport': "There's no report for you to write right now. I'll let you know when it's time.",

  'feedback.notice.heading': (student: string) => `${student} handed in a report`,
  'feedback.notice.body': (student: string, report: string) =>
    `${student} handed in the ${report}. Read it and give feedback: approved, or needs more.`,
  'feedback.notice.summary': (student: string) => `New report from ${student}`,
  'feedback.button.read': 'Read and give feedback',
  'feedback.view.heading': (student: string, report: string) => `${capitalise(report)} by ${student}`,
  'feedback.view.goal': 'Learning goal',
  'feedback.input.label': 'Your feedback (the student reads this)',
  'feedback.verdict.label': 'Verdict',
  'feedback.verdict.approved': 'Approved',
  'feedback.verdict.needs-more': 'Needs more',
  'feedback.submit': 'Send feedback',
  'feedback.thanks': (student: string) => `Thank you! ${student} will get your feedback.`,
  'feedback.given': (verdict: string) =>
    `You answered: ${verdict}. You can change your verdict until the report has been revised.`,
  'feedback.change': 'Change verdict',
  'feedback.changed': (student: string) => `Your verdict has been changed; ${student} will be told.`,
  'feedback.student.changedHeading': (mentor: string) => `${mentor} changed the verdict`,
  'feedback.student.heading': (mentor: string) => `Feedback from ${mentor}`,
  'feedback.student.approved': (report: string) => `Your ${report} is approved. Well done!`,
  'feedback.student.needsMore': (report: string) =>
    `Your mentor asks you to add to your ${report}. Read the feedback and type start to revise it.`,
  'feedback.student.summary': (mentor: string) => `New feedback from ${mentor}`,
  'feedback.student.label': 'Feedback',

  'help.heading': 'What you can send me',
  'help.conversation':
    'start — write a report (or continue one)\nme — your overview\ngoal <text> — add a learning goal; goals — list them\nassignment — hand in a substitute assignment\nlanguage nl — schrijf me in het Nederlands\nhelp — during a check-in or report: what that step asks',
  'help.mentor':
    'me — your students: how their placement goes and which reports wait for your feedback\nRead and give feedback — with the button in the message about a new report; you can change your verdict until the student has revised the report\nDetails — in the weekly digest: a student\'s check-ins, your talk notes, reports and substitute assignments\nThe weekly question "Did you have your talk?" — answer yes, no or moved, with a note if you like\nlanguage nl — schrijf me in het Nederlands',
  'status.mentorLine': (status: string, behind: string, feedback: string) =>
    `${status} · ${behind}${feedback}`,
  'status.mentorNoMisses': 'no missed reports',
  'status.mentorMisses': (step: number) => `${step} missed report(s) — step ${step} on the ladder`,
  'status.mentorFeedback': (count: number) =>
    count === 1 ? ' · 1 report awaits your feedback' : ` · ${count} reports await your feedback`,
  'status.mentorHint': 'Type help for what you can do as a mentor; Details in the weekly digest shows more.',
  'details.talk.yes': 'talk held',
  'details.talk.no': 'no talk',
  'details.talk.moved': 'talk moved',
  'details.talks': 'Weekly talks (last 4 weeks)',
  'details.talkLine': (week: string, talk: string, note: string) =>
    `${week}: ${talk}${note ? ` — ${note}` : ''}`,
  'language.set': "I'll write to you in English from now on. (In het Nederlands? Typ taal nl.)",
  'language.unknown': "I don't know that language. Type language en (English) or language nl (Nederlands).",
  'language.button': 'In het Nederlands graag',
  'status.heading': 'Your overview',
  'status.none': "You don't have a placement in Stagecoach (yet).",
  'status.placement': 'Placement',
  'status.status': 'Status',
  'status.nextReport': 'Next report',
  'status.owed': 'Still to hand in',
  'status.substitutes': 'Open substitute assignments',
  'status.step': 'Ladder step',
  'status.goals': 'Learning goals',
  'status.noGoals': 'no learning goals recorded yet',
  'status.nothing': 'none',
  'status.mentorOf': 'You supervise',
  'status.coordinatorOf': 'You coordinate',
  'status.history': 'Reports handed in',
  'status.awaitingFeedback': 'Awaiting feedback',
  'status.awaitingRevision': 'Awaiting revision',
  'status.toRevise': 'To revise',
  'goals.added': 'Learning goal added',
  'goals.hint':
    'To add a learning goal, type goal followed by your goal, e.g. "goal I give a clear handover".',
  'goals.tooLong': (max: number) =>
    `Keep a learning goal short: at most ${max} characters. One sentence is enough.`,
  'goals.tooMany': (max: number) =>
    `You already have ${max} learning goals. Discuss with your mentor which to keep.`,
  'status.cohortGlance': (running: number, owed: number, insufficient: number) =>
    `${running} running · ${owed} behind · ${insufficient} insufficient`,
  'placementStatus.active': 'running',
  'placementStatus.paused': 'paused',
  'placementStatus.insufficient': 'insufficient',
  'placementStatus.completed': 'completed',
  'placementStatus.ended': 'ended',

  'details.heading': (student: string) => `Details: ${student}`,
  'details.checkins': 'Check-ins (last 4 weeks)',
  'details.checkin': (week: string, mood: string, talk: string) => `${week}: mood ${mood}${talk}`,
  'details.wantsTalk': ' — wants to talk',
  'details.notAnswered': (week: string) => `${week}: not answered`,

  'cmd.added': (student: string, outcome: string) => `Placement of ${student} ${outcome}.`,
  'cmd.outcome.created': 'added',
  'cmd.outcome.updated': 'updated',
  'cmd.outcome.unchanged': 'was already recorded like this',
  'cmd.paused': (student: string, from: string, until: string | null) =>
    until
      ? `Placement of ${student} paused from ${from} to ${until} inclusive.`
      : `Placement of ${student} paused from ${from}.`,
  'cmd.resumed': (student: string, on: string) => `Placement of ${student} runs again from ${on}.`,
  'cmd.excused': (student: string, report: string) =>
    `${report} of ${student} is excused; the ladder has been recomputed.`,
  'cmd.substituteSet': (student: string) => `The substitute assignment text for ${student} is saved.`,
  'cmd.ticked': (student: string) => `Substitute assignment of ${student} ticked off.`,
  'cmd.reminded': (student: string) => `${student} gets a reminder now.`,
  'cmd.channelSet': (cohort: string) => `The weekly digest of ${cohort} will be posted in this channel.`,
  'cmd.settingsSaved': (cohort: string) => `Settings of ${cohort} saved.`,
  'cmd.settingsHeading': (cohort: string) => `Settings of ${cohort}`,
  'cmd.coordinatorAdded': (email: string) => `${email} is now a placement coordinator.`,
  'cmd.coordinatorRemoved': (email: string) => `${email} is no longer a placement coordinator.`,
  'cmd.reset': (student: string) =>
    `The ladder of ${student} was restarted after review; the placement runs again.`,
  'cmd.erased': (email: string) =>
    `All data of ${email} has been erased. Only a content-free audit entry remains.`,
  'cmd.exportHeading': (count: number) => `Export of ${count} placement(s)`,
  'cmd.exportTruncated': 'The export is too large for a message; use the command line: stagecoach export.',
  'cmd.overviewHeading': (what: string) => `Overview: ${what}`,
  'cmd.overviewEmpty': 'No placements found.',
  'cmd.remindNothing': (student: string) => `${student} has no open report or check-in right now.`,

  'substitute.default':
    'Write a reflection of about 300 words on a situation from the past weeks in which you worked on one of your learning goals, following STARR. Hand it in with the button or by typing assignment.',
  'substitute.button': 'Hand in the assignment',
  'substitute.form.heading': 'Hand in your substitute assignment',
  'substitute.form.assignment': 'The assignment',
  'substitute.form.due': (date: string) => `Due ${date}.`,
  'substitute.form.label': 'Your work',
  'substitute.form.submit': 'Hand in',
  'substitute.thanks':
    'Thank you! Your substitute assignment is handed in; your mentor and coordinator know.',
  'substitute.empty': 'Your work is still empty. Write your assignment in the text box, then hand it in.',
  'substitute.none': "You don't have an open substitute assignment.",
  'substitute.handedIn': (student: string) => `${student} handed in the substitute assignment.`,
  'substitute.read': 'Read',
  'substitute.readButton': (due: string) => `Substitute assignment (${due})`,
  'substitute.view.heading': (student: string) => `Substitute assignment of ${student}`,
  'substitute.view.work': (at: string) => `Handed in ${at}`,
  'substitute.view.noWork': 'Not handed in yet.',
  'substitute.review.accepted': 'Assessed: done.',
  'substitute.review.returned': 'Sent back; the student hands it in again.',
  'substitute.assess.label': 'Assessment',
  'substitute.assess.accepted': 'Done',
  'substitute.assess.returned': 'Send back',
  'substitute.assess.note': 'Note for the student (optional)',
  'substitute.assess.submit': 'Send assessment',
  'substitute.assessed.accepted': (student: string) => `The substitute assignment of ${student} is done.`,
  'substitute.assessed.returned': (student: string) =>
    `The substitute assignment was sent back; ${student} will be told.`,
  'substitute.student.accepted':
    'Your substitute assignment has been assessed and is done. Good that you did it!',
  'substitute.student.returned':
    "Your substitute assignment was sent back: it isn't sufficient yet. Read the note, improve your work and hand it in again.",
  'substitute.student.note': 'Note',
  'substitute.notHandedIn': "This assignment hasn't been handed in yet; tick it off with stage check-off.",
  'reminder.manual.heading': 'A quick reminder',
  'reminder.manual.report': (report: string, deadline: string) =>
    `Your ${report} is still open (deadline ${deadline}). Type start to continue.`,
  'reminder.manual.checkin': "This week's check-in is still open. How are you doing?",

  'bundle.heading': (count: number) => `${count} things for you today`,
  'bundle.summary': (parts: readonly string[]) => parts.join(' · '),
  'decision.heading': 'Message from your placement coordinator',
  'decision.paused.student': (from: string, until: string | null) =>
    `Your placement is paused from ${from}${until ? ` to ${until} inclusive` : ''}. Meanwhile you get no check-ins or reminders, and reports due during the pause are not owed.`,
  'decision.paused.mentor': (student: string, from: string, until: string | null) =>
    `The placement of ${student} is paused from ${from}${until ? ` to ${until} inclusive` : ''}. Meanwhile there are no check-ins and no weekly talk question.`,
  'decision.resumed.student': (on: string) => `Your placement runs again from ${on}. Welcome back!`,
  'decision.resumed.mentor': (student: string, on: string) =>
    `The placement of ${student} runs again from ${on}.`,
  'decision.excused.student': (report: string) =>
    `Your ${report} is excused: you no longer need to hand it in, and it does not count as missed.`,
  'decision.excused.mentor': (student: string, report: string) =>
    `The ${report} of ${student} is excused; it does not count as missed.`,
  'decision.ticked.student': (due: string) =>
    `Your substitute assignment (due ${due}) has been ticked off by your placement coordinator. Nothing more to do for it.`,
  'decision.ticked.mentor': (student: string, due: string) =>
    `The substitute assignment of ${student} (due ${due}) has been ticked off.`,
  'decision.reset.student':
    'Your placement coordinator restarted your placement after review: earlier missed reports no longer count on the ladder. Your placement runs again.',
  'decision.reset.mentor': (student: string) =>
    `The placement of ${student} was restarted after review; earlier missed reports no longer count.`,
  'closing.heading.completed': 'Your placement is completed',
  'closing.heading.ended': 'Your placement has ended',
  'closing.heading.insufficient': 'Your placement has been assessed as insufficient',
  'closing.body.completed':
    'Your placement period is over. Thank you for your check-ins and reports! This is my last message about this placement.',
  'closing.body.ended':
    "Your placement has ended. I won't send you reminders or check-ins about it any more.",
  'closing.body.insufficient':
    "You missed too many reports, so your placement has been assessed as insufficient. I won't send you reminders about it any more.",
  'closing.handedIn': 'Handed in',
  'closing.stillOpen': 'Still open',
  'closing.substitutes': (count: number) =>
    count === 1 ? '1 substitute assignment' : `${count} substitute assignments`,
  'closing.contact': (names: string) => `Questions, or something still open to finish? Contact ${names}.`,
  'closing.contactSchool':
    'Questions, or something still open to finish? Contact your placement coordinator.',
  'closing.coordinator': (student: string, status: string, open: string) =>
    `The placement of ${student} is ${status}. Still open: ${open}. Stagecoach no longer reminds ${student} of it; following up is yours.`,
  'import.heading': 'Placement import',
  'import.result': (created: number, updated: number, unchanged: number) =>
    `${created} new, ${updated} updated, ${unchanged} unchanged.`,
  'import.rejected': (count: number) =>
    `Nothing imported: ${count} problem(s) found. Fix the file, or import with --skip-invalid to take only the good rows.`,
  'import.skipped': (count: number) => `${count} row(s) skipped.`,
  'import.problem': (line: number, field: string, problem: string) =>
    field ? `Line ${line}, ${field}: ${problem}` : `Line ${line}: ${problem}`,
  'csv.MISSING_FIELD': 'is missing',
  'csv.BAD_EMAIL': (value: string) => `"${value}" is not a valid e-mail address`,
  'csv.BAD_DATE': (value: string) => `"${value}" is not a valid date (YYYY-MM-DD)`,
  'csv.END_BEFORE_START': 'the end date is before the start date',
  'csv.BAD_WORKING_DAYS': (value: string) => `"${value}" are not working days (e.g. mon,tue,wed)`,
  'csv.BAD_LOCALE': (value: string) => `"${value}" is not a language (nl or en)`,
  'csv.DUPLICATE_ROW': (value: string) => `the same placement is already on line ${value}`,
  'csv.MISSING_COLUMN': 'column missing from the header row',
  'csv.EMPTY': 'the file contains no placements',
  'csv.UNREADABLE': (value: string) => `the file is not a readable CSV (${value})`,
  'csv.COHORT_NOT_YOURS': (value: string) => `cohort "${value}" is not one you coordinate`,
  'csv.NEEDS_ALL_COHORTS': (value: string) =>
    `only a coordinator of all cohorts can create a new cohort or a new coordinator (${value})`,
  'csv.STUDENT_NOT_YOURS': (value: string) => `${value} has a placement in a cohort you do not coordinate`,
  'csv.TOO_MANY_ROWS': (value: string) => `too many rows; the maximum is ${value}`,
  'csv.FIELD_TOO_LONG': (value: string) => `too long; the maximum is ${value} characters`,
  'csv.TOO_LONG_PLACEMENT': 'a placement of more than 5 years cannot be right',
  'csv.DATE_OUT_OF_RANGE': (value: string) => `${value} is outside 2000–2100`,
  'error.needsAllCohorts':
    'Only a coordinator of all cohorts can do this: a new cohort or a new coordinator gives access to data.',
  'error.personNotYours': 'That person is (also) in a cohort you do not coordinate.',
  'error.answerTooLong': (max: number) =>
    `That is too long for one answer (at most ${max} characters). Could you write it shorter?`,
  'error.slowDown': 'You are sending many messages in a short time. Please wait a moment and try again.',
};
