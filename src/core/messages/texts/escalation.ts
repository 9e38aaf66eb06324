/**
 * Texts of the missed-report ladder. Report names arrive without an article ("reflectieverslag
 * over januari"), dates and deadlines formatted ("maandag 4 januari (om 23:59)"), ordinals
 * from `ordinal` ("2e" / "2nd").
 */

export const nl = {
  ordinal: (n: number) => `${n}e`,
  'step.none': 'herinnering',
  'step.after-grace': 'herinnering met respijt',
  'step.immediately': 'vervangende opdracht',
  'step.lastChance': 'laatste kans en vervangende opdracht',
  'step.lastChanceOnly': 'laatste kans',
  'step.insufficient': 'onvoldoende',
  stepLine: (ordinal: string, step: number, label: string) =>
    `${ordinal} gemiste verslag — stap ${step}: ${label}`,
  withStudent: (student: string, line: string) => `${student}: ${line}`,

  'field.report': 'Verslag',
  'field.deadline': 'Deadline',
  'field.graceEnd': 'Inleveren kan nog tot',
  'field.substitute': 'Vervangende opdracht',
  'field.handedIn': 'Ingeleverd',
  handedInLate: 'ja, na de deadline',
  notHandedIn: 'nog niet',
  substituteDue: (date: string) => `inleveren uiterlijk ${date}`,
  substituteAfterGrace: 'alleen als het verslag niet binnen de respijttermijn komt',
  noSubstitute: 'geen',

  'miss.student.heading.open': (report: string) => `Je ${report} is nog niet binnen`,
  'miss.student.heading.late': (report: string) => `Je ${report} kwam na de deadline binnen`,
  'miss.student.open': (deadline: string, graceEnd: string) =>
    `De deadline was ${deadline}. Je kunt het nog inleveren tot en met ${graceEnd}.`,
  'miss.student.late': (deadline: string) =>
    `Fijn dat het er is! Omdat de deadline ${deadline} was, telt het wel als gemist verslag.`,
  'miss.student.count': (ordinal: string) => `Dit is je ${ordinal} gemiste verslag.`,
  'miss.student.afterGrace':
    'Lukt dat niet, dan krijg je er een vervangende opdracht bij en blijft het verslag gewoon openstaan.',
  'miss.student.substitute': (due: string) =>
    `Je krijgt nu ook een vervangende opdracht. Lever die in vóór of op ${due}.`,
  'miss.student.lastChance': (missesLeft: number) =>
    missesLeft <= 1
      ? 'Dit is je laatste kans: mis je nog een verslag, dan wordt je stage als onvoldoende beoordeeld. Je mentor en stagecoördinator weten ervan.'
      : `Dit is je laatste kans: mis je nog ${missesLeft} verslagen, dan wordt je stage als onvoldoende beoordeeld. Je mentor en stagecoördinator weten ervan.`,
  'miss.student.help':
    'Ben je ziek of speelt er iets? Laat het je stagecoördinator weten, dan kijken jullie samen.',
  'miss.student.summary': (report: string, ordinal: string) =>
    `Je ${report} is te laat: je ${ordinal} gemiste verslag.`,
  'miss.mentor.body': (student: string, report: string, deadline: string) =>
    `${student} heeft het ${report} niet op tijd ingeleverd (deadline ${deadline}).`,
  'miss.mentor.lastChance': (student: string, missesLeft: number) =>
    missesLeft <= 1
      ? `Dit is de laatste kans voor ${student}; nog een gemist verslag betekent een onvoldoende voor de stage.`
      : `Dit is de laatste kans voor ${student}; nog ${missesLeft} gemiste verslagen betekenen een onvoldoende voor de stage.`,
  'miss.mentor.informed': 'De stagecoördinator is op de hoogte.',

  'grace.student.heading': (report: string) => `Je ${report} staat nog open`,
  'grace.student.body': (graceEnd: string, due: string) =>
    `De extra tijd liep tot en met ${graceEnd}. Daarom krijg je nu een vervangende opdracht: lever die in vóór of op ${due}.`,
  'grace.student.stillOwed': (report: string) => `Je ${report} moet je ook nog steeds inleveren.`,
  'grace.student.summary': (due: string) => `Je krijgt een vervangende opdracht, uiterlijk ${due}.`,
  'grace.staff.heading': (student: string, report: string) =>
    `${student}: ${report} niet binnen de respijttermijn`,
  'grace.staff.body': (step: number, due: string) =>
    `Stap ${step}: vervangende opdracht gegeven, inleveren uiterlijk ${due}. Het verslag blijft openstaan.`,

  'owed.heading': (report: string) => `Je ${report} staat nog open`,
  'owed.body': (deadline: string, everyDays: number) =>
    `De deadline was ${deadline} en de extra tijd is voorbij. Lever het zo snel mogelijk in; tot dan krijg je om de ${everyDays} dagen een seintje.`,
  'owed.summary': (report: string) => `Je ${report} staat nog open.`,

  'overdue.heading': (student: string) => `${student}: vervangende opdracht over de datum`,
  'overdue.body': (report: string, ordinal: string, due: string) =>
    `De vervangende opdracht bij het ${report} (${ordinal} gemiste verslag) moest uiterlijk ${due} binnen zijn en is nog niet afgevinkt. Is hij toch binnen? Vink hem dan af.`,

  'insufficient.student.heading': 'Je stage staat op onvoldoende',
  'insufficient.student.body': (report: string, ordinal: string) =>
    `Je ${report} is niet op tijd binnengekomen. Het is je ${ordinal} gemiste verslag, en volgens de afspraken wordt je stage daarom als onvoldoende beoordeeld. Je stagecoördinator neemt contact met je op om te bespreken hoe het verder gaat.`,
  'insufficient.mentor.heading': (student: string) => `${student}: stage op onvoldoende`,
  'insufficient.mentor.body': (student: string, ordinal: string, report: string) =>
    `${student} heeft het ${ordinal} verslag gemist (${report}). Daarmee staat de stage op onvoldoende. De stagecoördinator bekijkt de situatie en neemt contact op.`,
  'insufficient.coordinator.body':
    'De stage staat nu op onvoldoende; er volgen geen herinneringen of opdrachten meer. Bekijk de situatie en zet de stage zo nodig terug.',
};

