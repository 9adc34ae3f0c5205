import { defineConfig } from 'vitest/config';

// This machine runs Node 20; the AWS SDK's notice about Node 22 is noise in test output (Lambda runs Node 24).
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

/** Four layers named by what they touch: unit (nothing), integration (the local stack), infra (CDK), browser (the portal in Chromium, on a local stack of its own). */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          env: {
            TABLE_NAME: 'tenancy-unit',
            PORTAL_URL: 'https://portal.test',
            EMAIL_FROM: 'no-reply@tenancy.test',
            CURSOR_SECRET: 'unit-test-secret',
            AWS_REGION: 'us-east-1',
            AWS_ACCESS_KEY_ID: 'unit',
            AWS_SECRET_ACCESS_KEY: 'unit',
            POWERTOOLS_LOG_LEVEL: 'SILENT',
          },
        },
      },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          globalSetup: ['test/integration/global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.ts'],
          globalSetup: ['test/browser/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 180_000,
        },
      },
      {
        test: { name: 'infra', include: ['test/infra/**/*.test.ts'], testTimeout: 120_000, hookTimeout: 180_000 },
      },
    ],
  },
});
