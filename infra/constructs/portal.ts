/**
 * The portal as a static site: the Vite build of portal/ in a private S3 bucket, served by
 * CloudFront through origin access control (the bucket answers CloudFront alone), with the
 * security headers of infra/portal-headers.ts, `index.html` for the app's own paths, and
 * `/config.json` written at deploy time from the stack's API, user pool and client.
 */
import { spawnSync } from 'node:child_process';
import { Duration, RemovalPolicy, Stack, Token, Validations, type CfnElement, type DockerImage } from 'aws-cdk-lib';
import type { IUserPool, IUserPoolClient } from 'aws-cdk-lib/aws-cognito';
import { Certificate } from 'aws-cdk-lib/aws-certificatemanager';
import {
  AllowedMethods,
  CachePolicy,
  Distribution,
  HeadersFrameOption,
  HeadersReferrerPolicy,
  HttpVersion,
  PriceClass,
  ResponseHeadersPolicy,
  SecurityPolicyProtocol,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import { BucketDeployment, CacheControl, Source } from 'aws-cdk-lib/aws-s3-deployment';
import { Construct } from 'constructs';
import { portalSourceHash } from '../local/portal.js';
import { portalSecurityHeaders, type PortalConfig } from '../portal-headers.js';
import { projectRoot } from '../bundling/build.js';
import { FUNCTION_RUNTIME } from './function.js';

export interface PortalProps {
  /** The API's base URL (a deploy-time token). */
  apiUrl: string;
  userPool: IUserPool;
  client: IUserPoolClient;
  /** The user pool domain's base URL (`https://<prefix>.auth.<region>.amazoncognito.com`): the managed login. */
  managedLoginUrl: string;
  /**
   * The portal's own host name (the host of the stack's `portalUrl`) and an ACM certificate for it
   * in us-east-1. Without them the site answers at its CloudFront domain only (PortalDomain output).
   */
  domain?: { name: string; certificateArn: string };
}

/** Local bundling only: the Vite build in a child process (the image is never pulled). */
const portalBundling = {
  image: FUNCTION_RUNTIME.bundlingImage as DockerImage,
  local: {
    tryBundle(outputDir: string): boolean {
      const run = spawnSync(process.execPath, ['--import', 'tsx', `${projectRoot}infra/bundling/portal-cli.ts`, outputDir], { cwd: projectRoot, stdio: ['ignore', 'inherit', 'inherit'] });
      if (run.status !== 0) throw new Error(`Building the portal failed (${run.error?.message ?? `exit ${run.status}`})`);
      return true;
    },
  },
};

export class Portal extends Construct {
  readonly bucket: Bucket;
  readonly distribution: Distribution;
  /** `https://<distribution or custom domain>`. */
  readonly url: string;

  constructor(scope: Construct, id: string, props: PortalProps) {
    super(scope, id);
    const { region } = Stack.of(this);
    const cognitoEndpoint = `https://cognito-idp.${region}.amazonaws.com`;

    const logs = new Bucket(this, 'Logs', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      // CloudFront's standard logs are written with an ACL.
      objectOwnership: ObjectOwnership.BUCKET_OWNER_PREFERRED,
      lifecycleRules: [{ expiration: Duration.days(90) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Validations.of(logs).acknowledge({ id: 'AwsSolutions-S1', reason: 'This is the access-log bucket of the portal bucket and distribution; logging it into itself would loop.' });

    this.bucket = new Bucket(this, 'Site', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      serverAccessLogsBucket: logs,
      serverAccessLogsPrefix: 's3/',
      removalPolicy: RemovalPolicy.RETAIN,
    });

    const headers = portalSecurityHeaders({ connect: [props.apiUrl, cognitoEndpoint, props.managedLoginUrl] }, true);
    const responseHeaders = new ResponseHeadersPolicy(this, 'Headers', {
      comment: 'Tenancy portal: the headers of infra/portal-headers.ts',
      securityHeadersBehavior: {
        contentSecurityPolicy: { contentSecurityPolicy: headers['content-security-policy']!, override: true },
        contentTypeOptions: { override: true },
        frameOptions: { frameOption: HeadersFrameOption.DENY, override: true },
        referrerPolicy: { referrerPolicy: HeadersReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN, override: true },
        strictTransportSecurity: { accessControlMaxAge: Duration.seconds(63_072_000), includeSubdomains: true, preload: true, override: true },
      },
      customHeadersBehavior: { customHeaders: [{ header: 'Permissions-Policy', value: headers['permissions-policy']!, override: true }] },
    });

    this.distribution = new Distribution(this, 'Distribution', {
      comment: 'Tenancy portal',
      defaultRootObject: 'index.html',
      defaultBehavior: {
        origin: S3BucketOrigin.withOriginAccessControl(this.bucket),
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        allowedMethods: AllowedMethods.ALLOW_GET_HEAD,
        cachePolicy: CachePolicy.CACHING_OPTIMIZED,
        responseHeadersPolicy: responseHeaders,
        compress: true,
      },
      // The app routes in the browser: a path that is no file is index.html (S3 answers 403 for
      // a missing key to an origin that may not list the bucket).
      errorResponses: [403, 404].map((httpStatus) => ({ httpStatus, responseHttpStatus: 200, responsePagePath: '/index.html', ttl: Duration.seconds(10) })),
      httpVersion: HttpVersion.HTTP2_AND_3,
      priceClass: PriceClass.PRICE_CLASS_100,
      enableLogging: true,
      logBucket: logs,
      logFilePrefix: 'cloudfront/',
      // CloudFront fixes the TLS policy of its default certificate: a minimum applies with a domain's own.
      ...(props.domain
        ? { domainNames: [props.domain.name], certificate: Certificate.fromCertificateArn(this, 'Certificate', props.domain.certificateArn), minimumProtocolVersion: SecurityPolicyProtocol.TLS_V1_2_2021 }
        : {}),
    });
    Validations.of(this.distribution).acknowledge(
      { id: 'AwsSolutions-CFR1', reason: 'The portal is for customers anywhere; the API it calls enforces who may do what.' },
      { id: 'AwsSolutions-CFR2', reason: 'Static files only, no origin logic to protect; the API has its own throttling. A WAF web ACL can be attached by the deployer (docs/portal.md).' },
      ...(props.domain ? [] : [{ id: 'AwsSolutions-CFR4', reason: 'Without a custom domain the distribution uses the default *.cloudfront.net certificate, whose TLS policy CloudFront fixes; with one, TLSv1.2_2021 applies.' }]),
    );
    this.url = `https://${props.domain?.name ?? this.distribution.distributionDomainName}`;

    const config: PortalConfig = {
      apiUrl: props.apiUrl,
      region,
      userPoolId: props.userPool.userPoolId,
      clientId: props.client.userPoolClientId,
      cognitoEndpoint: `${cognitoEndpoint}/`,
      managedLogin: { url: props.managedLoginUrl },
    };
    new BucketDeployment(this, 'Deploy', {
      sources: [Source.asset(`${projectRoot}portal`, { assetHash: portalSourceHash(), bundling: portalBundling }), Source.jsonData('config.json', config)],
      destinationBucket: this.bucket,
      distribution: this.distribution,
      distributionPaths: ['/index.html', '/config.json'],
      // Hashed assets never change under a name; index.html and config.json revalidate.
      cacheControl: [CacheControl.noCache()],
      memoryLimit: 512,
    });
    // The deployment's handler is a singleton of the stack (shared by every BucketDeployment), not
    // a child of this construct: its findings are acknowledged there.
    const handler = Stack.of(this).node.children.find((c) => c.node.id.startsWith('Custom::CDKBucketDeployment'));
    if (handler === undefined) throw new Error('BucketDeployment created no handler');
    const why = 'CDK\'s BucketDeployment handler reads the asset from the CDK assets bucket, replaces the portal bucket\'s objects and invalidates the distribution (CloudFront has no resource-level invalidation permission): the grants CDK writes for it, on those buckets.';
    const stack = Stack.of(this);
    const site = stack.getLogicalId(this.bucket.node.defaultChild as CfnElement);
    // cdk-nag names the CDK assets bucket with what synth knows of the environment (tokens as <AWS::…>).
    const known = (value: string, pseudo: string): string => (Token.isUnresolved(value) ? `<AWS::${pseudo}>` : value);
    const assets = `arn:${known(stack.partition, 'Partition')}:s3:::cdk-hnb659fds-assets-${known(stack.account, 'AccountId')}-${known(stack.region, 'Region')}/*`;
    Validations.of(handler).acknowledge(
      { id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]', reason: 'CDK\'s BucketDeployment handler writes its own logs only.' },
      ...['Action::s3:GetBucket*', 'Action::s3:GetObject*', 'Action::s3:List*', 'Action::s3:Abort*', 'Action::s3:DeleteObject*', `Resource::${assets}`, `Resource::<${site}.Arn>/*`, 'Resource::*'].map((evidence) => ({ id: `AwsSolutions-IAM5[${evidence}]`, reason: why })),
      { id: 'AwsSolutions-L1', reason: 'The runtime of CDK\'s BucketDeployment handler is chosen by aws-cdk-lib and moves with it.' },
    );
  }
}
