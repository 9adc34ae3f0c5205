/**
 * Moving a workspace to another organization: what happens to its explicit members, and how
 * big the move's single transaction gets. Plain functions, no AWS. (Who may move is decided in
 * the auth floor: the `workspace.move` action and `assertMayMoveInto` in `#auth/decisions.ts`.)
 */
import type { WorkspaceMembership } from '#domain/workspace-members.js';
import { isImplicitWorkspaceAdmin, type OrgRole } from '#domain/roles.js';
import { BadRequestError, ConflictError } from '#kernel/errors.js';

/** DynamoDB's limit on the items of one TransactWriteItems. */
export const MAX_TRANSACTION_ITEMS = 100;

/** Items every move writes: the workspace, both organizations, one audit event in each. */
export const MOVE_FIXED_ITEMS = 5;
/** Per member who keeps their role: the workspace membership and both org memberships. */
export const MOVE_ITEMS_PER_KEPT_MEMBER = 3;
/** Per member who loses it: the workspace membership and the source org membership. */
export const MOVE_ITEMS_PER_REMOVED_MEMBER = 2;

export function assertOtherOrganization(sourceOrgId: string, targetOrgId: string): void {
  if (sourceOrgId === targetOrgId) {
    throw new BadRequestError('The workspace already belongs to this organization.', [
      { path: 'body.targetOrganizationId', message: "must differ from the workspace's organization" },
    ]);
  }
}

export interface MovePlan<M extends Pick<WorkspaceMembership, 'userId'>> {
  /** Explicit members who are members of the target too: their role moves with the workspace. */
  keep: M[];
  /** Explicit members who are not: their role ends (roles need org membership). */
  remove: M[];
}

/**
 * Splits the explicit members by membership of the target organization. Implicit admins need
 * nothing: they are derived from org roles, so the source's leave and the target's arrive.
 */
export function planMove<M extends Pick<WorkspaceMembership, 'userId'>>(explicit: M[], targetMemberIds: ReadonlySet<string>): MovePlan<M> {
  return {
    keep: explicit.filter((m) => targetMemberIds.has(m.userId)),
    remove: explicit.filter((m) => !targetMemberIds.has(m.userId)),
  };
}

/** How many items the move's transaction writes. */
export function moveTransactionSize(plan: MovePlan<Pick<WorkspaceMembership, 'userId'>>): number {
  return MOVE_FIXED_ITEMS + MOVE_ITEMS_PER_KEPT_MEMBER * plan.keep.length + MOVE_ITEMS_PER_REMOVED_MEMBER * plan.remove.length;
}

/**
 * A move is one transaction, so it is all-or-nothing and needs no recovery; a workspace with
 * more explicit members than fit is refused (409) rather than moved in interruptible steps.
 */
export function assertMoveFits(plan: MovePlan<Pick<WorkspaceMembership, 'userId'>>): void {
  const size = moveTransactionSize(plan);
  if (size > MAX_TRANSACTION_ITEMS) {
    throw new ConflictError(
      `This workspace has too many explicit members to move at once (${plan.keep.length + plan.remove.length}; a move writes ${size} items, at most ${MAX_TRANSACTION_ITEMS}). Remove some workspace roles, or rely on org admin roles, and try again.`,
    );
  }
}

/**
 * Whether a user can no longer open the workspace after its move: only the target's owners and
 * admins (implicitly) and the explicit members who kept their role (members of the target) can.
 */
export function losesAccessOnMove(targetOrgRole: OrgRole | undefined, keptExplicitRole: boolean): boolean {
  return !isImplicitWorkspaceAdmin(targetOrgRole) && !(targetOrgRole !== undefined && keptExplicitRole);
}
