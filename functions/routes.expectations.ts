/**
 * What each row of the route table (functions/routes.ts) is expected to do, in the table's
 * order: the status each kind of caller gets (the authorization matrix, which
 * test/integration/authz-matrix.test.ts checks case by case) and the fewest DynamoDB round trips
 * the data model allows (the minimum bench/routes.ts prints beside what it measures).
 *
 * Why a sibling module and not a field of the row: every handler imports routes.ts to pick up its
 * row, so whatever a row holds is bundled into every Lambda. These expectations are for the tests
 * and the benchmark only: routes.ts does not import this module, and `npm run deps` fails if any
 * module outside test/ and bench/ does (.dependency-cruiser.cjs). The table is typed
 * `satisfies Record<RouteKey, RouteExpectation>`, so a row without its expectations, or
 * expectations without a row, fail `tsc`; test/unit/route-expectations.test.ts checks the order.
 * Over the ~300-line guideline because it is the route table's companion: one entry per row.
 *
 * ── Authorization ──────────────────────────────────────────────────────────────────────────────
 * For every route, the status the contract (Roles tables) implies for a minimal valid request by
 * each kind of caller. The world the figures speak of (authz-matrix.test.ts builds it):
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
 *
 * ── Round trips ────────────────────────────────────────────────────────────────────────────────
 * The fewest round trips each measured call can take with this data model (shared/db/keys.ts):
 * authorization (one strongly consistent BatchGet, shared/auth/access.ts) plus the operation's
 * own indispensable reads and writes. Where an item's key is in the path, it can ride in the
 * authorization BatchGet (as the device routes already do). Where the code does more, the
 * benchmark shows the route above its minimum: that is the information, the minimum is not
 * raised to match. "Here" names the situation bench/routes.ts measures.
 */
import type { RouteKey } from '#functions/routes.js';

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

/** Every caller kind with what it gets. */
export type AuthzRow = Record<CallerKind, Expected>;

export type Status = 200 | 201 | 202 | 204 | 401 | 403 | 404;

export interface RouteExpectation {
  authz: AuthzRow;
  /** The fewest DynamoDB round trips, and why. */
  roundTrips: [minimum: number, why: string];
}

/**
 * An authorization row, written as "these caller kinds get 200, these 403, … `others` get this
 * one". The row it returns names every caller kind with its status, in `CALLER_KINDS` order; a
 * kind listed under two statuses throws (the module does not load). For a skip, spread the row
 * and override that kind with `{ skip: 'why' }`.
 */
export function statuses(groups: { [S in Status]?: readonly CallerKind[] } & { others: Status }): AuthzRow {
  const row = Object.fromEntries(CALLER_KINDS.map((kind) => [kind, groups.others])) as AuthzRow;
  const listed = new Set<CallerKind>();
  for (const [status, kinds] of Object.entries(groups)) {
    if (status === 'others') continue;
    for (const kind of kinds as readonly CallerKind[]) {
      if (listed.has(kind)) throw new Error(`statuses(): ${kind} is listed twice`);
      listed.add(kind);
      row[kind] = Number(status);
    }
  }
  return row;
}