export const en: typeof nl = {
  ordinal: (n: number) => {
    const lastTwo = n % 100;
    const suffix =
      lastTwo >= 11 && lastTwo <= 13
        ? 'th'
        : n % 10 === 1
          ? 'st'
          : n % 10 === 2
            ? 'nd'
            : n % 10 === 3
              ? 'rd'
              : 'th';
    return `${n}${suffix}`;
  },
  'step.none': 'reminder',
  'step.after-grace': 'reminder with grace period',
  'step.immediately': 'substitute assignment',
  'step.lastChance': 'last chance and substitute assignment',
  'step.lastChanceOnly': 'last chance',
  'step.insufficient': 'insufficient',
  stepLine: (ordinal: string, step: number, label: string) =>
    `${ordinal} missed report — step ${step}: ${label}`,
  withStudent: (student: string, line: string) => `${student}: ${line}`,

  'field.report': 'Report',
  'field.deadline': 'Deadline',
  'field.graceEnd': 'Can still be handed in until',
  'field.substitute': 'Substitute assignment',
  'field.handedIn': 'Handed in',
  handedInLate: 'yes, after the deadline',
  notHandedIn: 'not yet',
  substituteDue: (date: string) => `due ${date}`,
  substituteAfterGrace: 'only if the report does not come in within the grace period',
  noSubstitute: 'none',

  'miss.student.heading.open': (report: string) => `Your ${report} hasn't come in yet`,
  'miss.student.heading.late': (report: string) => `Your ${report} came in after the deadline`,
  'miss.student.open': (deadline: string, graceEnd: string) =>
    `The deadline was ${deadline}. You can still hand it in until ${graceEnd}.`,
  'miss.student.late': (deadline: string) =>
    `Good to have it! As the deadline was ${deadline}, it does count as a missed report.`,
  'miss.student.count': (ordinal: string) => `This is your ${ordinal} missed report.`,
  'miss.student.afterGrace':
    "If that doesn't work out, you'll get a substitute assignment as well, and the report stays open.",
  'miss.student.substitute': (due: string) =>
    `You also get a substitute assignment now. Please hand it in by ${due}.`,
  'miss.student.lastChance': (missesLeft: number) =>
    missesLeft <= 1
      ? 'This is your last chance: if you miss one more report, your placement will be marked insufficient. Your mentor and coordinator know about this.'
      : `This is your last chance: if you miss ${missesLeft} more reports, your placement will be marked insufficient. Your mentor and coordinator know about this.`,
  'miss.student.help':
    "Are you ill, or is something going on? Let your coordinator know and you'll sort it out together.",
  'miss.student.summary': (report: string, ordinal: string) =>
    `Your ${report} is late: your ${ordinal} missed report.`,
  'miss.mentor.body': (student: string, report: string, deadline: string) =>
    `${student} did not hand in the ${report} on time (deadline ${deadline}).`,
  'miss.mentor.lastChance': (student: string, missesLeft: number) =>
    missesLeft <= 1
      ? `This is ${student}'s last chance; one more missed report means the placement is marked insufficient.`
      : `This is ${student}'s last chance; ${missesLeft} more missed reports mean the placement is marked insufficient.`,
  'miss.mentor.informed': 'The coordinator has been informed.',

  'grace.student.heading': (report: string) => `Your ${report} is still open`,
  'grace.student.body': (graceEnd: string, due: string) =>
    `The extra time ran until ${graceEnd}. So you now get a substitute assignment: please hand it in by ${due}.`,
  'grace.student.stillOwed': (report: string) => `You still need to hand in your ${report} as well.`,
  'grace.student.summary': (due: string) => `You get a substitute assignment, due ${due}.`,
  'grace.staff.heading': (student: string, report: string) =>
    `${student}: ${report} not in within the grace period`,
  'grace.staff.body': (step: number, due: string) =>
    `Step ${step}: substitute assignment given, due ${due}. The report stays open.`,

  'owed.heading': (report: string) => `Your ${report} is still open`,
  'owed.body': (deadline: string, everyDays: number) =>
    `The deadline was ${deadline} and the extra time is over. Please hand it in as soon as you can; until then you'll get a nudge every ${everyDays} days.`,
  'owed.summary': (report: string) => `Your ${report} is still open.`,

  'overdue.heading': (student: string) => `${student}: substitute assignment overdue`,
  'overdue.body': (report: string, ordinal: string, due: string) =>
    `The substitute assignment for the ${report} (${ordinal} missed report) was due ${due} and has not been ticked off. Has it come in after all? Then tick it off.`,

  'insufficient.student.heading': 'Your placement is marked insufficient',
  'insufficient.student.body': (report: string, ordinal: string) =>
    `Your ${report} did not come in on time. It is your ${ordinal} missed report, so under the agreed rules your placement is marked insufficient. Your coordinator will get in touch to talk about what happens next.`,
  'insufficient.mentor.heading': (student: string) => `${student}: placement marked insufficient`,
  'insufficient.mentor.body': (student: string, ordinal: string, report: string) =>
    `${student} has missed a ${ordinal} report (${report}). The placement is therefore marked insufficient. The coordinator will review the situation and get in touch.`,
  'insufficient.coordinator.body':
    'The placement is now marked insufficient; no further reminders or assignments follow. Please review the situation and reset the placement if appropriate.',
};
