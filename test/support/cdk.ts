/** What the infra tests share: the context `cdk synth` runs with, and the shape of a template resource. */
import { readFileSync } from 'node:fs';

/** The feature flags of cdk.json, and no esbuild: the template is what is tested. */
export const synthContext: Record<string, unknown> = {
  ...(JSON.parse(readFileSync(new URL('../../cdk.json', import.meta.url), 'utf8')) as { context: object }).context,
  'aws:cdk:bundling-stacks': [],
};

/** A resource of the synthesized template. */
export interface CfnResource {
  Type: string;
  Properties: Record<string, any>;
  DeletionPolicy?: string;
  DependsOn?: string[];
}

/**
 * The stack's own functions (every route's, the sweep, the pre sign-up trigger): not the handler
 * CDK adds for the portal's BucketDeployment (infra/constructs/portal.ts), which is CDK's code.
 */
export function tenancyFunctions(template: { findResources(type: string): Record<string, unknown> }): [string, CfnResource][] {
  return (Object.entries(template.findResources('AWS::Lambda::Function')) as [string, CfnResource][]).filter(([id]) => !id.startsWith('CustomCDKBucketDeployment'));
}
