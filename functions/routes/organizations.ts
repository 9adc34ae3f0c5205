/**
 * The route table's organizations rows. functions/routes.ts joins every part; a handler imports only its
 * own part, so its function builds only these rows' schemas (issue 15).
 */
import type { RouteSpec } from '#http/route.js';
import { read, write } from '#functions/routes/permissions.js';
import { AuditEvent, AuditQuery, CloudEvent, EventsQuery } from '#http/resources/audit.js';
import { BillingEventBody, BillingEventOutcome } from '#http/resources/billing.js';
import { page } from '#http/resources/common.js';
import { OrgCreateBody, OrgListQuery, OrgOverview, OrgParams, OrgPatchBody, OrgSummary, Organization, PlanBody, TransferOwnershipBody, TrialExtensionBody } from '#http/resources/organizations.js';

export const organizationsRoutes = {
  'GET /orgs': {
    handler: 'orgs/list', auth: 'user', scope: 'self', tag: 'Organizations',
    summary: 'My organizations, filtered by name', query: OrgListQuery, status: 200, response: page(OrgSummary),
    answers: {}, permissions: read,
  },
  'POST /orgs': {
    handler: 'orgs/create', auth: 'user', scope: 'self', tag: 'Organizations',
    summary: 'Create an organization (I become its owner; 14-day trial)', body: OrgCreateBody,
    status: 201, response: Organization, idempotent: true, answers: { 404: ['not_found'], 429: ['rate_limited'] }, etag: true, location: true, permissions: write,
  },
  'GET /orgs/{orgId}': {
    handler: 'orgs/get', auth: 'user', scope: 'org', action: 'org.read', tag: 'Organizations',
    summary: 'An organization', params: OrgParams, status: 200, response: Organization, answers: {}, etag: true, permissions: read,
  },
  'PATCH /orgs/{orgId}': {
    handler: 'orgs/patch', auth: 'user', scope: 'org', action: 'org.update', tag: 'Organizations',
    summary: 'Edit organization details (If-Match honoured)', params: OrgParams, body: OrgPatchBody,
    status: 200, response: Organization, answers: { 409: ['conflict'] }, etag: true, permissions: write,
  },
  'DELETE /orgs/{orgId}': {
    handler: 'orgs/delete', auth: 'user', scope: 'org', action: 'org.delete', tag: 'Organizations',
    summary: 'Delete the organization and everything in it', params: OrgParams, status: 204, response: null,
    answers: {}, permissions: write,
  },
  'POST /orgs/{orgId}/transfer-ownership': {
    handler: 'orgs/transfer-ownership', auth: 'user', scope: 'org', action: 'org.transferOwnership',
    tag: 'Organizations', summary: 'Make another member the owner; I become admin', params: OrgParams,
    body: TransferOwnershipBody, status: 200, response: Organization, answers: { 409: ['conflict'] }, etag: true, permissions: write,
  },

  'PUT /orgs/{orgId}/plan': {
    handler: 'orgs/plan', auth: 'user', scope: 'org', action: 'org.changePlan', tag: 'Organizations',
    summary: "Change the plan; a paid plan re-enables what the trial's end disabled", params: OrgParams, body: PlanBody,
    status: 200, response: Organization, answers: { 402: ['payment_required'], 409: ['conflict'] }, etag: true, permissions: write,
  },
  'POST /billing/events': {
    handler: 'billing/events', auth: 'billing', scope: 'public', tag: 'Billing',
    summary: "The billing provider's signed webhook (Billing-Signature): plan.changed sets the organization's plan, once per event id",
    body: BillingEventBody, status: 200, response: BillingEventOutcome, answers: {}, permissions: { ...write, billingSecret: true },
  },
  'GET /orgs/{orgId}/overview': {
    handler: 'orgs/overview', auth: 'user', scope: 'org', action: 'org.readMembers', tag: 'Organizations',
    summary: 'Counts of workspaces, members, invitations, devices, SIMs and traffic (one read)', params: OrgParams,
    status: 200, response: OrgOverview, answers: {}, permissions: read,
  },
  'POST /admin/orgs/{orgId}/trial': {
    handler: 'admin/extend-trial', auth: 'user', scope: 'operator', tag: 'Platform operators',
    summary: "Extend an organization's trial (platform operators)", params: OrgParams, body: TrialExtensionBody,
    status: 200, response: Organization, answers: { 409: ['conflict'] }, etag: true, permissions: write, ssoByOperation: true,
  },
  'GET /orgs/{orgId}/audit': {
    handler: 'audit/list', auth: 'user', scope: 'org', action: 'org.readAudit', tag: 'Organizations',
    summary: 'Audit events, newest first', params: OrgParams, query: AuditQuery, status: 200,
    response: page(AuditEvent), answers: {}, permissions: read,
  },
  'GET /orgs/{orgId}/events': {
    handler: 'audit/events', auth: 'user', scope: 'org', action: 'org.readAudit', tag: 'Organizations',
    summary: 'The change feed: every audited change as a CloudEvents 1.0 event, oldest first, from `since`, of one `type` (for replay)',
    params: OrgParams, query: EventsQuery, status: 200, response: page(CloudEvent), answers: {}, permissions: read,
  },
} satisfies Record<string, RouteSpec>;