export const routeExpectations = {
  // ── Service: public ─────────────────────────────────────────────────────────
  'GET /health': {
    authz: statuses({ others: 200 }),
    roundTrips: [0, 'no data'],
  },
  'GET /openapi.json': {
    authz: statuses({ others: 200 }),
    roundTrips: [0, 'generated from the route table, no data'],
  },
  'GET /problems/{code}': {
    authz: statuses({ others: 200 }),
    roundTrips: [0, 'drawn from the list of problem codes, no data'],
  },

  // ── Me: every signed-up caller; the operator has no profile yet ─────────────
  // A repeat signup answers 200; the operator (never signed up; a fresh one per case) gets 201.
  'POST /signup': {
    authz: statuses({ 201: ['operator'], 401: ['anonymous'], others: 200 }),
    roundTrips: [1, 'one TransactWrite (profile, email guard, org, owner membership, workspace, audit) conditioned on the profile not existing: a repeat, and the SSO check of an existing profile, are learned from its cancellation; a first sign-up has no profile to read'],
  },
  // "A caller with no profile yet → 404 not_found."
  'GET /me': {
    authz: statuses({ 404: ['operator'], 401: ['anonymous'], others: 200 }),
    roundTrips: [3, 'Query GSI1 USER#me (org and workspace memberships: every id needed) → one strongly consistent BatchGet of the profile, those orgs and explicit workspaces ‖ Query GSI1 ORG#o per org I own or administer (1 here). The profile in that BatchGet decides which orgs and roles count; only an index that has not caught up costs one more wave'],
  },
  'PATCH /me': {
    authz: statuses({ 404: ['operator'], 401: ['anonymous'], others: 200 }),
    roundTrips: [5, 'name change, 1 org: GetItem my profile (the SSO check: only GET /me is exempt) → Query GSI1 USER#me (the orgs whose membership carries a copy of my names, my explicit workspaces) → one TransactWrite (profile + the name copy on each membership) ‖ BatchGet profile, orgs, workspaces ‖ Query GSI1 ORG#o (the /me answer); as for GET /me, the profile decides and a lagging index costs one more wave only then'],
  },
  // My organizations: none for the operator, still 200.
  'GET /orgs': {
    authz: statuses({ 401: ['anonymous'], others: 200 }),
    roundTrips: [2, 'GetItem profile (org roles; also the SSO check) → BatchGet orgs'],
  },
  // Anyone signed up may create an organization; without a profile there is no one to own it.
  'POST /orgs': {
    authz: statuses({ 404: ['operator'], 401: ['anonymous'], others: 201 }),
    roundTrips: [2, 'GetItem profile (SSO check, the owner membership\'s names) → one TransactWrite (org, membership, email guard, profile role, audit)'],
  },

  // ── Organizations ───────────────────────────────────────────────────────────
  // "see the org's name": every role.
  'GET /orgs/{orgId}': {
    authz: statuses({ 404: ['stranger', 'operator'], 401: ['anonymous'], others: 200 }),
    roundTrips: [1, 'authorization only (the org is loaded by it)'],
  },
  // "edit org details": owner, admin, editor.
  'PATCH /orgs/{orgId}': {
    authz: statuses({ 200: ['owner', 'orgAdmin', 'orgEditor'], 404: ['stranger', 'operator'], 401: ['anonymous'], others: 403 }),
    roundTrips: [2, 'authorization + one TransactWrite (org + audit event)'],
  },
  // "change the plan, transfer ownership, delete the org": owner only (fresh org per case).
  'DELETE /orgs/{orgId}': {
    authz: statuses({ 204: ['owner'], 404: ['stranger', 'operator'], 401: ['anonymous'], others: 403 }),
    roundTrips: [3, 'authorization + Query of the members (their profiles\' org role is what opens the org\'s workspaces) → one TransactWrite (deleted mark + purge queue + each member\'s role off their profile); the rest of the purge (workspaces, memberships, items) can be left to the purge queue'],
  },
  'POST /orgs/{orgId}/transfer-ownership': {
    authz: statuses({ 200: ['owner'], 404: ['stranger', 'operator'], 401: ['anonymous'], others: 403 }),
    roundTrips: [2, 'authorization (+ the target\'s membership, key from the body) → one TransactWrite (org owner, both memberships and profiles, audit); the answer is the org read + the change'],
  },
  'PUT /orgs/{orgId}/plan': {
    authz: statuses({ 200: ['owner'], 404: ['stranger', 'operator'], 401: ['anonymous'], others: 403 }),
    roundTrips: [3, 'authorization ‖ Query GSI1 ORG#o (a paid plan re-enables what the trial\'s end disabled; the org item does not say whether anything is) → one TransactWrite (plan, out of the trial index, audit, re-enables if any)'],
  },
  // The billing provider's webhook: no caller kind holds the signing secret, so every request (a
  // Bearer token or none) lacks a valid Billing-Signature: 401, before the body is read.
  'POST /billing/events': {
    authz: statuses({ others: 401 }),
    roundTrips: [3, 'a paid plan: GetItem org (strongly consistent: the version to pin to) ‖ Query GSI1 ORG#o (what the trial\'s end disabled) → one TransactWrite (plan, out of the trial index, audit, the event\'s receipt conditioned on its absence, re-enables if any); a repeat: the TransactWrite is cancelled by the receipt and nothing is written'],
  },
  // "open the org area: member list, invitations, overview": owner, admin, editor.
  'GET /orgs/{orgId}/overview': {
    authz: statuses({ 200: ['owner', 'orgAdmin', 'orgEditor'], 404: ['stranger', 'operator'], 401: ['anonymous'], others: 403 }),
    roundTrips: [1, 'authorization only (counters are on the org item)'],
  },
  // Platform operators only (the check is on the caller's group: no org is read before it).
  'POST /admin/orgs/{orgId}/trial': {
    authz: statuses({ 200: ['operator'], 401: ['anonymous'], others: 403 }),
    roundTrips: [3, 'BatchGet org (the new end depends on the current one) + operator\'s profile (SSO check) ‖ Query GSI1 ORG#o (workspaces the trial\'s end disabled) → one TransactWrite (new end, trial index, audit, re-enables if any)'],
  },
  // "Owner and admin only."
  'GET /orgs/{orgId}/audit': {
    authz: statuses({ 200: ['owner', 'orgAdmin'], 404: ['stranger', 'operator'], 401: ['anonymous'], others: 403 }),
    roundTrips: [2, 'authorization + one Query'],
  },
  // The change feed is the audit log in CloudEvents: the same readers.
  'GET /orgs/{orgId}/events': {
    authz: statuses({ 200: ['owner', 'orgAdmin'], 404: ['stranger', 'operator'], 401: ['anonymous'], others: 403 }),
    roundTrips: [2, 'authorization + one Query (more only while a type filter has not filled the page)'],
  },

  // ── Invitations ─────────────────────────────────────────────────────────────
  // "invite to the org": owner, admin, editor (an editor up to editor: the requests invite `member`).
  'POST /orgs/{orgId}/invitations': {
    authz: statuses({ 201: ['owner', 'orgAdmin', 'orgEditor'], 404: ['stranger', 'operator'], 401: ['anonymous'], others: 403 }),
    roundTrips: [3, 'authorization + one TransactWrite (guard, invitation, link, counter, audit; no invited workspaces here) + one write of how the send went, known only after SES answers (sending first would email invitations the write then refuses; storing "sent" up front would keep a false "sent" when the function dies before sending)'],
  },
  'GET /orgs/{orgId}/invitations': {
    authz: statuses({ 200: ['owner', 'orgAdmin', 'orgEditor'], 404: ['stranger', 'operator'], 401: ['anonymous'], others: 403 }),
    roundTrips: [2, 'authorization + one Query'],
  },
  // Change, resend, withdraw: the same "up to their own role", of the invitation as it stands (the drivers' invitations are `member` ones).
  'PATCH /orgs/{orgId}/invitations/{invitationId}': {
    authz: statuses({ 200: ['owner', 'orgAdmin', 'orgEditor'], 404: ['stranger', 'operator'], 401: ['anonymous'], others: 403 }),
    roundTrips: [2, 'authorization BatchGet + the invitation (key in the path) → one TransactWrite (roles pinned to the version read + audit)'],
  },
  // On an invitation last sent over a minute ago (fresh per case), so the resend limit is not in play.
  'POST /orgs/{orgId}/invitations/{invitationId}/resend': {
    authz: statuses({ 200: ['owner', 'orgAdmin', 'orgEditor'], 404: ['stranger', 'operator'], 401: ['anonymous'], others: 403 }),
    roundTrips: [3, 'authorization BatchGet + the invitation (key in the path: old link, email guard) → one TransactWrite (new link, old one deleted, guard expiry, rate counter, audit) + one write of how the send went, as for the invitation itself'],
  },
  'DELETE /orgs/{orgId}/invitations/{invitationId}': {
    authz: statuses({ 204: ['owner', 'orgAdmin', 'orgEditor'], 404: ['stranger', 'operator'], 401: ['anonymous'], others: 403 }),
    roundTrips: [2, 'authorization BatchGet + the invitation (key in the path: link and email guard to delete) → one TransactWrite'],
  },
  // "(no auth)": the link works for anyone who holds it.
  'GET /invitations/{token}': {
    authz: statuses({ others: 200 }),
    roundTrips: [2, 'GetItem link (strongly consistent; it names the invitation and org) → BatchGet invitation + org'],
  },
  // The invitee only ("else 403"): none of the callers is the invitee, whatever their role.
  'POST /invitations/{token}/accept': {
    authz: statuses({ 401: ['anonymous'], others: 403 }),
    roundTrips: [3, 'GetItem link (strongly consistent; it names the invitation) → BatchGet invitation, org, my profile (SSO check; none here) → one TransactWrite. Invited workspaces (none here) would add one BatchGet; for a caller without a profile, as here, even a /me answer needs nothing more'],
  },
  'POST /invitations/{token}/decline': {
    authz: statuses({ 401: ['anonymous'], others: 403 }),
    roundTrips: [3, 'GetItem link → BatchGet invitation + my profile (SSO check) → one TransactWrite'],
  },

  // ── Identity providers: owner and admin (the Cognito calls are not DynamoDB round trips and are not counted)
  'GET /orgs/{orgId}/identity-providers': {
    authz: statuses({ 200: ['owner', 'orgAdmin'], 404: ['stranger', 'operator'], 401: ['anonymous'], others: 403 }),
    roundTrips: [2, 'authorization + one Query (IDP# of the org partition)'],
  },
  'POST /orgs/{orgId}/identity-providers': {
    authz: statuses({ 201: ['owner', 'orgAdmin'], 404: ['stranger', 'operator'], 401: ['anonymous'], others: 403 }),
    roundTrips: [4, "authorization → one TransactWrite (deployment-wide name claim + the pending provider) → CreateIdentityProvider → conditional Put of the portal client's lease → DescribeUserPoolClient + UpdateUserPoolClient → one TransactWrite (provider and claim active, audit, the lease given back)"],
  },
  'DELETE /orgs/{orgId}/identity-providers/{name}': {
    authz: statuses({ 204: ['owner', 'orgAdmin'], 404: ['stranger', 'operator'], 401: ['anonymous'], others: 403 }),
    roundTrips: [4, 'authorization BatchGet + the provider (key in the path) → Query GSI1 ORG#o (no workspace may still require it; the org item does not say) → DescribeIdentityProvider → lease Put → client off, DeleteIdentityProvider → one TransactWrite (provider, claim, audit, the lease given back)'],
  },

  // ── Members ─────────────────────────────────────────────────────────────────
  // The member list is the org area: owner, admin, editor.
  'GET /orgs/{orgId}/members': {
    authz: statuses({ 200: ['owner', 'orgAdmin', 'orgEditor'], 404: ['stranger', 'operator'], 401: ['anonymous'], others: 403 }),
    roundTrips: [2, 'authorization + one Query (default order)'],
  },
  // Another member's entry (not the caller's own): part of the member list, so org area again.
  'GET /orgs/{orgId}/members/{userId}': {
    authz: statuses({ 200: ['owner', 'orgAdmin', 'orgEditor'], 404: ['stranger', 'operator'], 401: ['anonymous'], others: 403 }),
    roundTrips: [1, 'authorization BatchGet + the member (key in the path)'],
  },
  // "change or remove members (never the owner)": owner, admin (target: a plain member).
  'PATCH /orgs/{orgId}/members/{userId}': {
    authz: statuses({ 200: ['owner', 'orgAdmin'], 404: ['stranger', 'operator'], 401: ['anonymous'], others: 403 }),
    roundTrips: [2, 'authorization BatchGet + the member (key in the path) → one TransactWrite (membership pinned to its version, profile role, audit)'],
  },
  'DELETE /orgs/{orgId}/members/{userId}': {
    authz: statuses({ 204: ['owner', 'orgAdmin'], 404: ['stranger', 'operator'], 401: ['anonymous'], others: 403 }),
    roundTrips: [2, 'authorization BatchGet + the member and their profile (keys in the path) → one TransactWrite; +1 GetItem when their profile names a default workspace (its org decides whether it goes; none here)'],
  },

  // ── Workspaces ──────────────────────────────────────────────────────────────
  // "see … its workspaces they belong to": every role may list (the list holds what they see).
  'GET /orgs/{orgId}/workspaces': {
    authz: statuses({ 404: ['stranger', 'operator'], 401: ['anonymous'], others: 200 }),
    roundTrips: [2, 'authorization + one Query GSI1 ORG#o (owner/admin)'],
  },
  // "create workspaces": owner, admin.
  'POST /orgs/{orgId}/workspaces': {
    authz: statuses({ 201: ['owner', 'orgAdmin'], 404: ['stranger', 'operator'], 401: ['anonymous'], others: 403 }),
    roundTrips: [2, 'authorization + one TransactWrite (workspace, quota on org, audit)'],
  },
  // Workspace reads: admin (explicit or through org owner/admin), editor, viewer. An org editor
  // or member without a workspace role, and a grant holder, do not see the workspace.
  'GET /workspaces/{workspaceId}': {
    authz: statuses({ 200: ['owner', 'orgAdmin', 'wsAdmin', 'wsEditor', 'wsViewer'], 401: ['anonymous'], others: 404 }),
    roundTrips: [1, 'authorization only'],
  },
  'GET /workspaces/{workspaceId}/overview': {
    authz: statuses({ 200: ['owner', 'orgAdmin', 'wsAdmin', 'wsEditor', 'wsViewer'], 401: ['anonymous'], others: 404 }),
    roundTrips: [1, 'authorization only (counters are on the workspace item)'],
  },
  // "edit workspace details": admin, editor.
  'PATCH /workspaces/{workspaceId}': {
    authz: statuses({ 200: ['owner', 'orgAdmin', 'wsAdmin', 'wsEditor'], 403: ['wsViewer'], 401: ['anonymous'], others: 404 }),
    roundTrips: [2, 'authorization + one TransactWrite (workspace + audit); no SSO change here'],
  },
  // "delete the workspace": admin (fresh workspace per case).
  'DELETE /workspaces/{workspaceId}': {
    authz: statuses({ 204: ['owner', 'orgAdmin', 'wsAdmin'], 403: ['wsEditor', 'wsViewer'], 401: ['anonymous'], others: 404 }),
    roundTrips: [2, 'authorization + one TransactWrite (item, org counters, purge queue, audit): nothing of it is readable from then on; the partition\'s purge can be left to the purge queue'],
  },
  // "move a workspace into/out of the org": owner/admin of both orgs. Workspace roles see the
  // workspace but are no org admins of its org: 403 (they are admins of the target, T).
  'POST /workspaces/{workspaceId}/move': {
    authz: statuses({ 200: ['owner', 'orgAdmin'], 403: ['wsAdmin', 'wsEditor', 'wsViewer'], 401: ['anonymous'], others: 404 }),
    roundTrips: [3, 'one BatchGet for both authorizations (the workspace, and the target org named in the body) ‖ Query GSI1 DEFAULTWS#w (defaults to release) → one TransactWrite (with the releases, pinned to the counters read). The workspace item\'s deviceCount and memberCount (0 here) say there is no grant to refuse on and no explicit member to move; otherwise +1 Query of the partition GRANT#…MEMBER# and +1 BatchGet of those members\' org memberships'],
  },
  'GET /workspaces/{workspaceId}/members': {
    authz: statuses({ 200: ['owner', 'orgAdmin', 'wsAdmin', 'wsEditor', 'wsViewer'], 401: ['anonymous'], others: 404 }),
    roundTrips: [2, 'authorization + one Query of the org\'s memberships (names, org roles and each one\'s `workspaces`: explicit members and implicit admins at once)'],
  },
  // "add members (roles up to their own)": admin, editor (the requests add a `viewer`).
  'PUT /workspaces/{workspaceId}/members/{userId}': {
    authz: statuses({ 200: ['owner', 'orgAdmin', 'wsAdmin', 'wsEditor'], 403: ['wsViewer'], 401: ['anonymous'], others: 404 }),
    roundTrips: [2, 'authorization BatchGet + the target\'s profile (org role, names) and workspace membership (keys in the path) → one TransactWrite'],
  },
  // "change/remove workspace members": admin (the target is another member, not the caller).
  'DELETE /workspaces/{workspaceId}/members/{userId}': {
    authz: statuses({ 204: ['owner', 'orgAdmin', 'wsAdmin'], 403: ['wsEditor', 'wsViewer'], 401: ['anonymous'], others: 404 }),
    roundTrips: [2, 'another member: authorization BatchGet + their profile (org role) and workspace membership (keys in the path) → one TransactWrite'],
  },

  // ── Devices: workspace roles, or per-device grants on the granted device only ─
  // A grant holder lists exactly their granted devices.
  'GET /workspaces/{workspaceId}/devices': {
    authz: statuses({ 200: ['owner', 'orgAdmin', 'wsAdmin', 'wsEditor', 'wsViewer', 'grantRead', 'grantWrite'], 401: ['anonymous'], others: 404 }),
    roundTrips: [2, 'authorization + one Query (a role holder)'],
  },
  // "create devices": admin, editor. A grant shows single devices, never the workspace: 404.
  'POST /workspaces/{workspaceId}/devices': {
    authz: statuses({ 201: ['owner', 'orgAdmin', 'wsAdmin', 'wsEditor'], 403: ['wsViewer'], 401: ['anonymous'], others: 404 }),
    roundTrips: [2, 'authorization + one TransactWrite (device, name claim, counters, audit)'],
  },
  'GET /workspaces/{workspaceId}/devices/{deviceId}': {
    authz: statuses({ 200: ['owner', 'orgAdmin', 'wsAdmin', 'wsEditor', 'wsViewer', 'grantRead', 'grantWrite'], 401: ['anonymous'], others: 404 }),
    roundTrips: [1, 'authorization BatchGet (the device rides in it)'],
  },
  // "update devices": admin, editor, and a `write` grant on that device.
  'PATCH /workspaces/{workspaceId}/devices/{deviceId}': {
    authz: statuses({ 200: ['owner', 'orgAdmin', 'wsAdmin', 'wsEditor', 'grantWrite'], 403: ['wsViewer', 'grantRead'], 401: ['anonymous'], others: 404 }),
    roundTrips: [2, 'authorization (with the device) + one TransactWrite'],
  },
  // "delete devices": admin (fresh device per case, granted to grantRead/grantWrite).
  'DELETE /workspaces/{workspaceId}/devices/{deviceId}': {
    authz: statuses({ 204: ['owner', 'orgAdmin', 'wsAdmin'], 403: ['wsEditor', 'wsViewer', 'grantRead', 'grantWrite'], 401: ['anonymous'], others: 404 }),
    roundTrips: [2, 'authorization (with the device) + one TransactWrite; a device never granted (grantVersion 0, here) has no grants to look for, else +1 Query of the grants'],
  },
  // "grant per-device access": admin.
  'GET /workspaces/{workspaceId}/devices/{deviceId}/grants': {
    authz: statuses({ 200: ['owner', 'orgAdmin', 'wsAdmin'], 403: ['wsEditor', 'wsViewer', 'grantRead', 'grantWrite'], 401: ['anonymous'], others: 404 }),
    roundTrips: [2, "authorization (with the device) + one Query of the workspace's grants (the device here was granted once; a device never granted has none to look for: 1)"],
  },
  'PUT /workspaces/{workspaceId}/devices/{deviceId}/grants/{userId}': {
    authz: statuses({ 200: ['owner', 'orgAdmin', 'wsAdmin'], 403: ['wsEditor', 'wsViewer', 'grantRead', 'grantWrite'], 401: ['anonymous'], others: 404 }),
    roundTrips: [2, 'authorization (with the device) + one TransactWrite (grant, membership entry, device grant version, audit)'],
  },
  'DELETE /workspaces/{workspaceId}/devices/{deviceId}/grants/{userId}': {
    authz: statuses({ 204: ['owner', 'orgAdmin', 'wsAdmin'], 403: ['wsEditor', 'wsViewer', 'grantRead', 'grantWrite'], 401: ['anonymous'], others: 404 }),
    roundTrips: [2, 'authorization (with the device) + one TransactWrite'],
  },

  // ── Streams: workspace routes (a device grant reaches no stream) ─────────────
  'GET /workspaces/{workspaceId}/streams': {
    authz: statuses({ 200: ['owner', 'orgAdmin', 'wsAdmin', 'wsEditor', 'wsViewer'], 401: ['anonymous'], others: 404 }),
    roundTrips: [2, 'authorization + one Query'],
  },
  'POST /workspaces/{workspaceId}/streams': {
    authz: statuses({ 201: ['owner', 'orgAdmin', 'wsAdmin', 'wsEditor'], 403: ['wsViewer'], 401: ['anonymous'], others: 404 }),
    roundTrips: [2, 'authorization + one TransactWrite (stream, counter, audit)'],
  },
  'DELETE /workspaces/{workspaceId}/streams/{streamName}': {
    authz: statuses({ 204: ['owner', 'orgAdmin', 'wsAdmin'], 403: ['wsEditor', 'wsViewer'], 401: ['anonymous'], others: 404 }),
    roundTrips: [2, 'authorization + one TransactWrite'],
  },
  // A device key, never a user token: every Bearer token is "no device key" (401).
  'POST /ingest/{workspaceId}/devices/{deviceName}/streams/{streamName}': {
    authz: statuses({ others: 401 }),
    roundTrips: [2, 'authorization (workspace, device name, stream) + one write (lastSeenAt)'],
  },

  // ── SIMs, usage, reports ────────────────────────────────────────────────────
  // Platform operators only (the check is on the caller's group: no org is read before it).
  'POST /admin/orgs/{orgId}/sims': {
    authz: statuses({ 200: ['operator'], 401: ['anonymous'], others: 403 }),
    roundTrips: [2, 'BatchGet org + operator\'s profile (SSO check) + every card of the batch (new, or already this org\'s) → one TransactWrite (cards, org still there, audit); cards held by other organizations cost one BatchGet more (are those still there?)'],
  },
  'GET /workspaces/{workspaceId}/sims': {
    authz: statuses({ 200: ['owner', 'orgAdmin', 'wsAdmin', 'wsEditor', 'wsViewer'], 401: ['anonymous'], others: 404 }),
    roundTrips: [2, 'authorization + one Query'],
  },
  'POST /workspaces/{workspaceId}/sims': {
    authz: statuses({ 201: ['owner', 'orgAdmin', 'wsAdmin', 'wsEditor'], 403: ['wsViewer'], 401: ['anonymous'], others: 404 }),
    roundTrips: [3, 'authorization → the claim allowances charged (one TransactWrite: every attempt counts, before the code is checked) ‖ GetItem the provisioned card (ICCID in the body) → one TransactWrite (SIM + locator + counters + card claimed + audit)'],
  },
  'PATCH /workspaces/{workspaceId}/sims/{iccid}': {
    authz: statuses({ 200: ['owner', 'orgAdmin', 'wsAdmin', 'wsEditor'], 403: ['wsViewer'], 401: ['anonymous'], others: 404 }),
    roundTrips: [2, 'authorization BatchGet + the SIM (key in the path: version, device) → one TransactWrite'],
  },
  // "transfer SIMs out": admin of both W and W2 (workspace roles hold the same role in both).
  'POST /sims/{iccid}/transfer': {
    authz: statuses({ 200: ['owner', 'orgAdmin', 'wsAdmin'], 403: ['wsEditor', 'wsViewer'], 401: ['anonymous'], others: 404 }),
    roundTrips: [3, 'GetItem locator (strongly consistent; it names the source) → BatchGet my profile, both workspaces and my roles in them, the SIM → one TransactWrite'],
  },
  // "platform operators only (the network feed)".
  'POST /sims/{iccid}/usage': {
    authz: statuses({ 201: ['operator'], 401: ['anonymous'], others: 403 }),
    roundTrips: [3, 'BatchGet locator + operator\'s profile (SSO check) → GetItem the workspace holding the SIM at `at` (its org gets the traffic) → one TransactWrite (record, counters, locator as read)'],
  },
  'GET /workspaces/{workspaceId}/usage': {
    authz: statuses({ 200: ['owner', 'orgAdmin', 'wsAdmin', 'wsEditor', 'wsViewer'], 401: ['anonymous'], others: 404 }),
    roundTrips: [2, 'authorization + one Query of the range'],
  },
  // "any role" in each named workspace (here W); one not accessible → 404.
  'GET /reports': {
    authz: statuses({ 200: ['owner', 'orgAdmin', 'wsAdmin', 'wsEditor', 'wsViewer'], 401: ['anonymous'], others: 404 }),
    roundTrips: [1, 'with workspaceIds (here 2): one BatchGet of my profile (SSO check, org roles) and each workspace with my role in it; the figures are counters on the workspace items'],
  },
  // ── Webhooks ────────────────────────────────────────────────────────────────
  // "the organization's integrations": owner, admin (the audit log's readers).
  'GET /orgs/{orgId}/webhooks': {
    authz: statuses({ 200: ['owner', 'orgAdmin'], 404: ['stranger', 'operator'], 401: ['anonymous'], others: 403 }),
    roundTrips: [2, 'authorization + one Query (WEBHOOK# of the org partition)'],
  },
  'POST /orgs/{orgId}/webhooks': {
    authz: statuses({ 201: ['owner', 'orgAdmin'], 404: ['stranger', 'operator'], 401: ['anonymous'], others: 403 }),
    roundTrips: [2, "authorization → one TransactWrite (the org's webhook count under its quota, the endpoint, audit); the URL's DNS lookup is no database round trip"],
  },
  'GET /orgs/{orgId}/webhooks/{webhookId}': {
    authz: statuses({ 200: ['owner', 'orgAdmin'], 404: ['stranger', 'operator'], 401: ['anonymous'], others: 403 }),
    roundTrips: [1, 'the authorization BatchGet with the endpoint (key in the path)'],
  },
  'PATCH /orgs/{orgId}/webhooks/{webhookId}': {
    authz: statuses({ 200: ['owner', 'orgAdmin'], 404: ['stranger', 'operator'], 401: ['anonymous'], others: 403 }),
    roundTrips: [2, 'authorization BatchGet with the endpoint → one TransactWrite (the endpoint as read, audit)'],
  },
  'DELETE /orgs/{orgId}/webhooks/{webhookId}': {
    authz: statuses({ 204: ['owner', 'orgAdmin'], 404: ['stranger', 'operator'], 401: ['anonymous'], others: 403 }),
    roundTrips: [2, 'authorization BatchGet with the endpoint → one TransactWrite (the endpoint, the count, audit)'],
  },
  'POST /orgs/{orgId}/webhooks/{webhookId}/rotate-secret': {
    authz: statuses({ 200: ['owner', 'orgAdmin'], 404: ['stranger', 'operator'], 401: ['anonymous'], others: 403 }),
    roundTrips: [2, 'authorization BatchGet with the endpoint → one TransactWrite (the endpoint as read, audit)'],
  },
  'GET /orgs/{orgId}/webhooks/{webhookId}/deliveries': {
    authz: statuses({ 200: ['owner', 'orgAdmin'], 404: ['stranger', 'operator'], 401: ['anonymous'], others: 403 }),
    roundTrips: [2, "authorization BatchGet with the endpoint → one Query of the endpoint's GSI1 partition"],
  },
  // The matrix replays a delivery that does not exist: 404 for those allowed, as for those who may not see it.
  'POST /orgs/{orgId}/webhooks/{webhookId}/deliveries/{deliveryId}/replay': {
    authz: statuses({ 404: ['owner', 'orgAdmin', 'stranger', 'operator'], 401: ['anonymous'], others: 403 }),
    roundTrips: [2, 'authorization BatchGet with the endpoint and the delivery (both keys in the path) → the POST → one conditional Put of the delivery as read'],
  },
} satisfies Record<RouteKey, RouteExpectation>;
