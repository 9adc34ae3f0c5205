/**
 * The authorization matrix as data: for every route of `routeList` (keyed `METHOD /path`),
 * the status the contract (shared/API.md, Roles tables) implies for a minimal valid request by
 * each kind of caller. authz-matrix.test.ts builds the world, sends the requests and checks
 * these figures; it also fails when a route has no row here, or a row names no route.
 *
 * The world the figures speak of (see the test for how it is built):
 * - org A (trial → enterprise, so fresh workspaces fit) with workspaces W (the owner's
 *   Default) and W2, a device D and a stream in W, a SIM in W, a pending invitation;
 * - a second org T owned by `owner`, in which every A member except the owner is admin
 *   (so a workspace move fails, where it fails, on the source side alone);
 * - `stranger` signed up with an org of their own; `operator` is in the Cognito group
 *   `platform-operators` and has never signed up (no profile, no org role anywhere).
 *
 * Caller kinds:
 * - owner, orgAdmin, orgEditor, orgMember: org roles in A (orgMember has no workspace role);
 * - wsAdmin, wsEditor, wsViewer: org `member` of A with that explicit role in W and in W2;
 * - grantRead, grantWrite: org `member` of A with only a `read`/`write` grant on D;
 * - stranger, anonymous (no token), operator.
 *
 * Statuses: 2xx allowed; 403 seen but forbidden; 404 invisible (no existence leaks across
 * tenants or beyond a grant); 401 no token (or, on ingest, no device key).
 * Org routes ignore workspace roles and grants: those callers are plain org `member`s there.
 */
export const CALLER_KINDS = [
  'owner',
  'orgAdmin',
  'orgEditor',
  'orgMember',
  'wsAdmin',
  'wsEditor',
  'wsViewer',
  'grantRead',
  'grantWrite',
  'stranger',
  'anonymous',
  'operator',
] as const;

export type CallerKind = (typeof CALLER_KINDS)[number];

/** A status, or why the caller kind means nothing for the route. */
export type Expected = number | { skip: string };

export type MatrixRow = Record<CallerKind, Expected>;

