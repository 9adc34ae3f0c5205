/** The signed-in user's `/me`, loaded once and shared by every screen; reloaded after changes that alter it. */
import { useEffect, useState } from 'preact/hooks';
import { api, data, Problem, type components } from './api.js';
import { onSessionChange } from './session.js';

export type Me = components['schemas']['Me'];

/** undefined: not loaded yet; null: signed in but not signed up (no profile). */
let me: Promise<Me | null> | undefined;
const listeners = new Set<() => void>();

function load(): Promise<Me | null> {
  me ??= data(api().GET('/me')).catch((error: unknown) => {
    if (error instanceof Problem && error.status === 404) return null;
    me = undefined;
    throw error;
  });
  return me;
}

export function reloadMe(): Promise<Me | null> {
  me = undefined;
  const next = load();
  for (const listener of listeners) listener();
  return next;
}

onSessionChange(() => {
  me = undefined;
});

export function useMe(): { me: Me | null | undefined; error: unknown } {
  const [state, setState] = useState<{ me?: Me | null; error?: unknown }>({});
  useEffect(() => {
    let live = true;
    const run = () =>
      load().then(
        (value) => live && setState({ me: value }),
        (error: unknown) => live && setState({ error }),
      );
    void run();
    const listener = () => void run();
    listeners.add(listener);
    return () => {
      live = false;
      listeners.delete(listener);
    };
  }, []);
  return { me: state.me, error: state.error };
}
