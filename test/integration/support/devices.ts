/** Device helpers: creating devices and streams through the API, ingest calls, disabling a workspace. */
import { expect } from 'vitest';
import { call, type Client, type Res } from './api.js';
import { stack } from './stack.js';

export interface CreatedDevice {
  id: string;
  name: string;
  deviceKey: string;
}

/** Creates a device through `client` and expects 201. */
export async function createDevice(client: Client, workspaceId: string, name: string, description?: string): Promise<CreatedDevice> {
  const res = await client.post(`/workspaces/${workspaceId}/devices`, { name, ...(description ? { description } : {}) });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as CreatedDevice;
}

export async function createStream(client: Client, workspaceId: string, name: string): Promise<void> {
  const res = await client.post(`/workspaces/${workspaceId}/streams`, { name });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
}

/** A device sends `body` to a stream (`authorization` as given, e.g. `Device <key>`). */
export function ingest(workspaceId: string, deviceName: string, streamName: string, authorization: string | undefined, body: unknown = { t: 21.5 }): Promise<Res> {
  return call('POST', `/ingest/${workspaceId}/devices/${encodeURIComponent(deviceName)}/streams/${encodeURIComponent(streamName)}`, {
    body,
    headers: authorization === undefined ? {} : { authorization },
  });
}

/** Disables a workspace the way the trial sweep does (the repository function it uses). */
export async function disableWorkspace(workspaceId: string): Promise<void> {
  const info = stack();
  process.env.TABLE_NAME = info.tableName;
  process.env.DYNAMODB_ENDPOINT = info.dynamodbEndpoint;
  process.env.AWS_REGION ??= 'us-east-1';
  process.env.AWS_ACCESS_KEY_ID ??= 'local';
  process.env.AWS_SECRET_ACCESS_KEY ??= 'local';
  process.env.PORTAL_URL ??= 'http://localhost:5173';
  process.env.EMAIL_FROM ??= 'no-reply@tenancy.local';
  process.env.CURSOR_SECRET ??= 'seed-only';
  process.env.POWERTOOLS_LOG_LEVEL ??= 'SILENT';
  const [workspaces, trials] = await Promise.all([
    import('../../../shared/db/repositories/workspaces.js'),
    import('../../../shared/db/repositories/trials.js'),
  ]);
  const workspace = await workspaces.getWorkspace(workspaceId);
  if (!workspace) throw new Error(`No workspace ${workspaceId}`);
  expect(await trials.disableForTrial(workspace, new Date())).toBe(true);
}
