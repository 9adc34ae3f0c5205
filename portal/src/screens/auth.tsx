/** Sign in (the managed login with PKCE, or a password), sign up and the emailed code (session.ts). */
import { useLocation } from 'preact-iso';
import { useEffect, useState } from 'preact/hooks';
import { config } from '../config.js';
import { ActionForm, Field, Loading, ProblemBox, text } from '../ui.js';
import { beginManagedLogin, CognitoError, completeManagedLogin, confirmSignUp, resendCode, safeNext, signIn, signUp } from '../session.js';

/** Where to go after signing in: the `next` the link carried (a path of this portal only). */
export const nextPath = (query: Record<string, string>): string => safeNext(query.next);

/** The managed login: Cognito's own pages (password, Google, an organization's SSO), back with a code. */
function ManagedLogin({ next }: { next: string }) {
  if (!config().managedLogin) return null;
  return (
    <section aria-labelledby="managed-title">
      <h2 id="managed-title" class="visually-hidden">Managed login</h2>
      <ActionForm label="Managed login" submit="Continue to sign-in" action={() => beginManagedLogin(next)}>
        <p>Sign in on the sign-in service’s own page: with your password, a social account, or your organization’s single sign-on.</p>
      </ActionForm>
      <ActionForm label="Single sign-on" submit="Sign in with single sign-on" action={(form) => beginManagedLogin(next, text(form, 'provider'))}>
        <Field label="Your organization’s provider name" hint="Your administrator tells you this name.">
          <input name="provider" required pattern="[A-Za-z0-9][A-Za-z0-9\-]{2,31}" />
        </Field>
      </ActionForm>
      <h2>Or with your password here</h2>
    </section>
  );
}

/** Where the managed login sends the browser back: the code exchanged (with the verifier) for tokens. */
export function AuthCallback() {
  const { route } = useLocation();
  const [error, setError] = useState<unknown>();
  useEffect(() => {
    completeManagedLogin(new URLSearchParams(location.search)).then(
      (next) => route(next, true),
      (e: unknown) => setError(e),
    );
  }, []);
  return (
    <main class="narrow">
      <h1>Signing in</h1>
      {error ? (
        <>
          <ProblemBox error={error} />
          <p><a href="/sign-in">Sign in again</a></p>
        </>
      ) : (
        <Loading />
      )}
    </main>
  );
}

const explain = (error: unknown): Error => {
  if (!(error instanceof CognitoError)) return error as Error;
  const messages: Record<string, string> = {
    NotAuthorizedException: 'That email and password do not match an account.',
    UserNotFoundException: 'That email and password do not match an account.',
    UserNotConfirmedException: 'This account is not confirmed yet: enter the code we emailed you.',
    UsernameExistsException: 'An account with this email already exists: sign in instead.',
    CodeMismatchException: 'That code is not the one we sent. Check the email and try again.',
    ExpiredCodeException: 'That code has expired: ask for a new one.',
    InvalidPasswordException: error.message,
  };
  return new Error(messages[error.type] ?? error.message);
};

export function SignIn() {
  const { query, route } = useLocation();
  const next = nextPath(query);
  return (
    <main class="narrow">
      <h1>Sign in</h1>
      <ManagedLogin next={next} />
      <ActionForm
        label="Sign in"
        submit="Sign in"
        action={async (form) => {
          try {
            await signIn(text(form, 'email'), String(form.get('password') ?? ''));
          } catch (error) {
            if (error instanceof CognitoError && error.type === 'UserNotConfirmedException') {
              route(`/confirm?email=${encodeURIComponent(text(form, 'email'))}&next=${encodeURIComponent(next)}`);
              return;
            }
            throw explain(error);
          }
          route(next === '/' ? '/' : next);
        }}
      >
        <Field label="Email">
          <input name="email" type="email" autocomplete="username" required defaultValue={query.email ?? ''} />
        </Field>
        <Field label="Password">
          <input name="password" type="password" autocomplete="current-password" required />
        </Field>
      </ActionForm>
      <p>
        New here? <a href={`/sign-up?next=${encodeURIComponent(next)}${query.email ? `&email=${encodeURIComponent(query.email)}` : ''}`}>Create an account</a>
      </p>
    </main>
  );
}

export function SignUp() {
  const { query, route } = useLocation();
  const next = nextPath(query);
  return (
    <main class="narrow">
      <h1>Create your account</h1>
      <p>Your organization starts with a 14-day trial. No card needed.</p>
      <ActionForm
        label="Create your account"
        submit="Create account"
        action={async (form) => {
          const email = text(form, 'email');
          const password = String(form.get('password') ?? '');
          try {
            const { confirmed } = await signUp({ email, password, givenName: text(form, 'givenName'), familyName: text(form, 'familyName') });
            if (confirmed) {
              await signIn(email, password);
              route(next);
              return;
            }
          } catch (error) {
            throw explain(error);
          }
          // Kept for this tab only, so confirming the code can sign in at once.
          pendingPassword = password;
          route(`/confirm?email=${encodeURIComponent(email)}&next=${encodeURIComponent(next)}`);
        }}
      >
        <Field label="Email">
          <input name="email" type="email" autocomplete="email" required defaultValue={query.email ?? ''} />
        </Field>
        <Field label="First name">
          <input name="givenName" autocomplete="given-name" required maxLength={100} />
        </Field>
        <Field label="Last name">
          <input name="familyName" autocomplete="family-name" required maxLength={100} />
        </Field>
        <Field label="Password" hint="At least 8 characters, with upper and lower case, a digit and a symbol.">
          <input name="password" type="password" autocomplete="new-password" required minLength={8} />
        </Field>
      </ActionForm>
      <p>
        Have an account? <a href={`/sign-in?next=${encodeURIComponent(next)}`}>Sign in</a>
      </p>
    </main>
  );
}

let pendingPassword: string | undefined;

export function Confirm() {
  const { query, route } = useLocation();
  const next = nextPath(query);
  const email = query.email ?? '';
  const [sent, setSent] = useState(false);
  return (
    <main class="narrow">
      <h1>Check your email</h1>
      <p>
        We sent a code to <strong>{email}</strong>. Enter it to confirm your address.
      </p>
      <ActionForm
        label="Confirm your email"
        submit="Confirm"
        action={async (form) => {
          try {
            await confirmSignUp(email, text(form, 'code'));
          } catch (error) {
            throw explain(error);
          }
          if (pendingPassword) {
            await signIn(email, pendingPassword);
            pendingPassword = undefined;
            route(next);
          } else {
            route(`/sign-in?email=${encodeURIComponent(email)}&next=${encodeURIComponent(next)}`);
          }
        }}
      >
        <Field label="Code">
          <input name="code" inputMode="numeric" autocomplete="one-time-code" required />
        </Field>
      </ActionForm>
      <p>
        <button
          type="button"
          class="link"
          onClick={async () => {
            await resendCode(email);
            setSent(true);
          }}
        >
          Send a new code
        </button>
        {sent && <span role="status"> A new code is on its way.</span>}
      </p>
    </main>
  );
}
