/**
 * Direct writes of what no route of this issue sets yet: a workspace's device/SIM/traffic
 * counters (mirrored onto its organization, as the device and SIM writes keep them) and its
 * state. The shared modules read their configuration once, so the environment comes first.
 */
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { configureRepositories } from './env.js';

async function modules() {
  configureRepositories();
  const [client, keys] = await Promise.all([import('#db/client.js'), import('#db/keys.js')]);
  return { client, keys };
}

export interface Counters {
  deviceCount: number;
  simCount: number;
  trafficBytes: number;
}

/** Adds counters to a workspace and, as every device/SIM/traffic write does, to its organization. */
export async function addCounters(orgId: string, workspaceId: string, counters: Counters): Promise<void> {
  const { client, keys } = await modules();
  const add = {
    UpdateExpression: 'ADD deviceCount :d, simCount :s, trafficBytes :t',
    ExpressionAttributeValues: { ':d': counters.deviceCount, ':s': counters.simCount, ':t': counters.trafficBytes },
  };
  for (const Key of [keys.keys.workspace(workspaceId), keys.keys.org(orgId)]) {
    await client.db.send(new UpdateCommand({ TableName: client.tableName(), Key, ...add }));
  }
}

/** Disables a workspace as the trial sweep does. */
export async function disableWorkspace(workspaceId: string): Promise<void> {
  const { client, keys } = await modules();
  await client.db.send(
    new UpdateCommand({
      TableName: client.tableName(),
      Key: keys.keys.workspace(workspaceId),
      UpdateExpression: 'SET #state = :disabled, disabledReason = :reason, disabledAt = :at',
      ExpressionAttributeNames: { '#state': 'state' },
      ExpressionAttributeValues: { ':disabled': 'disabled', ':reason': 'trial_expired', ':at': new Date().toISOString() },
    }),
  );
}
