/**
 * The route table's workspaces rows. functions/routes.ts joins every part; a handler imports only its
 * own part, so its function builds only these rows' schemas (issue 15).
 */
import type { RouteSpec } from '#http/route.js';
import { read, write } from '#functions/routes/permissions.js';
import { page } from '#http/resources/common.js';
import { OrgParams } from '#http/resources/organizations.js';
import { WorkspaceMember, WorkspaceMemberListQuery, WorkspaceMemberParams, WorkspaceMemberPutBody } from '#http/resources/workspace-members.js';
import { Workspace, WorkspaceCreateBody, WorkspaceListQuery, WorkspaceMoveBody, WorkspaceMoveResult, WorkspaceOverview, WorkspaceParams, WorkspacePatchBody } from '#http/resources/workspaces.js';

export const workspacesRoutes = {
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
} satisfies Record<string, RouteSpec>;
