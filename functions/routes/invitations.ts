/**
 * The route table's invitations rows. functions/routes.ts joins every part; a handler imports only its
 * own part, so its function builds only these rows' schemas (issue 15).
 */
import type { RouteSpec } from '#http/route.js';
import { read, write } from '#functions/routes/permissions.js';
import { page } from '#http/resources/common.js';
import { Invitation, InvitationAcceptance, InvitationCreateBody, InvitationListQuery, InvitationParams, InvitationPatchBody, InvitationPreview, TokenParams } from '#http/resources/invitations.js';
import { OrgParams } from '#http/resources/organizations.js';

export const invitationsRoutes = {
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
} satisfies Record<string, RouteSpec>;
