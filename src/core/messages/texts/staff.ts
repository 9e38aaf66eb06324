/**
 * Texts of the aggregated staff messages: one message per mentor or coordinator per job run,
 * listing every student it concerns (see core/notices/staff-list.ts).
 */
export const nl = {
  part: (part: number, parts: number) => `(deel ${part} van ${parts})`,
  more: (count: number) =>
    count === 1
      ? 'Voor de andere student staat geen knop hier: typ `mijn` voor het overzicht met details.'
      : `Voor de andere ${count} studenten staan geen knoppen hier: typ \`mijn\` voor het overzicht met details.`,
  students: (count: number) => (count === 1 ? '1 student' : `${count} studenten`),
  'details.button': (student: string) => `Details ${student}`,
  'summary.heading': 'Overzicht van vandaag',
  'summary.intro': (count: number) =>
    count === 1 ? 'Eén student heeft je aandacht nodig.' : `${count} studenten hebben je aandacht nodig.`,
  'summary.summary': (count: number) =>
    count === 1 ? 'Eén student heeft je aandacht nodig' : `${count} studenten hebben je aandacht nodig`,
  'evaluation.heading': 'Evaluaties over een week',
  'evaluation.summary': (count: number) =>
    count === 1 ? 'Een evaluatie over een week' : `${count} evaluaties over een week`,
  'talk.heading': 'Wekelijks gesprek',
  'talk.question': (count: number) =>
    count === 1
      ? 'Heb je deze week je wekelijkse gesprek gehad met:'
      : `Heb je deze week je wekelijkse gesprek gehad met deze ${count} studenten?`,
  'talk.hint': 'Klik per student, of typ bijvoorbeeld `ja 1 3`, `nee Sam`, `verzet 2` of `ja allemaal`.',
  'talk.button.yes': (n: number, firstName: string) => `${n}. ${firstName}: ja`,
  'talk.button.no': (n: number, firstName: string) => `${n}. ${firstName}: nee`,
  'talk.recorded': (answer: string, names: string) => `Genoteerd: ${answer} voor ${names}.`,
  'talk.answer.yes': 'ja',
  'talk.answer.no': 'nee',
  'talk.answer.moved': 'verzet',
  'talk.ambiguous.which': (list: string) =>
    `Voor wie geldt dat? Typ bijvoorbeeld \`ja 1\` of \`nee Sam\`, of \`ja allemaal\`.\n${list}`,
  'talk.ambiguous.name': (name: string, list: string) =>
    `"${name}" past bij meer dan één student. Gebruik het nummer:\n${list}`,
  'talk.unknown': (target: string, list: string) =>
    `"${target}" staat niet in de lijst van deze week. Kies een nummer of voornaam:\n${list}`,
  'talk.nothingOpen': 'Er staat deze week geen vraag over een wekelijks gesprek meer open.',
  'alerts.heading': 'Check-ins niet beantwoord',
  'alerts.body': (count: number) =>
    count === 1
      ? 'Deze student heeft drie check-ins op rij niet beantwoord:'
      : `Deze ${count} studenten hebben drie check-ins op rij niet beantwoord:`,
  'closing.heading': 'Afgesloten stages met openstaand werk',
  'noTalk.body': (count: number, mentor: string) =>
    `${mentor} heeft nu twee weken op rij geen wekelijks gesprek gehad met deze ${count} studenten:`,
};

export const en: typeof nl = {
  part: (part, parts) => `(part ${part} of ${parts})`,
  more: (count) =>
    count === 1
      ? 'The other student has no button here: type `mijn` for the overview with details.'
      : `The other ${count} students have no buttons here: type \`mijn\` for the overview with details.`,
  students: (count) => (count === 1 ? '1 student' : `${count} students`),
  'details.button': (student) => `Details ${student}`,
  'summary.heading': "Today's overview",
  'summary.intro': (count) =>
    count === 1 ? 'One student needs your attention.' : `${count} students need your attention.`,
  'summary.summary': (count) =>
    count === 1 ? 'One student needs your attention' : `${count} students need your attention`,
  'evaluation.heading': 'Evaluations in a week',
  'evaluation.summary': (count) =>
    count === 1 ? 'An evaluation in a week' : `${count} evaluations in a week`,
  'talk.heading': 'Weekly talk',
  'talk.question': (count) =>
    count === 1
      ? 'Did you have your weekly talk this week with:'
      : `Did you have your weekly talk this week with these ${count} students?`,
  'talk.hint': 'Click per student, or type e.g. `yes 1 3`, `no Sam`, `moved 2` or `yes all`.',
  'talk.button.yes': (n, firstName) => `${n}. ${firstName}: yes`,
  'talk.button.no': (n, firstName) => `${n}. ${firstName}: no`,
  'talk.recorded': (answer, names) => `Noted: ${answer} for ${names}.`,
  'talk.answer.yes': 'yes',
  'talk.answer.no': 'no',
  'talk.answer.moved': 'moved',
  'talk.ambiguous.which': (list) =>
    `Who is that for? Type e.g. \`yes 1\` or \`no Sam\`, or \`yes all\`.\n${list}`,
  'talk.ambiguous.name': (name, list) => `"${name}" matches more than one student. Use the number:\n${list}`,
  'talk.unknown': (target, list) =>
    `"${target}" is not on this week's list. Pick a number or first name:\n${list}`,
  'talk.nothingOpen': 'There is no open weekly-talk question left this week.',
  'alerts.heading': 'Check-ins not answered',
  'alerts.body': (count) =>
    count === 1
      ? 'This student has not answered three check-ins in a row:'
      : `These ${count} students have not answered three check-ins in a row:`,
  'closing.heading': 'Ended placements with work still open',
  'noTalk.body': (count, mentor) =>
    `${mentor} has now had no weekly talk two weeks running with these ${count} students:`,
};
