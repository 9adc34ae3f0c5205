/**
 * JSON Schema validation of values against the schemas of an OpenAPI 3.1 document (Ajv, draft
 * 2020-12, with formats), `$ref`s to `#/components/schemas/…` resolved: used by the unit tests of
 * the document's examples and by the integration tests' conformance check of every response.
 */
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';

const COMPONENTS_ID = 'urn:tenancy:openapi:components';
const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;

type Json = Record<string, unknown>;

/** Refs to `#/components/schemas/X` pointed at the components schema the validator registers. */
function retarget<T>(value: T): T {
  if (Array.isArray(value)) return value.map(retarget) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [
        k,
        k === '$ref' && typeof v === 'string' && v.startsWith('#/components/schemas/') ? `${COMPONENTS_ID}#/$defs/${v.slice('#/components/schemas/'.length)}` : retarget(v),
      ]),
    ) as T;
  }
  return value;
}

export interface SchemaValidator {
  /** The (cached) validator of one schema of the document. */
  compile(schema: Json): ValidateFunction;
  /** Ajv's sentence for the errors of the last failed validation. */
  errorsText(validate: ValidateFunction): string;
}

export function schemaValidator(components: { schemas?: Record<string, Json> }): SchemaValidator {
  const ajv = addFormats(new Ajv2020({ strict: true, allErrors: true, discriminator: true }));
  // OpenAPI's own annotation keyword beside JSON Schema's `examples`.
  ajv.addKeyword('example');
  ajv.addSchema({ $id: COMPONENTS_ID, $defs: retarget(components.schemas ?? {}) });
  const compiled = new Map<Json, ValidateFunction>();
  return {
    compile(schema) {
      let validate = compiled.get(schema);
      if (!validate) {
        validate = ajv.compile(retarget(schema));
        compiled.set(schema, validate);
      }
      return validate;
    },
    errorsText: (validate) => ajv.errorsText(validate.errors, { separator: '; ' }),
  };
}
