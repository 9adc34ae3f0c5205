/**
 * The portal in Chromium against a local stack of its own (the portal built and served as
 * `npm start` serves it): a person signs up, invites a colleague, who accepts from the email in
 * the inbox; the owner sees the member, creates a device, claims and moves a SIM card and sees the
 * usage split at the move; the trial ends (the sweep), the workspace shows its disabled state,
 * and choosing a plan enables it again. Then the other screens in the same organization: the
 * directory's filters, search and sort, a pending invitation's role, resend and withdrawal, the
 * settings with If-Match and a 412 explained, workspace members with implicit admins, a device
 * granted to one person, streams, reports, an SSO provider and the refusal to require it, the
 * audit log's pages, moving a workspace, deleting an organization, transferring ownership and
 * leaving. Every screen is checked with axe-core; invite and accept are done with the keyboard
 * only. Screenshots land in test-artifacts/portal/.
 */
import { readFileSync } from 'node:fs';
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
    // The dialog loads the workspaces when it opens: their role fields come a moment later.
    const defaultRole = page.getByRole('dialog').getByRole('combobox', { name: /^Default/ });
    await defaultRole.waitFor();
    await tabTo(page, /Default/);
    await page.keyboard.press('ArrowDown'); // no role → admin
    expect(await defaultRole.inputValue()).toBe('admin');
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

/** The organization's own navigation (workspace screens have a second one). */
const orgNav = (name: string) => page.getByRole('navigation', { name: 'Organization' }).getByRole('link', { name, exact: true });
const workspaceNav = (name: string) => page.getByRole('navigation', { name: 'Workspace' }).getByRole('link', { name, exact: true });
/** The directory's email column, top to bottom. */
const emailColumn = () => page.locator('table tbody tr td:nth-child(2)').allTextContents();
const ZOE = `zoe-${run}@example.com`;
const ADAM = `adam-${run}@example.com`;
const SECOND_ORG = `Beta ${run}`;

/** As if the invitation to `email` had last been sent two minutes ago (the resend limit is once a minute). */
async function sentTwoMinutesAgo(email: string): Promise<void> {
  const [{ db, tableName }, { keys }, { UpdateCommand }] = await Promise.all([import('#db/client.js'), import('#db/keys.js'), import('@aws-sdk/lib-dynamodb')]);
  const invitations = await page.evaluate<{ items: { id: string; email: string }[] }>(
    `(async () => { const s = JSON.parse(sessionStorage.getItem('tenancy.session')); return (await fetch('${stack.info.apiUrl}/orgs/${orgId}/invitations?status=pending', { headers: { authorization: 'Bearer ' + s.idToken } })).json(); })()`,
  );
  const invitation = invitations.items.find((i) => i.email === email)!;
  await db.send(new UpdateCommand({ TableName: tableName(), Key: keys.invitation(orgId, invitation.id), UpdateExpression: 'SET lastSentAt = :at', ExpressionAttributeValues: { ':at': new Date(Date.now() - 120_000).toISOString() } }));
}

