/**
 * The billing provider's events (`POST /billing/events`, signature checked by the request wrapper
 * before this runs): `plan.changed` sets an organization's plan through the one plan change
 * (shared/services/trials.ts), as actor `billing`, once per event id.
 */
import { DuplicateBillingEvent } from '#db/repositories/billing-events.js';
import { getOrganization } from '#db/repositories/organizations.js';
import { BILLING_ACTOR, newBillingEventReceipt } from '#domain/billing.js';
import type { Plan } from '#domain/plans.js';
import { logger } from '#kernel/logger.js';
import { finishPaidPlan, setOrgPlan } from '#services/trials.js';

export interface PlanChangedEvent {
  id: string;
  type: 'plan.changed';
  organizationId: string;
  plan: Exclude<Plan, 'trial'>;
}

/**
 * What became of an event. Every outcome answers 200: a provider retries whatever is not 2xx, and
 * neither a repeat nor an organization that no longer exists gets better by being sent again.
 */
export interface BillingEventOutcome {
  id: string;
  outcome: 'applied' | 'duplicate' | 'ignored';
  organizationId: string;
  /** The organization's plan after the event; null when there is no such organization. */
  plan: Plan | null;
  detail: string;
}

export async function applyBillingEvent(event: PlanChangedEvent, now = new Date()): Promise<BillingEventOutcome> {
  const base = { id: event.id, organizationId: event.organizationId };
  const org = await getOrganization(event.organizationId);
  if (!org) {
    // Deleted, or never ours: nothing to set, and nothing a retry would change. Logged for whoever reconciles billing.
    logger.warn('Billing event for an unknown organization ignored', { eventId: event.id, organizationId: event.organizationId, plan: event.plan });
    return { ...base, outcome: 'ignored', plan: null, detail: `No organization ${event.organizationId} (deleted or never created): the event changes nothing.` };
  }
  try {
    const updated = await setOrgPlan(org, event.plan, { by: 'billing', receipt: newBillingEventReceipt(event, now) }, now);
    return { ...base, outcome: 'applied', plan: updated.plan, detail: `The organization is on the ${updated.plan} plan.` };
  } catch (error) {
    if (!(error instanceof DuplicateBillingEvent)) throw error;
    // The first delivery set the plan; if it stopped before re-enabling the workspaces, this finishes that.
    const latest = await finishPaidPlan(org.id, BILLING_ACTOR, now);
    return { ...base, outcome: 'duplicate', plan: latest?.plan ?? null, detail: `Event ${event.id} was received before: nothing changed.` };
  }
}
