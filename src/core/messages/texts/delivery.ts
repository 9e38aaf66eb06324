/**
 * Coordinator alert when Stagecoach cannot reach someone. Says who and why in plain words,
 * never what the undelivered message said.
 */
export const nl = {
  heading: 'Bericht niet bezorgd',
  summaryPerson: (name: string) => `${name} is niet bereikbaar via Stagecoach`,
  summaryChannel: (cohort: string) => `Het mentorkanaal van ${cohort} is niet bereikbaar`,
  introPerson: (name: string, email: string) =>
    `Het lukt me niet om ${name} (${email}) een bericht te sturen.`,
  introChannel: (cohort: string) => `Het lukt me niet om iets te plaatsen in het mentorkanaal van ${cohort}.`,
  reasonLabel: 'Reden',
  adviceLabel: 'Wat je kunt doen',
  reasonNotFound: 'niet gevonden in de werkruimte: geen Slack- of Teams-account met dit e-mailadres',
  adviceNotFound:
    'Controleer het e-mailadres in Stagecoach, of vraag de persoon de app te installeren en de bot één keer een bericht te sturen.',
  reasonAccountGone: 'het account is gedeactiveerd of heeft de werkruimte verlaten',
  adviceAccountGone: 'Controleer of de persoon nog een actief account heeft, of pas het e-mailadres aan.',
  reasonBotNotInChannel: 'de bot is geen lid van het kanaal',
  adviceBotNotInChannel: 'Nodig de bot uit in het kanaal, of stel een ander mentorkanaal in.',
  reasonChannelMissing: 'het kanaal bestaat niet (meer), is gearchiveerd of is niet ingesteld',
  adviceChannelMissing: 'Stel opnieuw een mentorkanaal in voor deze groep.',
  reasonAppUnavailable: 'de app is verwijderd of heeft geen toegang meer tot deze werkruimte',
  adviceAppUnavailable: 'Vraag je beheerder de app opnieuw te installeren.',
  reasonGaveUp: (attempts: number) => `het platform gaf ${attempts} keer een storing, dus ik ben gestopt`,
  adviceGaveUp: 'Meestal is dit tijdelijk. Houd in de gaten of volgende berichten wel aankomen.',
  reasonRefused: 'het platform weigerde het bericht',
  adviceRefused: 'Controleer of de persoon of het kanaal berichten van de app kan ontvangen.',
  reasonMessageBroken: (code: string) => `het bericht kon niet worden opgebouwd (foutcode ${code})`,
  adviceMessageBroken: 'Dit is een fout in Stagecoach: meld de foutcode aan je beheerder.',
  onceNote: 'Je krijgt deze melding één keer. Berichten die niet aankwamen, stuur ik niet opnieuw.',
  outageHeading: (platform: string) => `${platform} neemt even geen berichten van Stagecoach aan`,
  outageSummary: (platform: string) => `Berichten via ${platform} staan in de wacht`,
  outageIntro: (platform: string, code: string) =>
    `${platform} weigert de berichten van Stagecoach (foutcode ${code}). Niets gaat verloren: ik bewaar alle berichten en verstuur ze zodra ${platform} weer toegang geeft. Ik probeer het zelf regelmatig opnieuw.`,
  outageAdvice:
    'Vraag je beheerder de app opnieuw te installeren of het token te vernieuwen. Je krijgt deze melding één keer per storing.',
};

export const en: typeof nl = {
  heading: 'Message not delivered',
  summaryPerson: (name) => `${name} cannot be reached through Stagecoach`,
  summaryChannel: (cohort) => `The mentor channel of ${cohort} cannot be reached`,
  introPerson: (name, email) => `I can't get a message through to ${name} (${email}).`,
  introChannel: (cohort) => `I can't post in the mentor channel of ${cohort}.`,
  reasonLabel: 'Reason',
  adviceLabel: 'What you can do',
  reasonNotFound: 'not found in the workspace: no Slack or Teams account with this e-mail address',
  adviceNotFound:
    'Check the e-mail address in Stagecoach, or ask them to install the app and send the bot one message.',
  reasonAccountGone: 'the account is deactivated or has left the workspace',
  adviceAccountGone: 'Check whether they still have an active account, or update the e-mail address.',
  reasonBotNotInChannel: 'the bot is not a member of the channel',
  adviceBotNotInChannel: 'Invite the bot to the channel, or set a different mentor channel.',
  reasonChannelMissing: 'the channel does not exist (any more), is archived, or is not set',
  adviceChannelMissing: 'Set a mentor channel for this cohort again.',
  reasonAppUnavailable: 'the app was removed or no longer has access to this workspace',
  adviceAppUnavailable: 'Ask your administrator to install the app again.',
  reasonGaveUp: (attempts) => `the platform failed ${attempts} times in a row, so I stopped trying`,
  adviceGaveUp: 'This is usually temporary. Keep an eye on whether the next messages arrive.',
  reasonRefused: 'the platform refused the message',
  adviceRefused: 'Check that the person or channel can receive messages from the app.',
  reasonMessageBroken: (code) => `the message could not be built (error code ${code})`,
  adviceMessageBroken: 'This is a fault in Stagecoach: pass the error code on to your administrator.',
  onceNote: "You get this notice once. Messages that didn't arrive won't be sent again.",
  outageHeading: (platform) => `${platform} is not accepting messages from Stagecoach`,
  outageSummary: (platform) => `Messages through ${platform} are on hold`,
  outageIntro: (platform, code) =>
    `${platform} refuses Stagecoach's messages (error code ${code}). Nothing is lost: I keep every message and send it as soon as ${platform} lets us in again. I keep checking by myself.`,
  outageAdvice:
    'Ask your administrator to reinstall the app or renew its token. You get this notice once per outage.',
};
