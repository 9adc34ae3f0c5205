/**
 * The route table's me rows. functions/routes.ts joins every part; a handler imports only its
 * own part, so its function builds only these rows' schemas (issue 15).
 */
import type { RouteSpec } from '#http/route.js';
import { read, write } from '#functions/routes/permissions.js';
import { Me, MePatchBody, SignupBody } from '#http/resources/me.js';

export const meRoutes = {
  'POST /signup': {
    handler: 'me/signup', auth: 'user', scope: 'self', tag: 'Me',
    summary: 'Create my profile, my organization (14-day trial) and its first workspace',
    body: SignupBody, status: 201, response: Me, answers: { success: [{ status: 200, when: 'a repeat: the profile exists already, nothing is created' }], 400: ['invalid_email'], 409: ['conflict'], 429: ['rate_limited'] }, location: true, permissions: write, ssoByOperation: true,
  },
  'GET /me': {
    handler: 'me/get', auth: 'user', scope: 'self', tag: 'Me',
    summary: 'My profile, organizations and workspaces', status: 200, response: Me, answers: { 404: ['not_found'] }, etag: true, permissions: read, ssoExempt: true,
  },
  'PATCH /me': {
    handler: 'me/patch', auth: 'user', scope: 'self', tag: 'Me',
    summary: 'Change my name or default workspace', body: MePatchBody, status: 200, response: Me, answers: { 404: ['not_found'], 409: ['conflict'] }, etag: true, permissions: write,
  },
} satisfies Record<string, RouteSpec>;
