/** The organization's audit log, newest first, paged with the API's cursor (owner/admin). */
import { api, data } from '../api.js';
import { OrgFrame } from '../layout.js';
import { Loading, ProblemBox, useCursors, useLoad } from '../ui.js';

const when = (iso: string): string => new Date(iso).toLocaleString('en', { dateStyle: 'medium', timeStyle: 'short' });

/** The event's details as "key: value" pairs (no secret is ever in them). */
const detailsOf = (details: Record<string, unknown>): string =>
  Object.entries(details)
    .map(([k, v]) => `${k}: ${typeof v === 'object' ? JSON.stringify(v) : String(v)}`)
    .join(', ');

export function AuditLog({ orgId }: { orgId: string }) {
  const { cursor, pager } = useCursors();
  // Actors by name where they are members (the first 100, by name); anyone else by id.
  const { data: members } = useLoad(() => data(api().GET('/orgs/{orgId}/members', { params: { path: { orgId }, query: { status: 'active', sort: 'name', limit: 100 } } })), [orgId]);
  const actor = (id: string): string => {
    const m = members?.items.find((x) => x.userId === id);
    return m ? [m.givenName, m.familyName].filter(Boolean).join(' ') || m.email : id;
  };
  const { data: page, error } = useLoad(() => data(api().GET('/orgs/{orgId}/audit', { params: { path: { orgId }, query: { limit: 25, ...(cursor ? { cursor } : {}) } } })), [orgId, cursor]);
  return (
    <OrgFrame orgId={orgId} title="Audit log">
      {() => (
        <>
          <ProblemBox error={error} />
          {!page && !error && <Loading />}
          {page && (
            <table>
              <caption class="visually-hidden">Audit events, newest first</caption>
              <thead><tr><th scope="col">When</th><th scope="col">Action</th><th scope="col">By</th><th scope="col">Target</th><th scope="col">Details</th></tr></thead>
              <tbody>
                {page.items.map((e) => (
                  <tr key={e.id}>
                    <td><time dateTime={e.at}>{when(e.at)}</time></td>
                    <td><code>{e.action}</code></td>
                    <td>{actor(e.actorId)}</td>
                    <td>{Object.values(e.target as Record<string, unknown>).map(String).join(' ')}</td>
                    <td>{detailsOf(e.details as Record<string, unknown>)}</td>
                  </tr>
                ))}
                {page.items.length === 0 && <tr><td colSpan={5}>Nothing recorded yet.</td></tr>}
              </tbody>
            </table>
          )}
          {pager(page?.nextCursor, 'Audit log pages')}
        </>
      )}
    </OrgFrame>
  );
}
