/** What a row's function may touch in AWS (`permissions`), named once for every part of the route table. */
export const read = { table: 'read' } as const;
export const write = { table: 'readWrite' } as const;
export const identityProviders = { table: 'readWrite', identityProviders: true } as const;
