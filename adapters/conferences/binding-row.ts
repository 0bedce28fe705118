// A `conference_bindings` row as either engine returns it, its conversion to a `Binding`, and the upsert both
// engines run, written once with the engine's placeholders.
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

/** Sets (or replaces) a binding; `placeholders` are the engine's seven (`?` or `$1`…`$7`). */
export function upsertBindingSql(placeholders: readonly string[]): string {
  return `INSERT INTO conference_bindings
           (platform, scope, target_id, workspace_id, conference_id, created_by, created_at)
         VALUES (${placeholders.join(', ')})
         ON CONFLICT (platform, scope, target_id) DO UPDATE SET
           workspace_id = excluded.workspace_id, conference_id = excluded.conference_id,
           created_by = excluded.created_by, created_at = excluded.created_at`;
}

/** The upsert's values, in its placeholders' order. */
export function bindingValues(binding: Binding): Array<string | number | null> {
  return [
    binding.platform,
    binding.scope,
    binding.targetId,
    binding.workspaceId ?? null,
    binding.conferenceId,
    binding.createdBy,
    binding.createdAt,
  ];
}
