/**
 * Centralized reports: members, devices, SIM cards and traffic per workspace and combined, over the
 * workspaces the person picks among all they can access (across organizations: GET /reports).
 */
import { useState } from 'preact/hooks';
import { api, data } from '../api.js';
import { OrgFrame } from '../layout.js';
import { useMe } from '../me.js';
import { formatBytes, Loading, ProblemBox, useLoad } from '../ui.js';

export function Reports({ orgId }: { orgId: string }) {
  const { me } = useMe();
  const [chosen, setChosen] = useState<string[]>([]);
  const key = chosen.slice().sort().join(',');
  const { data: report, error } = useLoad(() => data(api().GET('/reports', { params: { query: key ? { workspaceIds: key } : {} } })), [key]);
  const orgName = (id: string) => me?.organizations.find((o) => o.id === id)?.name ?? id;
  return (
    <OrgFrame orgId={orgId} title="Reports">
      {() => (
        <>
          <fieldset>
            <legend>Workspaces in the report (none chosen: all you can access)</legend>
            {(me?.workspaces ?? []).map((w) => (
              <label key={w.id} class="choice">
                <input type="checkbox" checked={chosen.includes(w.id)} onChange={(e) => setChosen((e.target as HTMLInputElement).checked ? [...chosen, w.id] : chosen.filter((id) => id !== w.id))} />{' '}
                {w.name} <span class="muted">({orgName(w.organizationId)})</span>
              </label>
            ))}
          </fieldset>
          <ProblemBox error={error} />
          {!report && !error && <Loading />}
          {report && (
            <table>
              <caption>Figures per workspace and combined</caption>
              <thead><tr><th scope="col">Workspace</th><th scope="col">Organization</th><th scope="col">Members</th><th scope="col">Devices</th><th scope="col">SIM cards</th><th scope="col">Traffic</th></tr></thead>
              <tbody>
                {report.workspaces.map((w) => (
                  <tr key={w.workspaceId}>
                    <td><a href={`/workspaces/${w.workspaceId}`}>{w.name}</a></td>
                    <td>{orgName(w.organizationId)}</td>
                    <td>{w.members}</td>
                    <td>{w.devices}</td>
                    <td>{w.sims}</td>
                    <td>{formatBytes(w.trafficBytes)}</td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row" colSpan={2}>Combined</th>
                  <td>{report.combined.members}</td>
                  <td>{report.combined.devices}</td>
                  <td>{report.combined.sims}</td>
                  <td>{formatBytes(report.combined.trafficBytes)}</td>
                </tr>
              </tfoot>
            </table>
          )}
        </>
      )}
    </OrgFrame>
  );
}
