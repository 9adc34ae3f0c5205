/** An organization's workspaces: the list with each one's state, and a new workspace. */
import { api, data, unwrap } from '../api.js';
import { OrgFrame } from '../layout.js';
import { ActionForm, Field, Loading, ProblemBox, text, useCursors, useLoad } from '../ui.js';

export function Workspaces({ orgId }: { orgId: string }) {
  const { cursor, pager } = useCursors();
  const { data: list, error, reload } = useLoad(
    () => data(api().GET('/orgs/{orgId}/workspaces', { params: { path: { orgId }, query: { limit: 50, ...(cursor ? { cursor } : {}) } } })),
    [orgId, cursor],
  );
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
          {pager(list?.nextCursor, 'Workspace pages')}
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

