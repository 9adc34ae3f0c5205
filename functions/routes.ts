/**
 * The route table: the single source read by the CDK stack (one function + one route per
 * row), the local gateway (same routes, same handlers) and the OpenAPI document.
 * Adding an operation on an existing resource = a handler file, a row here, and the service and
 * repository functions it calls (docs/changes.md lists what a change touches).
 */
import type { HttpMethod, Route, RouteSpec } from '#http/route.js';
import { page, PageQuery } from '#http/resources/common.js';
import { Health, OpenApiDocument } from '#http/resources/service.js';
import { Me, MePatchBody, SignupBody } from '#http/resources/me.js';
import { IdentityProvider, IdentityProviderCreateBody, IdentityProviderListQuery, IdentityProviderParams } from '#http/resources/identity-providers.js';
import {
  OrgCreateBody, OrgListQuery, OrgOverview, OrgParams, OrgPatchBody, OrgSummary, Organization, PlanBody, TransferOwnershipBody, TrialExtensionBody,
} from '#http/resources/organizations.js';
import { AuditEvent, AuditQuery } from '#http/resources/audit.js';
import { BillingEventBody, BillingEventOutcome } from '#http/resources/billing.js';
import {
  Invitation, InvitationAcceptance, InvitationCreateBody, InvitationListQuery, InvitationParams, InvitationPatchBody, InvitationPreview, TokenParams,
} from '#http/resources/invitations.js';
import { Member, MemberListQuery, MemberParams, MemberPatchBody } from '#http/resources/members.js';
import {
  Workspace, WorkspaceCreateBody, WorkspaceListQuery, WorkspaceMoveBody, WorkspaceMoveResult, WorkspaceOverview, WorkspaceParams, WorkspacePatchBody,
} from '#http/resources/workspaces.js';
import { WorkspaceMember, WorkspaceMemberListQuery, WorkspaceMemberParams, WorkspaceMemberPutBody } from '#http/resources/workspace-members.js';
import {
  CreatedDevice, Device, DeviceCreateBody, DeviceGrant, DeviceGrantBody, DeviceGrantParams, DeviceListParams, DeviceListQuery, DeviceParams, DevicePatchBody,
} from '#http/resources/devices.js';
import {
  IngestAccepted, IngestBody, IngestParams, Stream, StreamCreateBody, StreamListParams, StreamListQuery, StreamParams,
} from '#http/resources/streams.js';
import {
  IccidParams, ProvisionedSims, Report, ReportQuery, Sim, SimCreateBody, SimListParams, SimParams, SimPatchBody, SimProvisionBody, SimTransferBody, Usage,
  UsageBody, UsageQuery, UsageRecord,
} from '#http/resources/sims.js';

const read = { table: 'read' } as const;
const write = { table: 'readWrite' } as const;
/** The identity-provider routes: the table, and the five Cognito actions on the user pool. */
const identityProviders = { table: 'readWrite', identityProviders: true } as const;

