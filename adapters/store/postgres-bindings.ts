// The PostgreSQL `BindingStore`: the channels' and workspaces' conferences, the same table as SQLite's.
import type pg from 'pg';
import { type BindingRow, toBinding } from '../conferences/binding-row.ts';
import type { BindingStore } from '../conferences/binding-store.ts';

export function postgresBindings(pool: pg.Pool): BindingStore {
  return {
    async bind(binding) {
      await pool.query(
        `INSERT INTO conference_bindings
           (platform, scope, target_id, workspace_id, conference_id, created_by, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (platform, scope, target_id) DO UPDATE SET
           workspace_id = excluded.workspace_id, conference_id = excluded.conference_id,
           created_by = excluded.created_by, created_at = excluded.created_at`,
        [
          binding.platform,
          binding.scope,
          binding.targetId,
          binding.workspaceId ?? null,
          binding.conferenceId,
          binding.createdBy,
          binding.createdAt,
        ],
      );
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
