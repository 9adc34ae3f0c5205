/**
 * The billing provider's webhook: the event body it sends and the receipt it gets back. Fields the
 * provider adds beyond these are ignored (not refused), so a provider's additions never turn a
 * valid event into a retried 400; an unknown `type` is refused.
 */
import * as z from 'zod';
import { EXAMPLE, Id, Plan } from './common.js';

export const BillingEventBody = z
  .object({
    id: z
      .string()
      .regex(/^[A-Za-z0-9_.:-]{1,255}$/, 'must be 1–255 letters, digits or _ . : -')
      .meta({ description: "The provider's event id: an event is applied once, whatever the number of deliveries" }),
    type: z.literal('plan.changed', { error: 'must be "plan.changed"' }),
    organizationId: Id,
    plan: z.enum(['free', 'pro', 'enterprise']),
  })
  .meta({ id: 'BillingEvent', examples: [{ id: 'evt_1Q2w3E4r5T', type: 'plan.changed', organizationId: EXAMPLE.orgId, plan: 'pro' }] });

export const BillingEventOutcome = z
  .object({
    id: z.string(),
    outcome: z.enum(['applied', 'duplicate', 'ignored']).meta({
      description: '`applied`: the plan is set; `duplicate`: the event id was seen before, nothing changed; `ignored`: no such organization (deleted), nothing changed',
    }),
    organizationId: Id,
    plan: Plan.nullable(),
    detail: z.string(),
  })
  .meta({
    id: 'BillingEventOutcome',
    examples: [{ id: 'evt_1Q2w3E4r5T', outcome: 'applied', organizationId: EXAMPLE.orgId, plan: 'pro', detail: 'The organization is now on the pro plan.' }],
  });
