/**
 * The audit event record: what a change records about itself in its organization's log, the
 * vocabulary of actions and targets, the defaults an event starts from (and older items read
 * as), its factory.
 */
import { randomUUID } from 'node:crypto';
import { definedOnly } from '#kernel/objects.js';

export type AuditAction =
  | 'organization.created'
  | 'organization.updated'
  | 'organization.ownership_transferred'
  | 'organization.plan_changed'
  | 'organization.trial_extended'
  | 'organization.trial_expired'
  | 'member.joined'
  | 'member.role_changed'
  | 'member.removed'
  | 'member.left'
  | 'workspace.created'
  | 'workspace.updated'
  | 'workspace.deleted'
  | 'workspace.disabled'
  | 'workspace.enabled'
  | 'workspace.member_added'
  | 'workspace.member_role_changed'
  | 'workspace.member_removed'
  | 'workspace.moved'
  | 'device.created'
  | 'device.updated'
  | 'device.deleted'
  | 'device.access_granted'
  | 'device.access_revoked'
  | 'stream.created'
  | 'stream.deleted'
  | 'invitation.created'
  | 'invitation.updated'
  | 'invitation.resent'
  | 'invitation.withdrawn'
  | 'invitation.accepted'
  | 'invitation.declined'
  | 'sim.provisioned'
  | 'sim.registered'
  | 'sim.updated'
  | 'sim.transferred'
  | 'identity_provider.created'
  | 'identity_provider.deleted'
  | 'webhook.created'
  | 'webhook.updated'
  | 'webhook.secret_rotated'
  | 'webhook.disabled'
  | 'webhook.deleted';

export interface AuditTarget {
  type: 'organization' | 'member' | 'workspace' | 'invitation' | 'device' | 'stream' | 'sim' | 'identity_provider' | 'webhook';
  id: string;
}

export interface AuditEvent {
  id: string;
  at: string;
  actorId: string;
  action: AuditAction;
  target: AuditTarget;
  details: Record<string, unknown>;
}

/** What an event holds unless told otherwise: a new one starts so, an older item without the field reads so. */
export const auditEventDefaults = () => ({ details: {} }) satisfies Partial<AuditEvent>;

/** What a change says about itself; the event's id and time are added when it is recorded. */
export type AuditEventInput = Pick<AuditEvent, 'actorId' | 'action' | 'target'> & { details?: AuditEvent['details'] };

/** The event a change records at `now`. */
export function newAuditEvent(event: AuditEventInput, now: Date): AuditEvent {
  return {
    ...auditEventDefaults(),
    ...definedOnly({ details: event.details }),
    id: randomUUID(),
    at: now.toISOString(),
    actorId: event.actorId,
    action: event.action,
    target: event.target,
  };
}
