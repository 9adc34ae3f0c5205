/**
 * The floors of the code, highest first; each may import only from the floors below it:
 *
 *   functions (handlers, route table, OpenAPI)
 *   http (the request wrapper; http/resources: each resource's schemas + views)   services (use cases)
 *   auth (principal, policy, scope loaders, the one authorize, SSO)
 *   db (records, keys, the workspace write guard, queries, repositories)   email (SES, templates)
 *   domain (rules, types, the role vocabulary; no AWS)
 *   kernel (errors, config, logger)
 *
 * shared/http/resources (request/response schemas and record → JSON views, one module per
 * resource) is held to less than the rest of http: it may import only domain and kernel, so the
 * schemas the route table loads carry no AWS client, policy or repository with them.
 *
 * `npm test` runs `npm run deps`, which fails on any arrow that points up and on any circle.
 */
const floor = (name, below) => ({
  name: `${name}-imports-only-below`,
  comment: `shared/${name} may import only from: ${below.join(', ') || 'nothing of ours'}`,
  severity: 'error',
  from: { path: `^shared/${name}/` },
  to: { path: '^(shared|functions|infra|test|bench)/', pathNot: [`^shared/${name}/`, ...below.map((b) => `^shared/${b}/`)] },
});

module.exports = {
  forbidden: [
    { name: 'no-circular', severity: 'error', comment: 'No module reaches itself through its imports.', from: {}, to: { circular: true } },
    floor('kernel', []),
    floor('domain', ['kernel']),
    floor('db', ['domain', 'kernel']),
    floor('email', ['domain', 'kernel']),
    floor('auth', ['db', 'domain', 'kernel']),
    floor('services', ['auth', 'db', 'email', 'domain', 'kernel']),
    floor('http', ['auth', 'db', 'domain', 'kernel']),
    floor('http/resources', ['domain', 'kernel']),
    {
      name: 'functions-import-the-shared-floors',
      comment: 'Handlers and the route table import shared code, never the infrastructure or tests.',
      severity: 'error',
      from: { path: '^functions/' },
      to: { path: '^(infra|test|bench)/' },
    },
    {
      name: 'route-expectations-only-for-tests-and-bench',
      comment:
        'functions/routes.expectations.ts (the authorization matrix and round-trip minimum of each row) is read by test/ and bench/ only: no Lambda bundle may carry it.',
      severity: 'error',
      from: { pathNot: '^(test|bench)/' },
      to: { path: '^functions/routes\\.expectations\\.ts$' },
    },
    {
      name: 'no-unresolvable',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true, pathNot: '^aws-lambda$' }, // types only (@types/aws-lambda)
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|cdk\\.out|\\.local)/' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.js', '.mjs', '.cjs', '.json'],
    },
  },
};
