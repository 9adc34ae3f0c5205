import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type * as z from 'zod';
import { DeviceCreateBody, DevicePatchBody } from '#http/resources/devices.js';
import { MePatchBody, SignupBody } from '#http/resources/me.js';
import { OrgCreateBody, OrgPatchBody } from '#http/resources/organizations.js';
import { WorkspaceCreateBody, WorkspacePatchBody } from '#http/resources/workspaces.js';
import { decodeCursor, encodeCursor } from '#db/cursor.js';
import { BadRequestError, PreconditionFailedError } from '#kernel/errors.js';
import { etagOf, requiredVersion } from '#http/etag.js';
import { pageOf } from '#db/paging.js';
import { principalFrom } from '#auth/principal.js';
import { ForbiddenError, UnauthorizedError } from '#kernel/errors.js';
import { event, idClaims } from '../support/events.js';
import { middlewares } from '#http/api.js';
import { routes } from '#functions/routes.js';

describe('cursors', () => {
  it('round-trip within their scope', () => {
    fc.assert(
      fc.property(fc.string(), fc.dictionary(fc.string(), fc.string()), (scope, position) => {
        expect(decodeCursor(scope, encodeCursor(scope, position))).toEqual(position);
      }),
    );
  });
  it('are refused in another scope, edited, or forged', () => {
    const cursor = encodeCursor('members|u1|o1', { k: { PK: 'ORG#o1', SK: 'MEMBER#x' } });
    expect(() => decodeCursor('members|u2|o1', cursor)).toThrow(BadRequestError);
    const [payload, mac] = cursor.split('.');
    const edited = Buffer.from(JSON.stringify({ k: { PK: 'ORG#o2', SK: 'MEMBER#x' } })).toString('base64url');
    expect(() => decodeCursor('members|u1|o1', `${edited}.${mac}`)).toThrow(BadRequestError);
    expect(() => decodeCursor('members|u1|o1', `${payload}`)).toThrow(BadRequestError);
    expect(() => decodeCursor('members|u1|o1', 'garbage')).toThrow(BadRequestError);
  });
});

describe('in-memory pages', () => {
  it('serve every item exactly once, in order, whatever the limit', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.string({ minLength: 1 })), fc.integer({ min: 1, max: 7 }), (names, limit) => {
        const seen: string[] = [];
        let cursor: string | undefined;
        do {
          const page = pageOf(names, (n) => n, { scope: 's', limit, cursor });
          seen.push(...page.items);
          cursor = page.nextCursor ?? undefined;
        } while (cursor);
        expect(seen).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
      }),
    );
  });
});

describe('ETag / If-Match', () => {
  it('reads the version from an ETag we sent', () => {
    expect(requiredVersion(etagOf(7))).toBe(7);
    expect(requiredVersion(undefined)).toBeUndefined();
    expect(requiredVersion('*')).toBeUndefined();
  });
  it('a header that is not one of ours can never match', () => {
    expect(() => requiredVersion('abc')).toThrow(PreconditionFailedError);
    expect(() => requiredVersion('"1e9"')).toThrow(PreconditionFailedError);
  });
  it('a weak tag never satisfies If-Match (strong comparison, RFC 9110 §13.1.1)', () => {
    expect(() => requiredVersion('W/"7"')).toThrow(PreconditionFailedError);
    expect(() => requiredVersion(' W/"7" ')).toThrow(PreconditionFailedError);
  });
});

describe('principal', () => {
  it('reads the stringified claims of the HTTP API authorizer', () => {
    const p = principalFrom(
      event({
        claims: idClaims('u1', 'A@Example.com', {
          'cognito:groups': '[platform-operators other]',
          identities: JSON.stringify([{ providerName: 'AcmeSAML', userId: 'x' }]),
        }),
      }),
    );
    expect(p).toEqual({
      userId: 'u1',
      email: 'A@Example.com',
      emailVerified: true,
      groups: ['platform-operators', 'other'],
      identityProviders: ['AcmeSAML'],
    });
  });
  it('refuses access tokens and missing claims', () => {
    expect(() => principalFrom(event({ claims: { ...idClaims('u1'), token_use: 'access' } }))).toThrow(UnauthorizedError);
    expect(() => principalFrom(event({ claims: {} }))).toThrow(UnauthorizedError);
  });
  it('answers an ID token without email with 403 saying the claim is missing, not 401', () => {
    const { email: _email, ...noEmail } = idClaims('u1');
    for (const claims of [noEmail, { ...idClaims('u1'), email: '' }]) {
      const refused = (() => {
        try {
          return principalFrom(event({ claims }));
        } catch (error) {
          return error;
        }
      })();
      expect(refused).toBeInstanceOf(ForbiddenError);
      expect(refused).toMatchObject({ status: 403, code: 'forbidden', message: expect.stringContaining('no email claim') });
    }
  });
});

