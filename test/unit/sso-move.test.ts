import { describe, expect, it } from 'vitest';
import { authorize, type OrgAccess, type WorkspaceAccess } from '#auth/access.js';
import { assertMayMoveInto } from '#auth/decisions.js';
import type { OrgRole } from '#domain/roles.js';
import {
  assertMoveFits,
  assertOtherOrganization,
  losesAccessOnMove,
  MAX_TRANSACTION_ITEMS,
  moveTransactionSize,
  planMove,
} from '#domain/move.js';
import {
  assertNoLockOut,
  assertSsoSatisfied,
  assertWorkspaceSsoSatisfied,
  isSsoBreakGlass,
  requirementChanged,
  requirementOf,
  ssoStatus,
  workspaceSsoSatisfied,
} from '#domain/sso.js';
import { BadRequestError, ConflictError, ForbiddenError } from '#kernel/errors.js';
import { principalFrom } from '#auth/principal.js';
import { stringifyClaims } from '../../infra/local/gateway-event.js';
import { event, idClaims } from '../support/events.js';

describe('SSO of a workspace itself', () => {
  const on = { required: true, providerName: 'CorpSAML' };

  it('needs a token through its provider; `required: false` and no setting need nothing', () => {
    expect(workspaceSsoSatisfied(on, ['CorpSAML'])).toBe(true);
    expect(workspaceSsoSatisfied(on, ['corpsaml'])).toBe(false);
    expect(workspaceSsoSatisfied(on, [])).toBe(false);
    expect(workspaceSsoSatisfied({ required: false, providerName: 'CorpSAML' }, [])).toBe(true);
    expect(workspaceSsoSatisfied(null, [])).toBe(true);
    expect(() => assertWorkspaceSsoSatisfied(on, ['Google'])).toThrow(expect.objectContaining({ status: 403, code: 'sso_required', message: expect.stringContaining('CorpSAML') }));
    expect(() => assertWorkspaceSsoSatisfied(on, ['CorpSAML'])).not.toThrow();
  });

  it('cannot be turned on by a token that would be locked out by it', () => {
    expect(() => assertNoLockOut(on, ['Google'])).toThrow(expect.objectContaining({ status: 403, code: 'sso_required' }));
    expect(() => assertNoLockOut(on, [])).toThrow(ForbiddenError);
    expect(() => assertNoLockOut(on, ['CorpSAML'])).not.toThrow();
    expect(() => assertNoLockOut({ required: false, providerName: 'CorpSAML' }, [])).not.toThrow();
    expect(() => assertNoLockOut(null, [])).not.toThrow();
    expect(() => assertNoLockOut(undefined, [])).not.toThrow();
  });

  it('break-glass is a change that only turns it off', () => {
    expect(isSsoBreakGlass({ sso: null })).toBe(true);
    expect(isSsoBreakGlass({ sso: { required: false, providerName: 'CorpSAML' } })).toBe(true);
    expect(isSsoBreakGlass({ sso: null, name: undefined })).toBe(true);
    expect(isSsoBreakGlass({ sso: null, name: 'Renamed' })).toBe(false);
    expect(isSsoBreakGlass({ sso: on })).toBe(false);
    expect(isSsoBreakGlass({ sso: { required: true, providerName: 'OtherIdP' } })).toBe(false);
    expect(isSsoBreakGlass({})).toBe(false);
    expect(isSsoBreakGlass({ description: null })).toBe(false);
  });
});

