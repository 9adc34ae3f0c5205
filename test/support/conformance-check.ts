/**
 * The conformance check of one response against an OpenAPI 3.1 document (functions/openapi.ts
 * writes it): the status is declared for the operation (matched by method and path template as API
 * Gateway matches routes: a literal segment beats a parameter), the content type is one the status
 * declares, the body validates (Ajv, JSON Schema 2020-12) against that content's schema, and the
 * declared headers are there — `required`, or sent with that content type (`x-with-content-type`).
 * A method and path no operation has must be the document's `components.responses.UnknownRoute`.
 * The integration tests run it on every response (test/integration/support/conformance.ts).
 */
import { schemaValidator, type SchemaValidator } from './openapi-schemas.js';

/** The vendor extension of functions/openapi.ts: a header sent with every answer of that content type. */
const WITH_CONTENT_TYPE = 'x-with-content-type';

type Json = Record<string, unknown>;
interface Header {
  required?: boolean;
  schema?: Json;
  [WITH_CONTENT_TYPE]?: string;
}
interface ResponseObject {
  description: string;
  headers?: Record<string, Header | { $ref: string }>;
  content?: Record<string, { schema?: Json }>;
}
interface Operation {
  responses: Record<string, ResponseObject | { $ref: string }>;
}
export interface Document {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Json>; responses: Record<string, ResponseObject> };
}

export interface Template {
  key: string;
  method: string;
  segments: (string | null)[];
  operation: Operation;
}

export interface Seen {
  /** `METHOD /template`, or `unknown route`. */
  operation: string;
  status: number;
}

export class Conformance {
  private readonly schemas: SchemaValidator;
  private readonly templates: Template[];

  constructor(readonly document: Document) {
    this.schemas = schemaValidator(document.components);
    this.templates = Object.entries(document.paths).flatMap(([path, item]) =>
      Object.entries(item).map(([method, operation]) => ({
        key: `${method.toUpperCase()} ${path}`,
        method: method.toUpperCase(),
        segments: path.split('/').slice(1).map((part) => (/^\{\w+\}$/.test(part) ? null : part)),
        operation,
      })),
    );
    // API Gateway prefers the most specific route: a literal segment beats a parameter.
    this.templates.sort((a, b) => {
      for (let i = 0; i < Math.max(a.segments.length, b.segments.length); i++) {
        const rank = (s: string | null | undefined) => (s === undefined ? 2 : s === null ? 1 : 0);
        if (rank(a.segments[i]) !== rank(b.segments[i])) return rank(a.segments[i]) - rank(b.segments[i]);
      }
      return 0;
    });
  }

  /** The operation API Gateway would route `method path` to, or undefined. */
  match(method: string, path: string): Template | undefined {
    const parts = path.split('?')[0]!.split('/').slice(1);
    return this.templates.find(
      (t) => t.method === method && t.segments.length === parts.length && t.segments.every((s, i) => (s === null ? parts[i] !== '' : s === parts[i])),
    );
  }

  private resolve<T>(value: T | { $ref: string }): T {
    const ref = (value as { $ref?: string }).$ref;
    if (ref === undefined) return value as T;
    const [, kind, name] = /^#\/components\/(\w+)\/(.+)$/.exec(ref) ?? [];
    const found = (this.document.components as unknown as Record<string, Record<string, T>>)[kind!]?.[name!];
    if (!found) throw new Error(`Unresolvable $ref ${ref}`);
    return found;
  }

  /** The problems of one response against the document (empty: it conforms). */
  check(method: string, path: string, response: { status: number; headers: Headers; text: string }): { seen: Seen; problems: string[] } {
    const template = this.match(method, path);
    const operation = template?.key ?? 'unknown route';
    const seen = { operation, status: response.status };
    const problems: string[] = [];
    let declared: ResponseObject | undefined;
    if (template) {
      const entry = template.operation.responses[String(response.status)];
      if (!entry) return { seen, problems: [`status ${response.status} is not declared (declared: ${Object.keys(template.operation.responses).join(', ')})`] };
      declared = this.resolve(entry);
    } else {
      if (response.status !== 404) return { seen, problems: [`no operation has ${method} ${path.split('?')[0]}, and the answer is ${response.status}, not the unknown route's 404`] };
      declared = this.document.components.responses.UnknownRoute;
    }
    const contentType = response.headers.get('content-type')?.split(';')[0]?.trim().toLowerCase();
    const content = declared!.content ?? {};
    if (response.text === '') {
      if (Object.keys(content).length > 0) problems.push(`no body, but the status declares ${Object.keys(content).join(', ')}`);
    } else if (!contentType || !content[contentType]) {
      problems.push(`content type ${contentType ?? '(none)'} is not declared for ${response.status} (declared: ${Object.keys(content).join(', ') || 'no body'})`);
    } else {
      let body: unknown;
      try {
        body = JSON.parse(response.text);
      } catch {
        problems.push(`the body is not JSON, though ${contentType} is`);
      }
      const schema = content[contentType].schema;
      if (body !== undefined && schema) {
        const validate = this.schemas.compile(schema);
        if (!validate(body)) problems.push(`the body does not match the ${contentType} schema: ${this.schemas.errorsText(validate)}`);
      }
    }
    for (const [name, entry] of Object.entries(declared!.headers ?? {})) {
      const header = this.resolve(entry);
      const value = response.headers.get(name);
      const expected = header.required || (header[WITH_CONTENT_TYPE] !== undefined && header[WITH_CONTENT_TYPE] === contentType);
      if (value === null) {
        if (expected) problems.push(`header ${name} is missing`);
      } else if (header.schema && !this.schemas.compile(header.schema)(value)) {
        problems.push(`header ${name}: ${JSON.stringify(value)} does not match its schema`);
      }
    }
    return { seen, problems };
  }
}

