#!/usr/bin/env node
/**
 * cognito-local with the user-pool identity-provider operations it lacks, started exactly as its
 * own `lib/bin/start.js` starts it (same server, same config in `.cognito/` under the working
 * directory, same logger). infra/local/cognito.ts spawns this file instead of start.js.
 *
 * Added, with AWS's request and response shapes and error names, stored in the pool's own data
 * store (`IdentityProviders.<name>`, beside its users and groups):
 *   CreateIdentityProvider    DuplicateProviderException; InvalidParameterException for a
 *                             malformed request (name, type, details, mapping)
 *   DescribeIdentityProvider  ResourceNotFoundException
 *   ListIdentityProviders     MaxResults / NextToken paging
 *   DeleteIdentityProvider    ResourceNotFoundException
 *   Confirmation codes by email: where cognito-local only prints the code of SignUp (and
 *                             ResendConfirmationCode, ForgotPassword) to its console, the email goes
 *                             through the local SES (TENANCY_SES_ENDPOINT) to the inbox, as Cognito
 *                             mails it to the address in AWS.
 * Changed:
 *   ConfirmSignUp             also marks the email verified, as Cognito does when the code went to
 *                             the email (AutoVerifiedAttributes: email); cognito-local leaves
 *                             email_verified unset, which would refuse invitations to a new account.
 *   ID tokens                 carry the user's standard attributes (given_name, family_name, name…),
 *                             as Cognito's do; cognito-local signs only email, email_verified and
 *                             custom:* into them.
 *   UpdateUserPoolClient      REPLACES the client's settings as AWS does (cognito-local merges:
 *                             omitted fields kept), and refuses SupportedIdentityProviders naming
 *                             a provider the pool does not have (InvalidParameterException).
 *   DescribeUserPoolClient    unchanged: it already answers SupportedIdentityProviders.
 *
 * What it cannot show: no SAML or OIDC exchange happens (nothing federates; tokens with an
 * `identities` claim are signed by the tests and `npm run token`), and no metadata URL or issuer is
 * fetched. A metadata URL or issuer on the reserved `.invalid` top-level domain stands in for one
 * Cognito cannot retrieve: InvalidParameterException, as AWS answers then.
 */
'use strict';
const { createRequire } = require('node:module');

const local = createRequire(require.resolve('cognito-local/package.json'));
const { Targets } = local('./lib/targets/targets');
const { CognitoError, ResourceNotFoundError, InvalidParameterError } = local('./lib/errors');
const { appClientToResponseObject } = local('./lib/targets/responses');

class DuplicateProviderError extends CognitoError {
  constructor(name) {
    super('DuplicateProviderException', `A provider with the name ${name} already exists in this user pool.`);
  }
}

const SOCIAL = ['Google', 'Facebook', 'LoginWithAmazon', 'SignInWithApple'];
const TYPES = ['SAML', 'OIDC', ...SOCIAL];
// AWS: 3-32 characters, [^_][\p{L}\p{M}\p{S}\p{N}\p{P}][^_]+
const PROVIDER_NAME = /^[^_][\p{L}\p{M}\p{S}\p{N}\p{P}][^_]+$/u;
const STORE = 'IdentityProviders';

const isStringMap = (value) =>
  value !== null && typeof value === 'object' && !Array.isArray(value) && Object.values(value).every((v) => typeof v === 'string');

/** An https URL Cognito could fetch; `.invalid` hosts stand in for one it cannot. */
function checkFetchable(url, what) {
  let parsed;
  try {
    parsed = new URL(url);
  } catch {
    throw new InvalidParameterError(`${what} is not a valid URL.`);
  }
  if (parsed.protocol !== 'https:') throw new InvalidParameterError(`${what} must use https.`);
  if (parsed.hostname.endsWith('.invalid')) throw new InvalidParameterError(`Unable to retrieve ${what} from ${url}.`);
}

