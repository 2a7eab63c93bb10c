import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../services/project-root.js';
import { openStore } from '../../services/store/database.js';
import { BotServer } from '../support/bot-server.js';
import { ConnectorStandIn } from '../../devtools/connector-stand-in.js';
import { message, personalChatId, TENANT, type TeamsUserFixture } from '../support/teams-activities.js';
import { databaseUrlOf, dropTarget, freshTarget } from '../support/test-database.js';

const user: TeamsUserFixture = { id: '29:someone', aadObjectId: 'aad-someone', name: 'Someone' };

const run = promisify(execFile);

describe('npm start', () => {
  it('refuses to start on a DATABASE_URL it cannot use, naming the variable', async () => {
    const result = await run(process.execPath, [join(projectRoot(), 'dist/bot/main.js')], {
      env: { PATH: process.env.PATH ?? '', DATABASE_URL: 'mysql://localhost/board' },
    }).catch((e: { code: number; stderr: string }) => e);
    expect(result).toMatchObject({ code: 1 });
    expect((result as { stderr: string }).stderr.trim()).toBe('Cannot start: DATABASE_URL must start with file:, postgres:// or postgresql://');
  });

  it('refuses a port that is not a number', async () => {
    const result = await run(process.execPath, [join(projectRoot(), 'dist/bot/main.js')], {
      env: { PATH: process.env.PATH ?? '', PORT: 'eighty' },
    }).catch((e: { code: number; stderr: string }) => e);
    expect(result).toMatchObject({ code: 1 });
    expect((result as { stderr: string }).stderr).toMatch(/^Cannot start: PORT is not valid/);
  });
});

describe('who may talk to the bot', () => {
  it('with NODE_ENV=production and no app id, refuses to start', async () => {
    const result = await run(process.execPath, [join(projectRoot(), 'dist/bot/main.js')], {
      env: { PATH: process.env.PATH ?? '', NODE_ENV: 'production' },
    }).catch((e: { code: number; stderr: string }) => e);
    expect(result).toMatchObject({ code: 1 });
    expect((result as { stderr: string }).stderr).toMatch(/^Cannot start: MICROSOFT_APP_ID is not set/);
  });

  it('with NODE_ENV=production, refuses a PUBLIC_URL that is not https', async () => {
    const result = await run(process.execPath, [join(projectRoot(), 'dist/bot/main.js')], {
      env: { PATH: process.env.PATH ?? '', NODE_ENV: 'production', MICROSOFT_APP_ID: '00000000-0000-0000-0000-00000000abcd', PUBLIC_URL: 'http://ib.council.gov.uk' },
    }).catch((e: { code: number; stderr: string }) => e);
    expect(result).toMatchObject({ code: 1 });
    expect((result as { stderr: string }).stderr).toMatch(/^Cannot start: PUBLIC_URL must start with https:\/\//);
  });

  it('with an app id, a request without a valid Teams token gets 401 and nothing happens', async () => {
    const target = await freshTarget('auth');
    const server = await new BotServer({
      DATABASE_URL: databaseUrlOf(target),
      MICROSOFT_APP_ID: '00000000-0000-0000-0000-00000000abcd',
      MICROSOFT_APP_PASSWORD: 'not-a-real-secret',
    }).start();
    const connector = await new ConnectorStandIn().start();
    try {
      const res = await server.post(message(connector.url, user, 'help'));
      expect(res.status).toBe(401);
      expect(connector.calls).toHaveLength(0);
    } finally {
      await server.stop();
      await connector.stop();
      await dropTarget(target);
    }
  });

  it('with ALLOWED_TENANT_ID, activities from another tenant are ignored; uninstalling marks the chat inactive', async () => {
    const target = await freshTarget('tenant');
    const server = await new BotServer({ DATABASE_URL: databaseUrlOf(target), ALLOWED_TENANT_ID: TENANT }).start();
    const connector = await new ConnectorStandIn().start();
    try {
      const foreign = message(connector.url, user, 'help');
      await server.post({ ...foreign, conversation: { ...foreign.conversation, tenantId: 'another-tenant' }, channelData: { tenant: { id: 'another-tenant' } } });
      expect(connector.sent()).toHaveLength(0);
      await server.post(message(connector.url, user, 'help'));
      expect(connector.sent()).toHaveLength(1);

      const store = await openStore(target);
      try {
        expect((await store.db.conversation.findUniqueOrThrow({ where: { conversationId: personalChatId(user) } })).active).toBe(true);
        await server.post({ ...message(connector.url, user, ''), type: 'installationUpdate', action: 'remove' });
        expect((await store.db.conversation.findUniqueOrThrow({ where: { conversationId: personalChatId(user) } })).active).toBe(false);
      } finally {
        await store.close();
      }
    } finally {
      await server.stop();
      await connector.stop();
      await dropTarget(target);
    }
  });
});
