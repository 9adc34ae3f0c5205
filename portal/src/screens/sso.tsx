/**
 * Single sign-on: the organization's own SAML or OIDC identity providers (owner/admin). A
 * workspace then requires one of them in its settings (screens/workspace.tsx).
 */
import { useState } from 'preact/hooks';
import { api, data, unwrap, type components } from '../api.js';
import { OrgFrame } from '../layout.js';
import { ActionForm, Field, formatDate, Loading, ProblemBox, text, useCursors, useLoad } from '../ui.js';

type ProviderCreate = components['schemas']['IdentityProviderCreate'];

export function OrgSso({ orgId }: { orgId: string }) {
  const { cursor, pager } = useCursors();
  const { data: page, error, reload } = useLoad(
    () => data(api().GET('/orgs/{orgId}/identity-providers', { params: { path: { orgId }, query: { limit: 20, ...(cursor ? { cursor } : {}) } } })),
    [orgId, cursor],
  );
  const [type, setType] = useState<'SAML' | 'OIDC'>('SAML');
  return (
    <OrgFrame orgId={orgId} title="Single sign-on">
      {() => (
        <>
          <p>
            Members sign in through your own identity provider once a workspace requires it (the workspace’s settings). The provider’s name is what the workspace refers to; an OIDC
            client secret goes to the sign-in service only and is never shown again.
          </p>
          <ProblemBox error={error} />
          {!page && !error && <Loading />}
          {page && (
            <table>
              <caption class="visually-hidden">Identity providers</caption>
              <thead><tr><th scope="col">Name</th><th scope="col">Type</th><th scope="col">Where</th><th scope="col">Status</th><th scope="col">Added</th><th scope="col">Actions</th></tr></thead>
              <tbody>
                {page.items.map((p) => (
                  <tr key={p.name}>
                    <td>{p.name}</td>
                    <td>{p.type}</td>
                    <td>{p.type === 'SAML' ? p.metadataUrl : p.issuer}</td>
                    <td>{p.status}</td>
                    <td>{formatDate(p.createdAt)}</td>
                    <td>
                      <ActionForm
                        label={`Remove provider ${p.name}`}
                        submit="Remove"
                        action={async () => {
                          if (!confirm(`Remove ${p.name}? Workspaces that require it must be changed first.`)) return;
                          await unwrap(api().DELETE('/orgs/{orgId}/identity-providers/{name}', { params: { path: { orgId, name: p.name } } }));
                          reload();
                        }}
                      >
                        {null}
                      </ActionForm>
                    </td>
                  </tr>
                ))}
                {page.items.length === 0 && <tr><td colSpan={6}>No identity provider yet.</td></tr>}
              </tbody>
            </table>
          )}
          {pager(page?.nextCursor, 'Identity provider pages')}
          <h2>Add an identity provider</h2>
          <ActionForm
            label="Add an identity provider"
            submit="Add provider"
            action={async (form) => {
              const name = text(form, 'name');
              const body: ProviderCreate =
                type === 'SAML'
                  ? { name, type: 'SAML', metadataUrl: text(form, 'metadataUrl') }
                  : { name, type: 'OIDC', issuer: text(form, 'issuer'), clientId: text(form, 'clientId'), clientSecret: text(form, 'clientSecret') };
              await unwrap(api().POST('/orgs/{orgId}/identity-providers', { params: { path: { orgId } }, body }));
              (document.querySelector('form[aria-label="Add an identity provider"]') as HTMLFormElement | null)?.reset();
              reload();
            }}
          >
            <fieldset>
              <legend>Protocol</legend>
              <label class="choice"><input type="radio" name="type" value="SAML" checked={type === 'SAML'} onChange={() => setType('SAML')} /> SAML 2.0</label>
              <label class="choice"><input type="radio" name="type" value="OIDC" checked={type === 'OIDC'} onChange={() => setType('OIDC')} /> OpenID Connect</label>
            </fieldset>
            <Field label="Provider name" hint="3–32 letters, digits and dashes; unique across the service.">
              <input name="name" required pattern="[A-Za-z0-9][A-Za-z0-9\-]{2,31}" />
            </Field>
            {type === 'SAML' ? (
              <Field label="Metadata URL">
                <input name="metadataUrl" type="url" required />
              </Field>
            ) : (
              <>
                <Field label="Issuer">
                  <input name="issuer" type="url" required />
                </Field>
                <Field label="Client id">
                  <input name="clientId" required />
                </Field>
                <Field label="Client secret">
                  <input name="clientSecret" type="password" required autocomplete="off" />
                </Field>
              </>
            )}
          </ActionForm>
        </>
      )}
    </OrgFrame>
  );
}
