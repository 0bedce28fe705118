// Conference bindings in Hallway's SQLite file (table `conference_bindings`, migration 3).
import type { Platform } from '../shared/platforms.ts';
import type { SqliteDatabase } from '../store/open-database.ts';
import { type BindingRow, bindingValues, toBinding, upsertBindingSql } from './binding-row.ts';
import type { Binding, BindingScope, BindingStore, ChannelPlace } from './binding-store.ts';

export class SqliteBindingStore implements BindingStore {
  constructor(private readonly db: SqliteDatabase) {}

  bind(binding: Binding): void {
    this.db.prepare(upsertBindingSql(Array(7).fill('?'))).run(...bindingValues(binding));
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
