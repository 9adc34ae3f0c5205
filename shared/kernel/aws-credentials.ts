/**
 * Where every AWS SDK client of the functions gets its credentials: the environment. Lambda puts
 * the function role's credentials there (`AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY`,
 * `AWS_SESSION_TOKEN`) before the code loads, and the SDK's default chain takes them from there
 * first; the rest of that chain (SSO, STS web identity, shared ini files, ECS and EC2 metadata)
 * never runs in Lambda. The local stack and the tests set the same variables
 * (`handlerEnvironment` in infra/local/stack.ts).
 *
 * Naming this provider in each client lets the bundle drop the chain: the build points
 * `@aws-sdk/credential-provider-node` at this function too (infra/bundling/build.ts), which
 * removes about 130 KB (STS and SSO clients, IMDS, ini parsing) from every function.
 */
export interface EnvironmentCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
  expiration?: Date;
}

/** Read at each call (the SDK caches the result per client); a missing key fails the call as the SDK's chain would. */
export async function credentialsFromEnvironment(): Promise<EnvironmentCredentials> {
  const accessKeyId = process.env.AWS_ACCESS_KEY_ID;
  const secretAccessKey = process.env.AWS_SECRET_ACCESS_KEY;
  if (!accessKeyId || !secretAccessKey) {
    const error = new Error('No AWS credentials in the environment (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY)');
    error.name = 'CredentialsProviderError';
    throw error;
  }
  const sessionToken = process.env.AWS_SESSION_TOKEN || undefined;
  const expiry = process.env.AWS_CREDENTIAL_EXPIRATION;
  return {
    accessKeyId,
    secretAccessKey,
    ...(sessionToken === undefined ? {} : { sessionToken }),
    ...(expiry ? { expiration: new Date(expiry) } : {}),
  };
}
