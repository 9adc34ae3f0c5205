/**
 * The record declarations (`shared/db/records/*`): a record survives item → record, an older item
 * that lacks an attribute reads as the domain's defaults (the same a factory starts from), and
 * what an item carries besides the record (keys, type, index entries, search text) is not read back.
 */
import { describe, expect, it } from 'vitest';
import { newAuditEvent } from '#domain/audit.js';
import { newDevice } from '#domain/devices.js';
import { newInvitation } from '#domain/invitations.js';
import { membershipDefaults, newMembership } from '#domain/members.js';
import { newOrganization, organizationDefaults } from '#domain/organizations.js';
import { newSim, newSimLocation } from '#domain/sims.js';
import { newStream } from '#domain/streams.js';
import { newProfile, profileDefaults } from '#domain/users.js';
import { newWorkspace, workspaceDefaults } from '#domain/workspaces.js';
import { auditItem, toAuditEvent } from '#db/records/audit.js';
import { billingEventItem, toBillingEventReceipt } from '#db/records/billing-events.js';
import { newBillingEventReceipt } from '#domain/billing.js';
import { deviceItem, toDevice } from '#db/records/devices.js';
import { grantItem, toDeviceGrant } from '#db/records/device-grants.js';
import { invitationItem, linkItem, toInvitation, toLink } from '#db/records/invitations.js';
import { membershipItem, toMembership } from '#db/records/members.js';
import { orgItem, toOrg } from '#db/records/organizations.js';
import { locatorItem, simItem, simLocatorsAmong, toLocation, toSim } from '#db/records/sims.js';
import { streamItem, toStream } from '#db/records/streams.js';
import { profileItem, toProfile } from '#db/records/users.js';
import { toWorkspaceMembership, workspaceMembershipItem } from '#db/records/workspace-members.js';
import { toWorkspace, workspaceItem } from '#db/records/workspaces.js';

const now = new Date('2026-03-01T12:00:00.000Z');
const user = { id: 'u1', email: 'ada@example.com', givenName: 'Ada', familyName: 'Lovelace' };

describe('item → record gives the record back', () => {
  const org = newOrganization({ name: 'Engines', ownerId: 'u1', now });
  const workspace = newWorkspace({ orgId: org.id, name: 'Default', createdBy: 'u1', now });
  const cases: [string, unknown, (r: never) => Record<string, unknown>, (i: Record<string, unknown>) => unknown][] = [
    ['organization', org, orgItem, toOrg],
    ['workspace', workspace, workspaceItem, toWorkspace],
    ['membership', newMembership({ orgId: org.id, user, role: 'owner', now, workspaces: { [workspace.id]: 'admin' } }), membershipItem, toMembership],
    ['workspace membership', { workspaceId: workspace.id, orgId: org.id, userId: 'u1', role: 'editor', addedBy: 'u2', addedAt: now.toISOString() }, workspaceMembershipItem, toWorkspaceMembership],
    ['profile', newProfile({ ...user, now, defaultWorkspaceId: workspace.id, orgRoles: { [org.id]: 'owner' } }), profileItem, toProfile],
    ['invitation', newInvitation({ orgId: org.id, email: 'Bob@Example.com', role: 'member', workspaces: [], message: null, invitedBy: 'u1', invitedByName: 'Ada', tokenHash: 'h', now }), invitationItem, toInvitation],
    ['device', newDevice({ workspaceId: workspace.id, name: 'pump-1', createdBy: 'u1', keyHash: 'k', now }), deviceItem, toDevice],
    ['device grant', { workspaceId: workspace.id, orgId: org.id, deviceId: 'd1', userId: 'u2', access: 'read', grantedBy: 'u1', grantedAt: now.toISOString() }, grantItem, toDeviceGrant],
    ['stream', newStream({ workspaceId: workspace.id, name: 'telemetry', createdBy: 'u1', now }), streamItem, toStream],
    ['SIM', newSim({ iccid: '89012345678901234565', workspaceId: workspace.id, now }), simItem, toSim],
    ['SIM locator', newSimLocation({ iccid: '89012345678901234565', workspaceId: workspace.id, createdAt: now.toISOString() }), locatorItem, toLocation],
    ['billing event receipt', newBillingEventReceipt({ id: 'evt_1', organizationId: org.id, plan: 'pro' }, now), billingEventItem, toBillingEventReceipt],
  ];
  it.each(cases)('%s', (_, record, item, from) => {
    const stored = item(record as never);
    expect(stored.PK).toEqual(expect.any(String));
    expect(stored.SK).toEqual(expect.any(String));
    expect(stored.type).toEqual(expect.any(String));
    expect(from(stored)).toEqual(record);
  });

  it('audit event (its organization is the partition, not an attribute)', () => {
    const event = newAuditEvent({ actorId: 'u1', action: 'workspace.created', target: { type: 'workspace', id: workspace.id } }, now);
    const stored = auditItem(org.id, event);
    expect(stored).toMatchObject({ PK: `ORG#${org.id}`, SK: `AUDIT#${event.at}#${event.id}`, type: 'AuditEvent' });
    expect(toAuditEvent(stored)).toEqual({ ...event, details: {} });
  });
});

