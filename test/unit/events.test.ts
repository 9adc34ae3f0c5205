/** The change feed's event types and the CloudEvents shape of an audited change. */
import { describe, expect, it } from 'vitest';
import type { AuditEvent } from '#domain/audit.js';
import { actionsOfType, cloudEventOf, EVENT_TYPES, eventTypeOf } from '#domain/events.js';

describe('event types', () => {
  it('are tenancy.<resource>.<what happened>, one per audit action, and lead back to it', () => {
    for (const type of EVENT_TYPES) {
      expect(type).toMatch(/^tenancy\.[a-z_]+\.[a-z_]+$/);
      const actions = actionsOfType(type);
      expect(actions).toHaveLength(1);
      expect(eventTypeOf(actions[0]!)).toBe(type);
    }
    expect(eventTypeOf('member.joined')).toBe('tenancy.member.added');
    expect(eventTypeOf('organization.trial_expired')).toBe('tenancy.trial.ended');
    expect(actionsOfType('tenancy.nothing.happened')).toEqual([]);
  });
});

describe('an audited change as a CloudEvent', () => {
  it('carries the required CloudEvents 1.0 attributes, the org as source and the resource as subject', () => {
    const event: AuditEvent = {
      id: 'e1',
      at: '2026-03-02T09:30:00.000Z',
      actorId: 'u1',
      action: 'sim.transferred',
      target: { type: 'sim', id: '8949000000000000001' },
      details: { from: 'w1', to: 'w2' },
    };
    expect(cloudEventOf('o1', event)).toEqual({
      specversion: '1.0',
      id: 'e1',
      source: '/orgs/o1',
      type: 'tenancy.sim.transferred',
      subject: 'sim/8949000000000000001',
      time: '2026-03-02T09:30:00.000Z',
      datacontenttype: 'application/json',
      data: { actorId: 'u1', target: { type: 'sim', id: '8949000000000000001' }, details: { from: 'w1', to: 'w2' } },
    });
  });
});
