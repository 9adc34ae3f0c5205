/**
 * The trial sweep: ends expired trials (disabling their organizations' workspaces), reminds
 * owners 3 days before, and finishes interrupted deletions. The only service that sends the
 * trial emails, so only the scheduled sweep function bundles the SES client.
 */
import { config } from '#kernel/config.js';
import { getOrganization } from '#db/repositories/organizations.js';
import { pendingPurges, purgeOrganization, purgeWorkspace } from '#db/repositories/purge.js';
import {
  claimNotice,
  disableForTrial,
  dropFromTrialIndex,
  markTrialExpired,
  saveSweepWatermark,
  sweepWatermark,
  trialIndexPage,
  type TrialEntry,
} from '#db/repositories/trials.js';
import { listAllOrgWorkspaces } from '#db/repositories/workspaces.js';
import { daysBetween, dayOf, reminderHorizon, SWEEP_EPOCH_DAY, sweptThrough } from '#domain/trials.js';
import { sendEmail } from '#email/ses.js';
import { trialEndedEmail, trialReminderEmail } from '#email/templates.js';
import type { SweepStats } from '#services/sweep-types.js';
import { ownerContact } from '#services/owners.js';

export type { SweepStats };


/** Reads every page of one day's trial-index partition within `range`. */
async function* indexEntries(day: string, range: { from?: string; to: string }, stats: SweepStats): AsyncGenerator<TrialEntry> {
  let start: Record<string, unknown> | undefined;
  do {
    const page = await trialIndexPage(day, range, start);
    stats.indexQueries += 1;
    stats.indexItemsRead += page.read;
    yield* page.entries;
    start = page.lastKey;
  } while (start);
}

/** Ends one expired trial. Every step is idempotent, so a sweep stopped midway finishes on rerun. */
async function expire(entry: TrialEntry, at: Date, stats: SweepStats): Promise<void> {
  const org = await getOrganization(entry.orgId);
  if (!org || org.plan !== 'trial' || org.trialEndsAt !== entry.trialEndsAt) {
    // Deleted, upgraded or extended meanwhile: the index entry is stale.
    if (org && org.plan !== 'trial') await dropFromTrialIndex(org.id);
    return;
  }
  for (const workspace of await listAllOrgWorkspaces(org.id)) {
    if (await disableForTrial(workspace, at, entry.trialEndsAt)) stats.disabledWorkspaces += 1;
  }
  if (await claimNotice(org.id, 'trialEndedNoticeAt', entry.trialEndsAt, at)) {
    const owner = await ownerContact(org);
    if (owner && (await sendEmail(trialEndedEmail({ to: owner.email, ownerName: owner.name, organizationName: org.name, portalUrl: config().portalUrl }))) === 'sent') {
      stats.endNoticesSent += 1;
    }
  }
  // Last: leaving the index is what marks the job done for this organization.
  if (await markTrialExpired(org.id, entry.trialEndsAt, at)) stats.expiredOrganizations += 1;
}

async function remind(entry: TrialEntry, at: Date, stats: SweepStats): Promise<void> {
  if (entry.trialReminderSentAt || !(await claimNotice(entry.orgId, 'trialReminderSentAt', entry.trialEndsAt, at))) return;
  const org = await getOrganization(entry.orgId);
  const owner = org && (await ownerContact(org));
  if (!org || !owner) return;
  const email = trialReminderEmail({ to: owner.email, ownerName: owner.name, organizationName: org.name, trialEndsAt: entry.trialEndsAt, portalUrl: config().portalUrl });
  if ((await sendEmail(email)) === 'sent') stats.remindersSent += 1;
}

/**
 * One sweep, as if at `at`: ends every trial that ended by then and reminds owners whose trial
 * ends within 3 days. It reads only the trial index's partitions from its watermark to the day
 * of `at` (and the 3 days after for reminders), so its cost follows the number of trials ending,
 * not the size of the table. A second run changes and sends nothing.
 */
export async function runSweep(options: { at?: Date; now?: Date } = {}): Promise<SweepStats> {
  const at = options.at ?? new Date();
  const now = options.now ?? new Date();
  const stats: SweepStats = {
    at: at.toISOString(),
    examined: 0,
    expiredOrganizations: 0,
    disabledWorkspaces: 0,
    remindersSent: 0,
    endNoticesSent: 0,
    purgesFinished: 0,
    indexQueries: 0,
    indexItemsRead: 0,
  };
  // Deletions cut short (a timeout, a crash) are finished here: nothing of them stays readable.
  for (const { kind, id } of await pendingPurges()) {
    await (kind === 'ORG' ? purgeOrganization(id) : purgeWorkspace(id));
    stats.purgesFinished += 1;
  }
  const watermark = (await sweepWatermark()) ?? SWEEP_EPOCH_DAY;
  for (const day of daysBetween(watermark, dayOf(at))) {
    for await (const entry of indexEntries(day, { to: at.toISOString() }, stats)) {
      stats.examined += 1;
      await expire(entry, at, stats);
    }
  }
  const horizon = reminderHorizon(at);
  for (const day of daysBetween(dayOf(at), dayOf(horizon))) {
    for await (const entry of indexEntries(day, { from: at.toISOString(), to: horizon.toISOString() }, stats)) {
      stats.examined += 1;
      await remind(entry, at, stats);
    }
  }
  const through = sweptThrough(at, now);
  if (through > watermark) await saveSweepWatermark(through);
  return stats;
}
