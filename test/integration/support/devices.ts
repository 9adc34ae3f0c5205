/** Device helpers: creating devices and streams through the API, ingest calls, disabling a workspace. */
import { expect } from 'vitest';
import { call, type Client, type Res } from './api.js';

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
  const { disableOneForTrial } = await import('./trials.js');
  expect(await disableOneForTrial(workspaceId)).toBe(true);
}
