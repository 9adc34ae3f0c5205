/**
 * Leaving or stretching a trial: plan changes (the owner's and billing's) and operators'
 * extensions. Ending a trial (the sweep, shared/services/sweep.ts) disables the org's workspaces;
 * a paid plan or an extension enables those (and only those) again.
 */
import type { OrgAccess } from '#auth/access.js';
import { assertSso } from '#auth/sso-check.js';
import { keys } from '#db/keys.js';
import { batchGet, StaleRead } from '#db/ops.js';
import { getOrganization } from '#db/repositories/organizations.js';
import { toOrg } from '#db/records/organizations.js';
import { toProfile } from '#db/records/users.js';
import type { Principal } from '#auth/principal.js';
import { recordBillingEvent } from '#db/repositories/billing-events.js';
import { enableAfterTrial, setPlan, setTrialEnd } from '#db/repositories/trials.js';
import { listAllOrgWorkspaces } from '#db/repositories/workspaces.js';
import type { Organization } from '#domain/organizations.js';
import type { Plan } from '#domain/plans.js';
import { extendedEnd, isPaid, TRIAL_EXPIRED } from '#domain/trials.js';
import { BILLING_ACTOR, takesPayment, type BillingEventReceipt } from '#domain/billing.js';
import { config } from '#kernel/config.js';
import { ConflictError, NotFoundError, PaymentRequiredError } from '#kernel/errors.js';

/** Re-enables the workspaces the trial's end disabled, and no others. */
async function liftTrialEnd(orgId: string, actorId: string, at: Date): Promise<void> {
  for (const workspace of await listAllOrgWorkspaces(orgId)) {
    if (workspace.state === 'disabled' && workspace.disabledReason === TRIAL_EXPIRED) await enableAfterTrial(workspace, actorId, at);
  }
}

/**
 * Who asks for a plan: the owner (the self-serve rule applies), or billing with the receipt of
 * the event that says so (written in the plan change's own transaction).
 */
export type PlanRequest = { by: 'owner'; userId: string } | { by: 'billing'; receipt: BillingEventReceipt };

/** The owner picks a plan: free always; a paid plan only where the deployment allows self-serve plans (402 otherwise). */
export async function changePlan(access: OrgAccess, plan: Exclude<Plan, 'trial'>, now = new Date()): Promise<Organization> {
  return setOrgPlan(access.org, plan, { by: 'owner', userId: access.userId }, now);
}

/**
 * The one way a plan is set, for the owner and for billing alike: the change with its audit event
 * (and a billing event's receipt), then a paid plan lifts the trial's end; any plan leaves the trial.
 * `DuplicateBillingEvent` when billing's event was received before (nothing written).
 */
export async function setOrgPlan(read: Organization, plan: Exclude<Plan, 'trial'>, request: PlanRequest, now = new Date()): Promise<Organization> {
  const actorId = request.by === 'owner' ? request.userId : BILLING_ACTOR;
  const org = await setPlanOnLatest(read, plan, request, actorId, now);
  if (isPaid(plan)) await liftTrialEnd(org.id, actorId, now);
  return org;
}

/**
 * What a paid plan set earlier still owes, in case the request that set it stopped before it was
 * done: re-enables what the trial's end disabled, if the organization is on a paid plan now (the
 * organization as read is returned).
 * For a repeated billing event, whose first delivery may have died midway (it then changes
 * nothing the first did not already mean to).
 */
export async function finishPaidPlan(orgId: string, actorId: string, now = new Date()): Promise<Organization | undefined> {
  const org = await getOrganization(orgId);
  if (org && isPaid(org.plan)) await liftTrialEnd(org.id, actorId, now);
  return org;
}

/** Where self-serve plans are off, a change to a paid plan is billing's alone (rule: `takesPayment`). */
function assertSelfServe(org: Organization, plan: Plan): void {
  if (config().selfServePlans || !takesPayment(org.plan, plan)) return;
  throw new PaymentRequiredError(
    `The ${plan} plan is paid for through billing: subscribe to it with the billing provider (the portal's billing page), ` +
      `and the plan is set here as soon as the provider confirms the payment. Switching to free needs no payment.`,
  );
}

/**
 * The plan change is pinned to the version read (its audit event says from which plan); the hourly
 * sweep ending the trial meanwhile changes that version without changing what the owner asked for,
 * so a stale read reads the organization again rather than answering 409. The self-serve rule is
 * asked of each version read; a billing event that finds the plan already set is still recorded.
 */
async function setPlanOnLatest(read: Organization, plan: Exclude<Plan, 'trial'>, request: PlanRequest, actorId: string, now: Date): Promise<Organization> {
  let org = read;
  const receipt = request.by === 'billing' ? request.receipt : undefined;
  for (let attempt = 0; attempt < 3; attempt++) {
    if (request.by === 'owner') assertSelfServe(org, plan);
    if (org.plan === plan) {
      if (receipt) await recordBillingEvent(receipt);
      return org;
    }
    try {
      return await setPlan(org, plan, actorId, now, receipt);
    } catch (error) {
      if (!(error instanceof StaleRead)) throw error;
      const latest = await getOrganization(org.id);
      if (!latest) throw new NotFoundError('No such organization.');
      org = latest;
    }
  }
  throw new ConflictError('The organization kept changing; try again.');
}

/**
 * A platform operator extends an organization's trial (even one that already ended). The
 * organization and the operator's profile (their SSO obligation, checked first) in one BatchGet.
 */
export async function extendTrial(
  operator: Pick<Principal, 'userId' | 'identityProviders'>,
  orgId: string,
  extendDays: number,
  now = new Date(),
): Promise<Organization> {
  const operatorId = operator.userId;
  const [orgItem, profileItem] = await batchGet([keys.org(orgId), keys.user(operatorId)], { consistent: true });
  assertSso(operator, profileItem ? toProfile(profileItem) : undefined);
  const org = orgItem && !orgItem.deletedAt ? toOrg(orgItem) : undefined;
  if (!org) throw new NotFoundError('No such organization.');
  if (org.plan !== 'trial') throw new ConflictError(`The organization is on the ${org.plan} plan, not on a trial.`);
  const extended = await setTrialEnd(org, extendedEnd(org.trialEndsAt, extendDays, now), operatorId, now);
  await liftTrialEnd(org.id, operatorId, now);
  return extended;
}
