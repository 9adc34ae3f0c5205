/**
 * `npm run demo`: fills the running local stack with a small, realistic world — two
 * organizations with owners, admins, editors and members, invitations in each state the API can
 * make, workspaces (one behind SSO, one organization's trial ended), devices with grants,
 * streams, SIMs with usage before and after a transfer — and prints who is who and how to sign
 * in as each. Everything goes through the API, as the portal would, with the local pool's tokens
 * (`npm run token`'s machinery). The one step that is no API call is the end of Globex's trial:
 * in AWS the scheduled sweep ends trials, so the demo runs `npm run sweep -- --at` at that
 * trial's end. It looks up what exists by name before it creates anything, so a second run
 * changes nothing.
 */
import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { luhnValid } from '#domain/sims.js';
import { issueToken, OPERATORS_GROUP } from './cognito.js';
import { issueFederatedToken } from './federation.js';
import { sentEmails } from './ses.js';
import { readStackInfo, type StackInfo } from './stack.js';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const REPO = fileURLToPath(new URL('../../', import.meta.url));

// ── The world ────────────────────────────────────────────────────────────────

interface Person {
  email: string;
  givenName: string;
  familyName: string;
}

type OrgRole = 'admin' | 'editor' | 'member';
type WsRole = 'admin' | 'editor' | 'viewer';

/** An invitation as the demo wants it to end up. */
interface InvitationPlan {
  person: Person;
  role: OrgRole;
  /** Workspace roles the invitation carries, by workspace name. */
  workspaces?: [string, WsRole][];
  /** accepted: a member now; pending: 7 days to go; short: the shortest expiry (1 day); withdrawn. */
  outcome: 'accepted' | 'pending' | 'short' | 'withdrawn';
}

interface DeviceDef {
  workspace: string;
  name: string;
  description: string;
  /** A data point sent with the device key right after it is created (the key is shown only then). */
  sends?: { stream: string; body: Record<string, unknown> };
}

interface OrgDef {
  name: string;
  owner: Person;
  /** Workspaces besides `Default`. */
  workspaces: string[];
  invitations: InvitationPlan[];
  streams: [string, string][];
  devices: DeviceDef[];
}

const person = (email: string, givenName: string, familyName: string): Person => ({ email, givenName, familyName });

const OLIVIA = person('olivia@acme.example', 'Olivia', 'Owens');
const ADAM = person('adam@acme.example', 'Adam', 'Archer');
const EDITH = person('edith@acme.example', 'Edith', 'Ellis');
const MAX = person('max@acme.example', 'Max', 'Miller');
const GINA = person('gina@globex.example', 'Gina', 'Grant');
const OPERATOR = person('ops@demo.example', 'Oscar', 'Operator');

const ACME_SSO_PROVIDER = 'AcmeSAML';
const FIELD = 'Field Sensors';

const ACME: OrgDef = {
  name: 'Acme Robotics',
  owner: OLIVIA,
  workspaces: ['Lab', FIELD],
  invitations: [
    { person: ADAM, role: 'admin', outcome: 'accepted' },
    { person: EDITH, role: 'editor', workspaces: [['Lab', 'editor']], outcome: 'accepted' },
    { person: MAX, role: 'member', workspaces: [['Lab', 'viewer']], outcome: 'accepted' },
    { person: person('paula@acme.example', 'Paula', 'Price'), role: 'member', workspaces: [['Default', 'viewer']], outcome: 'pending' },
    { person: person('eve@acme.example', 'Eve', 'Evans'), role: 'editor', outcome: 'short' },
    { person: person('dan@acme.example', 'Dan', 'Dunn'), role: 'member', outcome: 'withdrawn' },
  ],
  streams: [['Default', 'temperature'], ['Default', 'vibration'], [FIELD, 'door-events']],
  devices: [
    { workspace: 'Default', name: 'press-01', description: 'Hydraulic press, hall 1', sends: { stream: 'temperature', body: { celsius: 48.5 } } },
    { workspace: 'Default', name: 'press-02', description: 'Hydraulic press, hall 2' },
    { workspace: 'Lab', name: 'prototype-x', description: 'Gripper prototype' },
    { workspace: FIELD, name: 'gate-north', description: 'North gate sensor', sends: { stream: 'door-events', body: { open: true } } },
  ],
};

