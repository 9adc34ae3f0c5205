/**
 * Trial helpers: move one organization's trial end (the sweep is global, so tests backdate
 * their own organizations instead of sweeping "in the future"), run the sweep in this worker,
 * and read the trial emails of the shared SES inbox.
 */
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { configureRepositories } from './env.js';
import { emailsTo } from './invitations.js';
import type { SentEmail } from './stack.js';

const HOUR = 3_600_000;
export const DAY = 86_400_000;

/** The shared modules, loaded after the environment points them at the stack under test. */
async function modules() {
  configureRepositories();
  const [trials, organizations, workspaces, service, client, keys] = await Promise.all([
    import('#db/repositories/trials.js'),
    import('#db/repositories/organizations.js'),
    import('#db/repositories/workspaces.js'),
    import('#services/sweep.js'),
    import('#db/client.js'),
    import('#db/keys.js'),
  ]);
  return { trials, organizations, workspaces, service, client, keys };
}

/**
 * A moment that has just passed, as if the org signed up 14 days ago: an hour ago, but never
 * before today (UTC) — the sweep's watermark never looks back past the day of its last run.
 */
export function justEnded(now = new Date()): Date {
  const startOfToday = Date.parse(`${now.toISOString().slice(0, 10)}T00:00:00.000Z`);
  return new Date(Math.max(now.getTime() - HOUR, startOfToday + 1));
}

/** The organization as stored (plan, trialEndsAt, trialExpiredAt, notices, counters…). */
export async function storedOrg(orgId: string) {
  const { organizations } = await modules();
  const org = await organizations.getOrganization(orgId);
  if (!org) throw new Error(`No organization ${orgId}`);
  return org;
}

/** Sets `orgId`'s trial end (as an operator's extension does: notices reset, back in the trial index). */
export async function setTrialEndAt(orgId: string, end: Date): Promise<string> {
  const { trials } = await modules();
  const updated = await trials.setTrialEnd(await storedOrg(orgId), end.toISOString(), 'test', new Date());
  return updated.trialEndsAt!;
}

/** Backdates the trial so that it ended an hour ago (within today). */
export const endTrial = (orgId: string): Promise<string> => setTrialEndAt(orgId, justEnded());

/** One sweep, now, in this worker. */
export async function sweep() {
  const { service } = await modules();
  return service.runSweep({ at: new Date() });
}

/** The first step of a sweep that stopped midway: this one workspace disabled, nothing else. */
export async function disableOneForTrial(workspaceId: string): Promise<boolean> {
  const { workspaces, trials, organizations } = await modules();
  const workspace = await workspaces.getWorkspace(workspaceId);
  if (!workspace) throw new Error(`No workspace ${workspaceId}`);
  const org = await organizations.getOrganization(workspace.orgId);
  return trials.disableForTrial(workspace, new Date(), org!.trialEndsAt!);
}

/** Disables a workspace for another reason than the trial (no route does that yet). */
export async function disableForOtherReason(workspaceId: string, reason: string): Promise<void> {
  const { client, keys } = await modules();
  await client.db.send(
    new UpdateCommand({
      TableName: process.env.TABLE_NAME,
      Key: keys.keys.workspace(workspaceId),
      UpdateExpression: 'SET #state = :disabled, disabledReason = :reason, disabledAt = :at, #version = #version + :one',
      ConditionExpression: 'attribute_exists(PK)',
      ExpressionAttributeNames: { '#state': 'state', '#version': 'version' },
      ExpressionAttributeValues: { ':disabled': 'disabled', ':reason': reason, ':at': new Date().toISOString(), ':one': 1 },
    }),
  );
}

export const endedSubject = (organizationName: string): string => `Your trial of ${organizationName} has ended`;
export const reminderSubject = (organizationName: string): string => `Your trial of ${organizationName} ends in 3 days`;

/** The trial emails to `address` about `organizationName`, oldest first. */
export async function trialEmails(address: string, organizationName: string): Promise<{ ended: SentEmail[]; reminders: SentEmail[] }> {
  const mails = await emailsTo(address);
  return {
    ended: mails.filter((m) => m.subject === endedSubject(organizationName)),
    reminders: mails.filter((m) => m.subject === reminderSubject(organizationName)),
  };
}

/** The step of a sweep that claims the end notice (the email itself is not sent here). */
export async function claimEndNotice(orgId: string, trialEndsAt: string): Promise<boolean> {
  const { trials } = await modules();
  return trials.claimNotice(orgId, 'trialEndedNoticeAt', trialEndsAt, new Date());
}
