import { describe, expect, it } from 'vitest';
import { renderServerInstructions } from './instructions';

describe('server instructions (npm start without a terminal or platform)', () => {
  it('names the health endpoint on the port and every platform variable, in English and Dutch', () => {
    const text = renderServerInstructions(3000).join('\n');

    expect(text).toContain('GET http://localhost:3000/healthz');
    for (const variable of [
      'SLACK_BOT_TOKEN',
      'SLACK_SIGNING_SECRET',
      'MICROSOFT_APP_ID',
      'MICROSOFT_APP_PASSWORD',
      'MICROSOFT_APP_TENANT_ID',
      'TEAMS_ALLOWED_TENANTS',
    ])
      expect(text).toContain(variable);
    expect(text).toContain('Stagecoach draait zonder Slack of Teams.');
  });

  it('says so when no HTTP server is listening', () => {
    expect(renderServerInstructions(null).join('\n')).toContain('No HTTP server is listening.');
  });
});