const GLOBEX: OrgDef = {
  name: 'Globex Logistics',
  owner: GINA,
  workspaces: ['Fleet'],
  invitations: [
    { person: person('hank@globex.example', 'Hank', 'Hill'), role: 'admin', outcome: 'accepted' },
    { person: person('ivy@globex.example', 'Ivy', 'Irwin'), role: 'editor', workspaces: [['Fleet', 'editor']], outcome: 'accepted' },
    { person: person('jack@globex.example', 'Jack', 'Jones'), role: 'member', workspaces: [['Fleet', 'viewer']], outcome: 'accepted' },
    // Someone of another organization: one person, two organizations, one sign-in.
    { person: ADAM, role: 'member', workspaces: [['Fleet', 'viewer']], outcome: 'accepted' },
    { person: person('kim@globex.example', 'Kim', 'King'), role: 'member', outcome: 'pending' },
  ],
  streams: [['Fleet', 'gps']],
  devices: [{ workspace: 'Fleet', name: 'truck-07', description: 'Delivery truck 7', sends: { stream: 'gps', body: { lat: 52.37, lon: 4.89 } } }],
};

/** A valid ICCID (19 digits, the last a Luhn check digit) from an 18-digit body. */
function iccid(body: string): string {
  for (let digit = 0; digit <= 9; digit += 1) if (luhnValid(`${body}${digit}`)) return `${body}${digit}`;
  throw new Error(`No Luhn digit for ${body}`);
}

const SIMS = {
  /** Claimed into Default on press-01, used, transferred to Lab, used again. */
  moved: { iccid: iccid('894450010000000001'), activationCode: 'ACME-0001-PRES' },
  /** Claimed into Field Sensors on gate-north. */
  field: { iccid: iccid('894450010000000002'), activationCode: 'ACME-0002-GATE' },
  /** Provisioned to Acme, not claimed yet: what a new card in the drawer looks like. */
  spare: { iccid: iccid('894450010000000003'), activationCode: 'ACME-0003-SPAR' },
};
const USAGE_BEFORE = 1_200_000;
const USAGE_AFTER = 300_000;

// ── The API, as the portal calls it ─────────────────────────────────────────

interface Problem {
  status: number;
  code?: string;
  detail?: string;
}

class ApiError extends Error {
  constructor(readonly status: number, readonly problem: Problem | undefined, what: string) {
    super(`${what}: ${status} ${problem?.code ?? ''} ${problem?.detail ?? ''}`.trim());
  }
}

/** An answer of the API, read loosely: the demo checks what it relies on. */
type Json = Record<string, any>;

interface DemoResult {
  /** Writes the demo made (0 on a second run). */
  changes: string[];
  report: string;
}

class Demo {
  readonly changes: string[] = [];
  private readonly tokens = new Map<string, Promise<string>>();

  constructor(readonly info: StackInfo) {}

