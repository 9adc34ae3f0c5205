/**
 * The billing webhook's signing secret, the one module that fetches it. Locally the stack hands
 * it over in the environment (`BILLING_SECRET`: there is no Secrets Manager on this machine). In
 * AWS the function gets the secret's ARN (`BILLING_SECRET_ARN`) and reads it through the AWS
 * Parameters and Secrets Lambda Extension (a layer the stack adds to this function alone): an
 * HTTP GET on localhost with the function's session token, no SDK client in the bundle. The value
 * is kept for five minutes, so a rotated secret is picked up within that while a flood of forged
 * requests costs no Secrets Manager call each. Chosen over Powertools Parameters, which would put
 * the Secrets Manager client and its credential chain into this function's bundle (cold start);
 * only `fetchSecret` would change to use it.
 */
import { billingSecretSource, type BillingSecretSource } from '#kernel/config.js';
import { ServiceUnavailableError } from '#kernel/errors.js';
import { logger } from '#kernel/logger.js';

export const SECRET_CACHE_MS = 5 * 60_000;
/** The extension answers from its own cache or asks Secrets Manager; either way well under the function's 10 s. */
const FETCH_TIMEOUT_MS = 3_000;

let cached: { secret: string; until: number } | undefined;

async function fetchSecret(source: BillingSecretSource): Promise<string> {
  if (source.kind === 'value') return source.secret;
  const url = `http://localhost:${source.extensionPort}/secretsmanager/get?secretId=${encodeURIComponent(source.arn)}`;
  let response: Response;
  try {
    response = await fetch(url, {
      headers: { 'X-Aws-Parameters-Secrets-Token': source.sessionToken ?? '' },
      signal: AbortSignal.timeout(FETCH_TIMEOUT_MS),
    });
  } catch (error) {
    logger.error('The billing secret could not be fetched', { error });
    throw new ServiceUnavailableError('The billing secret is not available right now; try again shortly.', 5);
  }
  const body = (await response.json().catch(() => undefined)) as { SecretString?: unknown } | undefined;
  if (!response.ok || typeof body?.SecretString !== 'string' || body.SecretString === '') {
    logger.error('The billing secret could not be read', { status: response.status });
    throw new ServiceUnavailableError('The billing secret is not available right now; try again shortly.', 5);
  }
  return body.SecretString;
}

/** The current signing secret (fetched at the first request of a cold start, then every five minutes at most). */
export async function billingSecret(now = Date.now()): Promise<string> {
  if (cached && now < cached.until) return cached.secret;
  const secret = await fetchSecret(billingSecretSource());
  cached = { secret, until: now + SECRET_CACHE_MS };
  return secret;
}
