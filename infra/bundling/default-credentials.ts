/**
 * What the bundles get instead of `@aws-sdk/credential-provider-node` (the SDK's default chain:
 * environment, SSO, ini files, process, web identity through STS, ECS and EC2 metadata), which
 * every client's runtime config imports whether or not it is used. Every client of the functions
 * names its credentials (shared/kernel/aws-credentials.ts), so this is never called by them; one
 * that did not would still get the environment's, the chain's first link and the one Lambda fills.
 */
import { credentialsFromEnvironment } from '#kernel/aws-credentials.js';

export const defaultProvider = () => credentialsFromEnvironment;
