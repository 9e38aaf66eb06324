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
  'feedback.already': 'Je feedback op dit verslag is al verstuurd.',
  'feedback.student.heading': (mentor: string) => `Feedback van ${mentor}`,
  'feedback.student.approved': (report: string) => `Je ${report} is akkoord. Goed gedaan!`,
  'feedback.student.needsMore': (report: string) =>
    `Je begeleider vraagt je je ${report} aan te vullen. Lees de feedback en typ start om het aan te passen.`,
  'feedback.student.summary': (mentor: string) => `Nieuwe feedback van ${mentor}`,
  'feedback.student.label': 'Feedback',

  'help.heading': 'Wat je mij kunt sturen',
  'help.conversation':
    'start — een verslag schrijven (of verder gaan)\nmijn — je overzicht\nleerdoel <tekst> — een leerdoel toevoegen; leerdoelen — ze bekijken\nopdracht — een vervangende opdracht inleveren\nhelp — tijdens een check-in of verslag: uitleg bij die stap',
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
  'reminder.manual.heading': 'Even een herinnering',
  'reminder.manual.report': (report: string, deadline: string) =>
    `Je ${report} staat nog open (deadline ${deadline}). Typ start om verder te gaan.`,
  'reminder.manual.checkin': 'Je check-in van deze week staat nog open. Hoe gaat het?',

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
  'feedback.already': 'Your feedback on this report has already been sent.',
  'feedback.student.heading': (mentor: string) => `Feedback from ${mentor}`,
  'feedback.student.approved': (report: string) => `Your ${report} is approved. Well done!`,
  'feedback.student.needsMore': (report: string) =>
    `Your mentor asks you to add to your ${report}. Read the feedback and type start to revise it.`,
  'feedback.student.summary': (mentor: string) => `New feedback from ${mentor}`,
  'feedback.student.label': 'Feedback',

  'help.heading': 'What you can send me',
  'help.conversation':
    'start — write a report (or continue one)\nme — your overview\ngoal <text> — add a learning goal; goals — list them\nassignment — hand in a substitute assignment\nhelp — during a check-in or report: what that step asks',
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
  'reminder.manual.heading': 'A quick reminder',
  'reminder.manual.report': (report: string, deadline: string) =>
    `Your ${report} is still open (deadline ${deadline}). Type start to continue.`,
  'reminder.manual.checkin': "This week's check-in is still open. How are you doing?",

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
