/**
 * The audit log of an organization. Every change writes its event with `auditEvent()` as one
 * more item of the change's own transaction, so a change and its record exist together or not at all.
 */
import { randomUUID } from 'node:crypto';
import { db as defaultDb, type Db } from '#db/client.js';
import { partitions } from '#db/keys.js';
import { queryPrefixPage, tableName, type TransactItem } from '#db/ops.js';

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
  | 'sim.registered'
  | 'sim.updated'
  | 'sim.transferred'
  | 'identity_provider.created'
  | 'identity_provider.deleted';

export interface AuditTarget {
  type: 'organization' | 'member' | 'workspace' | 'invitation' | 'device' | 'stream' | 'sim' | 'identity_provider';
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

const AUDIT_PREFIX = 'AUDIT#';

/** The Put that records `action` in `orgId`'s audit log, for the change's own transaction. */
export function auditEvent(
  orgId: string,
  event: { actorId: string; action: AuditAction; target: AuditTarget; details?: Record<string, unknown> },
  now = new Date(),
): TransactItem {
  const id = randomUUID();
  const at = now.toISOString();
  return {
    Put: {
      TableName: tableName(),
      Item: {
        PK: partitions.org(orgId),
        SK: `${AUDIT_PREFIX}${at}#${id}`,
        type: 'AuditEvent',
        id,
        at,
        actorId: event.actorId,
        action: event.action,
        target: event.target,
        details: event.details ?? {},
      },
      ConditionExpression: 'attribute_not_exists(PK)',
    },
  };
}

/** One page of the audit log, newest first. */
export async function listAudit(
  orgId: string,
  page: { limit: number; startKey?: Record<string, unknown> },
  db: Db = defaultDb,
): Promise<{ events: AuditEvent[]; lastKey?: Record<string, unknown> }> {
  const { items, lastKey } = await queryPrefixPage(partitions.org(orgId), AUDIT_PREFIX, page, { descending: true }, db);
  return {
    events: items.map((i) => ({
      id: i.id as string,
      at: i.at as string,
      actorId: i.actorId as string,
      action: i.action as AuditAction,
      target: i.target as AuditTarget,
      details: (i.details as Record<string, unknown>) ?? {},
    })),
    lastKey,
  };
}
