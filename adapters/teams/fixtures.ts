import { FILE_DOWNLOAD_INFO } from './parse';

/**
 * Real-shaped Teams activities for tests, including the Slack/Teams parity test:
 * `parseTeamsActivity(teamsActivityFor(act, options), { receivedAt })` gives the `Inbound`.
 * Shapes follow what Teams sends (ids, `channelData.tenant`, `<at>` mentions).
 */
export const FIXTURE_BOT_ID = '28:00000000-0000-0000-0000-0000000b0700';
export const FIXTURE_TENANT = '11111111-1111-4111-8111-111111111111';

export type TeamsAct =
  | { kind: 'text'; text: string }
  /** Text addressed to the bot with an @mention (how channels reach a bot). */
  | { kind: 'mention'; text: string }
  | { kind: 'command'; text: string }
  | { kind: 'submit'; actionId: string; value?: string; formValues?: Record<string, string> }
  | { kind: 'file'; text: string; name: string; downloadUrl: string }
  | { kind: 'installation'; action: 'add' | 'remove' }
  | { kind: 'members-added' };

export type TeamsFixtureOptions = {
  id?: string;
  /** ISO-8601; the act's own time. */
  timestamp?: string;
  tenantId?: string;
  aadObjectId?: string;
  userId?: string;
  userName?: string;
  conversation?: 'personal' | 'channel';
  /** Personal chat id, or the team channel id. */
  conversationId?: string;
  serviceUrl?: string;
  locale?: string;
};

export function teamsActivityFor(act: TeamsAct, options: TeamsFixtureOptions = {}): Record<string, unknown> {
  const tenantId = options.tenantId ?? FIXTURE_TENANT;
  const channel = options.conversation === 'channel';
  const channelId = options.conversationId ?? '19:c0ffee00aa11bb22cc33dd44ee55ff66@thread.tacv2';
  const personalId = options.conversationId ?? 'a:1XyZpersonalChatIdForStudent';
  const base = {
    id: options.id ?? '1710000000001',
    timestamp: options.timestamp ?? '2025-03-07T12:05:09.123Z',
    localTimestamp: options.timestamp ?? '2025-03-07T13:05:09.123+01:00',
    serviceUrl: options.serviceUrl ?? 'https://smba.trafficmanager.net/emea/',
    channelId: 'msteams',
    locale: options.locale ?? 'nl-NL',
    from: {
      id: options.userId ?? '29:1AbCdEfStudentTeamsUserId',
      name: options.userName ?? 'Sanne de Vries',
      aadObjectId: options.aadObjectId ?? '5f1c9a4e-2b7d-4c1e-9a3f-0d2e8b6c4a11',
    },
    recipient: { id: FIXTURE_BOT_ID, name: 'Stagecoach' },
    conversation: channel
      ? { id: `${channelId};messageid=1710000000000`, conversationType: 'channel', isGroup: true, tenantId }
      : { id: personalId, conversationType: 'personal', tenantId },
    channelData: channel
      ? { tenant: { id: tenantId }, team: { id: '19:teamgeneral@thread.tacv2' }, channel: { id: channelId } }
      : { tenant: { id: tenantId } },
  };

  switch (act.kind) {
    case 'text':
      return { ...base, type: 'message', text: act.text, textFormat: 'plain' };
    case 'mention':
    case 'command': {
      const text = act.kind === 'command' ? `stage ${act.text}` : act.text;
      if (!channel) return { ...base, type: 'message', text, textFormat: 'plain' };
      const mention = '<at>Stagecoach</at>';
      return {
        ...base,
        type: 'message',
        text: `${mention} ${text}\n`,
        textFormat: 'plain',
        entities: [{ type: 'mention', text: mention, mentioned: { id: FIXTURE_BOT_ID, name: 'Stagecoach' } }],
      };
    }
    case 'submit':
      return {
        ...base,
        type: 'message',
        value: {
          actionId: act.actionId,
          ...(act.value === undefined ? {} : { value: act.value }),
          ...act.formValues,
        },
      };
    case 'file':
      return {
        ...base,
        type: 'message',
        text: act.text,
        attachments: [
          {
            contentType: FILE_DOWNLOAD_INFO,
            contentUrl: 'https://contoso.sharepoint.com/personal/files/placements.csv',
            name: act.name,
            content: { downloadUrl: act.downloadUrl, uniqueId: 'f1', fileType: 'csv' },
          },
        ],
      };
    case 'installation':
      return { ...base, type: 'installationUpdate', action: act.action };
    case 'members-added':
      return {
        ...base,
        type: 'conversationUpdate',
        membersAdded: [{ id: FIXTURE_BOT_ID }, ...(channel ? [] : [{ id: base.from.id }])],
      };
  }
}
