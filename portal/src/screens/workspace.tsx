/**
 * One workspace: its frame (the workspace switcher, its sections, its disabled state), the
 * overview with devices (the key shown once) and SIM cards, its members (implicit admins shown as
 * such), its streams and its settings (name, SSO, moving it to another organization, deleting it).
 */
import type { ComponentChildren } from 'preact';
import { useLocation } from 'preact-iso';
import { useState } from 'preact/hooks';
import { api, data, unwrap, type components } from '../api.js';
import { OrgFrame } from '../layout.js';
import { WORKSPACE_ROLES } from '../../../shared/domain/roles.js';
import { mayInWorkspaceOrg } from '../may.js';
import { reloadMe, useMe } from '../me.js';
import { ActionForm, DangerForm, Field, formatBytes, formatDate, Loading, ProblemBox, text, useCursors, useLoad } from '../ui.js';
import { Sims } from './sims.js';

export type Workspace = components['schemas']['Workspace'];
type CreatedDevice = components['schemas']['CreatedDevice'];
type WorkspaceRole = components['schemas']['WorkspaceRole'];


export interface WorkspaceView {
  workspace: Workspace;
  etag: string | undefined;
  reload: () => void;
}

function WorkspaceSwitcher({ workspace }: { workspace: Workspace }) {
  const { route } = useLocation();
  const { data: list } = useLoad(() => data(api().GET('/orgs/{orgId}/workspaces', { params: { path: { orgId: workspace.organizationId } } })), [workspace.organizationId]);
  return (
    <Field label="Workspace">
      <select onChange={(e) => route(`/workspaces/${(e.target as HTMLSelectElement).value}`)}>
        {!list && <option value={workspace.id}>{workspace.name}</option>}
        {list?.items.map((w) => (
          <option key={w.id} value={w.id} selected={w.id === workspace.id}>
            {w.name}
            {w.state === 'disabled' ? ' (disabled)' : ''}
          </option>
        ))}
      </select>
    </Field>
  );
}

function Disabled({ workspace }: { workspace: Workspace }) {
  return (
    <div class="problem" role="alert">
      <h2>This workspace is disabled</h2>
      <p>
        {workspace.disabledReason === 'trial_expired' ? 'The organization’s trial ended' : 'It was disabled'} on {formatDate(workspace.disabledAt)}. Its devices, streams and SIM cards are kept
        and can be read, but not used or changed, until the organization has a plan. Members can still be managed.
      </p>
      <p>
        <a class="button" href={`/orgs/${workspace.organizationId}/plan`}>Choose a plan</a>
      </p>
    </div>
  );
}

/** The frame of every workspace screen; `section` is the path after /workspaces/{id}. */
export function WorkspaceFrame({ workspaceId, title, children }: { workspaceId: string; title: (workspace: Workspace) => string; children: (view: WorkspaceView) => ComponentChildren }) {
  const { url } = useLocation();
  const { data: answer, error, reload } = useLoad(() => unwrap(api().GET('/workspaces/{workspaceId}', { params: { path: { workspaceId } } })), [workspaceId]);
  if (error) return <main><h1>Workspace</h1><ProblemBox error={error} /></main>;
  if (!answer) return <main><Loading /></main>;
  const workspace = answer.data;
  const base = `/workspaces/${workspaceId}`;
  const sections = [
    { href: base, label: 'Overview' },
    { href: `${base}/members`, label: 'Members' },
    { href: `${base}/streams`, label: 'Streams' },
    { href: `${base}/settings`, label: 'Settings' },
  ];
  return (
    <OrgFrame orgId={workspace.organizationId} title={title(workspace)}>
      {() => (
        <>
          <div class="toolbar">
            <WorkspaceSwitcher workspace={workspace} />
            <nav aria-label="Workspace" class="tabs">
              <ul>
                {sections.map((s) => (
                  <li key={s.href}>
                    <a href={s.href} aria-current={url.split('?')[0] === s.href ? 'page' : undefined}>{s.label}</a>
                  </li>
                ))}
              </ul>
            </nav>
            <span class="muted">your role: {workspace.role}</span>
          </div>
          {workspace.state === 'disabled' && <Disabled workspace={workspace} />}
          {children({ workspace, etag: answer.etag, reload })}
        </>
      )}
    </OrgFrame>
  );
}

