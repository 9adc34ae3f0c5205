/** Issue 13, round two of hardening: each test names the defect it keeps fixed. */
import { describe, expect, it } from 'vitest';
import { expectProblem, signedUp } from './support/api.js';

describe('hardening', () => {
  it('a weak ETag never satisfies If-Match (strong comparison): 412 and nothing changes', async () => {
    const owner = await signedUp('weak-etag');
    const etag = (await owner.api.get(`/orgs/${owner.orgId}`)).headers.get('etag')!;
    expect(etag).toMatch(/^"\d+"$/);
    expectProblem(await owner.api.patch(`/orgs/${owner.orgId}`, { name: 'Weak' }, { 'if-match': `W/${etag}` }), 412, 'precondition_failed');
    expectProblem(
      await owner.api.patch(`/workspaces/${owner.workspaceId}`, { name: 'Weak' }, { 'if-match': `W/${(await owner.api.get(`/workspaces/${owner.workspaceId}`)).headers.get('etag')}` }),
      412,
      'precondition_failed',
    );
    expect((await owner.api.get(`/orgs/${owner.orgId}`)).body.name).toBe('weak-etag Org');
    expect((await owner.api.patch(`/orgs/${owner.orgId}`, { name: 'Strong' }, { 'if-match': etag })).status).toBe(200);
  });
});
