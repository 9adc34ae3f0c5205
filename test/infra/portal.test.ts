/**
 * The portal's static site in the synthesized template: a private bucket that answers CloudFront
 * alone (origin access control), HTTPS only, the app's paths served index.html, the security
 * headers of infra/portal-headers.ts, and config.json written at deploy time from the stack's own
 * API, user pool and client. cdk-nag runs on every synth (stack.test.ts checks its report).
 */
import { Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { portalSecurityHeaders } from '../../infra/portal-headers.js';
import type { TenancyStack } from '../../infra/stack.js';
import { createTenancyApp } from '../../infra/tenancy-app.js';
import { flatTemplateOf, synthContext, type CfnResource } from '../support/cdk.js';

const one = (template: Template, type: string): [string, CfnResource] => {
  const found = Object.entries(template.findResources(type)) as [string, CfnResource][];
  expect(found.map(([id]) => id)).toHaveLength(1);
  return found[0]!;
};

describe('the portal as a static site', () => {
  let stack: TenancyStack;
  let template: Template;

  beforeAll(() => {
    const built = createTenancyApp({ context: synthContext });
    stack = built.stack;
    template = flatTemplateOf(built.app.synth().directory, stack).template;
  });

  it('keeps the files in a private, encrypted, TLS-only bucket that only the distribution may read', () => {
    const siteId = stack.getLogicalId(stack.portal.bucket.node.defaultChild as never);
    template.hasResourceProperties('AWS::S3::Bucket', {
      PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
      BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] },
      LoggingConfiguration: { LogFilePrefix: 's3/' },
    });
    const policies = Object.values(template.findResources('AWS::S3::BucketPolicy')) as CfnResource[];
    const site = policies.find((p) => p.Properties.Bucket.Ref === siteId)!;
    const statements = site.Properties.PolicyDocument.Statement as { Effect: string; Principal?: { Service?: string }; Condition?: Record<string, any>; Action: string | string[] }[];
    const reads = statements.filter((s) => s.Effect === 'Allow');
    expect(reads).toHaveLength(1);
    expect(reads[0]).toMatchObject({ Principal: { Service: 'cloudfront.amazonaws.com' }, Action: 's3:GetObject' });
    expect(JSON.stringify(reads[0]!.Condition)).toContain('AWS:SourceArn');
    expect(statements.some((s) => s.Effect === 'Deny' && JSON.stringify(s.Condition) === JSON.stringify({ Bool: { 'aws:SecureTransport': 'false' } }))).toBe(true);
  });

  it('serves it through CloudFront with origin access control, HTTPS only, index.html for the app\'s own paths', () => {
    const [, oac] = one(template, 'AWS::CloudFront::OriginAccessControl');
    expect(oac.Properties.OriginAccessControlConfig).toMatchObject({ OriginAccessControlOriginType: 's3', SigningBehavior: 'always', SigningProtocol: 'sigv4' });
    const [, distribution] = one(template, 'AWS::CloudFront::Distribution');
    const config = distribution.Properties.DistributionConfig;
    expect(config.DefaultRootObject).toBe('index.html');
    expect(config.Origins[0].OriginAccessControlId).toBeDefined();
    expect(config.Origins[0].S3OriginConfig).toEqual({ OriginAccessIdentity: '' });
    expect(config.DefaultCacheBehavior).toMatchObject({ ViewerProtocolPolicy: 'redirect-to-https', Compress: true, AllowedMethods: ['GET', 'HEAD'] });
    expect(config.CustomErrorResponses).toEqual([403, 404].map((code) => ({ ErrorCode: code, ResponseCode: 200, ResponsePagePath: '/index.html', ErrorCachingMinTTL: 10 })));
    expect(config.Logging).toMatchObject({ Prefix: 'cloudfront/' });
  });

  it('sends the security headers infra/portal-headers.ts defines, connecting only to the API, Cognito and the managed login', () => {
    const [, policy] = one(template, 'AWS::CloudFront::ResponseHeadersPolicy');
    const { SecurityHeadersConfig: security, CustomHeadersConfig: custom } = policy.Properties.ResponseHeadersPolicyConfig;
    const expected = portalSecurityHeaders({ connect: ['API', 'COGNITO', 'LOGIN'] }, true);
    const domainId = stack.getLogicalId(stack.identity.domain.node.defaultChild as never);
    // The CSP is a join around the API's endpoint, the user pool domain (one token each) and the region: compare it with those named.
    const csp = (security.ContentSecurityPolicy.ContentSecurityPolicy['Fn::Join'][1] as unknown[])
      .map((part) => (typeof part === 'string' ? part : JSON.stringify(part).includes('HttpApi') ? 'API' : JSON.stringify(part).includes(domainId) ? 'DOMAIN' : 'REGION'))
      .join('')
      .replace('https://cognito-idp.REGION.amazonaws.com', 'COGNITO')
      .replace('https://DOMAIN.auth.REGION.amazoncognito.com', 'LOGIN');
    expect(csp).toBe(expected['content-security-policy']);
    expect(security.FrameOptions.FrameOption).toBe(expected['x-frame-options']);
    expect(security.ReferrerPolicy.ReferrerPolicy).toBe(expected['referrer-policy']);
    expect(security.ContentTypeOptions).toEqual({ Override: true });
    expect(`max-age=${security.StrictTransportSecurity.AccessControlMaxAgeSec}; includeSubDomains; preload`).toBe(expected['strict-transport-security']);
    expect(custom.Items).toEqual([{ Header: 'Permissions-Policy', Value: expected['permissions-policy'], Override: true }]);
  });

  it('writes the build and config.json at deploy time, from the stack\'s own API, user pool and client, and invalidates them', () => {
    const [, deployment] = one(template, 'Custom::CDKBucketDeployment');
    expect(deployment.Properties.DestinationBucketName.Ref).toBe(stack.getLogicalId(stack.portal.bucket.node.defaultChild as never));
    expect(deployment.Properties.DistributionPaths).toEqual(['/index.html', '/config.json']);
    expect(deployment.Properties.SourceObjectKeys).toHaveLength(2);
    const markers = JSON.stringify(deployment.Properties.SourceMarkers);
    expect(markers).toContain(stack.getLogicalId(stack.identity.userPool.node.defaultChild as never));
    expect(markers).toContain(stack.getLogicalId(stack.identity.portalClient.node.defaultChild as never));
    expect(markers).toContain(stack.getLogicalId(stack.api.httpApi.node.defaultChild as never));
    // The managed login's base URL, for the code + PKCE sign-in.
    expect(markers).toContain(stack.getLogicalId(stack.identity.domain.node.defaultChild as never));
    template.hasOutput('PortalUrl', { Value: Match.objectLike({ 'Fn::Join': Match.anyValue() }) });
  });

  it('answers at the portal\'s own host with its certificate when one is given', () => {
    const built = createTenancyApp({ context: { ...synthContext, portalCertificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/abc' } });
    const withDomain = flatTemplateOf(built.app.synth().directory, built.stack).template;
    const [, distribution] = one(withDomain, 'AWS::CloudFront::Distribution');
    expect(distribution.Properties.DistributionConfig.Aliases).toEqual([new URL(built.stack.portal.url).host]);
    expect(distribution.Properties.DistributionConfig.ViewerCertificate).toMatchObject({ AcmCertificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/abc', MinimumProtocolVersion: 'TLSv1.2_2021', SslSupportMethod: 'sni-only' });
  });
});
