/**
 * The scope registry: for each scope a route may declare, which path parameters name the resource,
 * which user the path acts on (for what anyone may do on themselves), what else the route may ask
 * to be read (`alsoReads`) and which path parameter names it, and how the caller's access is
 * loaded — in ONE BatchGet, as the loaders in `#auth/access.ts` do. `authorizeRoute` is all the
 * request wrapper calls: load, then the one `authorize` of the route's action, then the SSO
 * requirement of the workspace the route names. The wrapper knows no kind of id.
 */
import { authorize, loadDeviceAccess, loadOrgAccess, loadWorkspaceAccess, type Access, type Caller, type DeviceAccess, type OrgAccess, type WorkspaceAccess } from '#auth/access.js';
import type { Action } from '#auth/policy.js';
import { PLATFORM_OPERATORS_GROUP, type Principal } from '#auth/principal.js';
import { assertRouteWorkspaceSso, wrapperChecksSso, type SsoSpec } from '#auth/sso-check.js';
import { keys } from '#db/keys.js';
import { batchGet, type Item } from '#db/ops.js';
import { toProfile } from '#db/records/users.js';
import { getProfile } from '#db/repositories/users.js';
import type { UserProfile } from '#domain/users.js';
import { ForbiddenError } from '#kernel/errors.js';

/**
 * `org` (path has orgId), `workspace` (path has workspaceId), `device` (path has workspaceId and
 * maybe deviceId: a workspace role or per-device grants), `self` (the caller), `operator` (platform
 * operators only: the Cognito group `platform-operators`), `public`.
 */
export type Scope = 'org' | 'workspace' | 'device' | 'self' | 'operator' | 'public';

/**
 * What a route may ask to be read with its access. Org routes: `member` (the org membership of
 * `{userId}`), `memberProfile` (that user's profile), `invitation` (`{invitationId}`). Workspace
 * routes: `memberProfile`, `workspaceMember` (the workspace role of `{userId}`), `sim` (`{iccid}`).
 * Org routes also: `identityProvider` (the organization's provider `{name}`), `webhook` (its endpoint `{webhookId}`).
 * Self and operator routes: `simLocator` (`{iccid}`), read with the caller's profile for the SSO check.
 */
export type AlsoRead = 'member' | 'memberProfile' | 'invitation' | 'identityProvider' | 'webhook' | 'workspaceMember' | 'sim' | 'simLocator';

/** What of a route's row decides its authorization. */
export interface AccessSpec extends SsoSpec {
  scope: Scope;
  /** The action the caller must be allowed (role matrix in `#auth/policy.ts`). */
  action?: Action;
  alsoReads?: readonly AlsoRead[];
}

/**
 * The caller on a self or operator route: their profile, read when the wrapper checks their SSO
 * obligation (`wrapperChecksSso`; else undefined and the operation reads what it needs), and what
 * the path names that the route asks for, read with it: `null` when there is no such item.
 */
export interface SelfAccess extends Caller {
  kind: 'self';
  profile: UserProfile | undefined;
  named: { simLocator?: Item | null };
}

type Ids = Record<string, string | undefined>;

interface ScopeEntry<A> {
  /** The path parameters that name the resource, handed to `load` in this order. */
  path: readonly string[];
  /** The path parameter naming the user the route acts on, for what anyone may do on themselves. */
  subject?: string;
  /** The `alsoReads` this scope understands, each with the path parameter naming what is read. */
  reads: Partial<Record<AlsoRead, string>>;
  load(principal: Principal, path: (string | undefined)[], named: Partial<Record<AlsoRead, string>>, spec: AccessSpec): Promise<A>;
}

