/** The service routes (liveness; the OpenAPI document is answered as generated): response schemas. */
import * as z from 'zod';

export const Health = z.object({ status: z.literal('ok') }).meta({ examples: [{ status: 'ok' }] });

/** The OpenAPI document itself: an OpenAPI 3.1 document (its own specification describes the rest). */
export const OpenApiDocument = z
  .looseObject({ openapi: z.string().regex(/^3\.1\.\d+$/) })
  .meta({ examples: [{ openapi: '3.1.0', info: { title: 'Tenancy API', version: '1.0.0' }, paths: {} }] });
