/**
 * Organizations, with their plan, trial and overview: request and response schemas, and the views
 * (records → API JSON). The lines of GET /orgs (`OrgSummary`) are built by its handler.
 */
import * as z from 'zod';
import type { Organization as OrganizationRecord } from '#domain/organizations.js';
import { Description, EXAMPLE, HttpsUrl, Id, Name, OrgRole, PageQuery, Plan, Timestamp } from './common.js';

const HexColor = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'must be a #rrggbb colour');
export const Branding = z
  .strictObject({
    primaryColor: HexColor.optional(),
    accentColor: HexColor.optional(),
    emailFooter: z.string().trim().max(500).optional(),
  })
  .meta({ id: 'Branding' });

export const OrgParams = z.strictObject({ orgId: Id });
export const OrgListQuery = PageQuery.extend({ q: z.string().trim().max(100).optional() });
export const OrgCreateBody = z
  .strictObject({
    name: Name(100),
    description: Description.optional(),
    logoUrl: HttpsUrl.optional(),
  })
  .meta({ examples: [{ name: 'Analytical Engines', description: 'Fleet telemetry', logoUrl: 'https://example.com/logo.png' }] });
export const OrgPatchBody = z
  .strictObject({
    name: Name(100).optional(),
    description: Description.nullable().optional(),
    logoUrl: HttpsUrl.nullable().optional(),
    branding: Branding.nullable().optional(),
  })
  .refine((b) => Object.keys(b).length > 0, 'must change at least one field')
  .meta({ examples: [{ name: 'Analytical Engines Ltd', branding: { primaryColor: '#1a2b3c', accentColor: '#ffcc00' } }] });
export const Organization = z
  .object({
    id: z.string(),
    name: z.string(),
    description: z.string().nullable(),
    logoUrl: z.string().nullable(),
    branding: Branding.nullable(),
    plan: Plan,
    trialEndsAt: Timestamp.nullable(),
    ownerId: z.string(),
    createdAt: Timestamp,
  })
  .meta({
    id: 'Organization',
    examples: [
      {
        id: EXAMPLE.orgId,
        name: 'Analytical Engines',
        description: 'Fleet telemetry',
        logoUrl: null,
        branding: null,
        plan: 'trial',
        trialEndsAt: EXAMPLE.later,
        ownerId: EXAMPLE.userId,
        createdAt: EXAMPLE.at,
      },
    ],
  });
export const OrgSummary = z
  .object({ id: z.string(), name: z.string(), role: OrgRole })
  .meta({ id: 'OrganizationSummary', examples: [{ id: EXAMPLE.orgId, name: 'Analytical Engines', role: 'owner' }] });
export const TransferOwnershipBody = z.strictObject({ userId: Id }).meta({ examples: [{ userId: EXAMPLE.otherUserId }] });
export const PlanBody = z.strictObject({ plan: z.enum(['free', 'pro', 'enterprise']) }).meta({ examples: [{ plan: 'pro' }] });
export const TrialExtensionBody = z
  .strictObject({ extendDays: z.number().int('must be a whole number of days').min(1).max(365) })
  .meta({ examples: [{ extendDays: 14 }] });
export const OrgOverview = z
  .object({
    workspaces: z.number().int(),
    members: z.number().int(),
    pendingInvitations: z.number().int(),
    devices: z.number().int(),
    sims: z.number().int(),
    trafficBytes: z.number().int(),
    freeTrafficBytes: z.number().int(),
  })
  .meta({
    id: 'OrganizationOverview',
    examples: [{ workspaces: 2, members: 5, pendingInvitations: 1, devices: 12, sims: 10, trafficBytes: 73_400_320, freeTrafficBytes: 1_000_000_000_000 }],
  });

export const orgView = (o: OrganizationRecord) => ({
  id: o.id,
  name: o.name,
  description: o.description,
  logoUrl: o.logoUrl,
  branding: o.branding,
  plan: o.plan,
  trialEndsAt: o.trialEndsAt,
  ownerId: o.ownerId,
  createdAt: o.createdAt,
});

/** Every organization gets its first terabyte of traffic free. */
export const FREE_TRAFFIC_BYTES = 1_000_000_000_000;

/** Overviews come from counters kept on the org and workspace items: no extra reads. */
export const orgOverviewView = (o: OrganizationRecord) => ({
  workspaces: o.workspaceCount,
  members: o.memberCount,
  pendingInvitations: o.pendingInvitationCount,
  devices: o.deviceCount,
  sims: o.simCount,
  trafficBytes: o.trafficBytes,
  freeTrafficBytes: FREE_TRAFFIC_BYTES,
});
