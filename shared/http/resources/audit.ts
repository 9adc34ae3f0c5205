/**
 * The audit log of an organization: request and response schemas. No view: the service answers
 * the audit records as they are (shared/services/audit.ts).
 */
import * as z from 'zod';
import { EVENT_TYPES } from '#domain/events.js';
import { EXAMPLE, PageQuery, Timestamp } from './common.js';

export const AuditQuery = PageQuery;

/** What an audited change was about, and what it says of itself: in the audit log and in the change feed alike. */
const AuditTarget = z.object({ type: z.string(), id: z.string() });
const AuditDetails = z.record(z.string(), z.unknown());

export const AuditEvent = z
  .object({
    id: z.string(),
    at: Timestamp,
    actorId: z.string(),
    action: z.string(),
    target: AuditTarget,
    details: AuditDetails,
  })
  .meta({
    id: 'AuditEvent',
    examples: [
      {
        id: 'f0e1d2c3-b4a5-4968-8776-655443322110',
        at: EXAMPLE.at,
        actorId: EXAMPLE.userId,
        action: 'device.created',
        target: { type: 'device', id: EXAMPLE.deviceId },
        details: { workspaceId: EXAMPLE.workspaceId, name: 'pump-07' },
      },
    ],
  });

export const EventType = z.enum(EVENT_TYPES).meta({ id: 'EventType', description: 'tenancy.<resource>.<what happened>: one per audited change' });

export const EventsQuery = PageQuery.extend({
  type: EventType.optional(),
  since: Timestamp.optional().meta({ description: 'events at or after this time (inclusive)' }),
});

/** An audited change as a CloudEvents 1.0 event (JSON format): the change feed's item. */
export const CloudEvent = z
  .object({
    specversion: z.literal('1.0'),
    id: z.string(),
    source: z.string().meta({ description: 'the organization: /orgs/<orgId>' }),
    type: EventType,
    subject: z.string().meta({ description: 'the resource: <type>/<id>' }),
    time: Timestamp,
    datacontenttype: z.literal('application/json'),
    data: z.object({
      actorId: z.string(),
      target: AuditTarget,
      details: AuditDetails,
    }),
  })
  .meta({
    id: 'CloudEvent',
    examples: [
      {
        specversion: '1.0',
        id: 'f0e1d2c3-b4a5-4968-8776-655443322110',
        source: '/orgs/5f0c1a2e-7b3d-4c8e-9f1a-2b3c4d5e6f70',
        type: 'tenancy.device.created',
        subject: 'device/c1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e5f',
        time: '2026-03-02T09:30:00.000Z',
        datacontenttype: 'application/json',
        data: { actorId: '2f6e1c8a-3b4d-4e5f-8a9b-0c1d2e3f4a5b', target: { type: 'device', id: 'c1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e5f' }, details: { workspaceId: '0d4b6a2c-8e1f-4a3b-b5c7-9d1e3f5a7b9c', name: 'pump-07' } },
      },
    ],
  });
