// Conference bindings in Hallway's SQLite file (table `conference_bindings`, migration 3).
import type { Platform } from '../shared/platforms.ts';
import type { SqliteDatabase } from '../store/open-database.ts';
import { type BindingRow, toBinding } from './binding-row.ts';
import type { Binding, BindingScope, BindingStore, ChannelPlace } from './binding-store.ts';

export class SqliteBindingStore implements BindingStore {
  constructor(private readonly db: SqliteDatabase) {}

  bind(binding: Binding): void {
    this.db
      .prepare(
        `INSERT INTO conference_bindings
           (platform, scope, target_id, workspace_id, conference_id, created_by, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (platform, scope, target_id) DO UPDATE SET
           workspace_id = excluded.workspace_id, conference_id = excluded.conference_id,
           created_by = excluded.created_by, created_at = excluded.created_at`,
      )
      .run(
        binding.platform,
        binding.scope,
        binding.targetId,
        binding.workspaceId ?? null,
        binding.conferenceId,
        binding.createdBy,
        binding.createdAt,
      );
  }

  unbind(platform: Platform, scope: BindingScope, targetId: string): boolean {
    return (
      this.db
        .prepare('DELETE FROM conference_bindings WHERE platform = ? AND scope = ? AND target_id = ?')
        .run(platform, scope, targetId).changes === 1
    );
  }

  lookup(place: ChannelPlace): Binding | undefined {
    // The channel's own binding sorts first ('channel' < 'workspace').
    const row = this.db
      .prepare(
        `SELECT * FROM conference_bindings
         WHERE platform = ? AND ((scope = 'channel' AND target_id = ?) OR (scope = 'workspace' AND target_id = ?))
         ORDER BY scope LIMIT 1`,
      )
      .get(place.platform, place.channelId, place.workspaceId ?? null) as BindingRow | undefined;
    return row === undefined ? undefined : toBinding(row);
  }

  list(platform: Platform, workspaceId?: string): Binding[] {
    const rows = this.db
      .prepare(
        `SELECT * FROM conference_bindings
         WHERE platform = ? AND (? IS NULL OR workspace_id = ? OR (scope = 'workspace' AND target_id = ?))
         ORDER BY created_at, target_id`,
      )
      .all(platform, workspaceId ?? null, workspaceId ?? null, workspaceId ?? null) as BindingRow[];
    return rows.map(toBinding);
  }
}
