/** What the infra tests share: the context `cdk synth` runs with, and the shape of a template resource. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { NestedStack, type Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';

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

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
interface CfnTemplate { Parameters?: Record<string, Json>; Resources: Record<string, CfnResource & Record<string, Json>>; [key: string]: Json | undefined }

/** Replaces every `{ Ref: <parameter> }` of a nested template by what the parent passes for it. */
function substitute(value: Json, parameters: Record<string, Json>): Json {
  if (Array.isArray(value)) return value.map((item) => substitute(item, parameters));
  if (value === null || typeof value !== 'object') return value;
  const keys = Object.keys(value);
  if (keys.length === 1 && keys[0] === 'Ref' && typeof value.Ref === 'string' && value.Ref in parameters) return parameters[value.Ref]!;
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, substitute(item, parameters)]));
}

/**
 * The stack's template with its nested stacks' resources (the route groups, infra/constructs/route-group.ts)
 * put back in, each parameter replaced by the parent's value for it and a `DependsOn` on a nested stack
 * replaced by its resources: the one template the stack would be without nesting, so assertions on
 * references read the same. Logical ids stay each template's own (`stack.getLogicalId` of any element).
 */
export function flatTemplateOf(assemblyDir: string, stack: Stack): { template: Template; templates: Map<Stack, CfnTemplate> } {
  const templates = new Map<Stack, CfnTemplate>();
  const read = (of: Stack) => JSON.parse(readFileSync(join(assemblyDir, of.templateFile), 'utf8')) as CfnTemplate;
  const root = read(stack);
  templates.set(stack, root);
  const flat: CfnTemplate = { ...root, Resources: { ...root.Resources } };
  const expand = new Map<string, string[]>();
  for (const nested of stack.node.findAll().filter((c): c is NestedStack => NestedStack.isNestedStack(c))) {
    // The route groups sit right under the stack; a deeper nesting would need its parameters from its own parent.
    if (nested.nestedStackParent !== stack) throw new Error(`${nested.node.path} is nested more than one level deep`);
    const own = read(nested);
    templates.set(nested, own);
    const given = root.Resources[stack.getLogicalId(nested.nestedStackResource!)]!.Properties.Parameters as Record<string, Json>;
    const resources = substitute(own.Resources as unknown as Json, given) as unknown as CfnTemplate['Resources'];
    for (const [id, resource] of Object.entries(resources)) {
      if (id in flat.Resources) throw new Error(`Logical id ${id} of ${nested.node.path} is also in another template`);
      flat.Resources[id] = resource;
    }
    expand.set(stack.getLogicalId(nested.nestedStackResource!), Object.keys(resources));
  }
  for (const resource of Object.values(flat.Resources)) {
    if (resource.DependsOn) resource.DependsOn = resource.DependsOn.flatMap((id) => expand.get(id) ?? [id]);
  }
  return { template: Template.fromJSON(flat as unknown as Record<string, unknown>), templates };
}
