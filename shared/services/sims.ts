/** SIMs of a workspace: claim (register), list, change status or device, transfer to another workspace, record and read usage. */
import { randomUUID } from 'node:crypto';
import type { WorkspaceAccess } from '#auth/access.js';
import { assertMayTransferSim } from '#auth/decisions.js';
import { loadWorkspaceRoles } from '#auth/workspace-roles.js';
import { assertSso, assertSsoReading, assertWorkspaceSso } from '#auth/sso-check.js';
import type { Principal } from '#auth/principal.js';
import { keys } from '#db/keys.js';
import { getSimLocation, listSims, moveSim, registerSim, updateSim } from '#db/repositories/sims.js';
import { listUsage, putUsage } from '#db/repositories/usage.js';
import { toLocation, toSim } from '#db/records/sims.js';
import { getWorkspace } from '#db/repositories/workspaces.js';
import { getProvisionedSim } from '#db/repositories/provisioned-sims.js';
import { charge } from '#db/rate-limits.js';
import { limits } from '#domain/limits.js';
import { activationCodeMatches, NO_CARD_HASH, NO_SUCH_CARD } from '#domain/provisioned-sims.js';
import { arrivedSim, newSim, transferredLocation, type Sim } from '#domain/sims.js';
import { holderAt, summarizeUsage, usageRange, type UsageRecord } from '#domain/usage.js';
import type { Item } from '#db/ops.js';
import { assertWorkspaceWritable } from '#domain/trials.js';
import { ConflictError, NotFoundError } from '#kernel/errors.js';
import { cursorFrom, startKeyFrom, type Page } from '#db/paging.js';

/**
 * Claims a SIM card provisioned to the workspace's organization into the workspace, with the
 * activation code printed on it (new SIMs start `active`: see `newSim`). Every attempt is charged
 * first against the caller's and the organization's hourly allowance (a wrong code counts, so
 * guessing is bounded), read side by side with the card. An unknown ICCID, a card of another
 * organization and a wrong code answer the same 404 after the same work: one scrypt, against a
 * stand-in hash when there is no card.
 */
export async function registerSimIn(access: WorkspaceAccess, input: { iccid: string; activationCode: string }, now = new Date()): Promise<Sim> {
  const { workspace, userId } = access;
  // A disabled workspace refuses at once (423), before any allowance is spent.
  assertWorkspaceWritable(workspace);
  const [, card] = await Promise.all([
    charge([{ limit: limits.userSimClaims, subject: userId }, { limit: limits.orgSimClaims, subject: workspace.orgId }], now),
    getProvisionedSim(input.iccid),
  ]);
  const matches = await activationCodeMatches(input.activationCode, card?.codeHash ?? NO_CARD_HASH);
  if (!card || !matches || card.orgId !== workspace.orgId) throw new NotFoundError(NO_SUCH_CARD);
  const sim = newSim({ iccid: input.iccid, workspaceId: workspace.id, now });
  await registerSim(workspace, sim, card, userId);
  return sim;
}

export async function listSimsOf(access: WorkspaceAccess, options: { limit: number; cursor?: string }): Promise<Page<Sim>> {
  const scope = `sims|${access.userId}|${access.workspace.id}`;
  const { sims, lastKey } = await listSims(access.workspace.id, { limit: options.limit, startKey: startKeyFrom(scope, options.cursor) });
  return { items: sims, nextCursor: cursorFrom(scope, lastKey) };
}

export function editSim(
  access: WorkspaceAccess,
  iccid: string,
  changes: { status?: Sim['status']; deviceId?: string | null },
  ifMatch: number | undefined,
): Promise<Sim> {
  // The SIM rode in the authorization BatchGet (`alsoReads`); the update is pinned to its version.
  return updateSim(access.workspace, iccid, changes, { actorId: access.userId, ifMatch, read: access.named.sim });
}

