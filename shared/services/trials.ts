/**
 * Leaving or stretching a trial: plan changes and operators' extensions. Ending a trial (the
 * sweep, shared/services/sweep.ts) disables the org's workspaces; a paid plan or an extension
 * enables those (and only those) again.
 */
import type { OrgAccess } from '#auth/access.js';
import { assertSso } from '#auth/sso-check.js';
import { keys } from '#db/keys.js';
import { batchGet, StaleRead } from '#db/ops.js';
import { getOrganization } from '#db/repositories/organizations.js';
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
  const org = await setPlanOnLatest(access.org, plan, access.userId, now);
  if (isPaid(plan)) await liftTrialEnd(org.id, access.userId, now);
  return org;
}

/**
 * The plan change is pinned to the version read (its audit event says from which plan); the hourly
 * sweep ending the trial meanwhile changes that version without changing what the owner asked for,
 * so a stale read reads the organization again rather than answering 409.
 */
async function setPlanOnLatest(read: Organization, plan: Exclude<Plan, 'trial'>, actorId: string, now: Date): Promise<Organization> {
  let org = read;
  for (let attempt = 0; attempt < 3; attempt++) {
    if (org.plan === plan) return org;
    try {
      return await setPlan(org, plan, actorId, now);
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