  async call(token: string | undefined, method: string, path: string, body?: unknown): Promise<Json> {
    const response = await fetch(`${this.info.apiUrl}${path}`, {
      method,
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    const json = text === '' ? {} : (JSON.parse(text) as Json);
    if (!response.ok) throw new ApiError(response.status, json as Problem, `${method} ${path}`);
    return json;
  }

  get = (token: string, path: string): Promise<Json> => this.call(token, 'GET', path);

  /** A write: made, and counted. */
  async write(token: string, method: string, path: string, body: unknown, what: string): Promise<Json> {
    const answer = await this.call(token, method, path, body);
    this.changes.push(what);
    return answer;
  }

  /** Every item of a list, page after page. */
  async all(token: string, path: string): Promise<Json[]> {
    const items: Json[] = [];
    let cursor: string | null = null;
    do {
      const separator = path.includes('?') ? '&' : '?';
      const page: Json = await this.get(token, `${path}${separator}limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      items.push(...(page.items as Json[]));
      cursor = page.nextCursor as string | null;
    } while (cursor);
    return items;
  }

  /** A person's ID token (verified email, their names, no groups). */
  token(p: Person): Promise<string> {
    return this.cached(`password:${p.email}`, async () => (await issueToken(this.info, p.email, { givenName: p.givenName, familyName: p.familyName, groups: [] })).idToken);
  }

  /** The token after a sign-in through the organization's own SAML provider (what an SSO workspace asks for). */
  ssoToken(p: Person, provider: string): Promise<string> {
    return this.cached(`${provider}:${p.email}`, async () => (await issueFederatedToken(this.info, p.email, { provider, givenName: p.givenName, familyName: p.familyName, groups: [] })).idToken);
  }

  operatorToken(): Promise<string> {
    return this.cached('operator', async () => (await issueToken(this.info, OPERATOR.email, { givenName: OPERATOR.givenName, familyName: OPERATOR.familyName, groups: [OPERATORS_GROUP] })).idToken);
  }

  private cached(key: string, issue: () => Promise<string>): Promise<string> {
    let token = this.tokens.get(key);
    if (token === undefined) {
      token = issue();
      this.tokens.set(key, token);
    }
    return token;
  }

  /** The newest invitation link emailed to `email` for `orgName`, if the inbox still has it (mail does not survive a restart). */
  async invitationToken(email: string, orgName: string): Promise<string | undefined> {
    const mails = (await sentEmails(this.info.sesEndpoint)).filter(
      (m) => m.destination.to.includes(email) && m.subject.endsWith(` invited you to ${orgName}`),
    );
    return mails.at(-1)?.body.text?.match(/invitations\/([\w-]+)/)?.[1];
  }
}

// ── Building it ─────────────────────────────────────────────────────────────

interface BuiltOrg {
  def: OrgDef;
  id: string;
  ownerToken: string;
  workspaces: Map<string, Json>;
  members: Json[];
  invitations: Json[];
}

/** The owner's organization of that name: signed up (with `Default`) or created if missing. */
async function ensureOrg(demo: Demo, def: OrgDef): Promise<BuiltOrg> {
  const owner = await demo.token(def.owner);
  let me: Json;
  try {
    me = await demo.get(owner, '/me');
  } catch (error) {
    if (!(error instanceof ApiError) || error.status !== 404) throw error;
    me = await demo.write(owner, 'POST', '/signup', { givenName: def.owner.givenName, familyName: def.owner.familyName, organizationName: def.name }, `signed ${def.owner.email} up with ${def.name}`);
  }
  let org = (me.organizations as Json[]).find((o) => o.name === def.name && o.role === 'owner');
  if (org === undefined) {
    org = await demo.write(owner, 'POST', '/orgs', { name: def.name }, `created ${def.name}`);
    // POST /orgs makes no workspace: the demo's organizations all have a Default one.
    await demo.write(owner, 'POST', `/orgs/${org.id}/workspaces`, { name: 'Default' }, `created ${def.name} / Default`);
  }
  return { def, id: org.id as string, ownerToken: owner, workspaces: new Map(), members: [], invitations: [] };
}

async function ensureWorkspaces(demo: Demo, org: BuiltOrg, token: string): Promise<void> {
  const existing = await demo.all(token, `/orgs/${org.id}/workspaces`);
  for (const name of ['Default', ...org.def.workspaces]) {
    let workspace = existing.find((w) => w.name === name);
    workspace ??= await demo.write(token, 'POST', `/orgs/${org.id}/workspaces`, { name }, `created ${org.def.name} / ${name}`);
    org.workspaces.set(name, workspace);
  }
}

const wsId = (org: BuiltOrg, name: string): string => {
  const workspace = org.workspaces.get(name);
  if (workspace === undefined) throw new Error(`${org.def.name} has no workspace ${name}`);
  return workspace.id as string;
};

async function ensureInvitations(demo: Demo, org: BuiltOrg): Promise<void> {
  const token = org.ownerToken;
  const members = await demo.all(token, `/orgs/${org.id}/members?status=active`);
  const invitations = await demo.all(token, `/orgs/${org.id}/invitations`);
  for (const plan of org.def.invitations) {
    const { email } = plan.person;
    if (members.some((m) => m.email === email)) continue;
    const mine = invitations.filter((i) => i.email === email);
    if (plan.outcome === 'withdrawn' && mine.some((i) => i.status === 'withdrawn')) continue;
    if (plan.outcome === 'short' && mine.some((i) => i.status === 'pending' || i.status === 'expired')) continue;
    let pending = mine.find((i) => i.status === 'pending');
    if (plan.outcome === 'pending' && pending !== undefined) continue;
    const body = {
      email,
      role: plan.role,
      workspaces: (plan.workspaces ?? []).map(([name, role]) => ({ workspaceId: wsId(org, name), role })),
      message: `Welcome to ${org.def.name}!`,
      ...(plan.outcome === 'short' ? { expiresInDays: 1 } : {}),
    };
    pending ??= await demo.write(token, 'POST', `/orgs/${org.id}/invitations`, body, `invited ${email} to ${org.def.name} as ${plan.role}`);
    if (plan.outcome === 'withdrawn') {
      await demo.write(token, 'DELETE', `/orgs/${org.id}/invitations/${pending.id}`, undefined, `withdrew ${email}'s invitation to ${org.def.name}`);
    } else if (plan.outcome === 'accepted') {
      let link = await demo.invitationToken(email, org.def.name);
      if (link === undefined) {
        // Invited before a restart emptied the inbox: a new link, by email again.
        await demo.write(token, 'POST', `/orgs/${org.id}/invitations/${pending.id}/resend`, undefined, `resent ${email}'s invitation to ${org.def.name}`);
        link = await demo.invitationToken(email, org.def.name);
      }
      if (link === undefined) throw new Error(`No invitation email to ${email} for ${org.def.name} in ${demo.info.sesEndpoint}/store`);
      await demo.write(await demo.token(plan.person), 'POST', `/invitations/${link}/accept`, undefined, `${email} accepted the invitation to ${org.def.name}`);
    }
  }
  for (const plan of org.def.invitations.filter((p) => p.outcome === 'accepted')) await ensureName(demo, plan.person);
  org.members = await demo.all(token, `/orgs/${org.id}/members?status=active`);
  org.invitations = await demo.all(token, `/orgs/${org.id}/invitations`);
}

/** A new member's profile is named after the email; they set their name, as in the portal. */
async function ensureName(demo: Demo, p: Person): Promise<void> {
  const token = await demo.token(p);
  const { user } = await demo.get(token, '/me');
  if (user.givenName !== p.givenName || user.familyName !== p.familyName) {
    await demo.write(token, 'PATCH', '/me', { givenName: p.givenName, familyName: p.familyName }, `${p.email} set their name`);
  }
}

const userId = (org: BuiltOrg, p: Person): string => {
  const member = org.members.find((m) => m.email === p.email);
  if (member === undefined) throw new Error(`${p.email} is not a member of ${org.def.name}`);
  return member.userId as string;
};

async function ensureWorkspaceRole(demo: Demo, org: BuiltOrg, token: string, workspace: string, p: Person, role: WsRole): Promise<void> {
  const id = wsId(org, workspace);
  const members = await demo.all(token, `/workspaces/${id}/members`);
  if (members.some((m) => m.email === p.email && m.workspaceRole === role && !m.implicit)) return;
  await demo.write(token, 'PUT', `/workspaces/${id}/members/${userId(org, p)}`, { role }, `made ${p.email} ${role} of ${org.def.name} / ${workspace}`);
}

/** Streams, then devices (a new device sends its first data point with the key it is shown once). */
async function ensureAssets(demo: Demo, org: BuiltOrg, tokenFor: (workspace: string) => Promise<string>): Promise<Map<string, Json>> {
  for (const [workspace, name] of org.def.streams) {
    const token = await tokenFor(workspace);
    const streams = await demo.all(token, `/workspaces/${wsId(org, workspace)}/streams`);
    if (!streams.some((s) => s.name === name)) await demo.write(token, 'POST', `/workspaces/${wsId(org, workspace)}/streams`, { name }, `created stream ${name} in ${org.def.name} / ${workspace}`);
  }
  const devices = new Map<string, Json>();
  for (const def of org.def.devices) {
    const token = await tokenFor(def.workspace);
    const id = wsId(org, def.workspace);
    let device = (await demo.all(token, `/workspaces/${id}/devices`)).find((d) => d.name === def.name);
    if (device === undefined) {
      device = await demo.write(token, 'POST', `/workspaces/${id}/devices`, { name: def.name, description: def.description }, `created device ${def.name} in ${org.def.name} / ${def.workspace}`);
      if (def.sends !== undefined) {
        const response = await fetch(`${demo.info.apiUrl}/ingest/${id}/devices/${def.name}/streams/${def.sends.stream}`, {
          method: 'POST',
          headers: { authorization: `Device ${device.deviceKey as string}`, 'content-type': 'application/json' },
          body: JSON.stringify(def.sends.body),
        });
        if (response.status !== 202) throw new ApiError(response.status, (await response.json()) as Problem, `ingest from ${def.name}`);
        demo.changes.push(`${def.name} sent a data point to ${def.sends.stream}`);
      }
    }
    devices.set(def.name, device);
  }
  return devices;
}

/** A per-device grant, checked as the grantee sees it: the device is in their list of that workspace. */
async function ensureGrant(demo: Demo, org: BuiltOrg, workspace: string, device: Json, p: Person, access: 'read' | 'write'): Promise<void> {
  const id = wsId(org, workspace);
  let visible: Json[] = [];
  try {
    visible = await demo.all(await demo.token(p), `/workspaces/${id}/devices`);
  } catch (error) {
    if (!(error instanceof ApiError) || error.status !== 404) throw error;
  }
  if (visible.some((d) => d.id === device.id)) return;
  await demo.write(org.ownerToken, 'PUT', `/workspaces/${id}/devices/${device.id}/grants/${userId(org, p)}`, { access }, `granted ${p.email} ${access} on ${device.name}`);
}

async function simsOf(demo: Demo, token: string, workspaceId: string): Promise<Json[]> {
  return demo.all(token, `/workspaces/${workspaceId}/sims`);
}

/** Bytes `iccidValue` has used in the workspace, ever (not just this month, the default range). */
async function usageOf(demo: Demo, token: string, workspaceId: string, iccidValue: string): Promise<number> {
  const to = new Date(Date.now() + 86_400_000).toISOString();
  const usage = await demo.get(token, `/workspaces/${workspaceId}/usage?from=2000-01-01T00:00:00.000Z&to=${to}`);
  return ((usage.bySim as Json[]).find((s) => s.iccid === iccidValue)?.bytes as number | undefined) ?? 0;
}

async function ensureSims(demo: Demo, acme: BuiltOrg, devices: Map<string, Json>, fieldToken: string): Promise<void> {
  const operator = await demo.operatorToken();
  const owner = acme.ownerToken;
  // A repeat of the same cards with the same codes is left as it is: nothing is written.
  const provisioned = await demo.call(operator, 'POST', `/admin/orgs/${acme.id}/sims`, { sims: Object.values(SIMS) });
  for (const card of provisioned.sims as Json[]) if (!card.alreadyProvisioned) demo.changes.push(`provisioned SIM ${card.iccid as string} to Acme Robotics`);

  const [defaultWs, lab, field] = [wsId(acme, 'Default'), wsId(acme, 'Lab'), wsId(acme, FIELD)];
  const { moved } = SIMS;
  let inDefault = (await simsOf(demo, owner, defaultWs)).find((s) => s.iccid === moved.iccid);
  let inLab = (await simsOf(demo, owner, lab)).find((s) => s.iccid === moved.iccid);
  if (inDefault === undefined && inLab === undefined) {
    inDefault = await demo.write(owner, 'POST', `/workspaces/${defaultWs}/sims`, moved, `claimed SIM ${moved.iccid} into Acme Robotics / Default`);
  }
  if (inDefault !== undefined) {
    const press = devices.get('press-01')!;
    if (inDefault.deviceId !== press.id) await demo.write(owner, 'PATCH', `/workspaces/${defaultWs}/sims/${moved.iccid}`, { deviceId: press.id }, `put SIM ${moved.iccid} into press-01`);
    if ((await usageOf(demo, owner, defaultWs, moved.iccid)) === 0) {
      await demo.write(operator, 'POST', `/sims/${moved.iccid}/usage`, { at: new Date().toISOString(), bytes: USAGE_BEFORE }, `recorded ${USAGE_BEFORE} bytes on SIM ${moved.iccid} (Default)`);
    }
    inLab = await demo.write(owner, 'POST', `/sims/${moved.iccid}/transfer`, { targetWorkspaceId: lab }, `transferred SIM ${moved.iccid} from Default to Lab`);
  }
  if (inLab !== undefined && (await usageOf(demo, owner, lab, moved.iccid)) === 0) {
    await demo.write(operator, 'POST', `/sims/${moved.iccid}/usage`, { at: new Date().toISOString(), bytes: USAGE_AFTER }, `recorded ${USAGE_AFTER} bytes on SIM ${moved.iccid} (Lab)`);
  }

  const { field: fieldSim } = SIMS;
  let inField = (await simsOf(demo, fieldToken, field)).find((s) => s.iccid === fieldSim.iccid);
  inField ??= await demo.write(fieldToken, 'POST', `/workspaces/${field}/sims`, fieldSim, `claimed SIM ${fieldSim.iccid} into Acme Robotics / ${FIELD}`);
  const gate = devices.get('gate-north')!;
  if (inField.deviceId !== gate.id) await demo.write(fieldToken, 'PATCH', `/workspaces/${field}/sims/${fieldSim.iccid}`, { deviceId: gate.id }, `put SIM ${fieldSim.iccid} into gate-north`);
}

async function ensureSso(demo: Demo, acme: BuiltOrg, fieldToken: string): Promise<void> {
  const providers = await demo.all(acme.ownerToken, `/orgs/${acme.id}/identity-providers`);
  if (!providers.some((p) => p.name === ACME_SSO_PROVIDER)) {
    await demo.write(acme.ownerToken, 'POST', `/orgs/${acme.id}/identity-providers`, { name: ACME_SSO_PROVIDER, type: 'SAML', metadataUrl: 'https://idp.acme.example/saml/metadata' }, `registered ${ACME_SSO_PROVIDER}`);
  }
  const id = wsId(acme, FIELD);
  const workspace = await demo.get(fieldToken, `/workspaces/${id}`);
  if (workspace.sso?.required !== true || workspace.sso?.providerName !== ACME_SSO_PROVIDER) {
    // Turning SSO on takes a token that carries the provider itself: Olivia signs in through it.
    await demo.write(fieldToken, 'PATCH', `/workspaces/${id}`, { sso: { required: true, providerName: ACME_SSO_PROVIDER } }, `required ${ACME_SSO_PROVIDER} for ${FIELD}`);
  }
}

/** `npm run sweep -- --at <when>`, the sweep as if at that time (the scheduled function's job in AWS). */
function sweepAt(at: string): Promise<string> {
  const tsx = createRequire(import.meta.url).resolve('tsx/cli');
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [tsx, 'infra/local/sweep.ts', '--at', at], { cwd: REPO, env: process.env }, (error, stdout, stderr) => {
      if (error) reject(new Error(`npm run sweep -- --at ${at} failed:\n${stderr}`));
      else resolve(stdout.split('\n').find((line) => line.startsWith('Trial sweep as of')) ?? stdout);
    });
  });
}

