/**
 * A workspace's SIM cards: the inventory (paged with the API's cursor), claiming a card with the
 * activation code printed on it, suspending or activating, the transfer to another workspace with
 * its billing cut-off, and the usage of the last days as a chart.
 */
import { useState } from 'preact/hooks';
import { api, data, unwrap, type components } from '../api.js';
import { mayInWorkspace } from '../may.js';
import { ActionForm, Field, formatBytes, formatDate, ProblemBox, text, useCursors, useLoad } from '../ui.js';

type Sim = components['schemas']['Sim'];
type Workspace = components['schemas']['Workspace'];

const DAY = 24 * 60 * 60 * 1000;
/** Days the usage chart shows, today included. */
export const CHART_DAYS = 7;

/** The last `days` whole UTC days, oldest first, each as the [from, to) the usage route takes. */
export function usageDays(now: Date, days = CHART_DAYS): { from: string; to: string; label: string }[] {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return Array.from({ length: days }, (_, i) => {
    const from = today - (days - 1 - i) * DAY;
    return { from: new Date(from).toISOString(), to: new Date(from + DAY).toISOString(), label: new Date(from).toLocaleDateString('en', { month: 'short', day: 'numeric', timeZone: 'UTC' }) };
  });
}

/** Daily traffic of the workspace: one `GET …/usage?from&to` per day, drawn as bars with the figures as text. */
function UsageChart({ workspaceId, version }: { workspaceId: string; version: number }) {
  const days = usageDays(new Date());
  const { data: usage, error } = useLoad(
    () => Promise.all(days.map((d) => data(api().GET('/workspaces/{workspaceId}/usage', { params: { path: { workspaceId }, query: { from: d.from, to: d.to } } })))),
    [workspaceId, version],
  );
  if (error) return <ProblemBox error={error} />;
  if (!usage) return null;
  const max = Math.max(1, ...usage.map((u) => u.trafficBytes));
  const total = usage.reduce((sum, u) => sum + u.trafficBytes, 0);
  return (
    <figure class="chart">
      <figcaption>
        Traffic billed to this workspace, last {CHART_DAYS} days (UTC): {formatBytes(total)}
      </figcaption>
      <table>
        <caption class="visually-hidden">Traffic per day</caption>
        <thead class="visually-hidden"><tr><th scope="col">Day</th><th scope="col">Traffic</th></tr></thead>
        <tbody>
          {usage.map((u, i) => (
            <tr key={u.from}>
              <th scope="row">{days[i]!.label}</th>
              <td>
                <span class="bar" style={{ width: `${(u.trafficBytes / max) * 100}%` }} aria-hidden="true" />
                <span class="figure">{formatBytes(u.trafficBytes)}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}

function TransferForm({ sim, targets, onMoved }: { sim: Sim; targets: Workspace[]; onMoved: () => void }) {
  if (targets.length === 0) return <span class="muted">No other workspace to move it to</span>;
  return (
    <ActionForm
      label={`Move SIM ${sim.iccid}`}
      submit="Move"
      action={async (form) => {
        await unwrap(api().POST('/sims/{iccid}/transfer', { params: { path: { iccid: sim.iccid } }, body: { targetWorkspaceId: String(form.get('target')) } }));
        onMoved();
      }}
    >
      <Field label={`Move ${sim.iccid} to`}>
        <select name="target">
          {targets.map((w) => (
            <option key={w.id} value={w.id}>{w.name}</option>
          ))}
        </select>
      </Field>
    </ActionForm>
  );
}

export function Sims({ workspaceId, organizationId }: { workspaceId: string; organizationId: string }) {
  const { cursor, pager } = useCursors();
  const [version, setVersion] = useState(0);
  // The ETag of each SIM this screen changed: the next change of it is sent with If-Match.
  const [etags, setEtags] = useState<Record<string, string>>({});
  const { data: sims, error, reload } = useLoad(
    () => data(api().GET('/workspaces/{workspaceId}/sims', { params: { path: { workspaceId }, query: { limit: 20, ...(cursor ? { cursor } : {}) } } })),
    [workspaceId, cursor, version],
  );
  const { data: devices } = useLoad(() => data(api().GET('/workspaces/{workspaceId}/devices', { params: { path: { workspaceId }, query: { limit: 100 } } })), [workspaceId, version]);
  const { data: workspaces } = useLoad(() => data(api().GET('/orgs/{orgId}/workspaces', { params: { path: { orgId: organizationId } } })), [organizationId]);
  // A transfer needs admin (explicit or through the org) of the target too.
  const targets = (workspaces?.items ?? []).filter((w) => w.id !== workspaceId && mayInWorkspace(w.role, 'workspace.transferSims') && w.state !== 'disabled');
  const changed = () => {
    setVersion((v) => v + 1);
    reload();
  };
  return (
    <section aria-labelledby="sims-title">
      <h2 id="sims-title">SIM cards</h2>
      <p class="muted">
        Moving a SIM to another workspace detaches it from its device and suspends it if it was active. Its traffic up to the moment of the move stays billed to this workspace; from
        that moment on it is billed to the target.
      </p>
      <ProblemBox error={error} />
      {sims && (
        <table>
          <caption class="visually-hidden">SIM cards</caption>
          <thead><tr><th scope="col">ICCID</th><th scope="col">Status</th><th scope="col">Device</th><th scope="col">Changed</th><th scope="col">Status change</th><th scope="col">Transfer</th></tr></thead>
          <tbody>
            {sims.items.map((sim) => (
              <tr key={sim.iccid}>
                <td><code>{sim.iccid}</code></td>
                <td>{sim.status}</td>
                <td>
                  <ActionForm
                    label={`Attach SIM ${sim.iccid}`}
                    submit="Attach"
                    action={async (form) => {
                      const etag = etags[sim.iccid];
                      const deviceId = String(form.get('deviceId') ?? '');
                      const answer = await unwrap(
                        api().PATCH('/workspaces/{workspaceId}/sims/{iccid}', {
                          params: { path: { workspaceId, iccid: sim.iccid } },
                          body: { deviceId: deviceId || null },
                          ...(etag ? { headers: { 'If-Match': etag } } : {}),
                        }),
                      );
                      if (answer.etag) setEtags({ ...etags, [sim.iccid]: answer.etag });
                      changed();
                    }}
                  >
                    <Field label={`Device of ${sim.iccid}`}>
                      <select name="deviceId">
                        <option value="" selected={!sim.deviceId}>no device</option>
                        {(devices?.items ?? []).map((d) => (
                          <option key={d.id} value={d.id} selected={d.id === sim.deviceId}>{d.name}</option>
                        ))}
                      </select>
                    </Field>
                  </ActionForm>
                </td>
                <td>{formatDate(sim.updatedAt)}</td>
                <td>
                  <ActionForm
                    label={`${sim.status === 'active' ? 'Suspend' : 'Activate'} SIM ${sim.iccid}`}
                    submit={sim.status === 'active' ? 'Suspend' : 'Activate'}
                    action={async () => {
                      const etag = etags[sim.iccid];
                      const answer = await unwrap(
                        api().PATCH('/workspaces/{workspaceId}/sims/{iccid}', {
                          params: { path: { workspaceId, iccid: sim.iccid } },
                          body: { status: sim.status === 'active' ? 'suspended' : 'active' },
                          ...(etag ? { headers: { 'If-Match': etag } } : {}),
                        }),
                      );
                      if (answer.etag) setEtags({ ...etags, [sim.iccid]: answer.etag });
                      changed();
                    }}
                  >
                    {null}
                  </ActionForm>
                </td>
                <td><TransferForm sim={sim} targets={targets} onMoved={changed} /></td>
              </tr>
            ))}
            {sims.items.length === 0 && <tr><td colSpan={6}>No SIM cards in this workspace.</td></tr>}
          </tbody>
        </table>
      )}
      {pager(sims?.nextCursor, 'SIM card pages')}
      <ActionForm
        label="Claim a SIM card"
        submit="Claim SIM"
        action={async (form) => {
          const answer = await unwrap(api().POST('/workspaces/{workspaceId}/sims', { params: { path: { workspaceId } }, body: { iccid: text(form, 'iccid'), activationCode: text(form, 'activationCode') } }));
          if (answer.etag) setEtags({ ...etags, [answer.data.iccid]: answer.etag });
          (document.querySelector('form[aria-label="Claim a SIM card"]') as HTMLFormElement | null)?.reset();
          changed();
        }}
      >
        <Field label="ICCID" hint="The 19 or 20 digits printed on the card.">
          <input name="iccid" required inputMode="numeric" pattern="[0-9]{19,20}" />
        </Field>
        <Field label="Activation code" hint="Printed on the card, for example ABCD-EFGH-JKLM.">
          <input name="activationCode" required autocomplete="off" />
        </Field>
      </ActionForm>
      <UsageChart workspaceId={workspaceId} version={version} />
    </section>
  );
}
