/**
 * Leaving or stretching a trial: plan changes and operators' extensions. Ending a trial (the
 * sweep, shared/services/sweep.ts) disables the org's workspaces; a paid plan or an extension
 * enables those (and only those) again.
 */
import type { OrgAccess } from '#auth/access.js';
import { assertSso } from '#auth/sso-check.js';
import { keys } from '#db/keys.js';
import { batchGet } from '#db/ops.js';
import { toOrg } from '#db/records/organizations.js';
import { toProfile } from '#db/records/users.js';
import type { Principal } from '#auth/principal.js';
import { enableAfterTrial, setPlan, setTrialEnd } from '#db/repositories/trials.js';
import { listAllOrgWorkspaces } from '#db/repositories/workspaces.js';
import type { Organization } from '#domain/organizations.js';
import type { Plan } from '#domain/plans.js';
import { extendedEnd, isPaid, TRIAL_EXPIRED } from '#domain/trials.js';
import { ConflictError, NotFoundError } from '#kernel/errors.js';

/** Re-enables the workspaces the trial's end disabled, and no others. */
async function liftTrialEnd(orgId: string, actorId: string, at: Date): Promise<void> {
  for (const workspace of await listAllOrgWorkspaces(orgId)) {
    if (workspace.state === 'disabled' && workspace.disabledReason === TRIAL_EXPIRED) await enableAfterTrial(workspace, actorId, at);
  }
}

/** The owner picks a plan. A paid plan lifts the trial's end; any plan leaves the trial. */
export async function changePlan(access: OrgAccess, plan: Exclude<Plan, 'trial'>, now = new Date()): Promise<Organization> {
  const org = access.org.plan === plan ? access.org : await setPlan(access.org, plan, access.membership.userId, now);
  if (isPaid(plan)) await liftTrialEnd(org.id, access.membership.userId, now);
  return org;
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