export const authzMatrix: Record<string, MatrixRow> = {
  // ── Service: public ─────────────────────────────────────────────────────────
  'GET /health': {
    owner: 200, orgAdmin: 200, orgEditor: 200, orgMember: 200, wsAdmin: 200, wsEditor: 200, wsViewer: 200,
    grantRead: 200, grantWrite: 200, stranger: 200, anonymous: 200, operator: 200,
  },
  'GET /openapi.json': {
    owner: 200, orgAdmin: 200, orgEditor: 200, orgMember: 200, wsAdmin: 200, wsEditor: 200, wsViewer: 200,
    grantRead: 200, grantWrite: 200, stranger: 200, anonymous: 200, operator: 200,
  },

  // ── Me: every signed-up caller; the operator has no profile yet ─────────────
  // A repeat signup answers 200; the operator (never signed up; a fresh one per case) gets 201.
  'POST /signup': {
    owner: 200, orgAdmin: 200, orgEditor: 200, orgMember: 200, wsAdmin: 200, wsEditor: 200, wsViewer: 200,
    grantRead: 200, grantWrite: 200, stranger: 200, anonymous: 401, operator: 201,
  },
  // "A caller with no profile yet → 404 not_found."
  'GET /me': {
    owner: 200, orgAdmin: 200, orgEditor: 200, orgMember: 200, wsAdmin: 200, wsEditor: 200, wsViewer: 200,
    grantRead: 200, grantWrite: 200, stranger: 200, anonymous: 401, operator: 404,
  },
  'PATCH /me': {
    owner: 200, orgAdmin: 200, orgEditor: 200, orgMember: 200, wsAdmin: 200, wsEditor: 200, wsViewer: 200,
    grantRead: 200, grantWrite: 200, stranger: 200, anonymous: 401, operator: 404,
  },
  // My organizations: none for the operator, still 200.
  'GET /orgs': {
    owner: 200, orgAdmin: 200, orgEditor: 200, orgMember: 200, wsAdmin: 200, wsEditor: 200, wsViewer: 200,
    grantRead: 200, grantWrite: 200, stranger: 200, anonymous: 401, operator: 200,
  },
  // Anyone signed up may create an organization; without a profile there is no one to own it.
  'POST /orgs': {
    owner: 201, orgAdmin: 201, orgEditor: 201, orgMember: 201, wsAdmin: 201, wsEditor: 201, wsViewer: 201,
    grantRead: 201, grantWrite: 201, stranger: 201, anonymous: 401, operator: 404,
  },

  // ── Organizations ───────────────────────────────────────────────────────────
  // "see the org's name": every role.
  'GET /orgs/{orgId}': {
    owner: 200, orgAdmin: 200, orgEditor: 200, orgMember: 200, wsAdmin: 200, wsEditor: 200, wsViewer: 200,
    grantRead: 200, grantWrite: 200, stranger: 404, anonymous: 401, operator: 404,
  },
  // "edit org details": owner, admin, editor.
  'PATCH /orgs/{orgId}': {
    owner: 200, orgAdmin: 200, orgEditor: 200, orgMember: 403, wsAdmin: 403, wsEditor: 403, wsViewer: 403,
    grantRead: 403, grantWrite: 403, stranger: 404, anonymous: 401, operator: 404,
  },
  // "change the plan, transfer ownership, delete the org": owner only (fresh org per case).
  'DELETE /orgs/{orgId}': {
    owner: 204, orgAdmin: 403, orgEditor: 403, orgMember: 403, wsAdmin: 403, wsEditor: 403, wsViewer: 403,
    grantRead: 403, grantWrite: 403, stranger: 404, anonymous: 401, operator: 404,
  },
  'POST /orgs/{orgId}/transfer-ownership': {
    owner: 200, orgAdmin: 403, orgEditor: 403, orgMember: 403, wsAdmin: 403, wsEditor: 403, wsViewer: 403,
    grantRead: 403, grantWrite: 403, stranger: 404, anonymous: 401, operator: 404,
  },
  'PUT /orgs/{orgId}/plan': {
    owner: 200, orgAdmin: 403, orgEditor: 403, orgMember: 403, wsAdmin: 403, wsEditor: 403, wsViewer: 403,
    grantRead: 403, grantWrite: 403, stranger: 404, anonymous: 401, operator: 404,
  },
  // "open the org area: member list, invitations, overview": owner, admin, editor.
  'GET /orgs/{orgId}/overview': {
    owner: 200, orgAdmin: 200, orgEditor: 200, orgMember: 403, wsAdmin: 403, wsEditor: 403, wsViewer: 403,
    grantRead: 403, grantWrite: 403, stranger: 404, anonymous: 401, operator: 404,
  },
  // Platform operators only (the check is on the caller's group: no org is read before it).
  'POST /admin/orgs/{orgId}/trial': {
    owner: 403, orgAdmin: 403, orgEditor: 403, orgMember: 403, wsAdmin: 403, wsEditor: 403, wsViewer: 403,
    grantRead: 403, grantWrite: 403, stranger: 403, anonymous: 401, operator: 200,
  },
  // "Owner and admin only."
  'GET /orgs/{orgId}/audit': {
    owner: 200, orgAdmin: 200, orgEditor: 403, orgMember: 403, wsAdmin: 403, wsEditor: 403, wsViewer: 403,
    grantRead: 403, grantWrite: 403, stranger: 404, anonymous: 401, operator: 404,
  },

  // ── Identity providers: "(owner/admin): the organization's own SAML or OIDC provider" ──
  'GET /orgs/{orgId}/identity-providers': {
    owner: 200, orgAdmin: 200, orgEditor: 403, orgMember: 403, wsAdmin: 403, wsEditor: 403, wsViewer: 403,
    grantRead: 403, grantWrite: 403, stranger: 404, anonymous: 401, operator: 404,
  },
  'POST /orgs/{orgId}/identity-providers': {
    owner: 201, orgAdmin: 201, orgEditor: 403, orgMember: 403, wsAdmin: 403, wsEditor: 403, wsViewer: 403,
    grantRead: 403, grantWrite: 403, stranger: 404, anonymous: 401, operator: 404,
  },
  'DELETE /orgs/{orgId}/identity-providers/{name}': {
    owner: 204, orgAdmin: 204, orgEditor: 403, orgMember: 403, wsAdmin: 403, wsEditor: 403, wsViewer: 403,
    grantRead: 403, grantWrite: 403, stranger: 404, anonymous: 401, operator: 404,
  },

  // ── Invitations ─────────────────────────────────────────────────────────────
  // "invite to the org": owner, admin, editor (an editor up to editor: the requests invite `member`).
  'POST /orgs/{orgId}/invitations': {
    owner: 201, orgAdmin: 201, orgEditor: 201, orgMember: 403, wsAdmin: 403, wsEditor: 403, wsViewer: 403,
    grantRead: 403, grantWrite: 403, stranger: 404, anonymous: 401, operator: 404,
  },
  'GET /orgs/{orgId}/invitations': {
    owner: 200, orgAdmin: 200, orgEditor: 200, orgMember: 403, wsAdmin: 403, wsEditor: 403, wsViewer: 403,
    grantRead: 403, grantWrite: 403, stranger: 404, anonymous: 401, operator: 404,
  },
  'PATCH /orgs/{orgId}/invitations/{invitationId}': {
    owner: 200, orgAdmin: 200, orgEditor: 200, orgMember: 403, wsAdmin: 403, wsEditor: 403, wsViewer: 403,
    grantRead: 403, grantWrite: 403, stranger: 404, anonymous: 401, operator: 404,
  },
  // On an invitation last sent over a minute ago (fresh per case), so the resend limit is not in play.
  'POST /orgs/{orgId}/invitations/{invitationId}/resend': {
    owner: 200, orgAdmin: 200, orgEditor: 200, orgMember: 403, wsAdmin: 403, wsEditor: 403, wsViewer: 403,
    grantRead: 403, grantWrite: 403, stranger: 404, anonymous: 401, operator: 404,
  },
  'DELETE /orgs/{orgId}/invitations/{invitationId}': {
    owner: 204, orgAdmin: 204, orgEditor: 204, orgMember: 403, wsAdmin: 403, wsEditor: 403, wsViewer: 403,
    grantRead: 403, grantWrite: 403, stranger: 404, anonymous: 401, operator: 404,
  },
  // "(no auth)": the link works for anyone who holds it.
  'GET /invitations/{token}': {
    owner: 200, orgAdmin: 200, orgEditor: 200, orgMember: 200, wsAdmin: 200, wsEditor: 200, wsViewer: 200,
    grantRead: 200, grantWrite: 200, stranger: 200, anonymous: 200, operator: 200,
  },
  // The invitee only ("else 403"): none of the callers is the invitee, whatever their role.
  'POST /invitations/{token}/accept': {
    owner: 403, orgAdmin: 403, orgEditor: 403, orgMember: 403, wsAdmin: 403, wsEditor: 403, wsViewer: 403,
    grantRead: 403, grantWrite: 403, stranger: 403, anonymous: 401, operator: 403,
  },
  'POST /invitations/{token}/decline': {
    owner: 403, orgAdmin: 403, orgEditor: 403, orgMember: 403, wsAdmin: 403, wsEditor: 403, wsViewer: 403,
    grantRead: 403, grantWrite: 403, stranger: 403, anonymous: 401, operator: 403,
  },

  // ── Members ─────────────────────────────────────────────────────────────────
  // The member list is the org area: owner, admin, editor.
  'GET /orgs/{orgId}/members': {
    owner: 200, orgAdmin: 200, orgEditor: 200, orgMember: 403, wsAdmin: 403, wsEditor: 403, wsViewer: 403,
    grantRead: 403, grantWrite: 403, stranger: 404, anonymous: 401, operator: 404,
  },
  // Another member's entry (not the caller's own): part of the member list, so org area again.
  'GET /orgs/{orgId}/members/{userId}': {
    owner: 200, orgAdmin: 200, orgEditor: 200, orgMember: 403, wsAdmin: 403, wsEditor: 403, wsViewer: 403,
    grantRead: 403, grantWrite: 403, stranger: 404, anonymous: 401, operator: 404,
  },
  // "change or remove members (never the owner)": owner, admin (target: a plain member).
  'PATCH /orgs/{orgId}/members/{userId}': {
    owner: 200, orgAdmin: 200, orgEditor: 403, orgMember: 403, wsAdmin: 403, wsEditor: 403, wsViewer: 403,
    grantRead: 403, grantWrite: 403, stranger: 404, anonymous: 401, operator: 404,
  },
  'DELETE /orgs/{orgId}/members/{userId}': {
    owner: 204, orgAdmin: 204, orgEditor: 403, orgMember: 403, wsAdmin: 403, wsEditor: 403, wsViewer: 403,
    grantRead: 403, grantWrite: 403, stranger: 404, anonymous: 401, operator: 404,
  },

  // ── Workspaces ──────────────────────────────────────────────────────────────
  // "see … its workspaces they belong to": every role may list (the list holds what they see).
  'GET /orgs/{orgId}/workspaces': {
    owner: 200, orgAdmin: 200, orgEditor: 200, orgMember: 200, wsAdmin: 200, wsEditor: 200, wsViewer: 200,
    grantRead: 200, grantWrite: 200, stranger: 404, anonymous: 401, operator: 404,
  },
  // "create workspaces": owner, admin.
  'POST /orgs/{orgId}/workspaces': {
    owner: 201, orgAdmin: 201, orgEditor: 403, orgMember: 403, wsAdmin: 403, wsEditor: 403, wsViewer: 403,
    grantRead: 403, grantWrite: 403, stranger: 404, anonymous: 401, operator: 404,
  },
  // Workspace reads: admin (explicit or through org owner/admin), editor, viewer. An org editor
  // or member without a workspace role, and a grant holder, do not see the workspace.
  'GET /workspaces/{workspaceId}': {
    owner: 200, orgAdmin: 200, orgEditor: 404, orgMember: 404, wsAdmin: 200, wsEditor: 200, wsViewer: 200,
    grantRead: 404, grantWrite: 404, stranger: 404, anonymous: 401, operator: 404,
  },
  'GET /workspaces/{workspaceId}/overview': {
    owner: 200, orgAdmin: 200, orgEditor: 404, orgMember: 404, wsAdmin: 200, wsEditor: 200, wsViewer: 200,
    grantRead: 404, grantWrite: 404, stranger: 404, anonymous: 401, operator: 404,
  },
  // "edit workspace details": admin, editor.
  'PATCH /workspaces/{workspaceId}': {
    owner: 200, orgAdmin: 200, orgEditor: 404, orgMember: 404, wsAdmin: 200, wsEditor: 200, wsViewer: 403,
    grantRead: 404, grantWrite: 404, stranger: 404, anonymous: 401, operator: 404,
  },
  // "delete the workspace": admin (fresh workspace per case).
  'DELETE /workspaces/{workspaceId}': {
    owner: 204, orgAdmin: 204, orgEditor: 404, orgMember: 404, wsAdmin: 204, wsEditor: 403, wsViewer: 403,
    grantRead: 404, grantWrite: 404, stranger: 404, anonymous: 401, operator: 404,
  },
  // "move a workspace into/out of the org": owner/admin of both orgs. Workspace roles see the
  // workspace but are no org admins of its org: 403 (they are admins of the target, T).
  'POST /workspaces/{workspaceId}/move': {
    owner: 200, orgAdmin: 200, orgEditor: 404, orgMember: 404, wsAdmin: 403, wsEditor: 403, wsViewer: 403,
    grantRead: 404, grantWrite: 404, stranger: 404, anonymous: 401, operator: 404,
  },
  'GET /workspaces/{workspaceId}/members': {
    owner: 200, orgAdmin: 200, orgEditor: 404, orgMember: 404, wsAdmin: 200, wsEditor: 200, wsViewer: 200,
    grantRead: 404, grantWrite: 404, stranger: 404, anonymous: 401, operator: 404,
  },
  // "add members (roles up to their own)": admin, editor (the requests add a `viewer`).
  'PUT /workspaces/{workspaceId}/members/{userId}': {
    owner: 200, orgAdmin: 200, orgEditor: 404, orgMember: 404, wsAdmin: 200, wsEditor: 200, wsViewer: 403,
    grantRead: 404, grantWrite: 404, stranger: 404, anonymous: 401, operator: 404,
  },
  // "change/remove workspace members": admin (the target is another member, not the caller).
  'DELETE /workspaces/{workspaceId}/members/{userId}': {
    owner: 204, orgAdmin: 204, orgEditor: 404, orgMember: 404, wsAdmin: 204, wsEditor: 403, wsViewer: 403,
    grantRead: 404, grantWrite: 404, stranger: 404, anonymous: 401, operator: 404,
  },

  // ── Devices: workspace roles, or per-device grants on the granted device only ─
  // A grant holder lists exactly their granted devices.
  'GET /workspaces/{workspaceId}/devices': {
    owner: 200, orgAdmin: 200, orgEditor: 404, orgMember: 404, wsAdmin: 200, wsEditor: 200, wsViewer: 200,
    grantRead: 200, grantWrite: 200, stranger: 404, anonymous: 401, operator: 404,
  },
  // "create devices": admin, editor. A grant shows single devices, never the workspace: 404.
  'POST /workspaces/{workspaceId}/devices': {
    owner: 201, orgAdmin: 201, orgEditor: 404, orgMember: 404, wsAdmin: 201, wsEditor: 201, wsViewer: 403,
    grantRead: 404, grantWrite: 404, stranger: 404, anonymous: 401, operator: 404,
  },
  'GET /workspaces/{workspaceId}/devices/{deviceId}': {
    owner: 200, orgAdmin: 200, orgEditor: 404, orgMember: 404, wsAdmin: 200, wsEditor: 200, wsViewer: 200,
    grantRead: 200, grantWrite: 200, stranger: 404, anonymous: 401, operator: 404,
  },
  // "update devices": admin, editor, and a `write` grant on that device.
  'PATCH /workspaces/{workspaceId}/devices/{deviceId}': {
    owner: 200, orgAdmin: 200, orgEditor: 404, orgMember: 404, wsAdmin: 200, wsEditor: 200, wsViewer: 403,
    grantRead: 403, grantWrite: 200, stranger: 404, anonymous: 401, operator: 404,
  },
  // "delete devices": admin (fresh device per case, granted to grantRead/grantWrite).
  'DELETE /workspaces/{workspaceId}/devices/{deviceId}': {
    owner: 204, orgAdmin: 204, orgEditor: 404, orgMember: 404, wsAdmin: 204, wsEditor: 403, wsViewer: 403,
    grantRead: 403, grantWrite: 403, stranger: 404, anonymous: 401, operator: 404,
  },
  // "grant per-device access": admin.
  'PUT /workspaces/{workspaceId}/devices/{deviceId}/grants/{userId}': {
    owner: 200, orgAdmin: 200, orgEditor: 404, orgMember: 404, wsAdmin: 200, wsEditor: 403, wsViewer: 403,
    grantRead: 403, grantWrite: 403, stranger: 404, anonymous: 401, operator: 404,
  },
  'DELETE /workspaces/{workspaceId}/devices/{deviceId}/grants/{userId}': {
    owner: 204, orgAdmin: 204, orgEditor: 404, orgMember: 404, wsAdmin: 204, wsEditor: 403, wsViewer: 403,
    grantRead: 403, grantWrite: 403, stranger: 404, anonymous: 401, operator: 404,
  },

  // ── Streams: workspace routes (a device grant reaches no stream) ─────────────
  'GET /workspaces/{workspaceId}/streams': {
    owner: 200, orgAdmin: 200, orgEditor: 404, orgMember: 404, wsAdmin: 200, wsEditor: 200, wsViewer: 200,
    grantRead: 404, grantWrite: 404, stranger: 404, anonymous: 401, operator: 404,
  },
  'POST /workspaces/{workspaceId}/streams': {
    owner: 201, orgAdmin: 201, orgEditor: 404, orgMember: 404, wsAdmin: 201, wsEditor: 201, wsViewer: 403,
    grantRead: 404, grantWrite: 404, stranger: 404, anonymous: 401, operator: 404,
  },
  'DELETE /workspaces/{workspaceId}/streams/{streamName}': {
    owner: 204, orgAdmin: 204, orgEditor: 404, orgMember: 404, wsAdmin: 204, wsEditor: 403, wsViewer: 403,
    grantRead: 404, grantWrite: 404, stranger: 404, anonymous: 401, operator: 404,
  },
  // A device key, never a user token: every Bearer token is "no device key" (401).
  'POST /ingest/{workspaceId}/devices/{deviceName}/streams/{streamName}': {
    owner: 401, orgAdmin: 401, orgEditor: 401, orgMember: 401, wsAdmin: 401, wsEditor: 401, wsViewer: 401,
    grantRead: 401, grantWrite: 401, stranger: 401, anonymous: 401, operator: 401,
  },

  // ── SIMs, usage, reports ────────────────────────────────────────────────────
  'GET /workspaces/{workspaceId}/sims': {
    owner: 200, orgAdmin: 200, orgEditor: 404, orgMember: 404, wsAdmin: 200, wsEditor: 200, wsViewer: 200,
    grantRead: 404, grantWrite: 404, stranger: 404, anonymous: 401, operator: 404,
  },
  'POST /workspaces/{workspaceId}/sims': {
    owner: 201, orgAdmin: 201, orgEditor: 404, orgMember: 404, wsAdmin: 201, wsEditor: 201, wsViewer: 403,
    grantRead: 404, grantWrite: 404, stranger: 404, anonymous: 401, operator: 404,
  },
  'PATCH /workspaces/{workspaceId}/sims/{iccid}': {
    owner: 200, orgAdmin: 200, orgEditor: 404, orgMember: 404, wsAdmin: 200, wsEditor: 200, wsViewer: 403,
    grantRead: 404, grantWrite: 404, stranger: 404, anonymous: 401, operator: 404,
  },
  // "transfer SIMs out": admin of both W and W2 (workspace roles hold the same role in both).
  'POST /sims/{iccid}/transfer': {
    owner: 200, orgAdmin: 200, orgEditor: 404, orgMember: 404, wsAdmin: 200, wsEditor: 403, wsViewer: 403,
    grantRead: 404, grantWrite: 404, stranger: 404, anonymous: 401, operator: 404,
  },
  // "platform operators only (the network feed)".
  'POST /sims/{iccid}/usage': {
    owner: 403, orgAdmin: 403, orgEditor: 403, orgMember: 403, wsAdmin: 403, wsEditor: 403, wsViewer: 403,
    grantRead: 403, grantWrite: 403, stranger: 403, anonymous: 401, operator: 201,
  },
  'GET /workspaces/{workspaceId}/usage': {
    owner: 200, orgAdmin: 200, orgEditor: 404, orgMember: 404, wsAdmin: 200, wsEditor: 200, wsViewer: 200,
    grantRead: 404, grantWrite: 404, stranger: 404, anonymous: 401, operator: 404,
  },
  // "any role" in each named workspace (here W); one not accessible → 404.
  'GET /reports': {
    owner: 200, orgAdmin: 200, orgEditor: 404, orgMember: 404, wsAdmin: 200, wsEditor: 200, wsViewer: 200,
    grantRead: 404, grantWrite: 404, stranger: 404, anonymous: 401, operator: 404,
  },
};

/** Routes without a row and rows without a route (both empty when the matrix is complete). */
export function matrixGaps(routeKeys: readonly string[], rows: Record<string, MatrixRow>): { missing: string[]; extra: string[] } {
  const routes = new Set(routeKeys);
  return {
    missing: routeKeys.filter((key) => !(key in rows)).sort(),
    extra: Object.keys(rows).filter((key) => !routes.has(key)).sort(),
  };
}

/** How many (route, caller) cases the matrix asks for: every pair but the skipped ones. */
export function expectedCaseCount(rows: Record<string, MatrixRow>): number {
  return Object.values(rows).reduce((n, row) => n + CALLER_KINDS.filter((kind) => typeof row[kind] === 'number').length, 0);
}
