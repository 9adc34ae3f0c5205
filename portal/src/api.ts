/**
 * The API as the portal calls it: the typed client (clients/index.ts, generated from
 * /openapi.json) with the session's ID token; a 401 signs out. `unwrap` turns an answer into its
 * data or a Problem carrying the API's problem+json (its `detail` is what the screens show).
 */
import { tenancyClient } from '../../clients/index.js';
import { config } from './config.js';
import { idToken, signOut } from './session.js';

export type { components } from '../../clients/index.js';

let client: ReturnType<typeof tenancyClient> | undefined;

export function api(): ReturnType<typeof tenancyClient> {
  if (client) return client;
  client = tenancyClient(config().apiUrl, idToken);
  client.use({
    onResponse({ response }) {
      // An expired or revoked token: the user signs in again (the screen asks for it).
      if (response.status === 401 && idToken() !== undefined) signOut();
      return response;
    },
  });
  return client;
}

export class Problem extends Error {
  constructor(
    readonly status: number,
    readonly code: string | undefined,
    readonly title: string,
    readonly detail: string,
  ) {
    super(detail || title);
  }
}

interface Answer<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

function problemOf(response: Response, error: unknown): Problem {
  const body = (error && typeof error === 'object' ? error : {}) as { title?: string; detail?: string; code?: string; message?: string };
  const title = body.title ?? body.message ?? response.statusText ?? 'Request failed';
  let detail = body.detail ?? body.message ?? '';
  if (response.status === 412) detail = `${detail} Someone changed this since you opened it: reload to see their change, then edit again.`.trim();
  return new Problem(response.status, body.code, title, detail || title);
}

/** The answer's data and ETag, or a Problem. */
export async function unwrap<T>(call: Promise<Answer<T>>): Promise<{ data: T; etag: string | undefined }> {
  let answer: Answer<T>;
  try {
    answer = await call;
  } catch {
    throw new Problem(0, 'network', 'No connection', 'The API could not be reached. Check your connection and try again.');
  }
  if (answer.error !== undefined || !answer.response.ok) throw problemOf(answer.response, answer.error);
  return { data: answer.data as T, etag: answer.response.headers.get('etag') ?? undefined };
}

export const data = async <T>(call: Promise<Answer<T>>): Promise<T> => (await unwrap(call)).data;
