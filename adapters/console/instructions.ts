/**
 * What `npm start` prints when stdin is not a terminal and no platform is configured: there is
 * nobody to chat with, so say how to connect Slack or Teams (the variable names of docs/INTERFACES.md).
 */
export function renderServerInstructions(port: number | null): string[] {
  const health = port === null ? null : `http://localhost:${port}/healthz`;
  return [
    'Stagecoach is running without Slack or Teams.',
    health
      ? `The HTTP server is up: GET ${health} answers with the health status.`
      : 'No HTTP server is listening.',
    '',
    'Connect a platform by setting environment variables and restarting:',
    '  Slack:  SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET (both), events to POST /slack/events;',
    '          optional SLACK_APP_TOKEN for Socket Mode during development.',
    '  Teams:  MICROSOFT_APP_ID, MICROSOFT_APP_PASSWORD, MICROSOFT_APP_TENANT_ID, MICROSOFT_APP_TYPE',
    '          (Azure Bot registration), messages to POST /api/messages; TEAMS_ALLOWED_TENANTS limits tenants.',
    '  Production also needs STAGECOACH_ENCRYPTION_KEY (32 bytes, base64: openssl rand -base64 32).',
    'To try it locally instead, run `npm start` in a terminal: it opens a chat with a sample cohort.',
    '',
    'Stagecoach draait zonder Slack of Teams.',
    health ? `De HTTP-server draait: GET ${health} geeft de status.` : 'Er luistert geen HTTP-server.',
    '',
    'Koppel een platform met omgevingsvariabelen en start opnieuw:',
    '  Slack:  SLACK_BOT_TOKEN en SLACK_SIGNING_SECRET (allebei), events naar POST /slack/events;',
    '          optioneel SLACK_APP_TOKEN voor Socket Mode tijdens ontwikkeling.',
    '  Teams:  MICROSOFT_APP_ID, MICROSOFT_APP_PASSWORD, MICROSOFT_APP_TENANT_ID, MICROSOFT_APP_TYPE',
    '          (Azure Bot-registratie), berichten naar POST /api/messages; TEAMS_ALLOWED_TENANTS beperkt tenants.',
    '  In productie ook STAGECOACH_ENCRYPTION_KEY (32 bytes, base64: openssl rand -base64 32).',
    'Liever eerst lokaal proberen? Start `npm start` in een terminal: dan opent een chat met een voorbeeldklas.',
  ];
}

export function printServerInstructions(port: number | null): void {
  process.stdout.write(`${renderServerInstructions(port).join('\n')}\n`);
}