async function inviteWithDialog(email: string, role: 'admin' | 'editor' | 'member'): Promise<void> {
  await page.getByRole('button', { name: 'Invite someone' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Email').fill(email);
  await dialog.getByLabel('Organization role').selectOption(role);
  await dialog.getByRole('button', { name: 'Send invitation' }).click();
  await dialog.waitFor({ state: 'hidden' });
  await page.getByRole('row').filter({ hasText: email }).waitFor();
}

describe.sequential('the portal’s other screens, in the same organization', () => {
  it('filters, searches and sorts the directory; a pending invitation changes role, is resent and withdrawn', async () => {
    await orgNav('Members').click();
    await page.getByRole('heading', { name: `Members · ${ORG_NAME}` }).waitFor();
    await inviteWithDialog(ZOE, 'member');
    await inviteWithDialog(ADAM, 'admin');

    await page.getByRole('combobox', { name: /^Status/ }).selectOption('pending');
    await expect.poll(emailColumn).toEqual(expect.arrayContaining([ZOE, ADAM]));
    expect((await emailColumn()).length).toBe(2);
    expect(page.url()).toContain('status=pending'); // the filtered view is a shareable link
    await page.getByRole('combobox', { name: /^Status/ }).selectOption('');
    await page.getByRole('combobox', { name: /^Role/ }).selectOption('editor');
    await expect.poll(emailColumn).toEqual([INVITEE.email]);
    await page.getByRole('combobox', { name: /^Role/ }).selectOption('');
    await page.getByRole('combobox', { name: /^Sort by/ }).selectOption('email');
    await expect.poll(emailColumn).toEqual([ADAM, INVITEE.email, OWNER.email, ZOE]);
    await page.getByRole('combobox', { name: /^Order/ }).selectOption('desc');
    await expect.poll(emailColumn).toEqual([ZOE, OWNER.email, INVITEE.email, ADAM]);
    await screen(page, 'members-sorted');
    await page.getByRole('combobox', { name: /^Order/ }).selectOption('');
    await page.getByRole('searchbox', { name: /^Search members/ }).fill('zoe');
    await page.getByRole('searchbox', { name: /^Search members/ }).press('Enter');
    await expect.poll(emailColumn).toEqual([ZOE]);

    const zoe = page.getByRole('row').filter({ hasText: ZOE });
    await zoe.getByRole('combobox', { name: new RegExp(`^Invitation role of ${ZOE}`) }).selectOption('editor');
    await zoe.getByRole('button', { name: 'Change' }).click();
    await expect.poll(() => zoe.getByRole('status').textContent()).toContain('Role changed to editor.');
    await expect.poll(() => zoe.locator('td:nth-child(3)').textContent()).toBe('editor');

    const [firstLink] = await emailMatch(ZOE, /https?:\/\/[^\s"<>]+\/invitations\/([A-Za-z0-9_-]+)/);
    // A resend within a minute of the last send is refused, and the screen says why (the problem's detail).
    await zoe.getByRole('button', { name: 'Resend' }).click();
    await expect.poll(() => zoe.getByRole('alert').textContent()).toContain('This invitation was sent less than a minute ago.');
    await sentTwoMinutesAgo(ZOE);
    await zoe.getByRole('button', { name: 'Resend' }).click();
    await expect.poll(() => zoe.getByRole('status').textContent()).toContain('Sent again');
    await expect.poll(async () => (await emailMatch(ZOE, /https?:\/\/[^\s"<>]+\/invitations\/([A-Za-z0-9_-]+)/))[0]).not.toBe(firstLink);
    // The first link stopped working when the invitation was resent.
    expect((await fetch(`${stack.info.apiUrl}/invitations/${firstLink!.split('/').pop()}`)).status).toBe(404);
    await screen(page, 'members-pending-actions');

    page.once('dialog', (d) => void d.accept());
    await zoe.getByRole('button', { name: 'Withdraw' }).click();
    await expect.poll(emailColumn).toEqual([]);
    expect(await page.getByRole('cell', { name: 'Nobody matches.' }).count()).toBe(1);
  });

  it('edits the organization’s profile and branding with If-Match, and explains a change made meanwhile', async () => {
    await orgNav('Settings').click();
    await page.getByRole('heading', { name: `Settings · ${ORG_NAME}` }).waitFor();
    await page.getByLabel('Description').fill('Pumps and sensors');
    await page.getByLabel('Primary colour').fill('#aa3300');
    await page.getByLabel('Email footer').fill('Acme GmbH, Berlin');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByRole('status').filter({ hasText: 'Settings saved.' }).waitFor();
    await page.reload();
    await expect.poll(() => page.getByLabel('Description').inputValue()).toBe('Pumps and sensors');
    expect(await page.getByLabel('Primary colour').inputValue()).toBe('#aa3300');
    await screen(page, 'org-settings');

    // Someone else changes the organization after this page loaded: the save answers 412.
    const changed = await page.evaluate<number>(
      `(async () => { const s = JSON.parse(sessionStorage.getItem('tenancy.session')); const r = await fetch('${stack.info.apiUrl}/orgs/${orgId}', { method: 'PATCH', headers: { authorization: 'Bearer ' + s.idToken, 'content-type': 'application/json' }, body: JSON.stringify({ description: 'Changed elsewhere' }) }); return r.status; })()`,
    );
    expect(changed).toBe(200);
    await page.getByLabel('Description').fill('Mine');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect.poll(() => page.getByRole('alert').first().textContent()).toContain('Someone changed this since you opened it');
    await page.reload();
    await expect.poll(() => page.getByLabel('Description').inputValue()).toBe('Changed elsewhere');
  });

  it('shows implicit admins among a workspace’s members, changes and removes a role, grants one device to someone with no role there, and manages streams', async () => {
    await orgNav('Workspaces').click();
    await page.getByRole('link', { name: 'Default', exact: true }).click();
    await page.getByRole('heading', { name: `Workspace Default · ${ORG_NAME}` }).waitFor();
    await workspaceNav('Members').click();
    await page.getByRole('heading', { name: `Members of Default · ${ORG_NAME}` }).waitFor();
    const ownerRow = page.getByRole('row').filter({ hasText: OWNER.email });
    await expect.poll(() => ownerRow.textContent()).toContain('admin (implicit, through the organization)');
    const ivan = page.getByRole('row').filter({ hasText: INVITEE.email });
    await expect.poll(() => ivan.locator('td:nth-child(4)').textContent()).toBe('admin'); // chosen in the invitation
    await ivan.getByRole('combobox', { name: new RegExp(`^Workspace role of ${INVITEE.email}`) }).selectOption('viewer');
    await ivan.getByRole('button', { name: 'Change' }).click();
    await expect.poll(() => ivan.locator('td:nth-child(4)').textContent()).toBe('viewer');
    await screen(page, 'workspace-members');
    // Out of the workspace: the colleague can be given a role here again, or one device alone (below).
    await ivan.getByRole('button', { name: 'Remove' }).click();
    await expect.poll(() => ivan.count()).toBe(0);
    await page.getByRole('combobox', { name: /^Member/ }).locator('option', { hasText: INVITEE.email }).waitFor({ state: 'attached' });

    await workspaceNav('Overview').click();
    await page.getByRole('link', { name: 'sensor-1' }).click();
    await page.getByRole('heading', { name: `Device sensor-1 in Default · ${ORG_NAME}` }).waitFor();
    await page.getByRole('cell', { name: 'Nobody holds access to this device alone.' }).waitFor();
    await page.getByRole('combobox', { name: /^Person/ }).selectOption({ label: INVITEE.email });
    await page.getByRole('combobox', { name: /^Access/ }).selectOption('write');
    await page.getByRole('button', { name: 'Grant access' }).click();
    const granted = page.getByRole('row').filter({ hasText: INVITEE.email });
    await expect.poll(() => granted.locator('td:nth-child(2)').textContent()).toBe('write');
    await screen(page, 'device-grants');
    await page.reload(); // listed by the API, not remembered by the page
    await expect.poll(() => granted.locator('td:nth-child(2)').textContent()).toBe('write');
    await granted.getByRole('button', { name: 'Revoke' }).click();
    await page.getByRole('cell', { name: 'Nobody holds access to this device alone.' }).waitFor();

    await workspaceNav('Streams').click();
    await page.getByRole('heading', { name: `Streams of Default · ${ORG_NAME}` }).waitFor();
    await page.getByLabel('New stream name').fill('telemetry');
    await page.getByLabel('Description (optional)').fill('Pump pressure');
    await page.getByRole('button', { name: 'Create stream' }).click();
    await page.getByRole('cell', { name: 'telemetry', exact: true }).waitFor();
    await screen(page, 'streams');
    await page.getByLabel('New stream name').fill('scratch');
    await page.getByRole('button', { name: 'Create stream' }).click();
    await page.getByRole('cell', { name: 'scratch', exact: true }).waitFor();
    page.once('dialog', (d) => void d.accept());
    await page.getByRole('row').filter({ hasText: 'scratch' }).getByRole('button', { name: 'Delete' }).click();
    await expect.poll(() => page.getByRole('cell', { name: 'scratch', exact: true }).count()).toBe(0);
  });

  it('reports across workspaces, registers an SSO provider, refuses to require it of a token without it, and pages the audit log', async () => {
    await orgNav('Reports').click();
    await page.getByRole('heading', { name: `Reports · ${ORG_NAME}` }).waitFor();
    const body = page.locator('table tbody');
    await expect.poll(() => body.getByRole('row').count()).toBe(2);
    // Members, devices, SIM cards and traffic of Default and Field together: nobody explicit (the
    // colleague left Default above); sensor-1 and -2; the moved card, 3 MB + 5 MB.
    await expect.poll(() => page.locator('table tfoot td').allTextContents()).toEqual(['0', '2', '1', '8.0 MB']);
    await page.getByRole('checkbox', { name: /Field/ }).check();
    await expect.poll(() => body.getByRole('row').count()).toBe(1);
    expect(await body.textContent()).toContain('Field');
    await screen(page, 'reports');

    await orgNav('Single sign-on').click();
    const provider = `corp-${run}`;
    await page.getByLabel('Provider name').fill(provider);
    await page.getByLabel('Metadata URL').fill('https://idp.example.com/saml/metadata');
    await page.getByRole('button', { name: 'Add provider' }).click();
    const row = page.getByRole('row').filter({ hasText: provider });
    await expect.poll(() => row.textContent()).toContain('active');
    await screen(page, 'sso-providers');

    await orgNav('Workspaces').click();
    await page.getByRole('link', { name: 'Default', exact: true }).click();
    await workspaceNav('Settings').click();
    await page.getByRole('heading', { name: `Settings of Default · ${ORG_NAME}` }).waitFor();
    await page.getByLabel('Require single sign-on').check();
    await expect.poll(() => page.getByLabel('Identity provider').locator('option').count()).toBe(2);
    await page.getByLabel('Identity provider').selectOption(provider);
    await page.getByRole('button', { name: 'Save single sign-on' }).click();
    await expect.poll(() => page.getByRole('alert').first().textContent()).toContain(`Sign in through ${provider} before requiring it`);
    await screen(page, 'workspace-settings');

    await orgNav('Audit log').click();
    await page.getByRole('heading', { name: `Audit log · ${ORG_NAME}` }).waitFor();
    await expect.poll(() => page.locator('table tbody tr').count()).toBe(25);
    const firstRows = await page.locator('table tbody tr').allTextContents();
    expect(firstRows[0]).toContain('identity_provider'); // newest first
    await screen(page, 'audit-log');
    await page.getByRole('button', { name: 'Next page' }).click();
    await expect.poll(async () => (await page.locator('table tbody tr').allTextContents())[0]).not.toBe(firstRows[0]);
    const secondRows = await page.locator('table tbody tr').allTextContents();
    expect(secondRows.some((r) => firstRows.includes(r))).toBe(false);
    await page.getByRole('button', { name: 'Previous page' }).click();
    await expect.poll(() => page.locator('table tbody tr').allTextContents()).toEqual(firstRows);
  });

  it('moves a workspace to a second organization, deletes that one, hands the first to the colleague, and leaves it', async () => {
    await page.getByRole('link', { name: 'New organization' }).click();
    await page.getByLabel('Organization name').fill(SECOND_ORG);
    await page.getByRole('button', { name: 'Create organization' }).click();
    await page.getByRole('heading', { name: `Overview · ${SECOND_ORG}` }).waitFor();
    const secondId = new URL(page.url()).pathname.split('/')[2]!;

    await page.goto(`${stack.info.portalUrl}/orgs/${orgId}/workspaces`);
    await page.getByRole('link', { name: 'Field', exact: true }).click();
    await workspaceNav('Settings').click();
    await page.getByRole('heading', { name: `Settings of Field · ${ORG_NAME}` }).waitFor();
    await page.getByLabel('Target organization').selectOption({ label: SECOND_ORG });
    page.once('dialog', (d) => void d.accept());
    await page.getByRole('button', { name: 'Move the workspace' }).click();
    await page.getByRole('status').filter({ hasText: 'Moved.' }).waitFor();
    await page.goto(`${stack.info.portalUrl}/orgs/${secondId}/workspaces`);
    await page.getByRole('link', { name: 'Field', exact: true }).waitFor();

    await orgNav('Settings').click();
    await page.getByRole('heading', { name: `Settings · ${SECOND_ORG}` }).waitFor();
    await page.getByRole('button', { name: 'Delete the organization' }).click();
    await expect.poll(() => page.getByRole('alert').first().textContent()).toContain(`Type “${SECOND_ORG}” to confirm.`);
    await page.getByLabel(`Type “${SECOND_ORG}” to confirm`).fill(SECOND_ORG);
    await screen(page, 'org-delete');
    await page.getByRole('button', { name: 'Delete the organization' }).click();
    await page.getByRole('heading', { name: `Overview · ${ORG_NAME}` }).waitFor();
    expect((await page.getByRole('navigation', { name: 'Organization' }).isVisible())).toBe(true);

    await orgNav('Settings').click();
    await page.getByLabel('New owner').selectOption({ label: `${INVITEE.givenName} ${INVITEE.familyName} (${INVITEE.email}, editor)` });
    page.once('dialog', (d) => void d.accept());
    await page.getByRole('button', { name: 'Transfer ownership' }).click();
    await page.getByRole('heading', { name: 'Leave the organization' }).waitFor();
    expect(await page.getByRole('button', { name: 'Delete the organization' }).count()).toBe(0);
    await orgNav('Members').click();
    await expect.poll(() => page.getByRole('row').filter({ hasText: INVITEE.email }).locator('td:nth-child(3)').textContent()).toBe('owner');
    await orgNav('Settings').click();
    await page.getByRole('button', { name: 'Leave the organization' }).click();
    await page.getByRole('heading', { name: 'No organization yet' }).waitFor();
    await screen(page, 'no-organization');
  });
});

describe.sequential('the managed login: authorization code with PKCE', () => {
  const login = () => stack.info.managedLoginUrl!;
  const callback = () => `${stack.info.portalUrl}/auth/callback`;
  const form = (fields: Record<string, string>) => ({ method: 'POST', redirect: 'manual' as const, headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields).toString() });

  function authorizeUrl(fields: Record<string, string>): string {
    const url = new URL('/oauth2/authorize', login());
    url.search = new URLSearchParams({ response_type: 'code', client_id: stack.info.clientId, redirect_uri: callback(), scope: 'openid email profile', state: 's1', code_challenge_method: 'S256', ...fields }).toString();
    return url.toString();
  }

  /** Through the sign-in page as a browser would, without one: the code the redirect carries. */
  async function codeFor(challenge: string, password = PASSWORD): Promise<Response> {
    const html = await (await fetch(authorizeUrl({ code_challenge: challenge }))).text();
    const request = /name="request" value="([^"]+)"/.exec(html)![1]!;
    return fetch(new URL('/login', login()), form({ request, username: INVITEE.email, password }));
  }
  const tokenFixture = (name: string): Record<string, unknown> => JSON.parse(readFileSync(join(process.cwd(), 'test/fixtures/cognito', `oauth2-token-${name}.json`), 'utf8')) as Record<string, unknown>;
  const codeOf = (res: Response) => new URL(res.headers.get('location')!).searchParams.get('code')!;
  const exchange = (code: string, verifier: string, redirectUri = callback()) =>
    fetch(new URL('/oauth2/token', login()), form({ grant_type: 'authorization_code', client_id: stack.info.clientId, code, redirect_uri: redirectUri, code_verifier: verifier }));

  it('signs the colleague in through the managed login, refreshes through its token endpoint and signs out through it', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const tab = await context.newPage();
    const requests: string[] = [];
    tab.on('request', (r) => requests.push(r.url()));
    await tab.goto(`${stack.info.portalUrl}/orgs/${orgId}/members`);
    await tab.getByRole('button', { name: 'Continue to sign-in' }).click();
    await tab.waitForURL((url) => url.origin === new URL(login()).origin);
    const sent = new URL(tab.url()).searchParams;
    expect(sent.get('code_challenge_method')).toBe('S256');
    expect(sent.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(sent.get('redirect_uri')).toBe(callback());
    expect(tab.url()).not.toContain('code_verifier');
    await screen(tab, 'managed-login');
    await tab.getByLabel('Email').fill(INVITEE.email);
    await tab.getByLabel('Password').fill(PASSWORD);
    await tab.getByRole('button', { name: 'Sign in' }).click();
    // Back at the page that asked for a session, through /auth/callback.
    await tab.getByRole('heading', { name: `Members · ${ORG_NAME}` }).waitFor();
    expect(requests.some((u) => u.startsWith(callback()))).toBe(true);
    const session = JSON.parse((await tab.evaluate<string | null>("sessionStorage.getItem('tenancy.session')"))!) as { via: string; expiresAt: number; refreshToken: string };
    expect(session.via).toBe('managed');
    expect(session.refreshToken).not.toBe('');
    expect(await tab.evaluate<string | null>("sessionStorage.getItem('tenancy.pkce')")).toBeNull();

    // An ID token about to expire is refreshed at once, through the token endpoint.
    await tab.evaluate(`(() => { const s = JSON.parse(sessionStorage.getItem('tenancy.session')); s.expiresAt = Date.now() + 30000; sessionStorage.setItem('tenancy.session', JSON.stringify(s)); })()`);
    await tab.reload();
    await expect.poll(async () => (JSON.parse((await tab.evaluate<string | null>("sessionStorage.getItem('tenancy.session')"))!) as { expiresAt: number }).expiresAt - Date.now()).toBeGreaterThan(30 * 60_000);
    expect(requests.filter((u) => u === `${login()}/oauth2/token`).length).toBe(2); // the code, then the refresh

    await tab.getByRole('button', { name: 'Sign out' }).click();
    await tab.getByRole('heading', { name: 'Sign in' }).waitFor();
    expect(requests.some((u) => u.startsWith(`${login()}/logout?`))).toBe(true);
    expect(await tab.evaluate<string | null>("sessionStorage.getItem('tenancy.session')")).toBeNull();
    await context.close();
  });

  it('says why a sign-in did not complete: a callback this tab did not start, and SSO, which the local stand-in cannot federate', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const tab = await context.newPage();
    await tab.goto(`${stack.info.portalUrl}/auth/callback?code=forged&state=forged`);
    await expect.poll(() => tab.getByRole('alert').textContent()).toContain('This sign-in was not started in this tab.');
    expect(await tab.evaluate<string | null>("sessionStorage.getItem('tenancy.session')")).toBeNull();

    await tab.goto(`${stack.info.portalUrl}/sign-in`);
    await tab.getByLabel('Your organization’s provider name').fill(`corp-${run}`);
    await tab.getByRole('button', { name: 'Sign in with single sign-on' }).click();
    await tab.waitForURL((url) => url.pathname === '/auth/callback');
    await expect.poll(() => tab.getByRole('alert').textContent()).toContain('federation is not available in the local stack');
    await screen(tab, 'sign-in-refused');
    await context.close();
  });

  it('a code works once, only with its verifier and its redirect URI; a challenge is S256, the redirect a callback URL', async () => {
    const { randomString, challengeOf } = await import('../../portal/src/pkce.js');
    const verifier = randomString(32);
    const challenge = await challengeOf(verifier);

    const wrongPassword = await codeFor(challenge, 'not-the-password');
    expect(wrongPassword.status).toBe(401);
    expect(await wrongPassword.text()).toContain('Incorrect username or password.');

    const first = codeOf(await codeFor(challenge));
    expect(await (await exchange(first, randomString(32))).json()).toEqual({ error: 'invalid_grant' });
    // Spent by the failed exchange: the right verifier comes too late.
    expect(await (await exchange(first, verifier)).json()).toEqual({ error: 'invalid_grant' });
    expect(await (await exchange(codeOf(await codeFor(challenge)), verifier, `${stack.info.portalUrl}/elsewhere`)).json()).toEqual({ error: 'invalid_grant' });

    const good = await exchange(codeOf(await codeFor(challenge)), verifier);
    expect(good.status).toBe(200);
    const tokens = (await good.json()) as { id_token: string; refresh_token: string; token_type: string };
    // The keys Cognito's token endpoint answers (test/fixtures/cognito/).
    expect(Object.keys(tokens).sort()).toEqual(Object.keys(tokenFixture('authorization-code')).sort());
    expect(tokens.token_type).toBe('Bearer');
    const refreshed = await fetch(new URL('/oauth2/token', login()), form({ grant_type: 'refresh_token', client_id: stack.info.clientId, refresh_token: tokens.refresh_token }));
    expect(refreshed.status).toBe(200);
    expect(Object.keys((await refreshed.json()) as object).sort()).toEqual(Object.keys(tokenFixture('refresh')).sort());
    expect(Object.keys((await (await exchange('no-such-code', verifier)).json()) as object)).toEqual(Object.keys(tokenFixture('error')));
    const me = await fetch(`${stack.info.apiUrl}/me`, { headers: { authorization: `Bearer ${tokens.id_token}` } });
    expect(me.status).toBe(200);
    expect(((await me.json()) as { user: { email: string } }).user.email).toBe(INVITEE.email);

    // A challenge sent binds the code to its verifier; plain is not a method Cognito offers.
    const plain = await fetch(authorizeUrl({ code_challenge: challenge, code_challenge_method: 'plain' }), { redirect: 'manual' });
    expect(new URL(plain.headers.get('location')!).searchParams.get('error')).toBe('invalid_request');
    // A redirect URI that is not the client's callback is never redirected to.
    const foreign = await fetch(authorizeUrl({ code_challenge: challenge, redirect_uri: 'https://evil.example/callback' }), { redirect: 'manual' });
    expect(foreign.status).toBe(400);
    expect(foreign.headers.get('location')).toBeNull();
  });
});
