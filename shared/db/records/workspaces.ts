/** The workspace item: its key, and its entry among its organization's workspaces (GSI1). */
import { workspaceDefaults, type Workspace } from '#domain/workspaces.js';
import { byOwner, keys } from '#db/keys.js';
import { recordKind } from '#db/records/record-kind.js';

export const workspaceRecord = recordKind<Workspace>()({
  type: 'Workspace',
  key: (w) => keys.workspace(w.id),
  required: ['id', 'orgId', 'name', 'createdBy', 'createdAt'],
  defaults: workspaceDefaults,
  derived: (w) => byOwner.orgWorkspace(w.orgId, w.id),
});
export const { item: workspaceItem, from: toWorkspace } = workspaceRecord;
