/** The service routes (liveness; the OpenAPI document is answered as generated): response schemas. */
import * as z from 'zod';

export const Health = z.object({ status: z.literal('ok') });