describe('email templates', () => {
  it('escape user input in HTML and keep links from configuration', async () => {
    const { invitationEmail } = await import('#email/templates.js');
    const email = invitationEmail({
      to: 'x@example.com',
      organizationName: 'Acme <Labs>',
      inviterName: 'Eve "the" <b>Hacker</b>',
      role: 'editor',
      message: '<script>alert(1)</script>',
      link: 'https://portal.test/invitations/abc',
      expiresAt: '2027-01-01T00:00:00.000Z',
      logoUrl: 'https://cdn.test/logo.png?a=1&b="2"',
      branding: { primaryColor: '#112233' },
    });
    expect(email.html).not.toContain('<script>');
    expect(email.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(email.html).toContain('Acme &lt;Labs&gt;');
    expect(email.html).toContain('src="https://cdn.test/logo.png?a=1&amp;b=&quot;2&quot;"');
    expect(email.html).toContain('#112233');
    expect(email.text).toContain('https://portal.test/invitations/abc');
    expect(email.text).toContain('> <script>alert(1)</script>');
    expect(email.subject).toBe('Eve "the" <b>Hacker</b> invited you to Acme <Labs>');
  });
});

describe('names refuse invisible and bidirectional-control characters', () => {
  const refused = [
    ...['\u202a', '\u202b', '\u202c', '\u202d', '\u202e'], // embeddings, overrides, pop
    ...['\u2066', '\u2067', '\u2068', '\u2069'], // isolates
    ...['\u200b', '\u200c', '\u200d', '\u2060', '\ufeff'], // zero-width
  ];
  const bodies: [string, z.ZodType, (name: string) => Record<string, unknown>, string][] = [
    ['sign-up given name', SignupBody, (n) => ({ givenName: n, familyName: 'K' }), 'givenName'],
    ['sign-up family name', SignupBody, (n) => ({ givenName: 'M', familyName: n }), 'familyName'],
    ['sign-up organization name', SignupBody, (n) => ({ givenName: 'M', familyName: 'K', organizationName: n }), 'organizationName'],
    ['PATCH /me given name', MePatchBody, (n) => ({ givenName: n }), 'givenName'],
    ['PATCH /me family name', MePatchBody, (n) => ({ familyName: n }), 'familyName'],
    ['organization name', OrgCreateBody, (n) => ({ name: n }), 'name'],
    ['organization rename', OrgPatchBody, (n) => ({ name: n }), 'name'],
    ['workspace name', WorkspaceCreateBody, (n) => ({ name: n }), 'name'],
    ['workspace rename', WorkspacePatchBody, (n) => ({ name: n }), 'name'],
    ['SSO provider name', WorkspacePatchBody, (n) => ({ sso: { required: true, providerName: n } }), 'sso.providerName'],
    // Device names are ASCII by their pattern (domain/devices.ts), which refuses these too.
    ['device name', DeviceCreateBody, (n) => ({ name: n }), 'name'],
    ['device rename', DevicePatchBody, (n) => ({ name: n }), 'name'],
  ];
  const asciiOnly = new Set([DeviceCreateBody, DevicePatchBody] as z.ZodType[]);
  it.each(bodies)('%s', (_, schema, body, field) => {
    expect(schema.safeParse(body('Acme')).success).toBe(true);
    for (const c of refused) {
      const result = schema.safeParse(body(`Ac${c}me`));
      expect(result.success, `U+${c.codePointAt(0)!.toString(16)}`).toBe(false);
      expect(result.error!.issues.map((i) => i.path.join('.'))).toContain(field);
    }
    // Letters of right-to-left scripts stay welcome where names are not ASCII by rule.
    if (!asciiOnly.has(schema)) expect(schema.safeParse(body('שלום عليكم')).success).toBe(true);
  });
});

describe("the wrapper's stages", () => {
  it('run in the order the wrapper documents', () => {
    const spec = routes['GET /orgs/{orgId}'];
    expect(Object.keys(middlewares(spec))).toEqual([
      'logger', 'headers', 'event', 'securityHeaders', 'problems', 'state', 'bodyLimit',
      'authenticate', 'pathParams', 'authorization', 'sso', 'input',
    ]);
  });
});
