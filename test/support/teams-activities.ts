/**
 * Builders for activities shaped as Teams sends them to the messaging endpoint, with
 * overrides for what a test cares about.
 */
export interface TeamsUserFixture {
  id: string;
  aadObjectId: string;
  name: string;
}

export const TENANT = 'tenant-council-1';
export const BOT = { id: '28:improvement-board', name: 'Improvement Board' };

let sequence = 0;

function base(serviceUrl: string, user: TeamsUserFixture, conversationId: string, conversationType = 'personal') {
  sequence += 1;
  return {
    id: `incoming-${sequence}`,
    channelId: 'msteams',
    serviceUrl,
    timestamp: new Date().toISOString(),
    from: { id: user.id, name: user.name, aadObjectId: user.aadObjectId },
    recipient: BOT,
    conversation: { id: conversationId, conversationType, tenantId: TENANT },
    channelData: { tenant: { id: TENANT } },
    locale: 'en-GB',
  };
}

export function personalChatId(user: TeamsUserFixture): string {
  return `a:personal-${user.id}`;
}

export function installPersonal(serviceUrl: string, user: TeamsUserFixture) {
  return { ...base(serviceUrl, user, personalChatId(user)), type: 'conversationUpdate', membersAdded: [{ id: BOT.id }] };
}

export function installInTeam(serviceUrl: string, by: TeamsUserFixture, team: { id: string; name: string }) {
  const activity = base(serviceUrl, by, `${team.id};messageid=1`, 'channel');
  return { ...activity, type: 'conversationUpdate', membersAdded: [{ id: BOT.id }], channelData: { ...activity.channelData, team, channel: { id: team.id } } };
}

export function message(serviceUrl: string, user: TeamsUserFixture, text: string, overrides: Record<string, unknown> = {}) {
  return { ...base(serviceUrl, user, personalChatId(user)), type: 'message', text, ...overrides };
}

/** An Action.Execute press: Teams merges the inputs into the action's data. */
export function cardAction(serviceUrl: string, user: TeamsUserFixture, verb: string, data: Record<string, unknown>) {
  return {
    ...base(serviceUrl, user, personalChatId(user)),
    type: 'invoke',
    name: 'adaptiveCard/action',
    value: { action: { type: 'Action.Execute', verb, data: { ...data, verb } }, trigger: 'manual' },
  };
}
