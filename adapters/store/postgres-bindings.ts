// The PostgreSQL `BindingStore`: the channels' and workspaces' conferences, the same table as SQLite's.
import type pg from 'pg';
import { type BindingRow, bindingValues, toBinding, upsertBindingSql } from '../conferences/binding-row.ts';
import type { BindingStore } from '../conferences/binding-store.ts';

export function postgresBindings(pool: pg.Pool): BindingStore {
  return {
    async bind(binding) {
      const placeholders = Array.from({ length: 7 }, (_, index) => `$${index + 1}`);
      await pool.query(upsertBindingSql(placeholders), bindingValues(binding));
    },
    async unbind(platform, scope, targetId) {
      const removed = await pool.query(
        'DELETE FROM conference_bindings WHERE platform = $1 AND scope = $2 AND target_id = $3',
        [platform, scope, targetId],
      );
      return removed.rowCount === 1;
    },
    async lookup(place) {
      // The channel's own binding sorts first ('channel' < 'workspace').
      const found = await pool.query<BindingRow>(
        `SELECT * FROM conference_bindings
         WHERE platform = $1 AND ((scope = 'channel' AND target_id = $2) OR (scope = 'workspace' AND target_id = $3))
         ORDER BY scope LIMIT 1`,
        [place.platform, place.channelId, place.workspaceId ?? null],
      );
      const row = found.rows[0];
      return row === undefined ? undefined : toBinding(row);
    },
    async list(platform, workspaceId) {
      const found = await pool.query<BindingRow>(
        `SELECT * FROM conference_bindings
         WHERE platform = $1 AND ($2::text IS NULL OR workspace_id = $2 OR (scope = 'workspace' AND target_id = $2))
         ORDER BY created_at, target_id`,
        [platform, workspaceId ?? null],
      );
      return found.rows.map(toBinding);
    },
  };
}
