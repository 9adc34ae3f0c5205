/** The frame of an organization's screens: the switcher, the trial banner, the navigation. */
import type { ComponentChildren } from 'preact';
import { useLocation } from 'preact-iso';
import { useState } from 'preact/hooks';
import { api, data, unwrap, type components } from './api.js';
import { mayInOrg } from './may.js';
import { useMe } from './me.js';
import { signOut } from './session.js';
import { Loading, ProblemBox, useLoad } from './ui.js';

export type Organization = components['schemas']['Organization'];

const DAY = 24 * 60 * 60 * 1000;

/** Whole days left of a trial (0 on its last day). */
export const daysLeft = (trialEndsAt: string, now = Date.now()): number => Math.max(0, Math.ceil((Date.parse(trialEndsAt) - now) / DAY));

export function TrialBanner({ org }: { org: Organization }) {
  if (org.plan !== 'trial' || !org.trialEndsAt) return null;
  const left = daysLeft(org.trialEndsAt);
  const ended = Date.parse(org.trialEndsAt) <= Date.now();
  return (
    <div class={ended ? 'banner ended' : 'banner'} role="status">
      {ended ? 'The trial has ended: the workspaces are disabled until a plan is chosen.' : `Trial: ${left} ${left === 1 ? 'day' : 'days'} left.`}{' '}
      <a href={`/orgs/${org.id}/plan`}>Choose a plan</a>
    </div>
  );
}

/** The organization switcher: a search over the caller's organizations (GET /orgs?q=). */
function OrgSwitcher({ current }: { current: string }) {
  const { route } = useLocation();
  const [q, setQ] = useState('');
  const { data: orgs } = useLoad(() => data(api().GET('/orgs', { params: { query: q ? { q } : {} } })), [q]);
  return (
    <div class="switcher">
      <label>
        <span class="visually-hidden">Search organizations</span>
        <input type="search" placeholder="Search organizations" value={q} onInput={(e) => setQ((e.target as HTMLInputElement).value)} />
      </label>
      <label>
        <span class="visually-hidden">Organization</span>
        <select value={current} onChange={(e) => route(`/orgs/${(e.target as HTMLSelectElement).value}`)}>
          {!orgs?.items.some((o) => o.id === current) && <option value={current}>…</option>}
          {orgs?.items.map((o) => (
            <option key={o.id} value={o.id} selected={o.id === current}>
              {o.name}
            </option>
          ))}
        </select>
      </label>
      <a href="/orgs/new">New organization</a>
    </div>
  );
}

/** The organization as the frame read it: its ETag for an edit's If-Match, and a reload after one. */
export interface OrgView {
  etag: string | undefined;
  reload: () => void;
}

export function OrgFrame({ orgId, children, title }: { orgId: string; children: (org: Organization, view: OrgView) => ComponentChildren; title: string }) {
  const { url, route } = useLocation();
  const { me } = useMe();
  const { data: answer, error, reload } = useLoad(() => unwrap(api().GET('/orgs/{orgId}', { params: { path: { orgId } } })), [orgId]);
  const org = answer?.data;
  const role = me?.organizations.find((o) => o.id === orgId)?.role;

  const nav = [
    { href: `/orgs/${orgId}`, label: 'Overview' },
    { href: `/orgs/${orgId}/members`, label: 'Members' },
    { href: `/orgs/${orgId}/workspaces`, label: 'Workspaces' },
    { href: `/orgs/${orgId}/reports`, label: 'Reports' },
    ...(mayInOrg(role, 'org.readIdentityProviders') ? [{ href: `/orgs/${orgId}/sso`, label: 'Single sign-on' }] : []),
    ...(mayInOrg(role, 'org.readAudit') ? [{ href: `/orgs/${orgId}/audit`, label: 'Audit log' }] : []),
    { href: `/orgs/${orgId}/settings`, label: 'Settings' },
    { href: `/orgs/${orgId}/plan`, label: 'Plan' },
  ];
  return (
    <>
      <header class="top">
        <a class="brand" href="/">
          Tenancy
        </a>
        <OrgSwitcher current={orgId} />
        <span class="who">{me?.user.email}</span>
        <button
          type="button"
          onClick={() => {
            signOut();
            route('/sign-in');
          }}
        >
          Sign out
        </button>
      </header>
      <nav aria-label="Organization">
        <ul>
          {nav.map((n) => (
            <li key={n.href}>
              <a href={n.href} aria-current={url.split('?')[0] === n.href ? 'page' : undefined}>
                {n.label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <main>
        {org && <TrialBanner org={org} />}
        <h1>
          {title}
          {org ? ` · ${org.name}` : ''}
        </h1>
        <ProblemBox error={error} />
        {!org && !error && <Loading />}
        {org && children(org, { etag: answer.etag, reload })}
      </main>
    </>
  );
}