/** Globex's trial ends: the sweep as if just after it, unless its workspaces are disabled already. */
async function endTrial(demo: Demo, globex: BuiltOrg): Promise<string | undefined> {
  const workspaces = await demo.all(globex.ownerToken, `/orgs/${globex.id}/workspaces`);
  if (workspaces.every((w) => w.state === 'disabled')) return undefined;
  const org = await demo.get(globex.ownerToken, `/orgs/${globex.id}`);
  const at = new Date(Date.parse(org.trialEndsAt as string) + 1000).toISOString();
  const summary = await sweepAt(at);
  demo.changes.push(`ended Globex Logistics' trial (${summary})`);
  return at;
}

// ── Telling who is who ──────────────────────────────────────────────────────

const signIn = (p: Person, extra = ''): string => `TOKEN=$(npm run -s token -- ${p.email}${extra})`;

async function describe(demo: Demo, orgs: BuiltOrg[], sweptAt: string | undefined): Promise<string> {
  const lines: string[] = [];
  for (const org of orgs) {
    const details = await demo.get(org.ownerToken, `/orgs/${org.id}`);
    const order = ['Default', ...org.def.workspaces];
    const workspaces = (await demo.all(org.ownerToken, `/orgs/${org.id}/workspaces`)).sort((a, b) => order.indexOf(a.name as string) - order.indexOf(b.name as string));
    const plan = details.plan === 'trial' && workspaces.every((w) => w.state === 'disabled') ? `trial, ended ${details.trialEndsAt as string}: every workspace disabled (trial_expired)` : `plan ${details.plan as string}`;
    lines.push('', `${org.def.name} — ${plan} — org ${org.id}`);
    lines.push(`  workspaces: ${workspaces.map((w) => `${w.name as string} ${w.id as string}${w.sso?.required ? ` (SSO: ${w.sso.providerName as string})` : ''}${w.state === 'disabled' ? ' (disabled)' : ''}`).join(', ')}`);
    const width = Math.max(...org.members.map((m) => `${m.givenName as string} ${m.familyName as string}`.length));
    const ssoWorkspaces = workspaces.filter((w) => w.sso?.required);
    const rank = ['owner', 'admin', 'editor', 'member'];
    for (const member of [...org.members].sort((a, b) => rank.indexOf(a.role as string) - rank.indexOf(b.role as string))) {
      const name = `${member.givenName as string} ${member.familyName as string}`;
      const position = (h: Json): number => workspaces.findIndex((w) => w.id === h.workspaceId);
      const held = [...(member.workspaces as Json[])].sort((a, b) => position(a) - position(b));
      const viaSso = (w: Json | undefined): string => (w?.sso?.required ? `: sign in with --provider ${w.sso.providerName as string}` : '');
      const roles = held.map((h) => {
        const w = workspaces.find((x) => x.id === h.workspaceId);
        return `${w?.name as string} ${h.role as string}${viaSso(w)}`;
      });
      // Owners and admins act as admin in every workspace, SSO ones included.
      const implicit = member.role === 'owner' || member.role === 'admin' ? ssoWorkspaces.map((w) => `${w.name as string} as admin${viaSso(w)}`) : [];
      const notes = [...roles, ...implicit];
      lines.push(`  ${name.padEnd(width)}  ${String(member.role).padEnd(6)}  ${signIn({ email: member.email as string } as Person)}${notes.length ? `   (${notes.join('; ')})` : ''}`);
    }
    for (const invitation of org.invitations.filter((i) => i.status !== 'accepted')) {
      const note =
        invitation.status === 'pending' && Date.parse(invitation.expiresAt as string) - Date.now() < 2 * 86_400_000
          ? `pending until ${invitation.expiresAt as string} (1 day, the shortest expiry the API allows; it reads as expired after that — no API call makes one that has already expired)`
          : invitation.status === 'pending'
            ? `pending until ${invitation.expiresAt as string}`
            : String(invitation.status);
      lines.push(`  invitation   ${invitation.email as string}: ${note}`);
    }
  }
  lines.push(
    '',
    `SSO: ${FIELD} (Acme Robotics) answers only tokens from a sign-in through ${ACME_SSO_PROVIDER}, e.g. ${signIn(OLIVIA, ` --provider ${ACME_SSO_PROVIDER}`)}`,
    `Grants: Max reads press-01 and Edith writes press-02 in Acme's Default, where neither holds a role.`,
    `SIMs: ${SIMS.moved.iccid} moved Default → Lab (${USAGE_BEFORE.toLocaleString('en')} bytes before, ${USAGE_AFTER.toLocaleString('en')} after); ${SIMS.field.iccid} in ${FIELD} on gate-north; ${SIMS.spare.iccid} provisioned, not claimed (code ${SIMS.spare.activationCode}).`,
    `Platform operator: ${signIn(OPERATOR, ' --operator')}`,
  );
  lines.push(
    `Globex's trial was ended by the trial sweep (npm run sweep -- --at <its trial end>${sweptAt ? `, this run: ${sweptAt}` : ''}), the one step no API call can take;` +
      ` undo it with a plan (PUT /orgs/{orgId}/plan as Gina) or an operator's extension (POST /admin/orgs/{orgId}/trial).`,
  );
  // Through AcmeSAML: the report then covers Field Sensors too.
  const report = await demo.get(await demo.ssoToken(OLIVIA, ACME_SSO_PROVIDER), '/reports');
  const c = report.combined as Json;
  lines.push(
    `Report over every workspace Olivia can see (GET /reports, signed in through ${ACME_SSO_PROVIDER}): ${(report.workspaces as Json[]).map((w) => w.name as string).join(', ')} — ${c.members as number} members, ${c.devices as number} devices, ${c.sims as number} SIMs, ${(c.trafficBytes as number).toLocaleString('en')} bytes.`,
    `Inbox: ${demo.info.sesEndpoint}/ (invitations, and Globex's trial-ended email)   Table: ${demo.info.adminUrl}/`,
  );
  return lines.join('\n');
}

