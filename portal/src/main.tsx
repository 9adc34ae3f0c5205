import { render } from 'preact';
import { LocationProvider, Route, Router, useLocation } from 'preact-iso';
import { useEffect, useState } from 'preact/hooks';
import './styles.css';
import { loadConfig } from './config.js';
import { PORTAL_CALLBACK_PATH } from '../../infra/portal-headers.js';
import { onSessionChange, session } from './session.js';
import { AuthCallback, Confirm, SignIn, SignUp } from './screens/auth.js';
import { Home, Onboarding, Billing, NewOrganization } from './screens/home.js';
import { InvitationLanding } from './screens/invitation.js';
import { OrgOverview, OrgPlan } from './screens/org.js';
import { MemberPage, Members } from './screens/members.js';
import { Workspaces } from './screens/workspaces.js';
import { Streams, WorkspaceMembers, WorkspacePage, WorkspaceSettings } from './screens/workspace.js';
import { DevicePage } from './screens/device.js';
import { OrgSettings } from './screens/settings.js';
import { OrgSso } from './screens/sso.js';
import { AuditLog } from './screens/audit.js';
import { Reports } from './screens/reports.js';

/** Screens that need a session send the visitor to sign in, and back here afterwards. */
function Private({ component: Screen, ...props }: { component: (props: any) => preact.JSX.Element | null; [key: string]: unknown }) {
  const { url, route } = useLocation();
  const signedIn = session() !== null;
  useEffect(() => {
    if (!signedIn) route(`/sign-in?next=${encodeURIComponent(url)}`, true);
  }, [signedIn, url]);
  return signedIn ? <Screen {...props} /> : null;
}

const guard = (Screen: (props: any) => preact.JSX.Element | null) => (props: Record<string, unknown>) => <Private component={Screen} {...props} />;

function NotFound() {
  return (
    <main class="narrow">
      <h1>Page not found</h1>
      <p>
        <a href="/">Back to your organizations</a>
      </p>
    </main>
  );
}

function App() {
  const [, setTick] = useState(0);
  // Sign-in, sign-out and a refused token re-render every screen.
  useEffect(() => onSessionChange(() => setTick((t) => t + 1)), []);
  return (
    <LocationProvider>
      <Router>
        <Route path="/sign-in" component={SignIn} />
        <Route path="/sign-up" component={SignUp} />
        <Route path="/confirm" component={Confirm} />
        <Route path={PORTAL_CALLBACK_PATH} component={AuthCallback} />
        <Route path="/invitations/:token" component={InvitationLanding} />
        <Route path="/" component={guard(Home)} />
        <Route path="/onboarding" component={guard(Onboarding)} />
        <Route path="/billing" component={guard(Billing)} />
        <Route path="/orgs/new" component={guard(NewOrganization)} />
        <Route path="/orgs/:orgId" component={guard(OrgOverview)} />
        <Route path="/orgs/:orgId/members" component={guard(Members)} />
        <Route path="/orgs/:orgId/members/:userId" component={guard(MemberPage)} />
        <Route path="/orgs/:orgId/workspaces" component={guard(Workspaces)} />
        <Route path="/orgs/:orgId/plan" component={guard(OrgPlan)} />
        <Route path="/orgs/:orgId/settings" component={guard(OrgSettings)} />
        <Route path="/orgs/:orgId/sso" component={guard(OrgSso)} />
        <Route path="/orgs/:orgId/audit" component={guard(AuditLog)} />
        <Route path="/orgs/:orgId/reports" component={guard(Reports)} />
        <Route path="/workspaces/:workspaceId" component={guard(WorkspacePage)} />
        <Route path="/workspaces/:workspaceId/members" component={guard(WorkspaceMembers)} />
        <Route path="/workspaces/:workspaceId/streams" component={guard(Streams)} />
        <Route path="/workspaces/:workspaceId/settings" component={guard(WorkspaceSettings)} />
        <Route path="/workspaces/:workspaceId/devices/:deviceId" component={guard(DevicePage)} />
        <Route default component={NotFound} />
      </Router>
    </LocationProvider>
  );
}

loadConfig().then(
  () => render(<App />, document.getElementById('app')!),
  (error: Error) => {
    document.getElementById('app')!.innerHTML = '';
    const p = document.createElement('p');
    p.setAttribute('role', 'alert');
    p.textContent = error.message;
    document.getElementById('app')!.append(p);
  },
);
