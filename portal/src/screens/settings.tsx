/**
 * An organization's settings: name, description, logo and branding (sent with If-Match), the
 * transfer of ownership, deleting the organization (owner), leaving it (everyone else).
 */
import { useLocation } from 'preact-iso';
import { useState } from 'preact/hooks';
import { api, data, unwrap, type components } from '../api.js';
import { OrgFrame, type OrgView } from '../layout.js';
import { mayInOrg } from '../may.js';
import { reloadMe, useMe } from '../me.js';
import { ActionForm, DangerForm, Field, ProblemBox, text, useLoad } from '../ui.js';

type Organization = components['schemas']['Organization'];

const nullable = (value: string): string | null => (value === '' ? null : value);

function Profile({ org, view }: { org: Organization; view: OrgView }) {
  const orgId = org.id;
  const [saved, setSaved] = useState(false);
  return (
    <section aria-labelledby="profile-title">
      <h2 id="profile-title">Profile and branding</h2>
      {org.logoUrl && <img class="logo" src={org.logoUrl} alt={`Logo of ${org.name}`} />}
      <ActionForm
        label="Organization profile"
        submit="Save settings"
        action={async (form) => {
          setSaved(false);
          const footer = text(form, 'emailFooter');
          await unwrap(
            api().PATCH('/orgs/{orgId}', {
              params: { path: { orgId } },
              body: {
                name: text(form, 'name'),
                description: nullable(text(form, 'description')),
                logoUrl: nullable(text(form, 'logoUrl')),
                branding: { primaryColor: text(form, 'primaryColor'), accentColor: text(form, 'accentColor'), ...(footer ? { emailFooter: footer } : {}) },
              },
              ...(view.etag ? { headers: { 'If-Match': view.etag } } : {}),
            }),
          );
          await reloadMe();
          setSaved(true);
          view.reload();
        }}
      >
        <Field label="Name">
          <input name="name" required maxLength={100} defaultValue={org.name} />
        </Field>
        <Field label="Description">
          <textarea name="description" maxLength={500} rows={2} defaultValue={org.description ?? ''} />
        </Field>
        <Field label="Logo URL" hint="An https address of an image; shown here and in the invitation emails.">
          <input name="logoUrl" type="url" maxLength={2048} defaultValue={org.logoUrl ?? ''} />
        </Field>
        <div class="actions">
          <Field label="Primary colour">
            <input name="primaryColor" type="color" defaultValue={org.branding?.primaryColor ?? '#0b5cad'} />
          </Field>
          <Field label="Accent colour">
            <input name="accentColor" type="color" defaultValue={org.branding?.accentColor ?? '#f0a500'} />
          </Field>
        </div>
        <Field label="Email footer" hint="Appended to the emails the organization's members receive.">
          <textarea name="emailFooter" maxLength={500} rows={2} defaultValue={org.branding?.emailFooter ?? ''} />
        </Field>
      </ActionForm>
      {saved && <p role="status">Settings saved.</p>}
    </section>
  );
}

function TransferOwnership({ orgId, ownerId }: { orgId: string; ownerId: string }) {
  const { data: members, error } = useLoad(() => data(api().GET('/orgs/{orgId}/members', { params: { path: { orgId }, query: { status: 'active', sort: 'name', limit: 100 } } })), [orgId]);
  const candidates = (members?.items ?? []).filter((m) => m.userId && m.userId !== ownerId);
  return (
    <section aria-labelledby="transfer-title">
      <h2 id="transfer-title">Transfer ownership</h2>
      <p>The new owner gets the plan, billing and deletion; you become an admin.</p>
      <ProblemBox error={error} />
      {candidates.length === 0 ? (
        <p class="muted">Nobody else is a member yet: invite the future owner first.</p>
      ) : (
        <ActionForm
          label="Transfer ownership"
          submit="Transfer ownership"
          action={async (form) => {
            const userId = String(form.get('userId'));
            const to = candidates.find((m) => m.userId === userId);
            if (!confirm(`Make ${to?.email ?? 'this member'} the owner? You become an admin.`)) return;
            await unwrap(api().POST('/orgs/{orgId}/transfer-ownership', { params: { path: { orgId } }, body: { userId } }));
            await reloadMe();
            location.reload();
          }}
        >
          <Field label="New owner">
            <select name="userId">
              {candidates.map((m) => (
                <option key={m.userId} value={m.userId}>
                  {[m.givenName, m.familyName].filter(Boolean).join(' ') || m.email} ({m.email}, {m.role})
                </option>
              ))}
            </select>
          </Field>
        </ActionForm>
      )}
    </section>
  );
}

export function OrgSettings({ orgId }: { orgId: string }) {
  const { route } = useLocation();
  const { me } = useMe();
  const role = me?.organizations.find((o) => o.id === orgId)?.role;
  return (
    <OrgFrame orgId={orgId} title="Settings">
      {(org, view) => (
        <>
          {mayInOrg(role, 'org.update') && <Profile org={org} view={view} />}
          {mayInOrg(role, 'org.transferOwnership') && <TransferOwnership orgId={orgId} ownerId={org.ownerId} />}
          {mayInOrg(role, 'org.delete') && (
            <section aria-labelledby="delete-title">
              <h2 id="delete-title">Delete the organization</h2>
              <p>Its workspaces, devices, streams, SIM assignments, members and invitations are deleted. This cannot be undone.</p>
              <DangerForm
                label="Delete the organization"
                phrase={org.name}
                submit="Delete the organization"
                action={async () => {
                  await unwrap(api().DELETE('/orgs/{orgId}', { params: { path: { orgId } } }));
                  await reloadMe();
                  route('/');
                }}
              />
            </section>
          )}
          {role && role !== 'owner' && me && (
            <section aria-labelledby="leave-title">
              <h2 id="leave-title">Leave the organization</h2>
              <p>You lose your role here and in its workspaces. An admin can invite you again.</p>
              <ActionForm
                label="Leave the organization"
                submit="Leave the organization"
                danger
                action={async () => {
                  await unwrap(api().DELETE('/orgs/{orgId}/members/{userId}', { params: { path: { orgId, userId: me.user.id } } }));
                  await reloadMe();
                  route('/');
                }}
              >
                {null}
              </ActionForm>
            </section>
          )}
        </>
      )}
    </OrgFrame>
  );
}
