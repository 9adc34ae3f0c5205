/**
 * The change feed's events: every audited change, as a CloudEvents 1.0 event (JSON format). The
 * audit log is written in the change's own transaction, so the feed is a transactional outbox:
 * an event exists exactly when its change does.
 *
 * - `type` is `tenancy.<resource>.<what happened>`, one per audit action (EVENT_TYPES; two take
 *   the feed's own words: a member `added`, a trial `ended`);
 * - `source` is the organization (`/orgs/<orgId>`), `subject` the resource (`<type>/<id>`);
 * - `id` is the audit event's id (unique), `time` its time;
 * - `data` is who did it and the audit event's details, which never hold a secret (no key, code,
 *   token or password is ever audited).
 */
import type { AuditAction, AuditEvent } from '#domain/audit.js';

/** The event type of each audit action. A Record, so that a new action cannot be left without one. */
const TYPE_OF_ACTION: Record<AuditAction, string> = {
  'organization.created': 'tenancy.organization.created',
  'organization.updated': 'tenancy.organization.updated',
  'organization.ownership_transferred': 'tenancy.organization.ownership_transferred',
  'organization.plan_changed': 'tenancy.organization.plan_changed',
  'organization.trial_extended': 'tenancy.trial.extended',
  'organization.trial_expired': 'tenancy.trial.ended',
  'member.joined': 'tenancy.member.added',
  'member.role_changed': 'tenancy.member.role_changed',
  'member.removed': 'tenancy.member.removed',
  'member.left': 'tenancy.member.left',
  'workspace.created': 'tenancy.workspace.created',
  'workspace.updated': 'tenancy.workspace.updated',
  'workspace.deleted': 'tenancy.workspace.deleted',
  'workspace.disabled': 'tenancy.workspace.disabled',
  'workspace.enabled': 'tenancy.workspace.enabled',
  'workspace.member_added': 'tenancy.workspace.member_added',
  'workspace.member_role_changed': 'tenancy.workspace.member_role_changed',
  'workspace.member_removed': 'tenancy.workspace.member_removed',
  'workspace.moved': 'tenancy.workspace.moved',
  'device.created': 'tenancy.device.created',
  'device.updated': 'tenancy.device.updated',
  'device.deleted': 'tenancy.device.deleted',
  'device.access_granted': 'tenancy.device.access_granted',
  'device.access_revoked': 'tenancy.device.access_revoked',
  'stream.created': 'tenancy.stream.created',
  'stream.deleted': 'tenancy.stream.deleted',
  'invitation.created': 'tenancy.invitation.created',
  'invitation.updated': 'tenancy.invitation.updated',
  'invitation.resent': 'tenancy.invitation.resent',
  'invitation.withdrawn': 'tenancy.invitation.withdrawn',
  'invitation.accepted': 'tenancy.invitation.accepted',
  'invitation.declined': 'tenancy.invitation.declined',
  'sim.provisioned': 'tenancy.sim.provisioned',
  'sim.registered': 'tenancy.sim.registered',
  'sim.updated': 'tenancy.sim.updated',
  'sim.transferred': 'tenancy.sim.transferred',
  'identity_provider.created': 'tenancy.identity_provider.created',
  'identity_provider.deleted': 'tenancy.identity_provider.deleted',
  'webhook.created': 'tenancy.webhook.created',
  'webhook.updated': 'tenancy.webhook.updated',
  'webhook.secret_rotated': 'tenancy.webhook.secret_rotated',
  'webhook.disabled': 'tenancy.webhook.disabled',
  'webhook.deleted': 'tenancy.webhook.deleted',
};

/** Every event type, sorted: the values `?type=` accepts. */
export const EVENT_TYPES = [...new Set(Object.values(TYPE_OF_ACTION))].sort() as [string, ...string[]];

export const eventTypeOf = (action: AuditAction): string => TYPE_OF_ACTION[action];

/** The audit actions an event type stands for (one each today). */
export const actionsOfType = (type: string): AuditAction[] => (Object.keys(TYPE_OF_ACTION) as AuditAction[]).filter((a) => TYPE_OF_ACTION[a] === type);

export interface CloudEvent {
  specversion: '1.0';
  id: string;
  source: string;
  type: string;
  subject: string;
  time: string;
  datacontenttype: 'application/json';
  data: { actorId: string; target: AuditEvent['target']; details: Record<string, unknown> };
}

export function cloudEventOf(orgId: string, event: AuditEvent): CloudEvent {
  return {
    specversion: '1.0',
    id: event.id,
    source: `/orgs/${orgId}`,
    type: eventTypeOf(event.action),
    subject: `${event.target.type}/${event.target.id}`,
    time: event.at,
    datacontenttype: 'application/json',
    data: { actorId: event.actorId, target: event.target, details: event.details },
  };
}
