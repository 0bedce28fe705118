// Which conference a channel, or a whole workspace (a Discord server, a Slack team), answers about. The interface
// the commands and the router use; part of the one store: `sqlite-binding-store.ts` or `postgres-bindings.ts`.
import type { Platform } from '../shared/platforms.ts';
import type { Awaitable } from '../store/store.ts';

/** A binding covers one channel, or every channel of a workspace that has no binding of its own. */
export type BindingScope = 'channel' | 'workspace';

export interface Binding {
  readonly platform: Platform;
  readonly scope: BindingScope;
  /** The channel id, or the workspace (team, guild) id for a workspace binding. */
  readonly targetId: string;
  /** The channel's workspace, when known; `list` shows one workspace's bindings. */
  readonly workspaceId?: string;
  readonly conferenceId: string;
  readonly createdBy: string;
  readonly createdAt: number;
}

/** Where a question or command comes from. */
export interface ChannelPlace {
  readonly platform: Platform;
  readonly channelId: string;
  readonly workspaceId?: string;
}

export interface BindingStore {
  /** Sets (or replaces) the binding of a channel or workspace. */
  bind(binding: Binding): Awaitable<void>;
  /** Removes a binding; false when there was none. */
  unbind(platform: Platform, scope: BindingScope, targetId: string): Awaitable<boolean>;
  /** The channel's own binding, else its workspace's; undefined when neither is bound. */
  lookup(place: ChannelPlace): Awaitable<Binding | undefined>;
  /** The platform's bindings (one workspace's, when given), oldest first. */
  list(platform: Platform, workspaceId?: string): Awaitable<Binding[]>;
}
