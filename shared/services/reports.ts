/** Centralized reports: per-workspace and combined figures over workspaces the caller can access (any role). */
import { loadWorkspaceRoles } from '#auth/workspace-roles.js';
import { assertSso, assertWorkspaceSso } from '#auth/sso-check.js';
import { workspaceSsoSatisfied } from '#domain/sso.js';
import type { Principal } from '#auth/principal.js';
import type { Workspace } from '#domain/workspaces.js';
import { NotFoundError } from '#kernel/errors.js';
import { loadMe } from '#services/me.js';

export interface ReportLine {
  workspaceId: string;
  name: string;
  organizationId: string;
  members: number;
  devices: number;
  sims: number;
  trafficBytes: number;
}

const lineOf = (w: Workspace): ReportLine => ({
  workspaceId: w.id,
  name: w.name,
  organizationId: w.orgId,
  members: w.memberCount,
  devices: w.deviceCount,
  sims: w.simCount,
  trafficBytes: w.trafficBytes,
});

/**
 * The figures come from the counters on the workspace items, so a report costs the reads that
 * authorize it and nothing more. Named workspaces must all be accessible: one that is not fails
 * the whole request with 404 (never silently dropped, never saying which exist). Without names,
 * every workspace the caller can access (as GET /me lists them) whose own SSO requirement the
 * token meets; a named workspace whose requirement it does not meet is 403 `sso_required`. The
 * caller's SSO obligation is checked on the profile those reads bring, before anything else is answered.
 */
export async function report(principal: Pick<Principal, 'userId' | 'identityProviders'>, workspaceIds: string[] | undefined) {
  let workspaces: Workspace[];
  if (workspaceIds) {
    const { grants, profile } = await loadWorkspaceRoles(workspaceIds, principal.userId);
    assertSso(principal, profile);
    if (grants.some((g) => !g)) throw new NotFoundError('One or more of the workspaces do not exist or are not accessible to you.');
    workspaces = grants.map((g) => g!.workspace);
    for (const workspace of workspaces) assertWorkspaceSso(principal, workspace);
  } else {
    // "All I can access" leaves out the workspaces whose own SSO this token does not meet.
    workspaces = (await loadMe(principal.userId, (profile) => assertSso(principal, profile))).workspaces
      .map((w) => w.workspace)
      .filter((w) => workspaceSsoSatisfied(w.sso, principal.identityProviders));
  }
  const lines = workspaces.map(lineOf);
  // Combined figures are sums: someone who is a member of two workspaces counts in each.
  const combined = { members: 0, devices: 0, sims: 0, trafficBytes: 0 };
  for (const line of lines) {
    combined.members += line.members;
    combined.devices += line.devices;
    combined.sims += line.sims;
    combined.trafficBytes += line.trafficBytes;
  }
  return { workspaces: lines, combined };
}