function checkCreate(req) {
  const name = req.ProviderName;
  if (typeof name !== 'string' || name.length < 3 || name.length > 32 || !PROVIDER_NAME.test(name)) {
    throw new InvalidParameterError('1 validation error detected: Value at \'providerName\' failed to satisfy constraint: Member must satisfy regular expression pattern and length 3-32.');
  }
  if (!TYPES.includes(req.ProviderType)) throw new InvalidParameterError(`ProviderType must be one of ${TYPES.join(', ')}.`);
  if (SOCIAL.includes(req.ProviderType) ? name !== req.ProviderType : [...SOCIAL, 'COGNITO'].includes(name)) {
    throw new InvalidParameterError(`The provider name ${name} is reserved for its provider type.`);
  }
  if (!isStringMap(req.ProviderDetails)) throw new InvalidParameterError('ProviderDetails must be a map of strings.');
  if (req.AttributeMapping !== undefined && (!isStringMap(req.AttributeMapping) || Object.keys(req.AttributeMapping).some((k) => k.length < 1 || k.length > 32))) {
    throw new InvalidParameterError('AttributeMapping must map attribute names (1-32 characters) to strings.');
  }
  const details = req.ProviderDetails;
  if (req.ProviderType === 'SAML') {
    if ((details.MetadataURL === undefined) === (details.MetadataFile === undefined)) {
      throw new InvalidParameterError('SAML ProviderDetails need exactly one of MetadataURL and MetadataFile.');
    }
    if (details.MetadataURL !== undefined) checkFetchable(details.MetadataURL, 'metadata');
  }
  if (req.ProviderType === 'OIDC') {
    for (const key of ['client_id', 'authorize_scopes', 'oidc_issuer']) {
      if (!details[key]) throw new InvalidParameterError(`OIDC ProviderDetails need ${key}.`);
    }
    if (!details.authorize_scopes.split(' ').includes('openid')) throw new InvalidParameterError('authorize_scopes must include openid.');
    if (details.attributes_request_method !== undefined && !['GET', 'POST'].includes(details.attributes_request_method)) {
      throw new InvalidParameterError('attributes_request_method must be GET or POST.');
    }
    checkFetchable(details.oidc_issuer, 'the OpenID configuration');
  }
}

const providerResponse = (userPoolId, p) => ({
  UserPoolId: userPoolId,
  ProviderName: p.ProviderName,
  ProviderType: p.ProviderType,
  ProviderDetails: p.ProviderDetails,
  AttributeMapping: p.AttributeMapping,
  IdpIdentifiers: p.IdpIdentifiers,
  LastModifiedDate: p.LastModifiedDate,
  CreationDate: p.CreationDate,
});

/** The pool's providers by name; the store is made on first use (StormDB cannot read below a missing key). */
async function providerStore(ctx, userPool) {
  const store = await userPool.dataStore.get(ctx, STORE);
  if (store) return store;
  await userPool.dataStore.set(ctx, STORE, {});
  return {};
}

async function findProvider(ctx, userPool, name) {
  if (typeof name !== 'string' || name === '') throw new InvalidParameterError('ProviderName is required.');
  return (await providerStore(ctx, userPool))[name] ?? null;
}

const CreateIdentityProvider = ({ cognito, clock }) => async (ctx, req) => {
  const userPool = await cognito.getUserPool(ctx, req.UserPoolId);
  checkCreate(req);
  if (await findProvider(ctx, userPool, req.ProviderName)) throw new DuplicateProviderError(req.ProviderName);
  const now = clock.get();
  const provider = {
    ProviderName: req.ProviderName,
    ProviderType: req.ProviderType,
    ProviderDetails: req.ProviderDetails,
    AttributeMapping: req.AttributeMapping ?? {},
    IdpIdentifiers: req.IdpIdentifiers ?? [],
    CreationDate: now,
    LastModifiedDate: now,
  };
  await providerStore(ctx, userPool);
  await userPool.dataStore.set(ctx, [STORE, req.ProviderName], provider);
  return { IdentityProvider: providerResponse(req.UserPoolId, provider) };
};

const DescribeIdentityProvider = ({ cognito }) => async (ctx, req) => {
  const userPool = await cognito.getUserPool(ctx, req.UserPoolId);
  const provider = await findProvider(ctx, userPool, req.ProviderName);
  if (!provider) throw new ResourceNotFoundError(`Identity provider ${req.ProviderName} does not exist.`);
  return { IdentityProvider: providerResponse(req.UserPoolId, provider) };
};

