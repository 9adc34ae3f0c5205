/** After sign-in: where to go (onboarding or the first organization), onboarding itself, and /billing. */
import { useLocation } from 'preact-iso';
import { useEffect } from 'preact/hooks';
import { api, data } from '../api.js';
import { reloadMe, useMe } from '../me.js';
import { session } from '../session.js';
import { ActionForm, Field, Loading, ProblemBox, text } from '../ui.js';

export function Home() {
  const { route } = useLocation();
  const { me, error } = useMe();
  useEffect(() => {
    if (me === null) route('/onboarding', true);
    else if (me && me.organizations[0]) route(`/orgs/${me.organizations[0].id}`, true);
  }, [me]);
  if (error) return <main class="narrow"><ProblemBox error={error} /></main>;
  if (me && me.organizations.length === 0) {
    return (
      <main class="narrow">
        <h1>No organization yet</h1>
        <p>You are not a member of any organization. Open the invitation link you were emailed, or create an organization of your own.</p>
      </main>
    );
  }
  return <main class="narrow"><Loading /></main>;
}

/** Onboarding: the profile, the organization and its first workspace, in one POST /signup. */
export function Onboarding() {
  const { route } = useLocation();
  const claims = session() ? JSON.parse(atob(session()!.idToken.split('.')[1]!.replace(/-/g, '+').replace(/_/g, '/'))) as Record<string, string> : {};
  return (
    <main class="narrow">
      <h1>Set up your organization</h1>
      <p>We create your organization with a first workspace, “Default”, on a 14-day trial.</p>
      <ActionForm
        label="Set up your organization"
        submit="Create organization"
        action={async (form) => {
          const me = await data(
            api().POST('/signup', { body: { givenName: text(form, 'givenName'), familyName: text(form, 'familyName'), organizationName: text(form, 'organizationName') } }),
          );
          await reloadMe();
          route(`/orgs/${me.organizations[0]!.id}`);
        }}
      >
        <Field label="First name">
          <input name="givenName" required maxLength={100} defaultValue={claims.given_name ?? ''} autocomplete="given-name" />
        </Field>
        <Field label="Last name">
          <input name="familyName" required maxLength={100} defaultValue={claims.family_name ?? ''} autocomplete="family-name" />
        </Field>
        <Field label="Organization name">
          <input name="organizationName" required maxLength={100} autocomplete="organization" />
        </Field>
      </ActionForm>
    </main>
  );
}

/** The trial-ended email links here: the plan page of the caller's first organization they own. */
export function Billing() {
  const { route } = useLocation();
  const { me } = useMe();
  useEffect(() => {
    const org = me?.organizations.find((o) => o.role === 'owner') ?? me?.organizations[0];
    if (org) route(`/orgs/${org.id}/plan`, true);
  }, [me]);
  return <main class="narrow"><Loading /></main>;
}

/** Another organization of one's own (POST /orgs): the caller is its owner, on a 14-day trial. */
export function NewOrganization() {
  const { route } = useLocation();
  return (
    <main class="narrow">
      <h1>New organization</h1>
      <p>You become its owner; it starts on a 14-day trial. Add its first workspace from its Workspaces page.</p>
      <ActionForm
        label="New organization"
        submit="Create organization"
        action={async (form) => {
          const description = text(form, 'description');
          const org = await data(api().POST('/orgs', { body: { name: text(form, 'name'), ...(description ? { description } : {}) } }));
          await reloadMe();
          route(`/orgs/${org.id}`);
        }}
      >
        <Field label="Organization name">
          <input name="name" required maxLength={100} autocomplete="organization" />
        </Field>
        <Field label="Description (optional)">
          <input name="description" maxLength={500} />
        </Field>
      </ActionForm>
      <p><a href="/">Back</a></p>
    </main>
  );
}
