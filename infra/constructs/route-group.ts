import { NestedStack } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import type { Route } from '#http/route.js';
import type { Api } from './api.js';
import type { TenancyFunction } from './function.js';

/** The route table's rows by tag, in the table's order: one nested stack per tag. */
export function routeGroups(routes: readonly Route[]): Map<string, Route[]> {
  const groups = new Map<string, Route[]>();
  for (const route of routes) groups.set(route.tag, [...(groups.get(route.tag) ?? []), route]);
  return groups;
}

/** `Identity providers` → `RoutesIdentityProviders`: the nested stack's construct id, stable as long as the tag is. */
export function routeGroupId(tag: string): string {
  return `Routes${tag.split(/[^A-Za-z0-9]+/).filter((word) => word !== '').map((word) => word[0]!.toUpperCase() + word.slice(1)).join('')}`;
}

export interface RouteGroupProps {
  description: string;
  routes: readonly Route[];
  /** Makes the function behind one row, in this group's scope. */
  build(scope: Construct, route: Route): TenancyFunction;
  /** Exactly what the row's `permissions` ask for (the stack's one grant rule). */
  grant(fn: TenancyFunction, route: Route): void;
  api: Api;
}

/**
 * The routes of one tag of the route table, each with its own function, role and log group, and its
 * route and integration on the parent's HTTP API: a nested stack, so no template nears
 * CloudFormation's 500 resources however many routes the table grows (test/infra/stack.test.ts
 * checks every template's count). What the functions reference in the parent (the table, the user
 * pool, the secrets, the API and its authorizer) CDK passes in as the nested stack's parameters.
 */
export class RouteGroup extends NestedStack {
  readonly functions = new Map<string, TenancyFunction>();

  constructor(scope: Construct, id: string, props: RouteGroupProps) {
    super(scope, id, { description: props.description });
    for (const route of props.routes) {
      const fn = props.build(this, route);
      props.grant(fn, route);
      props.api.addRoute(this, fn.node.id, route, fn.function);
      this.functions.set(route.key, fn);
    }
  }
}
