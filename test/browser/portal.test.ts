/**
 * The portal in Chromium against a local stack of its own (the portal built and served as
 * `npm start` serves it): a person signs up, invites a colleague, who accepts from the email in
 * the inbox; the owner sees the member, creates a device, claims and moves a SIM card and sees the
 * usage split at the move; the trial ends (the sweep), the workspace shows its disabled state,
 * and choosing a plan enables it again. Every screen is checked with axe-core; invite and accept
 * are done with the keyboard only. Screenshots land in test-artifacts/portal/.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { issueToken } from '../../infra/local/cognito.js';
import { sentEmails } from '../../infra/local/ses.js';
import { startLocalStack, type LocalStack } from '../../infra/local/stack.js';
import { newActivationCode, newIccid } from '../integration/support/sims.js';

const ARTIFACTS = join(process.cwd(), 'test-artifacts', 'portal');
const PASSWORD = 'Portal-test-1!';
const run = Math.random().toString(36).slice(2, 8);
const OWNER = { email: `owner-${run}@example.com`, givenName: 'Olga', familyName: 'Owner' };
const INVITEE = { email: `ivan-${run}@example.com`, givenName: 'Ivan', familyName: 'Invitee' };
const ORG_NAME = `Acme ${run}`;

let stack: LocalStack;
let browser: Browser;
let owner: BrowserContext;
let page: Page;
let orgId = '';
let shot = 0;

/** No serious or critical accessibility violation on what the page shows now. */
async function accessible(target: Page, screen: string): Promise<void> {
  const { violations } = await new AxeBuilder({ page: target }).analyze();
  const bad = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${screen}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

/** Accessibility check and a screenshot of the screen as it stands. */
async function screen(target: Page, name: string): Promise<void> {
  await accessible(target, name);
  shot += 1;
  await target.screenshot({ path: join(ARTIFACTS, `${String(shot).padStart(2, '0')}-${name}.png`), fullPage: true });
}

/** Presses Tab until the focused element is the control named `name` (a keyboard user's way there). */
async function tabTo(target: Page, name: RegExp, most = 60): Promise<void> {
  for (let i = 0; i < most; i++) {
    await target.keyboard.press('Tab');
    // The focused control's text, aria-label or label (a string expression: this file has no DOM types).
    const focused = await target.evaluate<string>(
      "(() => { const el = document.activeElement; if (!el) return ''; return `${el.textContent ?? ''} ${el.getAttribute('aria-label') ?? el.labels?.[0]?.textContent ?? ''}`.trim(); })()",
    );
    if (name.test(focused)) return;
  }
  throw new Error(`Tab never reached ${name}`);
}

/** The newest email to `to` whose text matches `pattern`, waiting for it to arrive. */
async function emailMatch(to: string, pattern: RegExp, subject?: string): Promise<RegExpMatchArray> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const mail = (await sentEmails(stack.info.sesEndpoint)).filter((m) => m.destination.to.includes(to) && (subject === undefined || m.subject === subject)).reverse();
    for (const m of mail) {
      const match = `${m.body.text ?? ''}\n${m.body.html ?? ''}`.match(pattern);
      if (match) return match;
    }
    if (Date.now() > deadline) throw new Error(`No email to ${to} matching ${pattern}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Fills the sign-up form, then the code from the confirmation email; ends signed in at `next`. */
async function signUpAndConfirm(target: Page, person: typeof OWNER): Promise<void> {
  await expect.poll(() => target.getByRole('heading', { name: 'Create your account' }).isVisible()).toBe(true);
  const email = target.getByLabel('Email');
  if (!(await email.inputValue())) await email.fill(person.email);
  expect(await email.inputValue()).toBe(person.email);
  await target.getByLabel('First name').fill(person.givenName);
  await target.getByLabel('Last name').fill(person.familyName);
  await target.getByLabel('Password').fill(PASSWORD);
  await target.getByRole('button', { name: 'Create account' }).click();
  await target.getByRole('heading', { name: 'Check your email' }).waitFor();
  await screen(target, `confirm-${person.givenName.toLowerCase()}`);
  const [, code] = await emailMatch(person.email, /\b(\d{6})\b/, 'Your verification code');
  await target.getByLabel('Code').fill(code!);
  await target.getByRole('button', { name: 'Confirm' }).click();
}

/** A platform operator's API call (the network feed and SIM provisioning are not portal screens). */
async function operator(path: string, body: unknown): Promise<Response> {
  const { idToken } = await issueToken(stack.info, `operator-${run}@example.com`, { groups: ['platform-operators'] });
  return fetch(`${stack.info.apiUrl}${path}`, { method: 'POST', headers: { authorization: `Bearer ${idToken}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
}

beforeAll(async () => {
  delete process.env.PORTAL_URL;
  await mkdir(ARTIFACTS, { recursive: true });
  stack = await startLocalStack({ ports: { api: 0, dynamodb: 0, cognito: 0, ses: 0, admin: 0, portal: 0 }, quiet: true, portal: true });
  browser = await chromium.launch({ executablePath: inject('chromium'), args: ['--no-sandbox'] });
  owner = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  page = await owner.newPage();
});

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

describe.sequential('the portal, end to end in Chromium', () => {
  it('signs a new person up, confirms the emailed code and onboards an organization on a 14-day trial', async () => {
    await page.goto(stack.info.portalUrl!);
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await screen(page, 'sign-in');
    await page.getByRole('link', { name: 'Create an account' }).click();
    await screen(page, 'sign-up');
    await signUpAndConfirm(page, OWNER);

    await page.getByRole('heading', { name: 'Set up your organization' }).waitFor();
    await page.getByLabel('First name').fill(OWNER.givenName);
    await page.getByLabel('Last name').fill(OWNER.familyName);
    await page.getByLabel('Organization name').fill(ORG_NAME);
    await screen(page, 'onboarding');
    await page.getByRole('button', { name: 'Create organization' }).click();

    await page.getByRole('heading', { name: `Overview · ${ORG_NAME}` }).waitFor();
    orgId = new URL(page.url()).pathname.split('/')[2]!;
    await expect.poll(() => page.getByRole('status').first().textContent()).toContain('Trial: 14 days left.');
    await page.getByRole('term').filter({ hasText: 'Workspaces' }).waitFor();
    await screen(page, 'org-overview');
  });

  it('invites a colleague with the keyboard only; the directory shows the invitation as pending', async () => {
    await page.getByRole('link', { name: 'Members' }).click();
    await page.getByRole('heading', { name: `Members · ${ORG_NAME}` }).waitFor();
    await page.getByRole('cell', { name: OWNER.email, exact: true }).waitFor();
    await page.locator('body').focus();
    await tabTo(page, /^Invite someone$/);
    await page.keyboard.press('Enter');
    await page.getByRole('dialog').waitFor();
    // The dialog focuses the email field.
    await page.keyboard.type(INVITEE.email);
    await page.keyboard.press('Tab');
    await page.keyboard.press('ArrowUp'); // admin, editor, member: from member up to editor
    await tabTo(page, /Default/);
    await page.keyboard.press('ArrowDown');
    await tabTo(page, /Message/);
    await page.keyboard.type('Welcome to the fleet.');
    await screen(page, 'invite-dialog');
    await tabTo(page, /^Send invitation$/);
    await page.keyboard.press('Enter');
    await page.getByRole('dialog').waitFor({ state: 'hidden' });

    const row = page.getByRole('row').filter({ hasText: INVITEE.email });
    await expect.poll(() => row.textContent()).toContain('Invitation pending');
    expect(await row.textContent()).toContain('editor');
    expect(await row.textContent()).toContain(`${OWNER.givenName} ${OWNER.familyName}`);
    await screen(page, 'members-pending');
  });

  it('the invitee opens the emailed link, creates the invited account and accepts with the keyboard', async () => {
    const [link] = await emailMatch(INVITEE.email, /https?:\/\/[^\s"<>]+\/invitations\/[A-Za-z0-9_-]+/);
    expect(link!.startsWith(stack.info.portalUrl!)).toBe(true);
    const invitee = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const tab = await invitee.newPage();
    await tab.goto(link!);
    await tab.getByRole('heading', { name: `Join ${ORG_NAME}` }).waitFor();
    expect(await tab.locator('main').textContent()).toContain(`invited ${INVITEE.email} to join ${ORG_NAME} as editor`);
    await screen(tab, 'invitation-landing');
    await tab.getByRole('link', { name: 'Create an account' }).click();
    await signUpAndConfirm(tab, INVITEE);

    // Back on the landing page, signed in as the invited address.
    await tab.getByRole('button', { name: 'Accept invitation' }).waitFor();
    await screen(tab, 'invitation-signed-in');
    await tab.locator('body').focus();
    await tabTo(tab, /^Accept invitation$/);
    await tab.keyboard.press('Enter');
    await tab.getByRole('heading', { name: `Overview · ${ORG_NAME}` }).waitFor();
    await invitee.close();
  });

  it('the used link explains itself, and the owner’s directory shows the member as active', async () => {
    const [link] = await emailMatch(INVITEE.email, /https?:\/\/[^\s"<>]+\/invitations\/[A-Za-z0-9_-]+/);
    const strangers = await browser.newContext();
    const stranger = await strangers.newPage();
    await stranger.goto(link!);
    await stranger.getByRole('heading', { name: 'This invitation link no longer works' }).waitFor();
    await screen(stranger, 'invitation-used');
    await strangers.close();

    await page.reload();
    const row = page.getByRole('row').filter({ hasText: INVITEE.email });
    await expect.poll(() => row.textContent()).toContain('active');
    expect(await row.textContent()).toContain(`${INVITEE.givenName} ${INVITEE.familyName}`);
    expect(await row.textContent()).not.toContain('pending');
    await screen(page, 'members-active');
  });

  it('creates a device and shows its key once', async () => {
    await page.getByRole('link', { name: 'Workspaces' }).click();
    await page.getByRole('link', { name: 'Default' }).click();
    await page.getByRole('heading', { name: `Workspace Default · ${ORG_NAME}` }).waitFor();
    await page.getByLabel('New device name').fill('sensor-1');
    await page.getByRole('button', { name: 'Create device' }).click();
    const key = page.getByRole('textbox', { name: 'Device key', exact: true });
    await key.waitFor();
    expect(await key.inputValue()).toMatch(/^\S{20,}$/);
    await screen(page, 'device-key');
    await page.getByRole('button', { name: 'I have stored it' }).click();
    await expect.poll(() => key.count()).toBe(0);
    await page.getByRole('cell', { name: 'sensor-1' }).waitFor();
  });

  it('claims a SIM, moves it to a second workspace, and the usage is billed on each side of the move', async () => {
    const card = { iccid: newIccid(), activationCode: newActivationCode() };
    expect((await operator(`/admin/orgs/${orgId}/sims`, { sims: [card] })).status).toBe(200);

    // A second workspace to move the card to.
    await page.getByRole('link', { name: 'Workspaces' }).click();
    await page.getByLabel('New workspace name').fill('Field');
    await page.getByRole('button', { name: 'Create workspace' }).click();
    await page.getByRole('link', { name: 'Field' }).waitFor();
    await page.getByRole('link', { name: 'Default' }).click();
    await page.getByRole('heading', { name: `Workspace Default · ${ORG_NAME}` }).waitFor();
    const defaultUrl = page.url();

    await page.getByLabel('ICCID').fill(card.iccid);
    await page.getByLabel('Activation code').fill(card.activationCode);
    await page.getByRole('button', { name: 'Claim SIM' }).click();
    const row = page.getByRole('row').filter({ hasText: card.iccid });
    await row.waitFor();

    // Traffic while Default holds the card, then the move, then traffic in Field.
    expect((await operator(`/sims/${card.iccid}/usage`, { at: new Date().toISOString(), bytes: 3_000_000 })).status).toBe(201);
    await page.reload();
    await expect.poll(() => page.locator('figure.chart figcaption').textContent()).toContain('3.0 MB');
    await row.getByLabel(`Move ${card.iccid} to`).selectOption({ label: 'Field' });
    await screen(page, 'workspace-sims');
    await row.getByRole('button', { name: 'Move' }).click();
    await expect.poll(() => page.getByRole('row').filter({ hasText: card.iccid }).count()).toBe(0);
    await new Promise((r) => setTimeout(r, 5));
    expect((await operator(`/sims/${card.iccid}/usage`, { at: new Date().toISOString(), bytes: 5_000_000 })).status).toBe(201);

    await page.reload();
    await expect.poll(() => page.locator('figure.chart figcaption').textContent()).toContain('3.0 MB');
    await page.getByRole('link', { name: 'Workspaces' }).click();
    await page.getByRole('link', { name: 'Field' }).click();
    await page.getByRole('heading', { name: `Workspace Field · ${ORG_NAME}` }).waitFor();
    await page.getByRole('row').filter({ hasText: card.iccid }).waitFor();
    expect(await page.getByRole('row').filter({ hasText: card.iccid }).textContent()).toContain('suspended');
    await expect.poll(() => page.locator('figure.chart figcaption').textContent()).toContain('5.0 MB');
    await screen(page, 'workspace-usage-after-move');
    await page.goto(defaultUrl);
  });

  it('when the trial ends unpaid the workspace shows its disabled state, and choosing a plan enables it again', async () => {
    // The org signed up "14 days ago": its trial ends a moment ago, and the sweep runs now.
    const [{ getOrganization }, { setTrialEnd }, { runSweep }] = await Promise.all([
      import('#db/repositories/organizations.js'),
      import('#db/repositories/trials.js'),
      import('#services/sweep.js'),
    ]);
    const now = new Date();
    const ended = new Date(Math.max(now.getTime() - 60_000, Date.parse(`${now.toISOString().slice(0, 10)}T00:00:00.000Z`) + 1));
    await setTrialEnd((await getOrganization(orgId))!, ended.toISOString(), 'portal test', now);
    expect((await runSweep({ at: new Date() })).disabledWorkspaces).toBeGreaterThanOrEqual(2);

    await page.reload();
    await page.getByRole('heading', { name: 'This workspace is disabled' }).waitFor();
    expect(await page.getByRole('alert').first().textContent()).toContain('trial ended');
    await expect.poll(() => page.getByRole('status').first().textContent()).toContain('The trial has ended');
    await screen(page, 'workspace-disabled');

    await page.getByRole('main').getByRole('link', { name: 'Choose a plan' }).first().click();
    await page.getByRole('heading', { name: `Plan · ${ORG_NAME}` }).waitFor();
    await page.getByLabel(/Pro/).check();
    await screen(page, 'plan');
    await page.getByRole('button', { name: 'Change plan' }).click();
    await page.getByRole('heading', { name: `Overview · ${ORG_NAME}` }).waitFor();
    expect(await page.locator('main').textContent()).toContain('Plan pro');

    await page.getByRole('link', { name: 'Workspaces' }).click();
    await page.getByRole('link', { name: 'Default' }).click();
    await page.getByRole('cell', { name: 'sensor-1' }).waitFor();
    await page.getByLabel('New device name').fill('sensor-2');
    await page.getByRole('button', { name: 'Create device' }).click();
    await page.getByRole('textbox', { name: 'Device key', exact: true }).waitFor();
  });
});
