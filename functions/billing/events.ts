import { api } from '#http/api.js';
import { applyBillingEvent } from '#services/billing.js';
import { organizationsRoutes as routes } from '#functions/routes/organizations.js';

/** Behind no Cognito authorizer: the wrapper has checked the Billing-Signature over the raw body before the body was parsed. */
export const handler = api(routes['POST /billing/events'], async ({ body }) => ({ body: await applyBillingEvent(body) }));
