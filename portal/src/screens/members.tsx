/**
 * The member directory (active members and pending invitations together), the invite dialog and
 * a member's own page (the shareable link), where roles change with If-Match.
 */
import { useLocation } from 'preact-iso';
import { useRef, useState } from 'preact/hooks';
import { api, data, unwrap, type components } from '../api.js';
import { OrgFrame } from '../layout.js';
import { ASSIGNABLE_ORG_ROLES, ORG_ROLES, WORKSPACE_ROLES } from '../../../shared/domain/roles.js';
import { reloadMe, useMe } from '../me.js';
import { ActionForm, Field, formatDate, Loading, ProblemBox, text, useCursors, useLoad } from '../ui.js';

type Member = components['schemas']['Member'];
type OrgRole = components['schemas']['OrgRole'];
type Assignable = components['schemas']['AssignableOrgRole'];
type WorkspaceRole = components['schemas']['WorkspaceRole'];


/** The directory's filters: each a query parameter of GET /orgs/{orgId}/members, kept in the page's URL. */
const FILTERS: { name: 'role' | 'status' | 'sort' | 'order'; label: string; options: [string, string][] }[] = [
  { name: 'role', label: 'Role', options: [['', 'any'], ...ORG_ROLES.map((r): [string, string] => [r, r])] },
  { name: 'status', label: 'Status', options: [['', 'any'], ['active', 'active'], ['pending', 'pending']] },
  { name: 'sort', label: 'Sort by', options: [['', 'newest'], ['name', 'name'], ['email', 'email'], ['invitedAt', 'invitation time'], ['role', 'role']] },
  { name: 'order', label: 'Order', options: [['', 'default'], ['asc', 'ascending'], ['desc', 'descending']] },
];

const nameOf = (m: Member): string => [m.givenName, m.familyName].filter(Boolean).join(' ') || m.email;