/** The one moment a device key is visible: copy it now, the API never shows it again. */
function DeviceKey({ device, onDone }: { device: CreatedDevice; onDone: () => void }) {
  const [copied, setCopied] = useState(false);
  return (
    <div class="secret" role="region" aria-label="New device key">
      <p>
        The key of <strong>{device.name}</strong>. Copy it now: it is shown only once.
      </p>
      <Field label="Device key">
        <input readOnly value={device.deviceKey} onFocus={(e) => (e.target as HTMLInputElement).select()} />
      </Field>
      <button
        type="button"
        onClick={async () => {
          await navigator.clipboard.writeText(device.deviceKey).catch(() => undefined);
          setCopied(true);
        }}
      >
        Copy key
      </button>
      {copied && <span role="status"> Copied.</span>}{' '}
      <button type="button" class="secondary" onClick={onDone}>
        I have stored it
      </button>
    </div>
  );
}

function Devices({ workspaceId }: { workspaceId: string }) {
  const { cursor, pager } = useCursors();
  const { data: devices, error, reload } = useLoad(
    () => data(api().GET('/workspaces/{workspaceId}/devices', { params: { path: { workspaceId }, query: { limit: 20, ...(cursor ? { cursor } : {}) } } })),
    [workspaceId, cursor],
  );
  const [created, setCreated] = useState<CreatedDevice>();
  return (
    <section aria-labelledby="devices-title">
      <h2 id="devices-title">Devices</h2>
      <ProblemBox error={error} />
      {devices && (
        <table>
          <caption class="visually-hidden">Devices</caption>
          <thead><tr><th scope="col">Name</th><th scope="col">SIM</th><th scope="col">Created</th><th scope="col">Last seen</th></tr></thead>
          <tbody>
            {devices.items.map((d) => (
              <tr key={d.id}><td><a href={`/workspaces/${workspaceId}/devices/${d.id}`}>{d.name}</a></td><td>{d.simIccid ?? '—'}</td><td>{formatDate(d.createdAt)}</td><td>{formatDate(d.lastSeenAt)}</td></tr>
            ))}
            {devices.items.length === 0 && <tr><td colSpan={4}>No devices yet.</td></tr>}
          </tbody>
        </table>
      )}
      {pager(devices?.nextCursor, 'Device pages')}
      {created ? (
        <DeviceKey device={created} onDone={() => setCreated(undefined)} />
      ) : (
        <ActionForm
          label="New device"
          submit="Create device"
          action={async (f) => {
            const { data: device } = await unwrap(api().POST('/workspaces/{workspaceId}/devices', { params: { path: { workspaceId } }, body: { name: text(f, 'name') } }));
            setCreated(device);
            reload();
          }}
        >
          <Field label="New device name" hint="Letters, digits, dots, dashes and underscores.">
            <input name="name" required maxLength={64} />
          </Field>
        </ActionForm>
      )}
    </section>
  );
}

export function WorkspacePage({ workspaceId }: { workspaceId: string }) {
  const { data: overview } = useLoad(() => data(api().GET('/workspaces/{workspaceId}/overview', { params: { path: { workspaceId } } })), [workspaceId]);
  return (
    <WorkspaceFrame workspaceId={workspaceId} title={(w) => `Workspace ${w.name}`}>
      {({ workspace }) =>
        workspace.state === 'disabled' ? null : (
          <>
            {overview && (
              <dl class="stats">
                <div><dt>Devices</dt><dd>{overview.devices}</dd></div>
                <div><dt>SIM cards</dt><dd>{overview.sims}</dd></div>
                <div><dt>Members</dt><dd>{overview.members}</dd></div>
                <div><dt>Streams</dt><dd>{overview.streams}</dd></div>
                <div><dt>Traffic</dt><dd>{formatBytes(overview.trafficBytes)}</dd></div>
              </dl>
            )}
            <Devices workspaceId={workspaceId} />
            <Sims workspaceId={workspaceId} organizationId={workspace.organizationId} />
          </>
        )
      }
    </WorkspaceFrame>
  );
}

const personOf = (m: { givenName?: string | null; familyName?: string | null; email: string }): string => [m.givenName, m.familyName].filter(Boolean).join(' ') || m.email;

