/** An organization's workspaces, and one workspace: its overview, its devices (the key shown once), its disabled state. */
import { useRef, useState } from 'preact/hooks';
import { api, data, unwrap, type components } from '../api.js';
import { OrgFrame } from '../layout.js';
import { ActionForm, Field, formatBytes, formatDate, Loading, ProblemBox, text, useLoad } from '../ui.js';
import { Sims } from './sims.js';

type CreatedDevice = components['schemas']['CreatedDevice'];

export function Workspaces({ orgId }: { orgId: string }) {
  const { data: list, error, reload } = useLoad(() => data(api().GET('/orgs/{orgId}/workspaces', { params: { path: { orgId } } })), [orgId]);
  return (
    <OrgFrame orgId={orgId} title="Workspaces">
      {() => (
        <>
          <ProblemBox error={error} />
          {!list && !error && <Loading />}
          {list && (
            <ul class="cards">
              {list.items.map((w) => (
                <li key={w.id}>
                  <a href={`/workspaces/${w.id}`}>{w.name}</a> <span class="muted">{w.role}</span>
                  {w.state === 'disabled' && <span class="badge danger">disabled</span>}
                </li>
              ))}
            </ul>
          )}
          <ActionForm
            label="New workspace"
            submit="Create workspace"
            action={async (form) => {
              await unwrap(api().POST('/orgs/{orgId}/workspaces', { params: { path: { orgId } }, body: { name: text(form, 'name') } }));
              reload();
            }}
          >
            <Field label="New workspace name">
              <input name="name" required maxLength={100} />
            </Field>
          </ActionForm>
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

export function WorkspacePage({ workspaceId }: { workspaceId: string }) {
  const { data: workspace, error } = useLoad(() => data(api().GET('/workspaces/{workspaceId}', { params: { path: { workspaceId } } })), [workspaceId]);
  if (error) return <main><ProblemBox error={error} /></main>;
  if (!workspace) return <main><Loading /></main>;
  return (
    <OrgFrame orgId={workspace.organizationId} title={`Workspace ${workspace.name}`}>
      {() => (workspace.state === 'disabled' ? <Disabled orgId={workspace.organizationId} reason={workspace.disabledReason} at={workspace.disabledAt} /> : <WorkspaceBody workspaceId={workspaceId} organizationId={workspace.organizationId} />)}
    </OrgFrame>
  );
}

function Disabled({ orgId, reason, at }: { orgId: string; reason: string | null; at: string | null }) {
  return (
    <div class="problem" role="alert">
      <h2>This workspace is disabled</h2>
      <p>
        {reason === 'trial_expired' ? 'The organization’s trial ended' : 'It was disabled'} on {formatDate(at)}. Its devices, streams and SIM cards are kept but cannot be used or changed until the organization has a plan.
      </p>
      <p>
        <a class="button" href={`/orgs/${orgId}/plan`}>Choose a plan</a>
      </p>
    </div>
  );
}

function WorkspaceBody({ workspaceId, organizationId }: { workspaceId: string; organizationId: string }) {
  const { data: overview } = useLoad(() => data(api().GET('/workspaces/{workspaceId}/overview', { params: { path: { workspaceId } } })), [workspaceId]);
  const { data: devices, error, reload } = useLoad(() => data(api().GET('/workspaces/{workspaceId}/devices', { params: { path: { workspaceId } } })), [workspaceId]);
  const [created, setCreated] = useState<CreatedDevice>();
  const form = useRef<HTMLDivElement>(null);
  return (
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
      <h2>Devices</h2>
      <ProblemBox error={error} />
      {devices && (
        <table>
          <caption class="visually-hidden">Devices</caption>
          <thead><tr><th scope="col">Name</th><th scope="col">SIM</th><th scope="col">Created</th><th scope="col">Last seen</th></tr></thead>
          <tbody>
            {devices.items.map((d) => (
              <tr key={d.id}><td>{d.name}</td><td>{d.simIccid ?? '—'}</td><td>{formatDate(d.createdAt)}</td><td>{formatDate(d.lastSeenAt)}</td></tr>
            ))}
            {devices.items.length === 0 && <tr><td colSpan={4}>No devices yet.</td></tr>}
          </tbody>
        </table>
      )}
      <div ref={form}>
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
      </div>
      <Sims workspaceId={workspaceId} organizationId={organizationId} />
    </>
  );
}