const ListIdentityProviders = ({ cognito }) => async (ctx, req) => {
  const userPool = await cognito.getUserPool(ctx, req.UserPoolId);
  const max = req.MaxResults ?? 60;
  if (!Number.isInteger(max) || max < 1 || max > 60) throw new InvalidParameterError('MaxResults must be between 1 and 60.');
  const all = Object.values(await providerStore(ctx, userPool)).sort((a, b) => (a.ProviderName < b.ProviderName ? -1 : 1));
  const start = req.NextToken === undefined ? 0 : all.findIndex((p) => p.ProviderName > req.NextToken);
  const page = start < 0 ? [] : all.slice(start, start + max);
  const more = start >= 0 && start + max < all.length;
  return {
    Providers: page.map((p) => ({ ProviderName: p.ProviderName, ProviderType: p.ProviderType, LastModifiedDate: p.LastModifiedDate, CreationDate: p.CreationDate })),
    ...(more ? { NextToken: page[page.length - 1].ProviderName } : {}),
  };
};

const DeleteIdentityProvider = ({ cognito }) => async (ctx, req) => {
  const userPool = await cognito.getUserPool(ctx, req.UserPoolId);
  if (!(await findProvider(ctx, userPool, req.ProviderName))) throw new ResourceNotFoundError(`Identity provider ${req.ProviderName} does not exist.`);
  await userPool.dataStore.delete(ctx, [STORE, req.ProviderName]);
  return {};
};

/** The settings UpdateUserPoolClient takes; anything not given goes back to its default, as in AWS. */
const CLIENT_SETTINGS = [
  'ClientName', 'RefreshTokenValidity', 'AccessTokenValidity', 'IdTokenValidity', 'ReadAttributes', 'WriteAttributes',
  'ExplicitAuthFlows', 'SupportedIdentityProviders', 'CallbackURLs', 'LogoutURLs', 'DefaultRedirectURI', 'AllowedOAuthFlows',
  'AllowedOAuthScopes', 'AllowedOAuthFlowsUserPoolClient', 'AnalyticsConfiguration', 'PreventUserExistenceErrors',
  'EnableTokenRevocation', 'EnablePropagateAdditionalUserContextData', 'AuthSessionValidity',
];

const UpdateUserPoolClient = ({ cognito, clock }) => async (ctx, req) => {
  const userPool = await cognito.getUserPool(ctx, req.UserPoolId);
  const appClient = await cognito.getAppClient(ctx, req.ClientId);
  if (!appClient || appClient.UserPoolId !== req.UserPoolId) throw new ResourceNotFoundError();
  for (const name of req.SupportedIdentityProviders ?? []) {
    if (name !== 'COGNITO' && !(await findProvider(ctx, userPool, name))) {
      throw new InvalidParameterError(`The provider ${name} does not exist for User Pool ${req.UserPoolId}.`);
    }
  }
  const updated = {
    ClientId: appClient.ClientId,
    ClientSecret: appClient.ClientSecret,
    UserPoolId: appClient.UserPoolId,
    CreationDate: appClient.CreationDate,
    LastModifiedDate: clock.get(),
    ...Object.fromEntries(CLIENT_SETTINGS.map((key) => [key, req[key]])),
    TokenValidityUnits: {
      AccessToken: req.TokenValidityUnits?.AccessToken ?? 'hours',
      IdToken: req.TokenValidityUnits?.IdToken ?? 'minutes',
      RefreshToken: req.TokenValidityUnits?.RefreshToken ?? 'days',
    },
  };
  await userPool.saveAppClient(ctx, updated);
  return { UserPoolClient: appClientToResponseObject(updated) };
};

const { ConfirmSignUp: confirmSignUpOf } = local('./lib/targets/confirmSignUp');
const { ConsoleMessageSender } = local('./lib/services/messageDelivery/consoleMessageSender');

const ConfirmSignUp = (services) => {
  const confirm = confirmSignUpOf(services);
  return async (ctx, req) => {
    const answer = await confirm(ctx, req);
    const userPool = await services.cognito.getUserPoolForClientId(ctx, req.ClientId);
    const user = await userPool.getUserByUsername(ctx, req.Username);
    if (user && userPool.options.AutoVerifiedAttributes?.includes('email')) {
      const others = (user.Attributes ?? []).filter((a) => a.Name !== 'email_verified');
      await userPool.saveUser(ctx, { ...user, Attributes: [...others, { Name: 'email_verified', Value: 'true' }] });
    }
    return answer;
  };
};

