/**
 * The AWS SDK clients of the functions take their credentials from the environment only, as
 * Lambda hands them over (shared/kernel/aws-credentials.ts); the bundles carry no other provider.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { credentialsFromEnvironment } from '#kernel/aws-credentials.js';

const saved = { ...process.env };
afterEach(() => {
  for (const name of ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'AWS_CREDENTIAL_EXPIRATION', 'AWS_SHARED_CREDENTIALS_FILE', 'AWS_CONFIG_FILE']) {
    if (saved[name] === undefined) delete process.env[name];
    else process.env[name] = saved[name];
  }
});

describe('credentials from the environment', () => {
  it('are the key, the secret and the session token Lambda sets', async () => {
    Object.assign(process.env, { AWS_ACCESS_KEY_ID: 'ASIAEXAMPLE', AWS_SECRET_ACCESS_KEY: 'secret', AWS_SESSION_TOKEN: 'token' });
    await expect(credentialsFromEnvironment()).resolves.toEqual({ accessKeyId: 'ASIAEXAMPLE', secretAccessKey: 'secret', sessionToken: 'token' });
  });

  it('have no session token when none is set (the local stack), and an expiry when one is', async () => {
    Object.assign(process.env, { AWS_ACCESS_KEY_ID: 'local', AWS_SECRET_ACCESS_KEY: 'local', AWS_CREDENTIAL_EXPIRATION: '2030-01-01T00:00:00Z' });
    delete process.env.AWS_SESSION_TOKEN;
    await expect(credentialsFromEnvironment()).resolves.toEqual({ accessKeyId: 'local', secretAccessKey: 'local', expiration: new Date('2030-01-01T00:00:00Z') });
  });

  it('fail as the SDK chain does when the key is missing', async () => {
    delete process.env.AWS_ACCESS_KEY_ID;
    await expect(credentialsFromEnvironment()).rejects.toMatchObject({ name: 'CredentialsProviderError' });
  });

  it('are the only ones the DynamoDB client signs with: a credentials file (which the SDK chain would read) is not looked at', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tenancy-credentials-'));
    writeFileSync(join(dir, 'credentials'), '[default]\naws_access_key_id = AKIAFROMFILE\naws_secret_access_key = file\n');
    Object.assign(process.env, { AWS_SHARED_CREDENTIALS_FILE: join(dir, 'credentials'), AWS_CONFIG_FILE: join(dir, 'config') });
    delete process.env.AWS_ACCESS_KEY_ID;
    try {
      vi.resetModules();
      const { dynamodb } = await import('#db/client.js');
      await expect(dynamodb.config.credentials()).rejects.toMatchObject({ name: 'CredentialsProviderError' });
      process.env.AWS_ACCESS_KEY_ID = 'ASIAFROMENV';
      await expect(dynamodb.config.credentials()).resolves.toMatchObject({ accessKeyId: 'ASIAFROMENV' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
