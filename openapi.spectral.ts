/**
 * The ruleset the OpenAPI document is linted with (test/unit/openapi-lint.test.ts): Spectral's
 * `oas` and the OWASP API Security Top 10 (2023) rulesets, both `recommended`. Every rule
 * switched off or made a warning here is listed with its reason on the same line; anything
 * else at error severity fails `npm test`.
 */
import type { RulesetDefinition } from '@stoplight/spectral-core';
import { oas } from '@stoplight/spectral-rulesets';
import owasp from '@stoplight/spectral-owasp-ruleset';

export const ruleset = {
  extends: [
    [oas as RulesetDefinition, 'recommended'],
    [owasp as RulesetDefinition, 'recommended'],
  ],
  rules: {
    'owasp:api4:2023-rate-limit': 'off', // API Gateway stage throttling answers 429 without RateLimit/X-RateLimit headers; declaring headers never sent would make the document lie (429 itself is declared on every operation)
    'owasp:api4:2023-rate-limit-retry-after': 'off', // the same throttle sends no Retry-After either; the API's own 429s (`rate_limited`) declare it, sent with every problem document (`x-with-content-type`), and the integration tests check that it is
    'owasp:api2:2023-no-credentials-in-url': 'off', // only /invitations/{token}: the single-use invitation link of API.md (the contract), stored as a SHA-256 hash, dead once used, withdrawn or expired
    'owasp:api5:2023-admin-security-unique': 'off', // /admin/* takes the same Cognito ID token on purpose: operators are the `platform-operators` group claim, checked by authorize() per route, not a separate credential
    'owasp:api4:2023-string-limit': 'warn', // most hits are UUID path params (bounded by format: uuid) and response fields; inputs are bounded by zod + the 64 KB body limit; maxLength on every input schema is a validation change of its own (shared/http/resources)
    'owasp:api4:2023-integer-format': 'warn', // integers are zod ints with min/max (e.g. limit 1-100) or response counters; int32/int64 is a documentation nicety, not a bound
    'owasp:api4:2023-array-limit': 'warn', // list pages are capped by `limit` (≤ 100) and request arrays by zod + the 64 KB body limit; the remaining hits are response arrays
  },
} satisfies RulesetDefinition;