/** The caller's profile and what the path names besides, when the wrapper checks SSO: one read. */
async function loadSelfAccess(principal: Principal, named: { simLocator?: string }, spec: AccessSpec): Promise<SelfAccess> {
  const access: SelfAccess = { kind: 'self', userId: principal.userId, identityProviders: principal.identityProviders, profile: undefined, named: {} };
  if (!wrapperChecksSso(spec)) return access;
  if (named.simLocator) {
    const [profileItem, locatorItem] = await batchGet([keys.user(principal.userId), keys.simLocator(named.simLocator)], { consistent: true });
    return { ...access, profile: profileItem ? toProfile(profileItem) : undefined, named: { simLocator: locatorItem ?? null } };
  }
  return { ...access, profile: await getProfile(principal.userId) };
}

const SCOPES = {
  org: {
    path: ['orgId'],
    subject: 'userId',
    reads: { member: 'userId', memberProfile: 'userId', invitation: 'invitationId', identityProvider: 'name', webhook: 'webhookId' },
    load: (principal, [orgId], named) => loadOrgAccess(orgId!, principal, named),
  } satisfies ScopeEntry<OrgAccess>,
  workspace: {
    path: ['workspaceId'],
    subject: 'userId',
    reads: { memberProfile: 'userId', workspaceMember: 'userId', sim: 'iccid' },
    load: (principal, [workspaceId], named) => loadWorkspaceAccess(workspaceId!, principal, named),
  } satisfies ScopeEntry<WorkspaceAccess>,
  device: {
    path: ['workspaceId', 'deviceId'],
    reads: {},
    load: (principal, [workspaceId, deviceId]) => loadDeviceAccess(workspaceId!, principal, deviceId),
  } satisfies ScopeEntry<DeviceAccess>,
  self: {
    path: [],
    reads: { simLocator: 'iccid' },
    load: (principal, _path, named, spec) => loadSelfAccess(principal, named, spec),
  } satisfies ScopeEntry<SelfAccess>,
  operator: {
    path: [],
    reads: { simLocator: 'iccid' },
    load: (principal, _path, named, spec) => {
      if (!principal.groups.includes(PLATFORM_OPERATORS_GROUP)) throw new ForbiddenError('Only platform operators may do this.');
      return loadSelfAccess(principal, named, spec);
    },
  } satisfies ScopeEntry<SelfAccess>,
  public: {
    path: [],
    reads: {},
    load: async () => undefined,
  } satisfies ScopeEntry<undefined>,
} as const;

/** The access a route of scope `S` hands its operation. */
export type ScopedAccess<S extends Scope> = Awaited<ReturnType<(typeof SCOPES)[S]['load']>>;

/** A route asking for reads its scope does not know is a mistake in the route table: refused when the handler is built. */
export function assertAccessSpec(spec: AccessSpec, name: string): void {
  const entry: ScopeEntry<unknown> = SCOPES[spec.scope];
  const unknown = (spec.alsoReads ?? []).filter((read) => !entry.reads[read]);
  if (unknown.length) throw new Error(`${name}: scope ${spec.scope} cannot read ${unknown.join(', ')}`);
}

/**
 * The caller's access to what the path names, loaded by the route's scope (404 for what they
 * cannot see), and the route's action authorized on it (403). Nothing for a caller without a
 * principal (public and device-key routes).
 */
export async function authorizeRoute(spec: AccessSpec, principal: Principal | undefined, params: unknown): Promise<Access | SelfAccess | undefined> {
  if (!principal) return undefined;
  const entry: ScopeEntry<Access | SelfAccess | undefined> = SCOPES[spec.scope];
  const ids = (params ?? {}) as Ids;
  const named: Partial<Record<AlsoRead, string>> = {};
  for (const read of spec.alsoReads ?? []) {
    const param = entry.reads[read];
    if (param && ids[param] !== undefined) named[read] = ids[param];
  }
  const access = await entry.load(principal, entry.path.map((param) => ids[param]), named, spec);
  if (access && access.kind !== 'self') {
    if (spec.action) authorize(access, spec.action, entry.subject ? ids[entry.subject] : undefined);
    if (access.kind !== 'org') assertRouteWorkspaceSso(spec, access);
  }
  return access;
}