describe('SSO of the default workspace', () => {
  it('only `required: true` puts a requirement on users whose default it is', () => {
    expect(requirementOf({ required: true, providerName: 'AcmeSAML' })).toEqual({ providerName: 'AcmeSAML' });
    expect(requirementOf({ required: false, providerName: 'AcmeSAML' })).toBeNull();
    expect(requirementOf(null)).toBeNull();
    expect(requirementOf(undefined)).toBeNull();
  });

  it('is met by a token whose identities name the provider, exactly', () => {
    const req = { providerName: 'AcmeSAML' };
    expect(ssoStatus(req, ['AcmeSAML'])).toEqual({ required: true, providerName: 'AcmeSAML', satisfied: true });
    expect(ssoStatus(req, ['Google', 'AcmeSAML'])).toMatchObject({ satisfied: true });
    expect(ssoStatus(req, [])).toMatchObject({ satisfied: false });
    expect(ssoStatus(req, ['acmesaml'])).toMatchObject({ satisfied: false });
    expect(ssoStatus(null, [])).toEqual({ required: false, providerName: null, satisfied: true });
  });

  it('refuses with 403 sso_required, naming the way out', () => {
    expect(() => assertSsoSatisfied({ providerName: 'AcmeSAML' }, ['Google'])).toThrow(ForbiddenError);
    try {
      assertSsoSatisfied({ providerName: 'AcmeSAML' }, []);
    } catch (error) {
      expect(error).toMatchObject({ status: 403, code: 'sso_required' });
      expect((error as Error).message).toContain('AcmeSAML');
      expect((error as Error).message).toContain('PATCH /me');
    }
    expect(() => assertSsoSatisfied(null, [])).not.toThrow();
    expect(() => assertSsoSatisfied(undefined, [])).not.toThrow();
  });

  it('tells which setting changes matter to the users whose default it is', () => {
    const on = { required: true, providerName: 'A' };
    expect(requirementChanged(null, on)).toBe(true);
    expect(requirementChanged(on, { required: true, providerName: 'B' })).toBe(true);
    expect(requirementChanged(on, { required: false, providerName: 'A' })).toBe(true);
    expect(requirementChanged(on, on)).toBe(false);
    expect(requirementChanged(null, { required: false, providerName: 'A' })).toBe(false);
  });

  it("reads the identities claim as API Gateway hands it over, with one identity or several", () => {
    const identities = [
      { providerName: 'AcmeSAML', providerType: 'SAML', userId: 'x' },
      { providerName: 'Google', providerType: 'Google', userId: 'y' },
    ];
    for (const count of [1, 2]) {
      const claims = stringifyClaims({ ...idClaims('u1'), identities: identities.slice(0, count) });
      expect(principalFrom(event({ claims })).identityProviders).toEqual(identities.slice(0, count).map((i) => i.providerName));
    }
  });
});

describe('moving a workspace', () => {
  // The route's action in the workspace's organization (an explicit workspace admin role does not
  // count), then the same in the target: the two checks a move passes.
  const assertMayMove = (source: OrgRole | undefined, target: OrgRole) => {
    authorize({ kind: 'workspace', userId: 'u', orgRole: source, role: 'admin' } as unknown as WorkspaceAccess, 'workspace.move');
    assertMayMoveInto({ kind: 'org', userId: 'u', role: target } as unknown as OrgAccess);
  };

  it('needs owner or admin in both organizations', () => {
    expect(() => assertMayMove('owner', 'admin')).not.toThrow();
    expect(() => assertMayMove('admin', 'owner')).not.toThrow();
    for (const [source, target] of [
      ['editor', 'owner'],
      ['member', 'admin'],
      [undefined, 'owner'],
      ['owner', 'editor'],
      ['admin', 'member'],
    ] as const) {
      expect(() => assertMayMove(source, target)).toThrow(ForbiddenError);
    }
  });

  it('refuses a move into the organization it is in', () => {
    expect(() => assertOtherOrganization('o1', 'o1')).toThrow(BadRequestError);
    expect(() => assertOtherOrganization('o1', 'o2')).not.toThrow();
  });

  it('keeps the roles of members of the target and ends the others', () => {
    const plan = planMove([{ userId: 'a' }, { userId: 'b' }, { userId: 'c' }], new Set(['b', 'z']));
    expect(plan.keep.map((m) => m.userId)).toEqual(['b']);
    expect(plan.remove.map((m) => m.userId)).toEqual(['a', 'c']);
  });

  it('fits one transaction or is refused with 409', () => {
    const members = (n: number) => Array.from({ length: n }, (_, i) => ({ userId: `u${i}` }));
    expect(moveTransactionSize({ keep: [], remove: [] })).toBe(5);
    expect(moveTransactionSize({ keep: members(2), remove: members(3) })).toBe(5 + 6 + 6);
    const largest = { keep: members(31), remove: [] };
    expect(moveTransactionSize(largest)).toBeLessThanOrEqual(MAX_TRANSACTION_ITEMS);
    expect(() => assertMoveFits(largest)).not.toThrow();
    expect(() => assertMoveFits({ keep: members(32), remove: [] })).toThrow(ConflictError);
    expect(() => assertMoveFits({ keep: [], remove: members(48) })).toThrow(ConflictError);
    expect(() => assertMoveFits({ keep: [], remove: members(47) })).not.toThrow();
  });

  it('after a move, only the target’s owners/admins and the members who kept a role can open it', () => {
    expect(losesAccessOnMove('owner', false)).toBe(false);
    expect(losesAccessOnMove('admin', false)).toBe(false);
    expect(losesAccessOnMove('member', true)).toBe(false);
    expect(losesAccessOnMove('member', false)).toBe(true);
    expect(losesAccessOnMove('editor', false)).toBe(true);
    expect(losesAccessOnMove(undefined, false)).toBe(true);
  });
});