async function buildDemo(info: StackInfo): Promise<DemoResult> {
  const demo = new Demo(info);

  const acme = await ensureOrg(demo, ACME);
  const acmeDetails = await demo.get(acme.ownerToken, `/orgs/${acme.id}`);
  // On pro: three workspaces, and its trial cannot end with Globex's below.
  if (acmeDetails.plan !== 'pro') await demo.write(acme.ownerToken, 'PUT', `/orgs/${acme.id}/plan`, { plan: 'pro' }, 'put Acme Robotics on pro');
  await ensureWorkspaces(demo, acme, acme.ownerToken);
  await ensureInvitations(demo, acme);
  // Olivia's token through Acme's own provider: Field Sensors requires it once SSO is on.
  const fieldToken = await demo.ssoToken(OLIVIA, ACME_SSO_PROVIDER);
  const tokenFor = async (workspace: string): Promise<string> => (workspace === FIELD ? fieldToken : acme.ownerToken);
  await ensureWorkspaceRole(demo, acme, fieldToken, FIELD, EDITH, 'editor');
  const devices = await ensureAssets(demo, acme, tokenFor);
  await ensureGrant(demo, acme, 'Default', devices.get('press-01')!, MAX, 'read');
  await ensureGrant(demo, acme, 'Default', devices.get('press-02')!, EDITH, 'write');
  await ensureSims(demo, acme, devices, fieldToken);
  await ensureSso(demo, acme, fieldToken);
  acme.members = await demo.all(acme.ownerToken, `/orgs/${acme.id}/members?status=active`);

  const globex = await ensureOrg(demo, GLOBEX);
  await ensureWorkspaces(demo, globex, globex.ownerToken);
  await ensureInvitations(demo, globex);
  // Before its trial ends: a disabled workspace takes no new device or stream.
  await ensureAssets(demo, globex, async () => globex.ownerToken);
  const sweptAt = await endTrial(demo, globex);

  return { changes: demo.changes, report: await describe(demo, [acme, globex], sweptAt) };
}

async function main(): Promise<void> {
  const info = await readStackInfo();
  const { changes, report } = await buildDemo(info).catch((error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    throw new Error(/ECONNREFUSED|fetch failed/.test(message) ? `The local stack does not answer at ${info.apiUrl} (is npm start running?): ${message}` : message);
  });
  console.log(
    changes.length === 0
      ? 'The demo world is complete already: nothing changed.'
      : `The demo world: ${changes.length} changes.\n${changes.map((c) => `  ${c}`).join('\n')}`,
  );
  console.log(report);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
