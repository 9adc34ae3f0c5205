/** Invitation helpers: reading the local SES inbox and turning an invitation email into its token. */
import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import type { Client, Res } from './api.js';
import { configureRepositories } from './env.js';
import { sesMessages, type SentEmail } from './stack.js';

/** The portal origin of the test stack (infra/local/stack.ts DEFAULT_PORTAL_URL, unless PORTAL_URL overrides it). */
export const PORTAL_URL = (process.env.PORTAL_URL || 'http://localhost:5173').replace(/\/+$/, '');

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** `<PORTAL_URL>/invitations/<token>`; the token is the last path segment. */
export const LINK = new RegExp(`${escapeRegExp(PORTAL_URL)}/invitations/([A-Za-z0-9_-]+)`);
/** A token as the link carries it: 32 random bytes, base64url, no padding. */
export const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

/** A fresh address nobody uses yet; mixed case on purpose (invitations compare emails case-insensitively). */
export function freshAddress(label = 'Invitee'): string {
  return `${label}-${randomUUID().slice(0, 8)}@Example.COM`;
}

/** Every email the local SES accepted for `address` (case-insensitive), oldest first. */
export async function emailsTo(address: string): Promise<SentEmail[]> {
  const wanted = address.toLowerCase();
  return (await sesMessages()).filter((m) => m.destination.to.some((to) => to.toLowerCase() === wanted));
}

/**
 * The newest email to `address`. `after` = how many emails to that address were there before:
 * waits (briefly) until a newer one has arrived. Throws if none turns up.
 */
export async function emailTo(address: string, after = 0): Promise<SentEmail> {
  const deadline = Date.now() + 3_000;
  for (;;) {
    const mails = await emailsTo(address);
    if (mails.length > after) return mails[mails.length - 1]!;
    if (Date.now() > deadline) throw new Error(`No email to ${address} (expected more than ${after})`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The token in an invitation email's link (taken from the text part, checked against the html part). */
export function tokenOf(mail: SentEmail): string {
  const fromText = LINK.exec(mail.body.text ?? '')?.[1];
  const fromHtml = LINK.exec(mail.body.html ?? '')?.[1];
  if (fromText === undefined && fromHtml === undefined) throw new Error(`No invitation link in "${mail.subject}"`);
  return (fromText ?? fromHtml)!;
}

export interface InviteBody {
  email: string;
  role: string;
  workspaces?: { workspaceId: string; role: string }[];
  message?: string;
  expiresInDays?: number;
}

/** Invites through `inviter`, expects 201, and returns the invitation, its email and the link's token. */
export async function inviteAndGetToken(
  inviter: Client,
  orgId: string,
  body: InviteBody,
): Promise<{ res: Res; invitation: any; mail: SentEmail; token: string }> {
  const before = (await emailsTo(body.email)).length;
  const res = await inviter.post(`/orgs/${orgId}/invitations`, body);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  const mail = await emailTo(body.email, before);
  return { res, invitation: res.body, mail, token: tokenOf(mail) };
}

/** Every page of a list route, concatenated. */
export async function allPages<T = any>(client: Client, path: string, limit = 100): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | null = null;
  const sep = path.includes('?') ? '&' : '?';
  do {
    const res: Res<{ items: T[]; nextCursor: string | null }> = await client.get(
      `${path}${sep}limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
    );
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    items.push(...res.body.items);
    cursor = res.body.nextCursor;
  } while (cursor);
  return items;
}

/** The repositories read their configuration once: point it at the stack under test first. */
async function table() {
  const { configureRepositories } = await import('./env.js');
  configureRepositories();
  const [lib, client, keys, domain] = await Promise.all([
    import('@aws-sdk/lib-dynamodb'),
    import('#db/client.js'),
    import('#db/keys.js'),
    import('#domain/invitations.js'),
  ]);
  return { lib, db: client.db, key: (token: string) => keys.keys.invitationToken(domain.hashToken(token)), name: process.env.TABLE_NAME! };
}

/** The link item of `token` as stored (undefined once the link is dead). */
export async function storedLink(token: string): Promise<Record<string, unknown> | undefined> {
  const { lib, db, key, name } = await table();
  return (await db.send(new lib.GetCommand({ TableName: name, Key: key(token), ConsistentRead: true }))).Item;
}

/** Makes `token`'s link look like one written before links carried the invited workspaces. */
export async function forgetLinkWorkspaces(token: string): Promise<void> {
  const { lib, db, key, name } = await table();
  await db.send(new lib.UpdateCommand({ TableName: name, Key: key(token), UpdateExpression: 'REMOVE workspaceIds' }));
}

/** Moves an invitation's last send two minutes back, past the once-a-minute resend limit. */
export async function backdateLastSend(orgId: string, invitationId: string): Promise<void> {
  configureRepositories();
  const [{ UpdateCommand }, client, { keys }] = await Promise.all([
    import('@aws-sdk/lib-dynamodb'),
    import('#db/client.js'),
    import('#db/keys.js'),
  ]);
  await client.db.send(
    new UpdateCommand({
      TableName: client.tableName(),
      Key: keys.invitation(orgId, invitationId),
      UpdateExpression: 'SET lastSentAt = :at',
      ConditionExpression: 'attribute_exists(PK)',
      ExpressionAttributeValues: { ':at': new Date(Date.now() - 120_000).toISOString() },
    }),
  );
}
