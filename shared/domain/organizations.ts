/** The organization record: its type, the defaults it starts from (and older items read as), its factory. */
import { randomUUID } from 'node:crypto';
import { definedOnly } from '#kernel/objects.js';
import { trialEnd, type Plan } from '#domain/plans.js';

export interface Branding {
  primaryColor?: string;
  accentColor?: string;
  emailFooter?: string;
}

export interface Organization {
  id: string;
  name: string;
  description: string | null;
  logoUrl: string | null;
  branding: Branding | null;
  plan: Plan;
  trialEndsAt: string | null;
  ownerId: string;
  createdAt: string;
  workspaceCount: number;
  memberCount: number;
  /** Invitations not yet accepted, declined or withdrawn. */
  pendingInvitationCount: number;
  deviceCount: number;
  simCount: number;
  trafficBytes: number;
  /** When the sweep ended the trial (cleared when the trial is extended). */
  trialExpiredAt: string | null;
  version: number;
  /** Set the moment deletion starts; from then on nothing of the org is readable. */
  deletedAt?: string;
}

/** What an organization holds unless told otherwise: a new one starts so, an older item without the field reads so. */
export const organizationDefaults = () =>
  ({
    description: null,
    logoUrl: null,
    branding: null,
    trialEndsAt: null,
    workspaceCount: 0,
    memberCount: 0,
    pendingInvitationCount: 0,
    deviceCount: 0,
    simCount: 0,
    trafficBytes: 0,
    trialExpiredAt: null,
    version: 1,
  }) satisfies Partial<Organization>;

/** A new organization on a 14-day trial, its owner already counted as a member. */
export function newOrganization(input: {
  name: string;
  ownerId: string;
  now: Date;
  description?: string | null;
  logoUrl?: string | null;
  workspaceCount?: number;
}): Organization {
  return {
    ...organizationDefaults(),
    ...definedOnly({ description: input.description, logoUrl: input.logoUrl, workspaceCount: input.workspaceCount }),
    id: randomUUID(),
    name: input.name,
    plan: 'trial',
    trialEndsAt: trialEnd(input.now),
    ownerId: input.ownerId,
    createdAt: input.now.toISOString(),
    memberCount: 1,
  };
}
