/** How new records start out: one place, so sign-up, create and accept agree. */
import { randomUUID } from 'node:crypto';
import type { OrgRole, WorkspaceRole } from '#domain/roles.js';
import type { OrgMembership, Organization, Workspace } from '#domain/model.js';
import { trialEnd } from '#domain/plans.js';

/** A new organization on a 14-day trial. */
export function newOrganization(input: {
  name: string;
  ownerId: string;
  now: Date;
  description?: string | null;
  logoUrl?: string | null;
  workspaceCount?: number;
}): Organization {
  return {
    id: randomUUID(),
    name: input.name,
    description: input.description ?? null,
    logoUrl: input.logoUrl ?? null,
    branding: null,
    plan: 'trial',
    trialEndsAt: trialEnd(input.now),
    ownerId: input.ownerId,
    createdAt: input.now.toISOString(),
    workspaceCount: input.workspaceCount ?? 0,
    memberCount: 1,
    pendingInvitationCount: 0,
    deviceCount: 0,
    simCount: 0,
    trafficBytes: 0,
    trialExpiredAt: null,
    version: 1,
  };
}

export function newWorkspace(input: { orgId: string; name: string; createdBy: string; now: Date; description?: string | null }): Workspace {
  return {
    id: randomUUID(),
    orgId: input.orgId,
    name: input.name,
    description: input.description ?? null,
    state: 'enabled',
    disabledReason: null,
    disabledAt: null,
    sso: null,
    createdBy: input.createdBy,
    createdAt: input.now.toISOString(),
    memberCount: 0,
    deviceCount: 0,
    streamCount: 0,
    simCount: 0,
    trafficBytes: 0,
    version: 1,
  };
}

export function newMembership(input: {
  orgId: string;
  user: { id: string; email: string; givenName: string; familyName: string };
  role: OrgRole;
  now: Date;
  invitedBy?: string | null;
  invitedAt?: string | null;
  workspaces?: Record<string, WorkspaceRole>;
}): OrgMembership {
  return {
    orgId: input.orgId,
    userId: input.user.id,
    role: input.role,
    email: input.user.email,
    givenName: input.user.givenName,
    familyName: input.user.familyName,
    invitedBy: input.invitedBy ?? null,
    invitedAt: input.invitedAt ?? null,
    memberSince: input.now.toISOString(),
    workspaces: input.workspaces ?? {},
    version: 1,
  };
}
