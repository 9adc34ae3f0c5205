/** Device policy, device rules, and the device handlers' authorization round trip (DynamoDB mocked). */
import { beforeEach, describe, expect, it } from 'vitest';
import { mockClient } from 'aws-sdk-client-mock';
import { BatchGetCommand, DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { allows, authorize, type DeviceAccess } from '#auth/access.js';
import { deviceRoleAllows, grantAllows, ROLE_MATRIX, type DeviceAction } from '#auth/policy.js';
import { GRANT_LEVELS, WORKSPACE_ROLES } from '#domain/roles.js';
import { deviceKeyFrom, deviceKeyMatches, DEVICE_NAME_PATTERN, hashDeviceKey, newDeviceKey, sameDeviceName } from '#domain/devices.js';
import { grantEntry, parseGrantEntry, type DeviceGrant } from '#domain/device-grants.js';
import { STREAM_NAME_PATTERN } from '#domain/streams.js';
import { ForbiddenError, NotFoundError } from '#kernel/errors.js';
import { handler as getDevice } from '#functions/devices/get.js';
import { handler as listDevices } from '#functions/devices/list.js';
import { handler as ingest } from '#functions/ingest/post.js';
import { context, event, idClaims, json } from '../support/events.js';

describe('device policy (API.md)', () => {
  it.each([
    ['device.read', ['admin', 'editor', 'viewer'], ['read', 'write']],
    ['device.create', ['admin', 'editor'], []],
    ['device.write', ['admin', 'editor'], ['write']],
    ['device.delete', ['admin'], []],
    ['device.grant', ['admin'], []],
  ] as const)('%s: roles %j, grants %j', (action, roles, grants) => {
    expect(WORKSPACE_ROLES.filter((role) => deviceRoleAllows(role, action))).toEqual(roles);
    expect(GRANT_LEVELS.filter((level) => grantAllows(level, action))).toEqual(grants);
  });

  it('a write grant allows everything a read grant does', () => {
    for (const action of Object.keys(ROLE_MATRIX.device) as DeviceAction[]) {
      expect(!grantAllows('read', action) || grantAllows('write', action), action).toBe(true);
    }
  });

  const grant = (access: 'read' | 'write'): DeviceGrant => ({
    workspaceId: 'w', orgId: 'o', deviceId: 'd', userId: 'u', access, grantedBy: 'a', grantedAt: '2026-01-01T00:00:00.000Z',
  });
  const deviceAccess = (init: Partial<DeviceAccess>): DeviceAccess =>
    ({ kind: 'device', role: undefined, grants: [], device: undefined, ...init }) as DeviceAccess;

  it('a grant-only caller: allowed what the grant allows; 403 on the granted device; 404 beyond it', () => {
    const onDevice = deviceAccess({ grants: [grant('write')], device: { id: 'd' } as DeviceAccess['device'] });
    expect(() => authorize(onDevice, 'device.write')).not.toThrow();
    expect(() => authorize(onDevice, 'device.delete')).toThrow(ForbiddenError);
    expect(() => authorize(onDevice, 'device.grant')).toThrow(ForbiddenError);
    const onList = deviceAccess({ grants: [grant('read')] });
    expect(() => authorize(onList, 'device.read')).not.toThrow();
    expect(() => authorize(onList, 'device.create')).toThrow(NotFoundError);
    expect(allows(onList, 'workspace.read')).toBe(false);
  });

  it('a role holder is answered by the role matrix (403 when too low), and a grant can add to a role', () => {
    const viewer = deviceAccess({ role: 'viewer' });
    expect(() => authorize(viewer, 'device.read')).not.toThrow();
    expect(() => authorize(viewer, 'device.create')).toThrow(ForbiddenError);
    expect(allows(viewer, 'workspace.read')).toBe(true);
    expect(allows(deviceAccess({ role: 'viewer', grants: [grant('write')] }), 'device.write')).toBe(true);
  });
});

describe('device rules', () => {
  it('device keys: 32 random bytes base64url, only the hash kept, checked in constant time', () => {
    const { key, hash } = newDeviceKey();
    expect(key).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(hash).toBe(hashDeviceKey(key));
    expect(hash).not.toContain(key);
    expect(deviceKeyMatches(key, hash)).toBe(true);
    expect(deviceKeyMatches(`${key}x`, hash)).toBe(false);
    expect(newDeviceKey().key).not.toBe(key);
  });

  it('reads only `Authorization: Device <key>`', () => {
    expect(deviceKeyFrom('Device abc_-1')).toBe('abc_-1');
    expect(deviceKeyFrom('device abc')).toBe('abc');
    for (const header of [undefined, '', 'Device', 'Device ', 'Bearer abc', 'Device a b', 'Device a.b']) expect(deviceKeyFrom(header)).toBeUndefined();
  });

  it('names: path-safe, device names compared case-insensitively, stream names lower-case', () => {
    expect(sameDeviceName('Pump-1', 'pUMP-1')).toBe(true);
    expect(sameDeviceName('Pump-1', 'Pump-2')).toBe(false);
    for (const ok of ['a', 'Pump-1', 'x.y_z', 'A'.repeat(64)]) expect(DEVICE_NAME_PATTERN.test(ok), ok).toBe(true);
    for (const bad of ['', '-a', 'a b', 'a/b', 'A'.repeat(65), 'ü']) expect(DEVICE_NAME_PATTERN.test(bad), bad).toBe(false);
    expect(STREAM_NAME_PATTERN.test('temp.c')).toBe(true);
    expect(STREAM_NAME_PATTERN.test('Temp')).toBe(false);
  });

  it('grant entries round-trip and refuse anything else', () => {
    expect(parseGrantEntry(grantEntry('w1', 'd1'))).toEqual({ workspaceId: 'w1', deviceId: 'd1' });
    for (const bad of ['', 'w1', 'w1/', '/d1', 'a/b/c']) expect(parseGrantEntry(bad)).toBeUndefined();
  });
});

describe('device handlers', () => {
  const ddb = mockClient(DynamoDBDocumentClient);
  const WS = '22222222-2222-4222-8222-222222222222';
  const DEVICE = '33333333-3333-4333-8333-333333333333';
  const ORG = 'org-1';
  const USER = 'user-1';
  const wsItem = { PK: `WS#${WS}`, SK: 'META', id: WS, orgId: ORG, name: 'W', state: 'enabled', createdBy: 'x', createdAt: '2026-01-01T00:00:00.000Z', version: 1 };
  const profile = (orgRoles: Record<string, string>) => ({ PK: `USER#${USER}`, SK: 'PROFILE', id: USER, email: 'u@x.io', orgRoles });
  const deviceItem = { PK: `WS#${WS}`, SK: `DEVICE#${DEVICE}`, id: DEVICE, workspaceId: WS, name: 'd', createdAt: '2026-01-01T00:00:00.000Z', createdBy: 'x', keyHash: 'h', version: 4, grantVersion: 1 };
  const grantItem = { PK: `WS#${WS}`, SK: `GRANT#${USER}#${DEVICE}`, workspaceId: WS, orgId: ORG, deviceId: DEVICE, userId: USER, access: 'read', grantedBy: 'a', grantedAt: '2026-01-01T00:00:00.000Z' };
  const batch = (...items: object[]) => ({ Responses: { 'tenancy-unit': items } });
  const get = () => getDevice(event({ pathParameters: { workspaceId: WS, deviceId: DEVICE }, claims: idClaims(USER) }), context());

  beforeEach(() => ddb.reset());

  it('GET a device costs one BatchGet that carries the device and the caller\'s grant, and shows no key hash', async () => {
    ddb.on(BatchGetCommand).resolves(batch(wsItem, profile({ [ORG]: 'member' }), deviceItem, grantItem));
    const res = await get();
    expect(res.statusCode).toBe(200);
    expect(res.headers?.ETag).toBe('"4"');
    expect(json(res)).toEqual({ id: DEVICE, name: 'd', description: null, simIccid: null, createdAt: '2026-01-01T00:00:00.000Z', lastSeenAt: null });
    expect(ddb.calls()).toHaveLength(1);
    const keys = ddb.commandCalls(BatchGetCommand)[0]!.args[0].input.RequestItems!['tenancy-unit']!.Keys!.map((k) => k.SK);
    expect(keys).toEqual(expect.arrayContaining(['META', `MEMBER#${USER}`, 'PROFILE', `DEVICE#${DEVICE}`, `GRANT#${USER}#${DEVICE}`]));
  });

  it('a grant of a user who is no longer in the org counts for nothing: 404', async () => {
    ddb.on(BatchGetCommand).resolves(batch(wsItem, profile({}), deviceItem, grantItem));
    const res = await get();
    expect(res.statusCode).toBe(404);
  });

  it('the device list of a caller with a role costs one BatchGet and one Query of devices, no grant lookup', async () => {
    ddb.on(BatchGetCommand).resolves(batch(wsItem, profile({ [ORG]: 'admin' })));
    ddb.on(QueryCommand).resolves({ Items: [deviceItem] });
    const res = await listDevices(event({ pathParameters: { workspaceId: WS }, claims: idClaims(USER) }), context());
    expect(res.statusCode).toBe(200);
    expect(json(res).items).toHaveLength(1);
    expect(ddb.commandCalls(QueryCommand)).toHaveLength(1);
    expect(ddb.commandCalls(QueryCommand)[0]!.args[0].input.ExpressionAttributeValues).toMatchObject({ ':prefix': 'DEVICE#' });
  });

  it('ingest without a device key answers 401 before touching the table', async () => {
    const res = await ingest(
      event({ method: 'POST', pathParameters: { workspaceId: WS, deviceName: 'd', streamName: 's' }, body: { t: 1 }, headers: { authorization: 'Bearer x' } }),
      context(),
    );
    expect(res.statusCode).toBe(401);
    expect(ddb.calls()).toHaveLength(0);
  });
});