export const routes = {
  // ── Service ────────────────────────────────────────────────────────────────
  'GET /health': {
    handler: 'service/health', auth: 'none', scope: 'public', tag: 'Service',
    summary: 'Liveness', status: 200, response: Health, answers: {}, permissions: {},
  },
  'GET /openapi.json': {
    handler: 'service/openapi', auth: 'none', scope: 'public', tag: 'Service',
    summary: 'This OpenAPI document', status: 200, response: OpenApiDocument, answers: {}, permissions: {},
  },

  // ── Me ─────────────────────────────────────────────────────────────────────
  'POST /signup': {
    handler: 'me/signup', auth: 'user', scope: 'self', tag: 'Me',
    summary: 'Create my profile, my organization (14-day trial) and its first workspace',
    body: SignupBody, status: 201, response: Me, answers: { success: [{ status: 200, when: 'a repeat: the profile exists already, nothing is created' }], 400: ['invalid_email'], 409: ['conflict'], 429: ['rate_limited'] }, location: true, permissions: write, ssoByOperation: true,
  },
  'GET /me': {
    handler: 'me/get', auth: 'user', scope: 'self', tag: 'Me',
    summary: 'My profile, organizations and workspaces', status: 200, response: Me, answers: { 404: ['not_found'] }, permissions: read, ssoExempt: true,
  },
  'PATCH /me': {
    handler: 'me/patch', auth: 'user', scope: 'self', tag: 'Me',
    summary: 'Change my name or default workspace', body: MePatchBody, status: 200, response: Me, answers: { 404: ['not_found'], 409: ['conflict'] }, etag: true, permissions: write,
  },

  // ── Organizations ──────────────────────────────────────────────────────────
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

  // ── Invitations ────────────────────────────────────────────────────────────
  'POST /orgs/{orgId}/invitations': {
    handler: 'invitations/create', auth: 'user', scope: 'org', action: 'org.invite', tag: 'Invitations',
    summary: 'Invite someone by email with an org role and optional workspace roles', params: OrgParams,
    body: InvitationCreateBody, status: 201, response: Invitation, idempotent: true, answers: { 409: ['conflict'], 429: ['rate_limited'] }, etag: true, location: true, permissions: { ...write, email: true },
  },
  'GET /orgs/{orgId}/invitations': {
    handler: 'invitations/list', auth: 'user', scope: 'org', action: 'org.readMembers', tag: 'Invitations',
    summary: "The organization's invitations, by status", params: OrgParams, query: InvitationListQuery, status: 200,
    response: page(Invitation), answers: {}, permissions: read,
  },
  'PATCH /orgs/{orgId}/invitations/{invitationId}': {
    handler: 'invitations/patch', auth: 'user', scope: 'org', action: 'org.invite', tag: 'Invitations',
    summary: 'Change the roles of a pending invitation', params: InvitationParams, body: InvitationPatchBody,
    status: 200, response: Invitation, answers: { 409: ['conflict'] }, etag: true, permissions: write, alsoReads: ['invitation'],
  },
  'POST /orgs/{orgId}/invitations/{invitationId}/resend': {
    handler: 'invitations/resend', auth: 'user', scope: 'org', action: 'org.invite', tag: 'Invitations',
    summary: 'Send a new link (the old one dies); at most once a minute', params: InvitationParams, status: 200,
    response: Invitation, answers: { 409: ['conflict'], 429: ['rate_limited'] }, etag: true, permissions: { ...write, email: true }, alsoReads: ['invitation'],
  },
  'DELETE /orgs/{orgId}/invitations/{invitationId}': {
    handler: 'invitations/delete', auth: 'user', scope: 'org', action: 'org.invite', tag: 'Invitations',
    summary: 'Withdraw a pending invitation (its link dies)', params: InvitationParams, status: 204, response: null,
    answers: { 409: ['conflict'] }, permissions: write, alsoReads: ['invitation'],
  },
  'GET /invitations/{token}': {
    handler: 'invitations/preview', auth: 'none', scope: 'public', tag: 'Invitations',
    summary: 'What an invitation link offers (no sign-in needed)', params: TokenParams, status: 200,
    response: InvitationPreview, answers: {}, permissions: read,
  },
  'POST /invitations/{token}/accept': {
    handler: 'invitations/accept', auth: 'user', scope: 'self', tag: 'Invitations',
    summary: 'Join with the invited roles (the invitee only; once)', params: TokenParams, status: 200, response: InvitationAcceptance,
    answers: { 400: ['invalid_email'], 409: ['conflict'] }, permissions: write, ssoByOperation: true,
  },
  'POST /invitations/{token}/decline': {
    handler: 'invitations/decline', auth: 'user', scope: 'self', tag: 'Invitations',
    summary: 'Decline the invitation (the invitee only)', params: TokenParams, status: 204, response: null,
    answers: { 400: ['invalid_email'], 409: ['conflict'] }, permissions: write, ssoByOperation: true,
  },

  // ── Identity providers ─────────────────────────────────────────────────────
  'GET /orgs/{orgId}/identity-providers': {
    handler: 'identity-providers/list', auth: 'user', scope: 'org', action: 'org.readIdentityProviders', tag: 'Identity providers',
    summary: "The organization's own SAML and OIDC providers (never a secret)", params: OrgParams, query: IdentityProviderListQuery,
    status: 200, response: page(IdentityProvider), answers: {}, permissions: read,
  },
  'POST /orgs/{orgId}/identity-providers': {
    handler: 'identity-providers/create', auth: 'user', scope: 'org', action: 'org.manageIdentityProviders', tag: 'Identity providers',
    summary: "Register a SAML or OIDC provider (name unique in the deployment) and enable it on the portal client: usable as a workspace's SSO providerName",
    params: OrgParams, body: IdentityProviderCreateBody, status: 201, response: IdentityProvider, idempotent: true, answers: { 409: ['conflict', 'quota_exceeded'] }, location: true, permissions: identityProviders,
  },
  'DELETE /orgs/{orgId}/identity-providers/{name}': {
    handler: 'identity-providers/delete', auth: 'user', scope: 'org', action: 'org.manageIdentityProviders', tag: 'Identity providers',
    summary: 'Remove the provider from the portal client and the user pool (409 while a workspace requires SSO through it)',
    params: IdentityProviderParams, status: 204, response: null, answers: { 409: ['conflict'] }, permissions: identityProviders, alsoReads: ['identityProvider'],
  },

  // ── Members ────────────────────────────────────────────────────────────────
  'GET /orgs/{orgId}/members': {
    handler: 'members/list', auth: 'user', scope: 'org', action: 'org.readMembers', tag: 'Members',
    summary: 'The member directory', params: OrgParams, query: MemberListQuery, status: 200,
    response: page(Member), answers: {}, permissions: read,
  },
  'GET /orgs/{orgId}/members/{userId}': {
    handler: 'members/get', auth: 'user', scope: 'org', action: 'org.readMember', tag: 'Members',
    summary: 'One member (the shareable per-member link)', params: MemberParams, status: 200, response: Member,
    answers: {}, etag: true, permissions: read, alsoReads: ['member'],
  },
  'PATCH /orgs/{orgId}/members/{userId}': {
    handler: 'members/patch', auth: 'user', scope: 'org', action: 'org.manageMembers', tag: 'Members',
    summary: "Change a member's role (never to or from owner)", params: MemberParams, body: MemberPatchBody,
    status: 200, response: Member, answers: { 409: ['conflict'] }, etag: true, permissions: write, alsoReads: ['member'],
  },
  'DELETE /orgs/{orgId}/members/{userId}': {
    handler: 'members/delete', auth: 'user', scope: 'org', action: 'org.removeMember', tag: 'Members',
    summary: 'Remove a member (or leave), with their workspace roles in the org', params: MemberParams,
    status: 204, response: null, answers: { 409: ['conflict'] }, permissions: write, alsoReads: ['member', 'memberProfile'],
  },

  // ── Workspaces ─────────────────────────────────────────────────────────────
  'GET /orgs/{orgId}/workspaces': {
    handler: 'workspaces/list', auth: 'user', scope: 'org', action: 'org.read', tag: 'Workspaces',
    summary: 'The workspaces of the organization that I can see', params: OrgParams, query: WorkspaceListQuery,
    status: 200, response: page(Workspace), answers: {}, permissions: read,
  },
  'POST /orgs/{orgId}/workspaces': {
    handler: 'workspaces/create', auth: 'user', scope: 'org', action: 'org.createWorkspace', tag: 'Workspaces',
    summary: "Create a workspace within the plan's quota", params: OrgParams, body: WorkspaceCreateBody,
    status: 201, response: Workspace, idempotent: true, answers: { 409: ['conflict', 'quota_exceeded'] }, etag: true, location: true, permissions: write,
  },
  'GET /workspaces/{workspaceId}': {
    handler: 'workspaces/get', auth: 'user', scope: 'workspace', action: 'workspace.read', tag: 'Workspaces',
    summary: 'A workspace', params: WorkspaceParams, status: 200, response: Workspace, answers: {}, etag: true, permissions: read,
  },
  'GET /workspaces/{workspaceId}/overview': {
    handler: 'workspaces/overview', auth: 'user', scope: 'workspace', action: 'workspace.read', tag: 'Workspaces',
    summary: 'Counts of members, devices, streams, SIMs and traffic (one read)', params: WorkspaceParams, status: 200,
    response: WorkspaceOverview, answers: {}, permissions: read,
  },
  'PATCH /workspaces/{workspaceId}': {
    handler: 'workspaces/patch', auth: 'user', scope: 'workspace', action: 'workspace.update', tag: 'Workspaces',
    summary: 'Edit workspace details; SSO needs workspace admin (If-Match honoured)', params: WorkspaceParams,
    body: WorkspacePatchBody, status: 200, response: Workspace, answers: { 409: ['conflict'] }, etag: true, permissions: write, ssoBreakGlass: true,
  },
  'DELETE /workspaces/{workspaceId}': {
    handler: 'workspaces/delete', auth: 'user', scope: 'workspace', action: 'workspace.delete', tag: 'Workspaces',
    summary: 'Delete the workspace and its memberships', params: WorkspaceParams, status: 204, response: null,
    answers: { 409: ['conflict'] }, permissions: write,
  },
  'POST /workspaces/{workspaceId}/move': {
    handler: 'workspaces/move', auth: 'user', scope: 'workspace', action: 'workspace.move', tag: 'Workspaces',
    summary: "Move the workspace into another organization (owner/admin of both; the target's quota applies)",
    params: WorkspaceParams, body: WorkspaceMoveBody, status: 200, response: WorkspaceMoveResult, answers: { 409: ['conflict', 'quota_exceeded'] }, etag: true, permissions: write,
  },
  'GET /workspaces/{workspaceId}/members': {
    handler: 'workspaces/members-list', auth: 'user', scope: 'workspace', action: 'workspace.read', tag: 'Workspaces',
    summary: 'Explicit members and the implicit admins (org owner/admins), by name', params: WorkspaceParams,
    query: WorkspaceMemberListQuery, status: 200, response: page(WorkspaceMember), answers: {}, permissions: read,
  },
  'PUT /workspaces/{workspaceId}/members/{userId}': {
    handler: 'workspaces/members-put', auth: 'user', scope: 'workspace', action: 'workspace.addMembers', tag: 'Workspaces',
    summary: "Give an org member a workspace role (up to my own), or change one's role (admin)",
    params: WorkspaceMemberParams, body: WorkspaceMemberPutBody, status: 200, response: WorkspaceMember, answers: { 409: ['conflict'] }, permissions: write,
    alsoReads: ['memberProfile', 'workspaceMember'],
  },
  'DELETE /workspaces/{workspaceId}/members/{userId}': {
    handler: 'workspaces/members-delete', auth: 'user', scope: 'workspace', action: 'workspace.removeMember', tag: 'Workspaces',
    summary: "Remove a member's workspace role (admin), or leave the workspace", params: WorkspaceMemberParams,
    status: 204, response: null, answers: { 409: ['conflict'] }, permissions: write, alsoReads: ['memberProfile', 'workspaceMember'],
  },

  // ── Devices, streams, data ─────────────────────────────────────────────────
  'GET /workspaces/{workspaceId}/devices': {
    handler: 'devices/list', auth: 'user', scope: 'device', action: 'device.read', tag: 'Devices',
    summary: "The workspace's devices (a caller with per-device grants only: the granted ones)", params: DeviceListParams,
    query: DeviceListQuery, status: 200, response: page(Device), answers: {}, permissions: read,
  },
  'POST /workspaces/{workspaceId}/devices': {
    handler: 'devices/create', auth: 'user', scope: 'device', action: 'device.create', tag: 'Devices',
    summary: 'Create a device (name unique in the workspace); its key is shown in this answer only', params: DeviceListParams,
    body: DeviceCreateBody, status: 201, response: CreatedDevice, idempotent: true, answers: { 409: ['conflict'] }, etag: true, location: true, permissions: write,
  },
  'GET /workspaces/{workspaceId}/devices/{deviceId}': {
    handler: 'devices/get', auth: 'user', scope: 'device', action: 'device.read', tag: 'Devices',
    summary: 'A device', params: DeviceParams, status: 200, response: Device, answers: {}, etag: true, permissions: read,
  },
  'PATCH /workspaces/{workspaceId}/devices/{deviceId}': {
    handler: 'devices/patch', auth: 'user', scope: 'device', action: 'device.write', tag: 'Devices',
    summary: 'Rename or describe a device (If-Match honoured)', params: DeviceParams, body: DevicePatchBody, status: 200,
    response: Device, answers: { 409: ['conflict'] }, etag: true, permissions: write,
  },
  'DELETE /workspaces/{workspaceId}/devices/{deviceId}': {
    handler: 'devices/delete', auth: 'user', scope: 'device', action: 'device.delete', tag: 'Devices',
    summary: 'Delete a device with its grants', params: DeviceParams, status: 204, response: null, answers: { 409: ['conflict'] }, permissions: write,
  },
  'PUT /workspaces/{workspaceId}/devices/{deviceId}/grants/{userId}': {
    handler: 'devices/grants-put', auth: 'user', scope: 'device', action: 'device.grant', tag: 'Devices',
    summary: 'Give an org member read or write access to this one device', params: DeviceGrantParams, body: DeviceGrantBody,
    status: 200, response: DeviceGrant, answers: { 409: ['conflict', 'quota_exceeded'] }, permissions: write,
  },
  'DELETE /workspaces/{workspaceId}/devices/{deviceId}/grants/{userId}': {
    handler: 'devices/grants-delete', auth: 'user', scope: 'device', action: 'device.grant', tag: 'Devices',
    summary: "Take a user's access to this device away", params: DeviceGrantParams, status: 204, response: null, answers: {}, permissions: write,
  },
  'GET /workspaces/{workspaceId}/streams': {
    handler: 'streams/list', auth: 'user', scope: 'workspace', action: 'workspace.read', tag: 'Devices',
    summary: "The workspace's streams, by name", params: StreamListParams, query: StreamListQuery, status: 200,
    response: page(Stream), answers: {}, permissions: read,
  },
  'POST /workspaces/{workspaceId}/streams': {
    handler: 'streams/create', auth: 'user', scope: 'workspace', action: 'workspace.writeAssets', tag: 'Devices',
    summary: 'Create a stream (name unique in the workspace)', params: StreamListParams, body: StreamCreateBody, status: 201,
    response: Stream, idempotent: true, answers: { 409: ['conflict'] }, location: true, permissions: write,
  },
  'DELETE /workspaces/{workspaceId}/streams/{streamName}': {
    handler: 'streams/delete', auth: 'user', scope: 'workspace', action: 'workspace.deleteAssets', tag: 'Devices',
    summary: 'Delete a stream', params: StreamParams, status: 204, response: null, answers: {}, permissions: write,
  },
  'POST /ingest/{workspaceId}/devices/{deviceName}/streams/{streamName}': {
    handler: 'ingest/post', auth: 'device', scope: 'public', tag: 'Devices',
    summary: 'A device sends a JSON document to a stream of its workspace (Authorization: Device <deviceKey>)',
    params: IngestParams, body: IngestBody, status: 202, response: IngestAccepted, answers: { 423: ['workspace_disabled'] }, permissions: write,
  },

  // ── SIMs, usage, reports ───────────────────────────────────────────────────
  'POST /admin/orgs/{orgId}/sims': {
    handler: 'admin/provision-sims', auth: 'user', scope: 'operator', tag: 'Platform operators',
    summary: 'Provision SIM cards to an organization with their activation codes (platform operators; at most 25, all or nothing)',
    params: OrgParams, body: SimProvisionBody, status: 200, response: ProvisionedSims, answers: { 409: ['conflict'] }, permissions: write, ssoByOperation: true,
  },
  'GET /workspaces/{workspaceId}/sims': {
    handler: 'sims/list', auth: 'user', scope: 'workspace', action: 'workspace.read', tag: 'SIMs',
    summary: "The workspace's SIMs, by ICCID", params: SimListParams, query: PageQuery, status: 200, response: page(Sim),
    answers: {}, permissions: read,
  },
  'POST /workspaces/{workspaceId}/sims': {
    handler: 'sims/create', auth: 'user', scope: 'workspace', action: 'workspace.writeAssets', tag: 'SIMs',
    summary: "Claim a SIM provisioned to the workspace's organization with its activation code (an ICCID lives in exactly one workspace platform-wide)",
    params: SimListParams,
    body: SimCreateBody, status: 201, response: Sim, idempotent: true, answers: { 409: ['conflict'], 429: ['rate_limited'] }, etag: true, location: true, permissions: write,
  },
  'PATCH /workspaces/{workspaceId}/sims/{iccid}': {
    handler: 'sims/patch', auth: 'user', scope: 'workspace', action: 'workspace.writeAssets', tag: 'SIMs',
    summary: 'Activate or suspend a SIM; attach it to a device of the workspace or detach it (If-Match honoured)',
    params: SimParams, body: SimPatchBody, status: 200, response: Sim, answers: { 409: ['conflict'] }, etag: true, permissions: write, alsoReads: ['sim'],
  },
  'POST /sims/{iccid}/transfer': {
    handler: 'sims/transfer', auth: 'user', scope: 'self', tag: 'SIMs',
    summary: 'Move a SIM to another workspace (admin of both): detached, an active SIM suspended, usage split at this instant',
    params: IccidParams, body: SimTransferBody, status: 200, response: Sim, answers: { 409: ['conflict'], 423: ['workspace_disabled'] }, etag: true, permissions: write, ssoByOperation: true,
  },
  'POST /sims/{iccid}/usage': {
    handler: 'sims/record-usage', auth: 'user', scope: 'operator', tag: 'Platform operators',
    summary: 'Record usage of a SIM (network feed): attributed to the workspace that held it at `at`', params: IccidParams,
    body: UsageBody, status: 201, response: UsageRecord, idempotent: true, answers: { 409: ['conflict'] }, location: false, permissions: write, alsoReads: ['simLocator'],
  },
  'GET /workspaces/{workspaceId}/usage': {
    handler: 'sims/usage', auth: 'user', scope: 'workspace', action: 'workspace.read', tag: 'SIMs',
    summary: "The workspace's traffic per SIM in [from, to) (default: the current month, UTC)", params: SimListParams,
    query: UsageQuery, status: 200, response: Usage, answers: {}, permissions: read,
  },
  'GET /reports': {
    handler: 'reports/get', auth: 'user', scope: 'self', tag: 'Reports',
    summary: 'Per-workspace and combined figures over the given workspaces (404 if any is not mine) or all I can access',
    query: ReportQuery, status: 200, response: Report, answers: { 404: ['not_found'] }, permissions: read, ssoByOperation: true,
  },
} satisfies Record<string, RouteSpec>;

export type RouteKey = keyof typeof routes;

/** The table as rows, for the stack, the gateway and OpenAPI. */
export const routeList: Route[] = Object.entries(routes).map(([key, spec]) => {
  const [method, path] = key.split(' ') as [HttpMethod, string];
  return { ...(spec as RouteSpec), key, method, path };
});

/**
 * The path of route `key` with its parameters filled in (URI-encoded): a created resource's
 * `Location`, built from the table so that a renamed route fails `tsc` here rather than links.
 */
export function pathTo(key: RouteKey, params: Record<string, string>): string {
  return key.slice(key.indexOf(' ') + 1).replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`pathTo(${key}): no value for {${name}}`);
    return encodeURIComponent(value);
  });
}
