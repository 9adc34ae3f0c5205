/**
 * The route table's members rows. functions/routes.ts joins every part; a handler imports only its
 * own part, so its function builds only these rows' schemas (issue 15).
 */
import type { RouteSpec } from '#http/route.js';
import { read, write } from '#functions/routes/permissions.js';
import { page } from '#http/resources/common.js';
import { Member, MemberListQuery, MemberParams, MemberPatchBody } from '#http/resources/members.js';
import { OrgParams } from '#http/resources/organizations.js';

export const membersRoutes = {
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
} satisfies Record<string, RouteSpec>;