function InviteDialog({ orgId, onInvited }: { orgId: string; onInvited: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [open, setOpen] = useState(false);
  const { data: workspaces } = useLoad(() => (open ? data(api().GET('/orgs/{orgId}/workspaces', { params: { path: { orgId } } })) : Promise.resolve(undefined)), [orgId, open]);
  return (
    <>
      <button
        type="button"
        onClick={() => {
          setOpen(true);
          dialog.current?.showModal();
        }}
      >
        Invite someone
      </button>
      <dialog ref={dialog} aria-labelledby="invite-title" onClose={() => setOpen(false)}>
        <h2 id="invite-title">Invite to the organization</h2>
        <ActionForm
          label="Invitation"
          submit="Send invitation"
          action={async (form) => {
            const chosen = (workspaces?.items ?? []).flatMap((w) => {
              const role = String(form.get(`ws-${w.id}`) ?? '');
              return role ? [{ workspaceId: w.id, role: role as WorkspaceRole }] : [];
            });
            const message = text(form, 'message');
            await unwrap(
              api().POST('/orgs/{orgId}/invitations', {
                params: { path: { orgId } },
                body: { email: text(form, 'email'), role: String(form.get('role')) as Assignable, ...(chosen.length ? { workspaces: chosen } : {}), ...(message ? { message } : {}) },
              }),
            );
            dialog.current?.close();
            onInvited();
          }}
        >
          <Field label="Email">
            <input name="email" type="email" required autoFocus />
          </Field>
          <Field label="Organization role">
            {/* Preact has no defaultValue on <select>: the option carries `selected`. */}
            <select name="role">
              {ASSIGNABLE_ORG_ROLES.map((r) => (
                <option key={r} value={r} selected={r === 'member'}>{r}</option>
              ))}
            </select>
          </Field>
          {workspaces && workspaces.items.length > 0 && (
            <fieldset>
              <legend>Workspace roles</legend>
              {workspaces.items.map((w) => (
                <Field key={w.id} label={w.name}>
                  <select name={`ws-${w.id}`}>
                    <option value="">no role</option>
                    {WORKSPACE_ROLES.map((r) => (
                      <option key={r} value={r}>{r}</option>
                    ))}
                  </select>
                </Field>
              ))}
            </fieldset>
          )}
          <Field label="Message (optional)">
            <textarea name="message" maxLength={500} rows={3} />
          </Field>
        </ActionForm>
        <button type="button" class="link" onClick={() => dialog.current?.close()}>
          Cancel
        </button>
      </dialog>
    </>
  );
}

/**
 * A pending invitation's actions: change its role, resend it (a new link, the old one stops
 * working), withdraw it. The list carries no ETag per row; the ETag an answer returns is kept and
 * sent with the next change of that invitation.
 */
function PendingActions({ orgId, member, onChanged }: { orgId: string; member: Member; onChanged: () => void }) {
  const invitationId = member.invitationId!;
  const [etag, setEtag] = useState<string>();
  const [note, setNote] = useState('');
  const path = { orgId, invitationId };
  const withEtag = etag ? { headers: { 'If-Match': etag } } : {};
  return (
    <div class="actions">
      <ActionForm
        label={`Change the invitation role of ${member.email}`}
        submit="Change"
        action={async (form) => {
          const answer = await unwrap(api().PATCH('/orgs/{orgId}/invitations/{invitationId}', { params: { path }, body: { role: String(form.get('role')) as Assignable }, ...withEtag }));
          setEtag(answer.etag);
          setNote(`Role changed to ${answer.data.role}.`);
          onChanged();
        }}
      >
        <Field label={`Invitation role of ${member.email}`}>
          <select name="role">
            {ASSIGNABLE_ORG_ROLES.map((r) => <option key={r} value={r} selected={r === member.role}>{r}</option>)}
          </select>
        </Field>
      </ActionForm>
      <ActionForm
        label={`Resend the invitation of ${member.email}`}
        submit="Resend"
        action={async () => {
          const answer = await unwrap(api().POST('/orgs/{orgId}/invitations/{invitationId}/resend', { params: { path } }));
          setEtag(answer.etag);
          setNote(answer.data.emailStatus === 'failed' ? 'The email could not be sent: check the address.' : `Sent again; the new link expires ${formatDate(answer.data.expiresAt)}.`);
          onChanged();
        }}
      >
        {null}
      </ActionForm>
      <ActionForm
        label={`Withdraw the invitation of ${member.email}`}
        submit="Withdraw"
        action={async () => {
          if (!confirm(`Withdraw the invitation of ${member.email}? The emailed link stops working.`)) return;
          await unwrap(api().DELETE('/orgs/{orgId}/invitations/{invitationId}', { params: { path } }));
          onChanged();
        }}
      >
        {null}
      </ActionForm>
      {note && <span role="status">{note}</span>}
    </div>
  );
}

export function Members({ orgId }: { orgId: string }) {
  const { query, route, path } = useLocation();
  const filters = { role: query.role as OrgRole | undefined, status: query.status as 'active' | 'pending' | undefined, q: query.q, sort: query.sort as 'name' | 'email' | 'invitedAt' | 'role' | undefined, order: query.order as 'asc' | 'desc' | undefined };
  const { cursor, reset, pager } = useCursors();
  const { data: page, error, reload } = useLoad(
    () => data(api().GET('/orgs/{orgId}/members', { params: { path: { orgId }, query: { limit: 20, ...Object.fromEntries(Object.entries(filters).filter(([, v]) => v)), ...(cursor ? { cursor } : {}) } } })),
    [orgId, query.role, query.status, query.q, query.sort, query.order, cursor],
  );
  const setFilter = (name: string, value: string) => {
    const next = new URLSearchParams(query);
    if (value) next.set(name, value);
    else next.delete(name);
    reset();
    route(`${path}?${next.toString()}`, true);
  };
  return (
    <OrgFrame orgId={orgId} title="Members">
      {() => (
        <>
          <div class="toolbar">
            <InviteDialog orgId={orgId} onInvited={reload} />
            <label>
              <span>Search members</span>
              <input type="search" defaultValue={query.q ?? ''} onChange={(e) => setFilter('q', (e.target as HTMLInputElement).value)} />
            </label>
            {FILTERS.map((f) => (
              <label key={f.name}>
                <span>{f.label}</span>
                <select value={query[f.name] ?? ''} onChange={(e) => setFilter(f.name, (e.target as HTMLSelectElement).value)}>
                  {f.options.map(([value, text]) => <option key={value} value={value}>{text}</option>)}
                </select>
              </label>
            ))}
          </div>
          <ProblemBox error={error} />
          {!page && !error && <Loading />}
          {page && (
            <table>
              <caption class="visually-hidden">Members and pending invitations</caption>
              <thead>
                <tr><th scope="col">Name</th><th scope="col">Email</th><th scope="col">Role</th><th scope="col">Status</th><th scope="col">Invited by</th><th scope="col">Member since</th><th scope="col">Actions</th></tr>
              </thead>
              <tbody>
                {page.items.map((m) => (
                  <tr key={m.userId ?? m.invitationId} class={m.status === 'pending' ? 'pending' : undefined}>
                    <td>{m.userId ? <a href={`/orgs/${orgId}/members/${m.userId}`}>{nameOf(m)}</a> : nameOf(m)}</td>
                    <td>{m.email}</td>
                    <td>{m.role}</td>
                    <td>{m.status === 'pending' ? <span class="badge">Invitation pending{m.expiresAt ? `, expires ${formatDate(m.expiresAt)}` : ''}</span> : 'active'}</td>
                    <td>{m.invitedByName ?? m.invitedBy ?? '—'}</td>
                    <td>{formatDate(m.memberSince)}</td>
                    <td>{m.status === 'pending' && m.invitationId ? <PendingActions orgId={orgId} member={m} onChanged={reload} /> : m.userId ? <a href={`/orgs/${orgId}/members/${m.userId}`} aria-label={`Manage ${m.email}`}>Manage</a> : null}</td>
                  </tr>
                ))}
                {page.items.length === 0 && <tr><td colSpan={7}>Nobody matches.</td></tr>}
              </tbody>
            </table>
          )}
          {pager(page?.nextCursor, 'Member pages')}
        </>
      )}
    </OrgFrame>
  );
}

/** One member: the link to share, the role (sent with If-Match), removal. */
export function MemberPage({ orgId, userId }: { orgId: string; userId: string }) {
  const { route } = useLocation();
  const { data: answer, error, reload } = useLoad(() => unwrap(api().GET('/orgs/{orgId}/members/{userId}', { params: { path: { orgId, userId } } })), [orgId, userId]);
  const member = answer?.data;
  const { me } = useMe();
  const self = me?.user.id === userId;
  return (
    <OrgFrame orgId={orgId} title="Member">
      {() => (
        <>
          <ProblemBox error={error} />
          {!member && !error && <Loading />}
          {member && (
            <>
              <h2>{nameOf(member)}</h2>
              <p>{member.email} · {member.role} · member since {formatDate(member.memberSince)}</p>
              {member.role !== 'owner' && (
                <ActionForm
                  label="Change role"
                  submit="Change role"
                  action={async (form) => {
                    await unwrap(
                      api().PATCH('/orgs/{orgId}/members/{userId}', {
                        params: { path: { orgId, userId } },
                        body: { role: String(form.get('role')) as Assignable },
                        ...(answer.etag ? { headers: { 'If-Match': answer.etag } } : {}),
                      }),
                    );
                    reload();
                  }}
                >
                  <Field label="Role">
                    <select name="role">
                      {ASSIGNABLE_ORG_ROLES.map((r) => <option key={r} value={r} selected={r === member.role}>{r}</option>)}
                    </select>
                  </Field>
                </ActionForm>
              )}
              <Field label="Link to this member" hint="Share it with another admin of the organization.">
                <input readOnly value={location.href} onFocus={(e) => (e.target as HTMLInputElement).select()} />
              </Field>
              {member.role !== 'owner' && self && (
                <ActionForm
                  label="Leave the organization"
                  submit="Leave the organization"
                  danger
                  action={async () => {
                    if (!confirm('Leave the organization? You lose your roles in it and in its workspaces.')) return;
                    await unwrap(api().DELETE('/orgs/{orgId}/members/{userId}', { params: { path: { orgId, userId } } }));
                    await reloadMe();
                    route('/');
                  }}
                >
                  {null}
                </ActionForm>
              )}
              {member.role !== 'owner' && !self && (
                <ActionForm
                  label="Remove from the organization"
                  submit="Remove from the organization"
                  danger
                  action={async () => {
                    if (!confirm(`Remove ${member.email} from the organization?`)) return;
                    await unwrap(api().DELETE('/orgs/{orgId}/members/{userId}', { params: { path: { orgId, userId } } }));
                    route(`/orgs/${orgId}/members`);
                  }}
                >
                  {null}
                </ActionForm>
              )}
            </>
          )}
        </>
      )}
    </OrgFrame>
  );
}
