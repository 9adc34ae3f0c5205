import { describe, expect, it } from 'vitest';
import { assertCanChangeRole, assertCanRemove } from '#domain/members.js';
import { canAddWorkspace, trialEnd, workspaceQuota } from '#domain/plans.js';
import { ConflictError, ForbiddenError } from '#kernel/errors.js';

describe('plans', () => {
  it('has the quotas of API.md', () => {
    expect([workspaceQuota('trial'), workspaceQuota('free'), workspaceQuota('pro'), workspaceQuota('enterprise')]).toEqual([3, 1, 3, 100]);
  });
  it('a trial lasts 14 days', () => {
    expect(trialEnd(new Date('2026-01-01T10:00:00.000Z'))).toBe('2026-01-15T10:00:00.000Z');
  });
  it('a downgrade below the count blocks new workspaces only', () => {
    expect(canAddWorkspace('free', 0)).toBe(true);
    expect(canAddWorkspace('free', 1)).toBe(false);
    expect(canAddWorkspace('free', 3)).toBe(false);
  });
});

describe('role changes', () => {
  it("nobody changes the owner's role or makes an owner", () => {
    expect(() => assertCanChangeRole('owner', 'owner', 'admin')).toThrow(ForbiddenError);
    expect(() => assertCanChangeRole('owner', 'member', 'owner')).toThrow(ForbiddenError);
  });
  it('admins manage roles up to admin', () => {
    expect(() => assertCanChangeRole('admin', 'member', 'admin')).not.toThrow();
    expect(() => assertCanChangeRole('admin', 'admin', 'editor')).not.toThrow();
  });
});

describe('removal', () => {
  const actor = (role: 'owner' | 'admin' | 'editor' | 'member', canManageMembers: boolean) => ({ userId: 'a', role, canManageMembers });
  it('anyone but the owner may leave', () => {
    expect(() => assertCanRemove(actor('member', false), { userId: 'a', role: 'member' })).not.toThrow();
    expect(() => assertCanRemove(actor('owner', true), { userId: 'a', role: 'owner' })).toThrow(ConflictError);
  });
  it('the owner cannot be removed, and removing others needs member management', () => {
    expect(() => assertCanRemove(actor('admin', true), { userId: 'b', role: 'owner' })).toThrow(ForbiddenError);
    expect(() => assertCanRemove(actor('editor', false), { userId: 'b', role: 'member' })).toThrow(ForbiddenError);
    expect(() => assertCanRemove(actor('admin', true), { userId: 'b', role: 'editor' })).not.toThrow();
  });
});