/**
 * Moves a SIM to another workspace. Two reads before the write: the locator (where the SIM is),
 * then one BatchGet of the caller's profile (their SSO obligation, checked first) and access to
 * both workspaces together with the SIM item. A SIM in a workspace the caller cannot see, or a
 * target they cannot see, is 404 (nothing leaks); seeing both without being admin of both is 403.
 */
export async function transferSim(
  principal: Pick<Principal, 'userId' | 'identityProviders'>,
  iccid: string,
  targetWorkspaceId: string,
  now = new Date(),
): Promise<Sim> {
  const userId = principal.userId;
  const location = await getSimLocation(iccid);
  if (!location) {
    await assertSsoReading(principal);
    throw new NotFoundError('No such SIM.');
  }
  const { grants, also, profile } = await loadWorkspaceRoles([location.workspaceId, targetWorkspaceId], userId, [keys.sim(location.workspaceId, iccid)]);
  assertSso(principal, profile);
  const [source, target] = grants;
  if (!source) throw new NotFoundError('No such SIM.');
  if (!target) throw new NotFoundError('No such target workspace.');
  assertMayTransferSim(source.role, target.role);
  assertWorkspaceSso(principal, source.workspace);
  assertWorkspaceSso(principal, target.workspace);
  if (source.workspace.id === target.workspace.id) throw new ConflictError('The SIM is already in that workspace.');
  assertWorkspaceWritable(source.workspace);
  assertWorkspaceWritable(target.workspace);
  const simItem = also[0];
  // The locator was read first: a transfer that finished in between moved the SIM out of the partition read.
  if (!simItem) throw new ConflictError('The SIM was transferred meanwhile; reload and try again.');
  const sim = toSim(simItem);
  const next = transferredLocation(location, target.workspace.id, now);
  const arrived = arrivedSim(sim, target.workspace.id, next.since);
  await moveSim({ sim, arrived, location, next, source: source.workspace, target: target.workspace, actorId: userId });
  return arrived;
}

/** A usage record as its sender hears of it (not who sent it). */
export type RecordedUsage = Omit<UsageRecord, 'recordedBy'>;

/**
 * Records usage for the workspace that held the SIM at `at` (see `holderAt`): a late record
 * dated before a transfer still goes to the source. A transfer racing the write makes it attribute again.
 * `locatorItem`: the locator as the request wrapper read it with the operator's profile (`alsoReads`;
 * null: none such), so the first try costs no read of its own; later tries read it again.
 */
export async function recordUsage(
  operatorId: string,
  iccid: string,
  input: { at: string; bytes: number },
  locatorItem?: Item | null,
  now = new Date(),
): Promise<RecordedUsage> {
  const at = new Date(input.at).toISOString();
  for (let attempt = 0; attempt < 3; attempt++) {
    const location =
      attempt === 0 && locatorItem !== undefined ? (locatorItem ? toLocation(locatorItem) : undefined) : await getSimLocation(iccid);
    if (!location) throw new NotFoundError('No such SIM.');
    const workspaceId = holderAt(location, at, now);
    const workspace = await getWorkspace(workspaceId);
    if (!workspace) throw new ConflictError('The workspace that held the SIM at that time no longer exists.');
    const record: UsageRecord = { id: randomUUID(), iccid, workspaceId, at, bytes: input.bytes, recordedAt: now.toISOString(), recordedBy: operatorId };
    if ((await putUsage(record, workspace, location)) === 'written') {
      return { id: record.id, iccid, workspaceId, at, bytes: record.bytes, recordedAt: record.recordedAt };
    }
  }
  throw new ConflictError('The SIM kept moving; try again.');
}

/** A workspace's usage in `[from, to)`: one Query of its usage records in the range. */
export async function usageOf(access: WorkspaceAccess, query: { from?: string; to?: string }, now = new Date()) {
  const range = usageRange(query, now);
  const records = await listUsage(access.workspace.id, range);
  return { ...range, ...summarizeUsage(records) };
}
