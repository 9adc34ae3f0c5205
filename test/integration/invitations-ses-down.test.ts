/**
 * "A failed send loses nothing": a second gateway, in this worker, on the same DynamoDB and
 * Cognito as the stack under test but with SES pointing at a dead loopback port. Invitations
 * made through it are stored with emailStatus "failed"; a resend through the healthy stack
 * delivers them at once (the once-a-minute limit counts successful sends only).
 */
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, call, expectProblem, signedUp, type Res } from './support/api.js';
import { allPages, emailTo, emailsTo, freshAddress, PORTAL_URL, TOKEN_SHAPE, tokenOf } from './support/invitations.js';
import { conform } from './support/conformance.js';
import { stack, token } from './support/stack.js';

const DAY = 86_400_000;

/** A loopback port that nothing listens on: bound, then closed. */
async function deadPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

let gateway: { url: string; close(): Promise<void> } | undefined;
const savedEnv: Record<string, string | undefined> = {};

/** A request to the SES-down gateway. */
async function down(method: string, path: string, idToken: string, body?: unknown): Promise<Res> {
  const response = await fetch(`${gateway!.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${idToken}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  await conform(method, path, { status: response.status, headers: response.headers, text });
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    // left as text
  }
  return { status: response.status, headers: response.headers, body: parsed };
}

beforeAll(async () => {
  const info = stack();
  // The handlers read their configuration once per process: set it before the first one loads.
  const env: Record<string, string> = {
    TABLE_NAME: info.tableName,
    AWS_REGION: 'us-east-1',
    DYNAMODB_ENDPOINT: info.dynamodbEndpoint,
    SES_ENDPOINT: `http://127.0.0.1:${await deadPort()}`,
    PORTAL_URL,
    EMAIL_FROM: 'no-reply@tenancy.local',
    CURSOR_SECRET: 'ses-down-test-secret',
    AWS_ACCESS_KEY_ID: 'local',
    AWS_SECRET_ACCESS_KEY: 'local',
    POWERTOOLS_SERVICE_NAME: 'tenancy',
    POWERTOOLS_LOG_LEVEL: 'SILENT',
    AWS_SDK_JS_SUPPRESS_MAINTENANCE_MODE_MESSAGE: '1',
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  };
  for (const name of Object.keys(env)) savedEnv[name] = process.env[name];
  Object.assign(process.env, env);

  const [{ startGateway }, { routeList }, { fetchJwks, issuerOf }] = await Promise.all([
    import('../../infra/local/gateway.js'),
    import('#functions/routes.js'),
    import('../../infra/local/cognito.js'),
  ]);
  gateway = await startGateway({
    port: 0,
    routes: routeList,
    auth: { issuer: issuerOf(info), clientId: info.clientId, jwks: await fetchJwks(info) },
    portalUrl: PORTAL_URL,
    region: 'us-east-1',
    quiet: true,
  });
});

