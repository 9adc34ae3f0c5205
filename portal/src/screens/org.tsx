/** An organization's overview (counts, traffic against the free 1 TB) and its plan. */
import { api, data, unwrap } from '../api.js';
import { reloadMe, useMe } from '../me.js';
import { OrgFrame } from '../layout.js';
import { mayInOrg } from '../may.js';
import { ActionForm, Field, formatBytes, formatDate, ProblemBox, useLoad } from '../ui.js';

export function OrgOverview({ orgId }: { orgId: string }) {
  const { data: overview, error } = useLoad(() => data(api().GET('/orgs/{orgId}/overview', { params: { path: { orgId } } })), [orgId]);
  return (
    <OrgFrame orgId={orgId} title="Overview">
      {(org) => (
        <>
          <ProblemBox error={error} />
          {overview && (
            <>
              <dl class="stats">
                <div><dt>Workspaces</dt><dd>{overview.workspaces}</dd></div>
                <div><dt>Members</dt><dd>{overview.members}</dd></div>
                <div><dt>Pending invitations</dt><dd>{overview.pendingInvitations}</dd></div>
                <div><dt>Devices</dt><dd>{overview.devices}</dd></div>
                <div><dt>SIM cards</dt><dd>{overview.sims}</dd></div>
              </dl>
              <h2>Traffic</h2>
              <p>
                <label for="traffic">
                  {formatBytes(overview.trafficBytes)} of the free {formatBytes(overview.freeTrafficBytes)}
                </label>
              </p>
              <progress id="traffic" max={overview.freeTrafficBytes} value={overview.trafficBytes} />
            </>
          )}
          <p class="muted">Plan {org.plan}{org.trialEndsAt ? `, trial ends ${formatDate(org.trialEndsAt)}` : ''}. Created {formatDate(org.createdAt)}.</p>
        </>
      )}
    </OrgFrame>
  );
}

const PLANS = [
  { plan: 'free', label: 'Free', what: '1 workspace' },
  { plan: 'pro', label: 'Pro', what: '3 workspaces' },
  { plan: 'enterprise', label: 'Enterprise', what: '100 workspaces' },
] as const;

export function OrgPlan({ orgId }: { orgId: string }) {
  const { me } = useMe();
  const mayChange = mayInOrg(me?.organizations.find((o) => o.id === orgId)?.role, 'org.changePlan');
  return (
    <OrgFrame orgId={orgId} title="Plan">
      {(org) => (
        <>
          <p>
            Current plan: <strong>{org.plan}</strong>
            {org.plan === 'trial' && org.trialEndsAt ? ` (ends ${formatDate(org.trialEndsAt)})` : ''}. A paid plan re-enables workspaces the end of the trial disabled.
          </p>
          {mayChange ? (
            <ActionForm
              label="Change plan"
              submit="Change plan"
              action={async (form) => {
                await unwrap(api().PUT('/orgs/{orgId}/plan', { params: { path: { orgId } }, body: { plan: String(form.get('plan')) as 'free' | 'pro' | 'enterprise' } }));
                await reloadMe();
                location.assign(`/orgs/${orgId}`);
              }}
            >
              <fieldset>
                <legend>Plan</legend>
                {PLANS.map((p) => (
                  <label key={p.plan} class="choice">
                    <input type="radio" name="plan" value={p.plan} required defaultChecked={org.plan === p.plan} /> {p.label} — {p.what}
                  </label>
                ))}
              </fieldset>
            </ActionForm>
          ) : (
            <p>Only the organization's owner can change its plan.</p>
          )}
          <Field label="Organization id">
            <input readOnly value={org.id} />
          </Field>
        </>
      )}
    </OrgFrame>
  );
}
