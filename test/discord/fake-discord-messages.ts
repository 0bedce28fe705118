// Message bodies as the fake Discord handles them: refused when they break a limit, else stored as Discord would.
import { BOT_USER, nextId } from './fake-discord-world.ts';
import { limitProblems } from './message-limits.ts';

/** Discord's answer to a message body: 400 (Invalid Form Body, code 50035) when it breaks a limit, else `ok`. */
export function checked(body: unknown, ok: () => unknown, status = 200): { status: number; body?: unknown } {
  const problems = limitProblems(body);
  if (problems.length > 0)
    return { status: 400, body: { message: 'Invalid Form Body', code: 50035, errors: problems } };
  const result = ok();
  return result === undefined ? { status } : { status, body: result };
}

/** The message Discord would store for a create or edit body. */
export function messageFrom(body: unknown, channelId: string, id = nextId()): object {
  const payload = (body ?? {}) as { content?: string; embeds?: unknown[]; flags?: number };
  return {
    id,
    channel_id: channelId,
    author: BOT_USER,
    content: payload.content ?? '',
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    tts: false,
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    attachments: [],
    embeds: payload.embeds ?? [],
    pinned: false,
    type: 0,
    flags: payload.flags ?? 0,
    components: [],
  };
}