describe('an older item without an attribute reads as the domain default', () => {
  it('organization: the factory and the mapper start from the same defaults', () => {
    const read = toOrg({ id: 'o', name: 'Old', plan: 'pro', ownerId: 'u', createdAt: now.toISOString() });
    expect(read).toEqual({ id: 'o', name: 'Old', plan: 'pro', ownerId: 'u', createdAt: now.toISOString(), ...organizationDefaults() });
    // A new one starts from them too, but for its trial and its owner, counted as a member.
    const { trialEndsAt, memberCount, ...rest } = organizationDefaults();
    const created = newOrganization({ name: 'New', ownerId: 'u', now });
    expect(created).toMatchObject(rest);
    expect([created.trialEndsAt, created.memberCount]).not.toEqual([trialEndsAt, memberCount]);
    expect(created.memberCount).toBe(1);
  });

  it('workspace, membership, profile', () => {
    expect(toWorkspace({ id: 'w', orgId: 'o', name: 'W', createdBy: 'u', createdAt: 't' })).toEqual({
      id: 'w', orgId: 'o', name: 'W', createdBy: 'u', createdAt: 't', ...workspaceDefaults(),
    });
    expect(toMembership({ orgId: 'o', userId: 'u', role: 'member', email: 'e', memberSince: 't' })).toEqual({
      orgId: 'o', userId: 'u', role: 'member', email: 'e', memberSince: 't', ...membershipDefaults(),
    });
    expect(toProfile({ id: 'u', email: 'e', givenName: 'G', familyName: 'F', createdAt: 't' })).toEqual({
      id: 'u', email: 'e', givenName: 'G', familyName: 'F', createdAt: 't', ...profileDefaults(),
    });
  });

  it('each read gets its own default objects (changing one record changes no other)', () => {
    const a = toProfile({ id: 'a', email: 'e', givenName: 'G', familyName: 'F', createdAt: 't' });
    const b = toProfile({ id: 'b', email: 'e', givenName: 'G', familyName: 'F', createdAt: 't' });
    a.orgRoles.o1 = 'owner';
    expect(b.orgRoles).toEqual({});
    expect(profileDefaults().orgRoles).toEqual({});
  });
});

describe('what an item carries besides the record', () => {
  it('an organization on trial is in the trial index; one on a paid plan is not', () => {
    const org = newOrganization({ name: 'Engines', ownerId: 'u1', now });
    expect(orgItem(org)).toMatchObject({ GSI2PK: `TRIAL#${org.trialEndsAt!.slice(0, 10)}`, GSI2SK: `${org.trialEndsAt}#${org.id}` });
    expect(orgItem({ ...org, plan: 'pro' })).not.toHaveProperty('GSI2PK');
    expect(toOrg({ ...orgItem(org), trialReminderSentAt: 'x' })).toEqual(org);
  });

  it('a device leaves unset attributes out (the SIM side attaches with attribute_not_exists)', () => {
    const device = newDevice({ workspaceId: 'w', name: 'pump-1', createdBy: 'u1', keyHash: 'k', now });
    const stored = deviceItem(device);
    expect(stored).not.toHaveProperty('simIccid');
    expect(stored).not.toHaveProperty('description');
    expect(toDevice(stored).simIccid).toBeNull();
  });

  it("a membership's device grants are the string set on its item, never written as a list", () => {
    const member = newMembership({ orgId: 'o', user, role: 'member', now });
    const stored = membershipItem({ ...member, deviceGrants: ['w/d1'] });
    expect(stored).not.toHaveProperty('deviceGrants');
    expect(stored).toMatchObject({ GSI1PK: 'USER#u1', GSI1SK: 'ORG#o', search: 'ada lovelace ada@example.com' });
    expect(toMembership({ ...stored, grantedDevices: new Set(['w/d1', 'w/d2']) }).deviceGrants).toEqual(['w/d1', 'w/d2']);
    expect(toMembership(stored)).not.toHaveProperty('deviceGrants');
  });

  it('an invitation is lower-cased and searchable; its link expires with it', () => {
    const invitation = newInvitation({ orgId: 'o', email: 'Bob@Example.com', role: 'member', workspaces: [{ workspaceId: 'w', role: 'viewer' }], message: null, invitedBy: 'u1', invitedByName: 'Ada', tokenHash: 'h', now });
    expect(invitation).toMatchObject({ email: 'bob@example.com', status: 'pending', emailStatus: 'failed', version: 1 });
    expect(invitationItem(invitation).search).toBe('bob@example.com');
    const link = linkItem(invitation, 'h');
    expect(link).toMatchObject({ PK: 'INVTOKEN#h', ttl: Math.floor(Date.parse(invitation.expiresAt) / 1000) });
    expect(toLink(link)).toEqual({ orgId: 'o', invitationId: invitation.id, workspaceIds: ['w'] });
  });

  it('a billing event receipt is keyed by the event id alone and leaves the table 30 days after it came', () => {
    const item = billingEventItem(newBillingEventReceipt({ id: 'evt_1', organizationId: 'o1', plan: 'enterprise' }, now));
    expect(item).toMatchObject({ PK: 'BILLINGEVENT#evt_1', SK: 'BILLINGEVENT', type: 'BillingEvent', orgId: 'o1', plan: 'enterprise' });
    expect(item.ttl).toBe(Date.parse('2026-03-31T12:00:00.000Z') / 1000);
  });

  it("the purge finds the locators of a workspace's SIMs by their items' type", () => {
    const sim = newSim({ iccid: '89012345678901234565', workspaceId: 'w', now });
    const device = newDevice({ workspaceId: 'w', name: 'pump-1', createdBy: 'u1', keyHash: 'k', now });
    expect(simLocatorsAmong([simItem(sim), deviceItem(device)])).toEqual([{ PK: 'SIM#89012345678901234565', SK: 'LOCATION' }]);
  });
});