// The code's email, through the local SES's v2 API (what the inbox shows), then to the console as before.
const sendToConsole = ConsoleMessageSender.prototype.sendEmail;
ConsoleMessageSender.prototype.sendEmail = async function sendEmail(ctx, user, destination, message) {
  const ses = process.env.TENANCY_SES_ENDPOINT;
  if (ses) {
    const subject = message.emailSubject || 'Your verification code';
    const text = message.emailMessage || `Your verification code is ${message.__code}`;
    const response = await fetch(`${ses}/v2/email/outbound-emails`, {
      method: 'POST',
      // The local SES wants an Authorization header of some kind, as AWS would (it checks no signature).
      headers: { 'content-type': 'application/json', authorization: 'AWS4-HMAC-SHA256 Credential=local/cognito-local' },
      body: JSON.stringify({
        FromEmailAddress: process.env.TENANCY_EMAIL_FROM || 'no-reply@verificationemail.com',
        Destination: { ToAddresses: [destination] },
        Content: { Simple: { Subject: { Data: subject }, Body: { Text: { Data: text } } } },
      }),
    });
    if (!response.ok) ctx.logger.error(`the local SES refused the code's email: ${response.status}`);
  }
  return sendToConsole.call(this, ctx, user, destination, message);
};

// The ID token's standard attributes. Cognito puts every standard attribute the app client may read
// (given_name, family_name, name, …) into the ID token; cognito-local puts only email, email_verified
// and custom:* there. The user whose tokens are being signed is carried to jsonwebtoken's sign,
// which adds the attributes to the ID token's claims (never overriding one already set).
const { AsyncLocalStorage } = require('node:async_hooks');
const { JwtTokenGenerator } = local('./lib/services/tokenGenerator');
const jwt = local('jsonwebtoken');
const STANDARD_CLAIMS = ['name', 'given_name', 'family_name', 'middle_name', 'nickname', 'preferred_username', 'profile', 'picture', 'website', 'gender', 'birthdate', 'zoneinfo', 'locale', 'phone_number', 'phone_number_verified', 'address', 'updated_at'];
const signing = new AsyncLocalStorage();
const generate = JwtTokenGenerator.prototype.generate;
JwtTokenGenerator.prototype.generate = function generateWithStandardClaims(ctx, user, ...rest) {
  return signing.run(user, () => generate.call(this, ctx, user, ...rest));
};
const sign = jwt.sign;
jwt.sign = function signWithStandardClaims(payload, ...rest) {
  const user = signing.getStore();
  if (user && payload && typeof payload === 'object' && payload.token_use === 'id') {
    const claims = {};
    for (const { Name, Value } of user.Attributes ?? []) {
      if (STANDARD_CLAIMS.includes(Name) && !(Name in payload)) claims[Name] = Name === 'phone_number_verified' ? Value === 'true' : Value;
    }
    payload = { ...payload, ...claims };
  }
  return sign.call(this, payload, ...rest);
};

Object.assign(Targets, { ConfirmSignUp, CreateIdentityProvider, DescribeIdentityProvider, ListIdentityProviders, DeleteIdentityProvider, UpdateUserPoolClient });

module.exports = { ConfirmSignUp, CreateIdentityProvider, DescribeIdentityProvider, ListIdentityProviders, DeleteIdentityProvider, UpdateUserPoolClient };

if (require.main === module) {
  // As lib/bin/start.js: the same server, logger and messages.
  const https = require('node:https');
  const pino = local('pino');
  const pretty = local('pino-pretty');
  const { createDefaultServer } = local('./lib/server');
  const logger = pino(
    { level: process.env.DEBUG ? 'debug' : 'info' },
    pretty({ colorize: true, ignore: 'pid,name,hostname', singleLine: true, messageFormat: (log, key) => `${log.reqId ?? 'NONE'} ${log.target ?? 'NONE'} ${log[key]}` }),
  );
  createDefaultServer(logger)
    .then((server) => server.start())
    .then((server) => {
      const address = server.address();
      if (!address) throw new Error('Server started without address');
      const url = typeof address === 'string' ? address : `${address.address}:${address.port}`;
      logger.info(`Cognito Local (with identity providers) running on ${server instanceof https.Server ? 'https' : 'http'}://${url}`);
    })
    .catch((error) => {
      logger.error(error);
      process.exit(1);
    });
}
