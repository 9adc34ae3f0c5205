/**
 * The invitation email's link: who invites, to what, as which role; sign in or sign up as the
 * invited address, then accept or decline. An unknown, used, withdrawn or expired link and an
 * account of another address each get their own explanation.
 */
import { useLocation } from 'preact-iso';
import { useState } from 'preact/hooks';
import { api, data, Problem, unwrap } from '../api.js';
import { reloadMe } from '../me.js';
import { session, signOut } from '../session.js';
import { formatDate, Loading, ProblemBox, useLoad } from '../ui.js';

export function InvitationLanding({ token }: { token: string }) {
  const { url, route } = useLocation();
  const { data: preview, error } = useLoad(() => data(api().GET('/invitations/{token}', { params: { path: { token } } })), [token]);
  const [problem, setProblem] = useState<unknown>();
  const [done, setDone] = useState<'declined' | undefined>();
  const signedInAs = session()?.email;
  const here = encodeURIComponent(url);

  if (error instanceof Problem && error.status === 404) {
    return (
      <main class="narrow">
        <h1>This invitation link no longer works</h1>
        <p>It was already used, withdrawn, replaced by a newer email, or it expired after 7 days. Ask the person who invited you to send a new invitation.</p>
        <p><a href="/">Go to the portal</a></p>
      </main>
    );
  }
  if (error) return <main class="narrow"><ProblemBox error={error} /></main>;
  if (!preview) return <main class="narrow"><Loading /></main>;
  if (done === 'declined') {
    return (
      <main class="narrow">
        <h1>Invitation declined</h1>
        <p>{preview.invitedByName} will see that you declined. Nothing else changed.</p>
      </main>
    );
  }
  const wrongAccount = signedInAs !== undefined && signedInAs.toLowerCase() !== preview.email.toLowerCase();
  const act = async (what: 'accept' | 'decline') => {
    setProblem(undefined);
    try {
      if (what === 'accept') {
        await unwrap(api().POST('/invitations/{token}/accept', { params: { path: { token } } }));
        const me = await reloadMe();
        const org = me?.organizations.find((o) => o.name === preview.organizationName) ?? me?.organizations[0];
        route(org ? `/orgs/${org.id}` : '/');
      } else {
        await unwrap(api().POST('/invitations/{token}/decline', { params: { path: { token } } }));
        setDone('declined');
      }
    } catch (e) {
      setProblem(e);
    }
  };
  return (
    <main class="narrow">
      <h1>Join {preview.organizationName}</h1>
      <p>
        <strong>{preview.invitedByName}</strong> invited <strong>{preview.email}</strong> to join <strong>{preview.organizationName}</strong> as <strong>{preview.role}</strong>. The invitation expires {formatDate(preview.expiresAt)}.
      </p>
      {signedInAs === undefined && (
        <p class="actions">
          <a class="button" href={`/sign-in?next=${here}&email=${encodeURIComponent(preview.email)}`}>Sign in to accept</a>
          <a class="button secondary" href={`/sign-up?next=${here}&email=${encodeURIComponent(preview.email)}`}>Create an account</a>
        </p>
      )}
      {wrongAccount && (
        <div class="problem" role="alert">
          <p>You are signed in as {signedInAs}, but this invitation is for {preview.email}. Sign in with that address to accept it.</p>
          <button type="button" onClick={() => { signOut(); route(`/sign-in?next=${here}&email=${encodeURIComponent(preview.email)}`); }}>
            Sign in as {preview.email}
          </button>
        </div>
      )}
      {signedInAs !== undefined && !wrongAccount && (
        <p class="actions">
          <button type="button" onClick={() => void act('accept')}>Accept invitation</button>
          <button type="button" class="secondary" onClick={() => void act('decline')}>Decline</button>
        </p>
      )}
      <ProblemBox error={problem} />
    </main>
  );
}
