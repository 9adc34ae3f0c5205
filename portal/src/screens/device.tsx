/**
 * One device: its name and description (sent with If-Match), access to this one device for a
 * member of the workspace (per-device grants, read or write), deleting it.
 */
import { useLocation } from 'preact-iso';
import { GRANT_LEVELS } from '../../../shared/domain/roles.js';
import { api, data, unwrap, type components } from '../api.js';
import { ActionForm, Field, formatDate, Loading, ProblemBox, text, useLoad } from '../ui.js';
import { WorkspaceFrame } from './workspace.js';

type Grant = components['schemas']['DeviceGrant'];
type Level = components['schemas']['DeviceGrantLevel'];

function Grants({ workspaceId, orgId, deviceId }: { workspaceId: string; orgId: string; deviceId: string }) {
  // Anyone in the organization may be granted one device, above all those with no role in this
  // workspace (a customer who sees only their machine): the organization's members (the first 100).
  const { data: members, error: membersError } = useLoad(() => data(api().GET('/orgs/{orgId}/members', { params: { path: { orgId }, query: { status: 'active', sort: 'email', limit: 100 } } })), [orgId]);
  // A device's grants come in one page (nextCursor is always null).
  const { data: grants, error, reload } = useLoad(() => data(api().GET('/workspaces/{workspaceId}/devices/{deviceId}/grants', { params: { path: { workspaceId, deviceId } } })), [workspaceId, deviceId]);
  const people = (members?.items ?? []).filter((m): m is typeof m & { userId: string } => m.userId !== undefined && m.userId !== null);
  const emailOf = (userId: string) => people.find((m) => m.userId === userId)?.email ?? userId;
  const path = (userId: string) => ({ path: { workspaceId, deviceId, userId } });
  return (
    <section aria-labelledby="grants-title">
      <h2 id="grants-title">Access to this device</h2>
      <p>
        Grant one person read or write access to this device alone, beyond their role in the workspace: a customer who may see only their own machine, a technician who may
        configure one. Revoking takes it away again; their workspace role is unchanged.
      </p>
      <ProblemBox error={error ?? membersError} />
      {grants && (
        <table>
          <caption class="visually-hidden">Who has access to this device</caption>
          <thead><tr><th scope="col">Person</th><th scope="col">Access</th><th scope="col">Granted</th><th scope="col">Actions</th></tr></thead>
          <tbody>
            {grants.items.map((g: Grant) => (
              <tr key={g.userId}>
                <td>{emailOf(g.userId)}</td>
                <td>{g.access}</td>
                <td>{formatDate(g.grantedAt)} by {emailOf(g.grantedBy)}</td>
                <td>
                  <ActionForm
                    label={`Revoke the access of ${emailOf(g.userId)}`}
                    submit="Revoke"
                    action={async () => {
                      await unwrap(api().DELETE('/workspaces/{workspaceId}/devices/{deviceId}/grants/{userId}', { params: path(g.userId) }));
                      reload();
                    }}
                  >
                    {null}
                  </ActionForm>
                </td>
              </tr>
            ))}
            {grants.items.length === 0 && <tr><td colSpan={4}>Nobody holds access to this device alone.</td></tr>}
          </tbody>
        </table>
      )}
      <ActionForm
        label="Device access"
        submit="Grant access"
        action={async (form) => {
          await unwrap(api().PUT('/workspaces/{workspaceId}/devices/{deviceId}/grants/{userId}', { params: path(String(form.get('userId'))), body: { access: String(form.get('access')) as Level } }));
          reload();
        }}
      >
        <div class="actions">
          <Field label="Person">
            <select name="userId">
              {people.map((m) => <option key={m.userId} value={m.userId}>{m.email}</option>)}
            </select>
          </Field>
          <Field label="Access">
            <select name="access">
              {GRANT_LEVELS.map((level) => <option key={level} value={level}>{level}</option>)}
            </select>
          </Field>
        </div>
      </ActionForm>
    </section>
  );
}

export function DevicePage({ workspaceId, deviceId }: { workspaceId: string; deviceId: string }) {
  const { route } = useLocation();
  const { data: answer, error, reload } = useLoad(() => unwrap(api().GET('/workspaces/{workspaceId}/devices/{deviceId}', { params: { path: { workspaceId, deviceId } } })), [workspaceId, deviceId]);
  const device = answer?.data;
  return (
    <WorkspaceFrame workspaceId={workspaceId} title={(w) => `Device ${device?.name ?? ''} in ${w.name}`}>
      {({ workspace }) => (
        <>
          <ProblemBox error={error} />
          {!device && !error && <Loading />}
          {device && (
            <>
              <p class="muted">Created {formatDate(device.createdAt)} · last seen {formatDate(device.lastSeenAt)} · SIM {device.simIccid ?? 'none'}</p>
              <ActionForm
                label="Device"
                submit="Save device"
                action={async (form) => {
                  const description = text(form, 'description');
                  await unwrap(
                    api().PATCH('/workspaces/{workspaceId}/devices/{deviceId}', {
                      params: { path: { workspaceId, deviceId } },
                      body: { name: text(form, 'name'), description: description || null },
                      ...(answer.etag ? { headers: { 'If-Match': answer.etag } } : {}),
                    }),
                  );
                  reload();
                }}
              >
                <Field label="Device name">
                  <input name="name" required maxLength={64} defaultValue={device.name} />
                </Field>
                <Field label="Description">
                  <input name="description" maxLength={500} defaultValue={device.description ?? ''} />
                </Field>
              </ActionForm>
              <Grants workspaceId={workspaceId} orgId={workspace.organizationId} deviceId={deviceId} />
              <h2>Delete the device</h2>
              <ActionForm
                label="Delete the device"
                submit="Delete the device"
                danger
                action={async () => {
                  if (!confirm(`Delete ${device.name}? Its key stops working.`)) return;
                  await unwrap(api().DELETE('/workspaces/{workspaceId}/devices/{deviceId}', { params: { path: { workspaceId, deviceId } } }));
                  route(`/workspaces/${workspaceId}`);
                }}
              >
                {null}
              </ActionForm>
            </>
          )}
        </>
      )}
    </WorkspaceFrame>
  );
}
