// A `conference_bindings` row as either engine returns it, and its conversion to a `Binding`.
import type { Platform } from '../shared/platforms.ts';
import type { Binding, BindingScope } from './binding-store.ts';

export interface BindingRow {
  platform: Platform;
  scope: BindingScope;
  target_id: string;
  workspace_id: string | null;
  conference_id: string;
  created_by: string;
  created_at: number;
}

export function toBinding(row: BindingRow): Binding {
  return {
    platform: row.platform,
    scope: row.scope,
    targetId: row.target_id,
    conferenceId: row.conference_id,
    createdBy: row.created_by,
    createdAt: row.created_at,
    ...(row.workspace_id === null ? {} : { workspaceId: row.workspace_id }),
  };
}
