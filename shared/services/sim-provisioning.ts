/**
 * Platform operators provision SIM cards to an organization: each card's ICCID and the activation
 * code printed on it (kept only as a scrypt hash). A batch is all or nothing. A card already
 * provisioned to the same organization with the same code is left as it is (a repeat is harmless);
 * one provisioned to another organization that still exists, or to this one with another code, is
 * 409 and nothing is written. A card of an organization that is gone returns to the platform and
 * can be provisioned again.
 */
import { assertSso } from '#auth/sso-check.js';
import type { Principal } from '#auth/principal.js';
import { keys } from '#db/keys.js';
import { batchGet } from '#db/ops.js';
import { toOrg } from '#db/records/organizations.js';
import { toProvisionedSim } from '#db/records/provisioned-sims.js';
import { toProfile } from '#db/records/users.js';
import { provisionSims } from '#db/repositories/provisioned-sims.js';
import { activationCodeMatches, hashActivationCode, newProvisionedSim, type ProvisionedSim } from '#domain/provisioned-sims.js';
import { ConflictError, NotFoundError } from '#kernel/errors.js';

export interface ProvisionedCard {
  iccid: string;
  provisionedAt: string;
  /** False when this request provisioned it; true when it already was (same organization, same code). */
  alreadyProvisioned: boolean;
}

/**
 * One BatchGet (the organization, the operator's profile for the SSO check, every card of the
 * batch), another only for cards held by other organizations (are they still there?), the hashes,
 * then one transaction.
 */
export async function provisionSimsTo(
  operator: Pick<Principal, 'userId' | 'identityProviders'>,
  orgId: string,
  batch: { iccid: string; activationCode: string }[],
  now = new Date(),
): Promise<{ organizationId: string; sims: ProvisionedCard[] }> {
  const [orgItem, profileItem, ...cardItems] = await batchGet(
    [keys.org(orgId), keys.user(operator.userId), ...batch.map((card) => keys.provisionedSim(card.iccid))],
    { consistent: true },
  );
  assertSso(operator, profileItem ? toProfile(profileItem) : undefined);
  if (!orgItem || orgItem.deletedAt) throw new NotFoundError('No such organization.');
  const org = toOrg(orgItem);
  const existing = cardItems.map((item) => (item ? toProvisionedSim(item) : undefined));

  const elsewhere = existing.filter((card): card is ProvisionedSim => card !== undefined && card.orgId !== org.id);
  const otherOrgIds = [...new Set(elsewhere.map((card) => card.orgId))];
  const otherOrgs = otherOrgIds.length ? await batchGet(otherOrgIds.map((id) => keys.org(id)), { consistent: true }) : [];
  const alive = new Set(otherOrgIds.filter((_, i) => otherOrgs[i] && !otherOrgs[i]!.deletedAt));

  const held = elsewhere.filter((card) => alive.has(card.orgId)).map((card) => card.iccid);
  if (held.length) throw new ConflictError(`Already provisioned to another organization: ${held.join(', ')}. Nothing was provisioned.`);
  const same = await Promise.all(batch.map((card, i) => (existing[i]?.orgId === org.id ? activationCodeMatches(card.activationCode, existing[i]!.codeHash) : undefined)));
  const otherCode = batch.filter((_, i) => same[i] === false).map((card) => card.iccid);
  if (otherCode.length) throw new ConflictError(`Already provisioned to this organization with another activation code: ${otherCode.join(', ')}. Nothing was provisioned.`);

  const fresh = batch.filter((_, i) => same[i] === undefined);
  const cards = await Promise.all(
    fresh.map(async (card) => newProvisionedSim({ iccid: card.iccid, orgId: org.id, codeHash: await hashActivationCode(card.activationCode), by: operator.userId, now })),
  );
  // The cards of organizations that are gone are replaced, each conditioned on the card as read.
  const replacing = new Map(elsewhere.map((card) => [card.iccid, card]));
  if (cards.length) await provisionSims(org.id, cards, replacing, operator.userId, now);
  return {
    organizationId: org.id,
    sims: batch.map((card, i) =>
      same[i] ? { iccid: card.iccid, provisionedAt: existing[i]!.provisionedAt, alreadyProvisioned: true } : { iccid: card.iccid, provisionedAt: now.toISOString(), alreadyProvisioned: false },
    ),
  };
}