afterAll(async () => {
  await gateway?.close();
  for (const [name, value] of Object.entries(savedEnv)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
});

describe('invitations when SES is down', () => {
  it('the second gateway shares the stack: same users, same data', async () => {
    const owner = await signedUp('shared');
    const res = await down('GET', '/me', owner.token);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.organizations[0].id).toBe(owner.orgId);
  });

  it('a failed send loses nothing: 201 with emailStatus "failed", listed everywhere; a resend through healthy SES delivers at once', async () => {
    const owner = await signedUp('Sesdown', 'Outage Org');
    const address = freshAddress('Outage');

    const created = await down('POST', `/orgs/${owner.orgId}/invitations`, owner.token, {
      email: address,
      role: 'editor',
      workspaces: [{ workspaceId: owner.workspaceId, role: 'viewer' }],
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({ email: address.toLowerCase(), role: 'editor', status: 'pending', emailStatus: 'failed' });
    const invitation = created.body;

    await new Promise((r) => setTimeout(r, 300));
    expect(await emailsTo(address)).toHaveLength(0);

    // Stored: the healthy stack lists it, with its failed email, and the directory shows it pending.
    const listed = (await allPages<any>(owner.api, `/orgs/${owner.orgId}/invitations?status=pending`)).find((i) => i.id === invitation.id);
    expect(listed).toMatchObject({ id: invitation.id, email: address.toLowerCase(), emailStatus: 'failed', status: 'pending' });
    const viaDown = await down('GET', `/orgs/${owner.orgId}/invitations`, owner.token);
    expect(viaDown.status).toBe(200);
    expect(viaDown.body.items.map((i: { id: string }) => i.id)).toContain(invitation.id);
    const pending = await allPages<any>(owner.api, `/orgs/${owner.orgId}/members?status=pending`);
    expect(pending.filter((m) => m.invitationId === invitation.id)).toHaveLength(1);

    // Resend through the main gateway (healthy SES): allowed at once, because nothing was sent yet.
    const resent = await owner.api.post(`/orgs/${owner.orgId}/invitations/${invitation.id}/resend`);
    expect(resent.status, JSON.stringify(resent.body)).toBe(200);
    expect(resent.body).toMatchObject({ id: invitation.id, status: 'pending', emailStatus: 'sent', role: 'editor' });
    expect(Date.parse(resent.body.expiresAt)).toBeGreaterThanOrEqual(Date.parse(invitation.expiresAt));
    expect(Math.abs(Date.parse(resent.body.expiresAt) - Date.now() - 7 * DAY)).toBeLessThan(60_000);

    const mail = await emailTo(address);
    expect(await emailsTo(address)).toHaveLength(1);
    const t = tokenOf(mail);
    expect(t).toMatch(TOKEN_SHAPE);
    expect(mail.body.html).toContain(`${PORTAL_URL}/invitations/${t}`);
    expect(mail.body.text).toContain(`${PORTAL_URL}/invitations/${t}`);
    expect(mail.subject).toContain('Outage Org');

    const preview = await call('GET', `/invitations/${t}`);
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({ organizationName: 'Outage Org', email: address.toLowerCase(), role: 'editor', expiresAt: resent.body.expiresAt });
    const after = (await allPages<any>(owner.api, `/orgs/${owner.orgId}/invitations`)).find((i) => i.id === invitation.id);
    expect(after).toMatchObject({ emailStatus: 'sent', expiresAt: resent.body.expiresAt });

    // That send was successful: the once-a-minute limit applies again now.
    const again = await owner.api.post(`/orgs/${owner.orgId}/invitations/${invitation.id}/resend`);
    expectProblem(again, 429, 'rate_limited');
    expect(again.headers.get('retry-after')).toMatch(/^\d+$/);

    // And the delivered link works.
    const invitee = await token(address.toLowerCase());
    const accepted = await as(invitee.idToken).post(`/invitations/${t}/accept`);
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
    expect(accepted.body.organization).toEqual(expect.objectContaining({ id: owner.orgId, role: 'editor' }));
  });

  it('a resend whose email fails again keeps the invitation and says so', async () => {
    const owner = await signedUp('twice-down');
    const address = freshAddress('Twice');
    const created = await down('POST', `/orgs/${owner.orgId}/invitations`, owner.token, { email: address, role: 'member' });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body.emailStatus).toBe('failed');
    const again = await down('POST', `/orgs/${owner.orgId}/invitations/${created.body.id}/resend`, owner.token);
    expect(again.status, JSON.stringify(again.body)).toBe(200);
    expect(again.body).toMatchObject({ id: created.body.id, status: 'pending', emailStatus: 'failed' });
    // Still there, still resendable through the healthy stack.
    const resent = await owner.api.post(`/orgs/${owner.orgId}/invitations/${created.body.id}/resend`);
    expect(resent.status, JSON.stringify(resent.body)).toBe(200);
    expect(resent.body.emailStatus).toBe('sent');
    expect(tokenOf(await emailTo(address))).toMatch(TOKEN_SHAPE);
  });
});
