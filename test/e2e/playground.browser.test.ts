import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { botAppId, createAdapter } from '../../bot/adapter.js';
import { teamsMessenger } from '../../bot/teams-messenger.js';
import { promptOwner } from '../../services/checkins/queue-prompts.js';
import { createDispatcher } from '../../services/delivery/dispatcher.js';
import { importPlan } from '../../services/import/import-plan.js';
import { projectRoot } from '../../services/project-root.js';
import { BotServer } from '../support/bot-server.js';
import { CHROMIUM, CHROMIUM_ARGS, Playground } from '../support/playground.js';
import { databaseUrlOf, testStore, type TestStore } from '../support/test-database.js';

// The Playground's user (see .m365agentsplayground.yml) is the demo plan's owner of 1.1–1.4 and 1.7.
const PLAYGROUND_USER_AAD = '00000000-0000-0000-0000-0000000000020';
const shots = mkdtempSync(join(tmpdir(), 'ib-playground-shots-'));

let store: TestStore;
let server: BotServer;
let playground: Playground;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  store = await testStore('playground');
  expect((await importPlan(store.db, join(projectRoot(), 'demo/plan'), { source: 'DEMO' })).ok).toBe(true);
  server = await new BotServer({ DATABASE_URL: databaseUrlOf(store.target) }).start();
  playground = await new Playground(server.url).start();
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
  await page.goto(playground.url);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await playground?.stop();
  await server?.stop();
  await store?.drop();
});

async function say(text: string): Promise<void> {
  // The chat box is a rich-text editor (a contenteditable div), typed into like a person would.
  const box = page.locator('[contenteditable="true"]:has(p.editor-paragraph)');
  await box.click();
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
}

describe('the check-in loop in the Agents Playground, driven in Chromium', () => {
  it('install: the welcome card greets the linked owner by name', async () => {
    await expect.poll(() => page.getByText('Hello Gateway Head').count(), { timeout: 30_000 }).toBeGreaterThan(0);
    await page.screenshot({ path: join(shots, '1-welcome.png') });
  });

  it('"update 1.1" shows the check-in card; answering it replaces the card with a receipt and stores one update', async () => {
    await say('update 1.1');
    const card = page.locator('.ac-adaptiveCard').filter({ hasText: 'Update for 1.1' }).last();
    await card.waitFor({ timeout: 30_000 });
    // The Playground renders inputs with Fluent UI: a combobox for the status, a calendar for dates.
    await card.locator('input[role=combobox]').first().click();
    await page.getByRole('option', { name: 'SLIGHT SLIPPAGE' }).click();
    await card.locator('textarea').first().fill('Workflow tracker live in the Gateway'); // What's working well?
    await card.locator('input[placeholder="Select a date..."]').click(); // 1.1 is past due: a revised date is required
    await page.getByRole('button', { name: /next month/i }).click();
    await page.getByRole('gridcell', { name: /^15/ }).first().click();
    await page.screenshot({ path: join(shots, '2-checkin.png') });
    await card.getByRole('button', { name: 'Send update' }).click();

    await expect.poll(() => page.getByText(/Update for 1\.1 recorded \d\d:\d\d, /).count(), { timeout: 30_000 }).toBeGreaterThan(0);
    await page.screenshot({ path: join(shots, '3-receipt.png') });
    const stored = await store.db.statusUpdate.findMany({ where: { milestone: { ref: '1.1' }, source: 'TEAMS' }, include: { author: true } });
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ status: 'SLIGHT_SLIPPAGE', workingWell: 'Workflow tracker live in the Gateway' });
    expect(stored[0]!.author).toMatchObject({ email: 'head.of.gateway@demo.gov.uk', aadObjectId: PLAYGROUND_USER_AAD });
  });

  it('"my milestones" lists the owner’s milestones', async () => {
    await say('my milestones');
    await expect.poll(() => page.getByText('Your milestones').count(), { timeout: 30_000 }).toBeGreaterThan(0);
  });

  it('a proactive prompt reaches the owner through the stored conversation', async () => {
    const milestone = await store.db.milestone.findFirstOrThrow({ where: { ref: '1.2' } });
    const messenger = teamsMessenger(createAdapter({ mode: 'local' }), botAppId({ mode: 'local' }));
    const result = await promptOwner(store.db, milestone.id, 'playground-cycle', new Date());
    expect(result, playground.logTail()).toMatchObject({ ok: true, queued: true });
    const dispatcher = createDispatcher({ db: store.db, dialect: store.target.dialect, messenger }, { instance: 'playground-test' });
    await dispatcher.drain();
    expect(dispatcher.stats, playground.logTail()).toMatchObject({ delivered: 1, dead: 0 });
    await expect.poll(() => page.getByText('Update for 1.2').count(), { timeout: 30_000 }).toBeGreaterThan(0);
    await page.screenshot({ path: join(shots, '4-prompt.png') });
  });
});
