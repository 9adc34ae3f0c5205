/**
 * The route table's sims, usage, reports rows. functions/routes.ts joins every part; a handler imports only its
 * own part, so its function builds only these rows' schemas (issue 15).
 */
import type { RouteSpec } from '#http/route.js';
import { read, write } from '#functions/routes/permissions.js';
import { PageQuery, page } from '#http/resources/common.js';
import { OrgParams } from '#http/resources/organizations.js';
import { IccidParams, ProvisionedSims, Report, ReportQuery, Sim, SimCreateBody, SimListParams, SimParams, SimPatchBody, SimProvisionBody, SimTransferBody, Usage, UsageBody, UsageQuery, UsageRecord } from '#http/resources/sims.js';

export const simsRoutes = {
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
