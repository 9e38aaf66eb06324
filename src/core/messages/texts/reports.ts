/**
 * Texts of report deadlines and evaluation moments. Dates arrive formatted ("maandag 4 januari");
 * report names arrive without an article ("reflectieverslag over januari").
 */

export const nl = {
  'report.monthly': (month: string) => `reflectieverslag over ${month}`,
  'report.intro': 'kennismakingsverslag',
  'report.midterm': 'tussenverslag',
  deadline: (date: string) => `${date} om 23:59`,
  'field.report': 'Verslag',
  'field.deadline': 'Deadline',
  'button.start': 'Begin met schrijven',
  'keyword.start': 'start',

  'reminderBefore.heading': (days: number) => `Nog ${days} dagen voor je verslag`,
  'reminderBefore.body': (report: string, deadline: string) =>
    `Je ${report} moet uiterlijk ${deadline} binnen zijn. Begin gerust alvast: je kunt tussendoor stoppen en later verder.`,
  'reminderBefore.summary': (report: string, days: number) =>
    `Over ${days} dagen moet je ${report} binnen zijn.`,
  'dueToday.heading': 'Vandaag is de deadline',
  'dueToday.body': (report: string) =>
    `Je ${report} moet vandaag binnen zijn, uiterlijk om 23:59. Heb je een kwartiertje? Dan kun je nu beginnen.`,
  'dueToday.summary': (report: string) => `Je ${report} moet vandaag om 23:59 binnen zijn.`,
  keywordHint: 'Typ start of klik op de knop.',

  'evaluation.midterm': 'tussenevaluatie',
  'evaluation.final': 'eindbeoordeling',
  'evaluation.when': (days: number) => (days === 7 ? 'over een week' : `over ${days} dagen`),
  'evaluation.student.heading': (moment: string) => `Je ${moment} komt eraan`,
  'evaluation.student.body': (moment: string, when: string, date: string) =>
    `Je ${moment} is ${when}, op ${date}. Lees je leerdoelen en reflecties nog eens door en bedenk wat je wilt bespreken: wat ging goed, en waar wil je nog aan werken?`,
  'evaluation.student.summary': (moment: string, date: string) => `Je ${moment} is op ${date}.`,
  'evaluation.mentor.heading': (moment: string, student: string) => `De ${moment} van ${student} komt eraan`,
  'evaluation.mentor.body': (moment: string, student: string, when: string, date: string) =>
    `De ${moment} van ${student} is ${when}, op ${date}. Ter voorbereiding kun je de reflecties en check-ins van ${student} teruglezen.`,
  'evaluation.mentor.summary': (moment: string, student: string, date: string) =>
    `${student}: ${moment} op ${date}.`,
  'button.history': 'Reflecties en check-ins bekijken',
};

export const en: typeof nl = {
  'report.monthly': (month: string) => `reflection report on ${month}`,
  'report.intro': 'intro report',
  'report.midterm': 'mid-term report',
  deadline: (date: string) => `${date} at 23:59`,
  'field.report': 'Report',
  'field.deadline': 'Deadline',
  'button.start': 'Start writing',
  'keyword.start': 'start',

  'reminderBefore.heading': (days: number) => `${days} days to go for your report`,
  'reminderBefore.body': (report: string, deadline: string) =>
    `Your ${report} is due ${deadline}. Feel free to start now: you can stop halfway and pick it up later.`,
  'reminderBefore.summary': (report: string, days: number) => `Your ${report} is due in ${days} days.`,
  'dueToday.heading': 'Due today',
  'dueToday.body': (report: string) =>
    `Your ${report} is due today, at 23:59 at the latest. Got fifteen minutes? Then you can start right now.`,
  'dueToday.summary': (report: string) => `Your ${report} is due today at 23:59.`,
  keywordHint: 'Type start or click the button.',

  'evaluation.midterm': 'mid-term evaluation',
  'evaluation.final': 'final assessment',
  'evaluation.when': (days: number) => (days === 7 ? 'in a week' : `in ${days} days`),
  'evaluation.student.heading': (moment: string) => `Your ${moment} is coming up`,
  'evaluation.student.body': (moment: string, when: string, date: string) =>
    `Your ${moment} is ${when}, on ${date}. Read through your learning goals and reflections and think about what you want to discuss: what went well, and what do you still want to work on?`,
  'evaluation.student.summary': (moment: string, date: string) => `Your ${moment} is on ${date}.`,
  'evaluation.mentor.heading': (moment: string, student: string) => `${student}'s ${moment} is coming up`,
  'evaluation.mentor.body': (moment: string, student: string, when: string, date: string) =>
    `${student}'s ${moment} is ${when}, on ${date}. To prepare, you can read back ${student}'s reflections and check-ins.`,
  'evaluation.mentor.summary': (moment: string, student: string, date: string) =>
    `${student}: ${moment} on ${date}.`,
  'button.history': 'View reflections and check-ins',
};
