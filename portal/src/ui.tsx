/** Small pieces every screen uses: loading data, showing a problem, form fields. */
import type { ComponentChildren } from 'preact';
import { useCallback, useEffect, useState } from 'preact/hooks';
import { Problem } from './api.js';

export function useLoad<T>(load: () => Promise<T>, deps: unknown[]): { data: T | undefined; error: unknown; reload: () => void } {
  const [state, setState] = useState<{ data?: T; error?: unknown }>({});
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let live = true;
    load().then(
      (data) => live && setState({ data }),
      (error: unknown) => live && setState({ error }),
    );
    return () => void (live = false);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, tick]);
  return { data: state.data, error: state.error, reload: useCallback(() => setTick((t) => t + 1), []) };
}

/** The problem's `detail`, as the API wrote it, in an alert region. */
export function ProblemBox({ error }: { error: unknown }) {
  if (error === undefined || error === null) return null;
  const text = error instanceof Problem ? error.detail : error instanceof Error ? error.message : String(error);
  return (
    <p class="problem" role="alert">
      {text}
    </p>
  );
}

export function Loading() {
  return <p aria-busy="true">Loading…</p>;
}

export function Field({ label, children, hint }: { label: string; children: ComponentChildren; hint?: string }) {
  return (
    <label class="field">
      <span>{label}</span>
      {children}
      {hint && <small>{hint}</small>}
    </label>
  );
}

/** A form whose submit runs `action`, shows its problem and disables the button meanwhile. */
export function ActionForm({ action, submit, children, label, danger }: { action: (form: FormData) => Promise<void>; submit: string; children: ComponentChildren; label?: string; danger?: boolean }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  return (
    <form
      aria-label={label}
      onSubmit={async (event) => {
        event.preventDefault();
        setBusy(true);
        setError(undefined);
        try {
          await action(new FormData(event.currentTarget as HTMLFormElement));
        } catch (e) {
          setError(e);
        } finally {
          setBusy(false);
        }
      }}
    >
      {children}
      <ProblemBox error={error} />
      <button type="submit" disabled={busy} class={danger ? 'danger' : undefined}>
        {submit}
      </button>
    </form>
  );
}

export const text = (form: FormData, name: string): string => String(form.get(name) ?? '').trim();

export function formatBytes(bytes: number): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return `${value.toFixed(value >= 10 || unit === 0 ? 0 : 1)} ${units[unit]}`;
}

export const formatDate = (iso: string | null | undefined): string => (iso ? new Date(iso).toLocaleDateString('en', { year: 'numeric', month: 'short', day: 'numeric' }) : '—');

/**
 * Paging with the API's cursors: the cursor of the page shown, Previous/Next buttons, and a reset
 * when the filters change. Every list in the portal pages through this.
 */
export function useCursors(): { cursor: string | undefined; reset: () => void; pager: (nextCursor: string | null | undefined, label?: string) => preact.JSX.Element } {
  const [cursors, setCursors] = useState<string[]>([]);
  return {
    cursor: cursors.at(-1),
    reset: () => setCursors([]),
    pager: (nextCursor, label = 'Pages') => (
      <nav class="pager" aria-label={label}>
        {cursors.length > 0 && (
          <button type="button" class="secondary" onClick={() => setCursors(cursors.slice(0, -1))}>
            Previous page
          </button>
        )}
        {nextCursor && (
          <button type="button" class="secondary" onClick={() => setCursors([...cursors, nextCursor])}>
            Next page
          </button>
        )}
      </nav>
    ),
  };
}

/** A destructive action: the person types `phrase` before the button does anything. */
export function DangerForm({ label, phrase, submit, action, children }: { label: string; phrase: string; submit: string; action: () => Promise<void>; children?: ComponentChildren }) {
  const [typed, setTyped] = useState('');
  return (
    <ActionForm label={label} submit={submit} danger action={async () => {
      if (typed.trim() !== phrase) throw new Error(`Type “${phrase}” to confirm.`);
      await action();
    }}>
      {children}
      <Field label={`Type “${phrase}” to confirm`}>
        <input value={typed} onInput={(e) => setTyped((e.target as HTMLInputElement).value)} autocomplete="off" />
      </Field>
    </ActionForm>
  );
}
