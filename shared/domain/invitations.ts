/**
 * The invitation record (its type, the defaults it starts from and older items read as, its
 * factory) and the invitation rules: who may grant what, the state machine, tokens, limits.
 * Plain functions.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { orgRoleRank, workspaceRoleRank, type OrgRole, type WorkspaceRole } from '#domain/roles.js';
import { ConflictError, ForbiddenError, NotFoundError, RateLimitedError } from '#kernel/errors.js';
import { normalizeEmail } from '#domain/email.js';

export type InvitationStatus = 'pending' | 'accepted' | 'declined' | 'withdrawn';

export interface Invitation {
  id: string;
  orgId: string;
  /** Lower-cased: invitations match emails case-insensitively. */
  email: string;
  role: Exclude<OrgRole, 'owner'>;
  workspaces: { workspaceId: string; role: WorkspaceRole }[];
  message: string | null;
  invitedBy: string;
  invitedByName: string;
  createdAt: string;
  expiresAt: string;
  /** Stored status; `expired` is derived from `expiresAt` when read. */
  status: InvitationStatus;
  /** Outcome of the last send; `failed` can be retried with resend. */
  emailStatus: 'sent' | 'failed';
  /** Last successful send, for the once-a-minute resend limit. */
  lastSentAt: string | null;
  /** SHA-256 of the live link's token (base64url); the token itself is never stored. */
  tokenHash: string | null;
  endedAt: string | null;
  acceptedBy: string | null;
  version: number;
}

export const DEFAULT_EXPIRY_DAYS = 7;
export const RESEND_INTERVAL_SECONDS = 60;
/** Invitations (creates and resends) an organization may send per clock hour. */
export const INVITATIONS_PER_HOUR = 100;

const DAY_MS = 86_400_000;

/**
 * What an invitation holds unless told otherwise: a new one starts so (not sent until the send
 * is recorded), an older item without the field reads so.
 */
export const invitationDefaults = () =>
  ({
    workspaces: [],
    message: null,
    invitedByName: '',
    emailStatus: 'failed',
    lastSentAt: null,
    tokenHash: null,
    endedAt: null,
    acceptedBy: null,
    version: 1,
  }) satisfies Partial<Invitation>;

/** A new pending invitation whose live link is the token hashed to `tokenHash`. */
export function newInvitation(input: {
  orgId: string;
  email: string;
  role: Invitation['role'];
  workspaces: Invitation['workspaces'];
  message: string | null;
  invitedBy: string;
  invitedByName: string;
  tokenHash: string;
  now: Date;
  expiresInDays?: number;
}): Invitation {
  return {
    ...invitationDefaults(),
    id: randomUUID(),
    orgId: input.orgId,
    email: input.email.toLowerCase(),
    role: input.role,
    workspaces: input.workspaces,
    message: input.message,
    invitedBy: input.invitedBy,
    invitedByName: input.invitedByName,
    createdAt: input.now.toISOString(),
    expiresAt: expiryFrom(input.now, input.expiresInDays),
    status: 'pending',
    tokenHash: input.tokenHash,
  };
}

/** A new link token: 32 random bytes, base64url; only its SHA-256 is stored. */
export function newToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashToken(token) };
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

export function expiryFrom(now: Date, days = DEFAULT_EXPIRY_DAYS): string {
  return new Date(now.getTime() + days * DAY_MS).toISOString();
}

export type DisplayStatus = Invitation['status'] | 'expired';

export function statusAt(invitation: Invitation, now: Date): DisplayStatus {
  if (invitation.status === 'pending' && Date.parse(invitation.expiresAt) <= now.getTime()) return 'expired';
  return invitation.status;
}

/** Only a pending, unexpired invitation can be changed, resent, accepted or declined. */
export function assertPending(invitation: Invitation, now: Date): void {
  const status = statusAt(invitation, now);
  if (status !== 'pending') throw new ConflictError(`The invitation is ${status}.`);
}

/**
 * What the inviter holds: their org role and their explicit workspace roles in the org.
 * Owners and admins are implicit admins of every workspace.
 */
export interface Inviter {
  role: OrgRole;
  workspaces: Record<string, WorkspaceRole>;
}

/**
 * Inviters grant at most their own org role (never owner), and workspace roles only where
 * they hold at least that role themselves.
 */
export function assertCanGrant(inviter: Inviter, role: OrgRole, workspaces: { workspaceId: string; role: WorkspaceRole }[]): void {
  if (role === 'owner') throw new ForbiddenError('Ownership is given with transfer-ownership, not by invitation.');
  if (orgRoleRank(role) > orgRoleRank(inviter.role)) throw new ForbiddenError(`You cannot invite with a role above your own (${inviter.role}).`);
  const implicitAdmin = inviter.role === 'owner' || inviter.role === 'admin';
  for (const grant of workspaces) {
    const own: WorkspaceRole | undefined = implicitAdmin ? 'admin' : inviter.workspaces[grant.workspaceId];
    if (!own || workspaceRoleRank(grant.role) > workspaceRoleRank(own)) {
      throw new ForbiddenError('You cannot grant a workspace role above your own in that workspace.');
    }
  }
}

/** The once-a-minute resend limit, counted from the last successful send. */
export function assertCanResend(invitation: Invitation, now: Date): void {
  if (invitation.emailStatus !== 'sent' || !invitation.lastSentAt) return;
  const wait = Math.ceil((Date.parse(invitation.lastSentAt) + RESEND_INTERVAL_SECONDS * 1000 - now.getTime()) / 1000);
  if (wait > 0) throw new RateLimitedError('This invitation was sent less than a minute ago.', wait);
}

/**
 * The token's holder must be the invitee: the same email once normalized (NFKC, case-folded;
 * a look-alike address is a 400 `invalid_email`) and verified.
 */
export function assertInvitee(invitation: Invitation, caller: { email: string; emailVerified: boolean }): void {
  if (!caller.emailVerified || normalizeEmail(caller.email) !== normalizeEmail(invitation.email)) {
    throw new ForbiddenError('This invitation was sent to another email address, or yours is not verified.');
  }
}

/** The one answer for every token that does not lead to a live invitation. */
export const deadLink = (): NotFoundError => new NotFoundError('This invitation link is not valid.');
