/**
 * The route table's devices, streams, data rows. functions/routes.ts joins every part; a handler imports only its
 * own part, so its function builds only these rows' schemas (issue 15).
 */
import type { RouteSpec } from '#http/route.js';
import { read, write } from '#functions/routes/permissions.js';
import { page } from '#http/resources/common.js';
import { CreatedDevice, Device, DeviceCreateBody, DeviceGrant, DeviceGrantBody, DeviceGrantParams, DeviceListParams, DeviceListQuery, DeviceParams, DevicePatchBody } from '#http/resources/devices.js';
import { IngestAccepted, IngestBody, IngestParams, Stream, StreamCreateBody, StreamListParams, StreamListQuery, StreamParams } from '#http/resources/streams.js';

export const devicesRoutes = {
  'GET /workspaces/{workspaceId}/devices': {
    handler: 'devices/list', auth: 'user', scope: 'device', action: 'device.read', tag: 'Devices',
    summary: "The workspace's devices (a caller with per-device grants only: the granted ones)", params: DeviceListParams,
    query: DeviceListQuery, status: 200, response: page(Device), answers: {}, permissions: read,
  },
  'POST /workspaces/{workspaceId}/devices': {
    handler: 'devices/create', auth: 'user', scope: 'device', action: 'device.create', tag: 'Devices',
    summary: 'Create a device (name unique in the workspace); its key is shown in this answer only', params: DeviceListParams,
    body: DeviceCreateBody, status: 201, response: CreatedDevice, idempotent: true, answers: { 409: ['conflict'] }, etag: true, location: true, permissions: write,
  },
  'GET /workspaces/{workspaceId}/devices/{deviceId}': {
    handler: 'devices/get', auth: 'user', scope: 'device', action: 'device.read', tag: 'Devices',
    summary: 'A device', params: DeviceParams, status: 200, response: Device, answers: {}, etag: true, permissions: read,
  },
  'PATCH /workspaces/{workspaceId}/devices/{deviceId}': {
    handler: 'devices/patch', auth: 'user', scope: 'device', action: 'device.write', tag: 'Devices',
    summary: 'Rename or describe a device (If-Match honoured)', params: DeviceParams, body: DevicePatchBody, status: 200,
    response: Device, answers: { 409: ['conflict'] }, etag: true, permissions: write,
  },
  'DELETE /workspaces/{workspaceId}/devices/{deviceId}': {
    handler: 'devices/delete', auth: 'user', scope: 'device', action: 'device.delete', tag: 'Devices',
    summary: 'Delete a device with its grants', params: DeviceParams, status: 204, response: null, answers: { 409: ['conflict'] }, permissions: write,
  },
  'GET /workspaces/{workspaceId}/devices/{deviceId}/grants': {
    handler: 'devices/grants-list', auth: 'user', scope: 'device', action: 'device.readGrants', tag: 'Devices',
    summary: 'Who has access to this one device (its per-device grants, in one page: nextCursor is always null)', params: DeviceParams,
    status: 200, response: page(DeviceGrant), answers: {}, permissions: read,
  },
  'PUT /workspaces/{workspaceId}/devices/{deviceId}/grants/{userId}': {
    handler: 'devices/grants-put', auth: 'user', scope: 'device', action: 'device.grant', tag: 'Devices',
    summary: 'Give an org member read or write access to this one device', params: DeviceGrantParams, body: DeviceGrantBody,
    status: 200, response: DeviceGrant, answers: { 409: ['conflict', 'quota_exceeded'] }, permissions: write,
  },
  'DELETE /workspaces/{workspaceId}/devices/{deviceId}/grants/{userId}': {
    handler: 'devices/grants-delete', auth: 'user', scope: 'device', action: 'device.grant', tag: 'Devices',
    summary: "Take a user's access to this device away", params: DeviceGrantParams, status: 204, response: null, answers: {}, permissions: write,
  },
  'GET /workspaces/{workspaceId}/streams': {
    handler: 'streams/list', auth: 'user', scope: 'workspace', action: 'workspace.read', tag: 'Devices',
    summary: "The workspace's streams, by name", params: StreamListParams, query: StreamListQuery, status: 200,
    response: page(Stream), answers: {}, permissions: read,
  },
  'POST /workspaces/{workspaceId}/streams': {
    handler: 'streams/create', auth: 'user', scope: 'workspace', action: 'workspace.writeAssets', tag: 'Devices',
    summary: 'Create a stream (name unique in the workspace)', params: StreamListParams, body: StreamCreateBody, status: 201,
    response: Stream, idempotent: true, answers: { 409: ['conflict'] }, location: true, permissions: write,
  },
  'DELETE /workspaces/{workspaceId}/streams/{streamName}': {
    handler: 'streams/delete', auth: 'user', scope: 'workspace', action: 'workspace.deleteAssets', tag: 'Devices',
    summary: 'Delete a stream', params: StreamParams, status: 204, response: null, answers: {}, permissions: write,
  },
  'POST /ingest/{workspaceId}/devices/{deviceName}/streams/{streamName}': {
    handler: 'ingest/post', auth: 'device', scope: 'public', tag: 'Devices',
    summary: 'A device sends a JSON document to a stream of its workspace (Authorization: Device <deviceKey>)',
    params: IngestParams, body: IngestBody, status: 202, response: IngestAccepted, answers: { 423: ['workspace_disabled'] }, permissions: write,
  },
} satisfies Record<string, RouteSpec>;