/** Members of a workspace: explicit roles can change or go; owners and admins of the org are admins here implicitly. */
export function WorkspaceMembers({ workspaceId }: { workspaceId: string }) {
  const { cursor, pager } = useCursors();
  const [tick, setTick] = useState(0);
  const { data: page, error } = useLoad(
    () => data(api().GET('/workspaces/{workspaceId}/members', { params: { path: { workspaceId }, query: { limit: 50, ...(cursor ? { cursor } : {}) } } })),
    [workspaceId, cursor, tick],
  );
  const changed = () => setTick((t) => t + 1);
  const path = (userId: string) => ({ path: { workspaceId, userId } });
  return (
    <WorkspaceFrame workspaceId={workspaceId} title={(w) => `Members of ${w.name}`}>
      {({ workspace }) => (
        <>
          <p class="muted">Owners and admins of the organization are admins of every workspace: they are listed as implicit and their role comes from the organization.</p>
          <ProblemBox error={error} />
          {!page && !error && <Loading />}
          {page && (
            <table>
              <caption class="visually-hidden">Workspace members</caption>
              <thead><tr><th scope="col">Name</th><th scope="col">Email</th><th scope="col">Organization role</th><th scope="col">Workspace role</th><th scope="col">Actions</th></tr></thead>
              <tbody>
                {page.items.map((m) => (
                  <tr key={m.userId}>
                    <td>{personOf(m)}</td>
                    <td>{m.email}</td>
                    <td>{m.organizationRole}</td>
                    <td>{m.implicit ? <span class="badge">admin (implicit, through the organization)</span> : m.workspaceRole}</td>
                    <td>
                      {!m.implicit && (
                        <div class="actions">
                          <ActionForm
                            label={`Change the workspace role of ${m.email}`}
                            submit="Change"
                            action={async (form) => {
                              await unwrap(api().PUT('/workspaces/{workspaceId}/members/{userId}', { params: path(m.userId), body: { role: String(form.get('role')) as WorkspaceRole } }));
                              changed();
                            }}
                          >
                            <Field label={`Workspace role of ${m.email}`}>
                              <select name="role">
                                {WORKSPACE_ROLES.map((r) => <option key={r} value={r} selected={r === m.workspaceRole}>{r}</option>)}
                              </select>
                            </Field>
                          </ActionForm>
                          <ActionForm
                            label={`Remove ${m.email} from the workspace`}
                            submit="Remove"
                            action={async () => {
                              await unwrap(api().DELETE('/workspaces/{workspaceId}/members/{userId}', { params: path(m.userId) }));
                              changed();
                            }}
                          >
                            {null}
                          </ActionForm>
                        </div>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {pager(page?.nextCursor, 'Workspace member pages')}
          <AddWorkspaceMember workspace={workspace} present={(page?.items ?? []).map((m) => m.userId)} onAdded={changed} />
        </>
      )}
    </WorkspaceFrame>
  );
}

function AddWorkspaceMember({ workspace, present, onAdded }: { workspace: Workspace; present: string[]; onAdded: () => void }) {
  const orgId = workspace.organizationId;
  const { data: members } = useLoad(() => data(api().GET('/orgs/{orgId}/members', { params: { path: { orgId }, query: { status: 'active', sort: 'name', limit: 100 } } })), [orgId]);
  const candidates = (members?.items ?? []).filter((m) => m.userId && !present.includes(m.userId));
  return (
    <section aria-labelledby="add-member-title">
      <h2 id="add-member-title">Give a member of the organization a role here</h2>
      {candidates.length === 0 ? (
        <p class="muted">Every member of the organization has a role here. Invite people from the organization’s members page.</p>
      ) : (
        <ActionForm
          label="Add to the workspace"
          submit="Add to the workspace"
          action={async (form) => {
            await unwrap(api().PUT('/workspaces/{workspaceId}/members/{userId}', { params: { path: { workspaceId: workspace.id, userId: String(form.get('userId')) } }, body: { role: String(form.get('role')) as WorkspaceRole } }));
            onAdded();
          }}
        >
          <div class="actions">
            <Field label="Member">
              <select name="userId">
                {candidates.map((m) => <option key={m.userId} value={m.userId}>{personOf(m)} ({m.email})</option>)}
              </select>
            </Field>
            <Field label="Role">
              <select name="role">
                {WORKSPACE_ROLES.map((r) => <option key={r} value={r} selected={r === 'viewer'}>{r}</option>)}
              </select>
            </Field>
          </div>
        </ActionForm>
      )}
    </section>
  );
}

export function Streams({ workspaceId }: { workspaceId: string }) {
  const { cursor, pager } = useCursors();
  const [tick, setTick] = useState(0);
  const { data: page, error } = useLoad(
    () => data(api().GET('/workspaces/{workspaceId}/streams', { params: { path: { workspaceId }, query: { limit: 20, ...(cursor ? { cursor } : {}) } } })),
    [workspaceId, cursor, tick],
  );
  const changed = () => setTick((t) => t + 1);
  return (
    <WorkspaceFrame workspaceId={workspaceId} title={(w) => `Streams of ${w.name}`}>
      {() => (
        <>
          <p class="muted">
            A device sends data to a stream with <code>POST /ingest/{workspaceId}/devices/&lt;device name&gt;/streams/&lt;stream name&gt;</code> and its key.
          </p>
          <ProblemBox error={error} />
          {!page && !error && <Loading />}
          {page && (
            <table>
              <caption class="visually-hidden">Streams</caption>
              <thead><tr><th scope="col">Name</th><th scope="col">Description</th><th scope="col">Created</th><th scope="col">Actions</th></tr></thead>
              <tbody>
                {page.items.map((s) => (
                  <tr key={s.name}>
                    <td>{s.name}</td>
                    <td>{s.description ?? '—'}</td>
                    <td>{formatDate(s.createdAt)}</td>
                    <td>
                      <ActionForm
                        label={`Delete stream ${s.name}`}
                        submit="Delete"
                        action={async () => {
                          if (!confirm(`Delete the stream ${s.name}? Devices can no longer send to it.`)) return;
                          await unwrap(api().DELETE('/workspaces/{workspaceId}/streams/{streamName}', { params: { path: { workspaceId, streamName: s.name } } }));
                          changed();
                        }}
                      >
                        {null}
                      </ActionForm>
                    </td>
                  </tr>
                ))}
                {page.items.length === 0 && <tr><td colSpan={4}>No streams yet.</td></tr>}
              </tbody>
            </table>
          )}
          {pager(page?.nextCursor, 'Stream pages')}
          <ActionForm
            label="New stream"
            submit="Create stream"
            action={async (form) => {
              const description = text(form, 'description');
              await unwrap(api().POST('/workspaces/{workspaceId}/streams', { params: { path: { workspaceId } }, body: { name: text(form, 'name'), ...(description ? { description } : {}) } }));
              (document.querySelector('form[aria-label="New stream"]') as HTMLFormElement | null)?.reset();
              changed();
            }}
          >
            <Field label="New stream name" hint="Letters, digits, dots, dashes and underscores.">
              <input name="name" required maxLength={64} />
            </Field>
            <Field label="Description (optional)">
              <input name="description" maxLength={500} />
            </Field>
          </ActionForm>
        </>
      )}
    </WorkspaceFrame>
  );
}

function SsoSettings({ view }: { view: WorkspaceView }) {
  const { workspace, etag, reload } = view;
  const { data: providers, error } = useLoad(() => data(api().GET('/orgs/{orgId}/identity-providers', { params: { path: { orgId: workspace.organizationId }, query: { limit: 100 } } })), [workspace.organizationId]);
  const active = (providers?.items ?? []).filter((p) => p.status === 'active');
  return (
    <section aria-labelledby="sso-title">
      <h2 id="sso-title">Single sign-on</h2>
      <p>
        {workspace.sso?.required ? (
          <>Required: everyone signs in through <strong>{workspace.sso.providerName}</strong> to use this workspace.</>
        ) : (
          'Not required: members sign in as they choose.'
        )}{' '}
        Turning it on is refused unless you yourself signed in through that provider.
      </p>
      <ProblemBox error={error} />
      <ActionForm
        label="Single sign-on"
        submit="Save single sign-on"
        action={async (form) => {
          const providerName = String(form.get('providerName') ?? '');
          await unwrap(
            api().PATCH('/workspaces/{workspaceId}', {
              params: { path: { workspaceId: workspace.id } },
              body: { sso: form.get('required') === 'on' && providerName ? { required: true, providerName } : null },
              ...(etag ? { headers: { 'If-Match': etag } } : {}),
            }),
          );
          reload();
        }}
      >
        <label class="choice">
          <input type="checkbox" name="required" defaultChecked={workspace.sso?.required === true} /> Require single sign-on
        </label>
        <Field label="Identity provider" hint={active.length === 0 ? 'Add one on the organization’s Single sign-on page first.' : undefined}>
          <select name="providerName">
            <option value="">none</option>
            {active.map((p) => <option key={p.name} value={p.name} selected={p.name === workspace.sso?.providerName}>{p.name} ({p.type})</option>)}
          </select>
        </Field>
      </ActionForm>
    </section>
  );
}

function MoveWorkspace({ workspace }: { workspace: Workspace }) {
  const { me } = useMe();
  const [removed, setRemoved] = useState<string[]>();
  const targets = (me?.organizations ?? []).filter((o) => o.id !== workspace.organizationId && mayInWorkspaceOrg(o.role, 'workspace.move'));
  return (
    <section aria-labelledby="move-title">
      <h2 id="move-title">Move to another organization</h2>
      <p>You must be an owner or admin of both organizations. The workspace keeps its devices, streams and SIM cards; its members who are not in the target organization lose their role in it.</p>
      {removed && <p role="status">Moved. {removed.length === 0 ? 'Every member kept their role.' : `${removed.length} member(s) lost their role here.`}</p>}
      {targets.length === 0 ? (
        <p class="muted">You administer no other organization.</p>
      ) : (
        <ActionForm
          label="Move the workspace"
          submit="Move the workspace"
          action={async (form) => {
            const target = String(form.get('targetOrganizationId'));
            if (!confirm(`Move ${workspace.name} to ${targets.find((t) => t.id === target)?.name}?`)) return;
            const moved = await data(api().POST('/workspaces/{workspaceId}/move', { params: { path: { workspaceId: workspace.id } }, body: { targetOrganizationId: target } }));
            await reloadMe();
            setRemoved(moved.removedMembers);
          }}
        >
          <Field label="Target organization">
            <select name="targetOrganizationId">
              {targets.map((o) => <option key={o.id} value={o.id}>{o.name}</option>)}
            </select>
          </Field>
        </ActionForm>
      )}
    </section>
  );
}

export function WorkspaceSettings({ workspaceId }: { workspaceId: string }) {
  const { route } = useLocation();
  const [saved, setSaved] = useState(false);
  return (
    <WorkspaceFrame workspaceId={workspaceId} title={(w) => `Settings of ${w.name}`}>
      {(view) => (
        <>
          <ActionForm
            label="Workspace profile"
            submit="Save"
            action={async (form) => {
              setSaved(false);
              const description = text(form, 'description');
              await unwrap(
                api().PATCH('/workspaces/{workspaceId}', {
                  params: { path: { workspaceId } },
                  body: { name: text(form, 'name'), description: description || null },
                  ...(view.etag ? { headers: { 'If-Match': view.etag } } : {}),
                }),
              );
              await reloadMe();
              setSaved(true);
              view.reload();
            }}
          >
            <Field label="Name">
              <input name="name" required maxLength={100} defaultValue={view.workspace.name} />
            </Field>
            <Field label="Description">
              <textarea name="description" maxLength={500} rows={2} defaultValue={view.workspace.description ?? ''} />
            </Field>
          </ActionForm>
          {saved && <p role="status">Saved.</p>}
          <SsoSettings view={view} />
          <MoveWorkspace workspace={view.workspace} />
          <section aria-labelledby="delete-ws-title">
            <h2 id="delete-ws-title">Delete the workspace</h2>
            <p>Its devices, streams and SIM cards are deleted with it. This cannot be undone.</p>
            <DangerForm
              label="Delete the workspace"
              phrase={view.workspace.name}
              submit="Delete the workspace"
              action={async () => {
                await unwrap(api().DELETE('/workspaces/{workspaceId}', { params: { path: { workspaceId } } }));
                await reloadMe();
                route(`/orgs/${view.workspace.organizationId}/workspaces`);
              }}
            />
          </section>
        </>
      )}
    </WorkspaceFrame>
  );
}
