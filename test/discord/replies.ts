// What Hallway sends back to an interaction, as the fake records it: the first response, the edited-in answer.
import type { RecordedRequest } from './fake-discord.ts';
import { APPLICATION_ID } from './fake-discord-world.ts';

/** An embed as Discord receives it. */
export type Embed = {
  title?: string;
  description?: string;
  url?: string;
  fields?: { name: string; value: string }[];
};

/** The first response to interaction `id` (a reply or a defer). */
export const callback = (id: string) => (request: RecordedRequest) =>
  request.method === 'POST' && request.path.startsWith(`/api/v10/interactions/${id}/`);

/** The edit of a deferred reply (PATCH @original). */
export const original = (token: string) => (request: RecordedRequest) =>
  request.method === 'PATCH' &&
  request.path === `/api/v10/webhooks/${APPLICATION_ID}/${token}/messages/@original`;

/** Every string an embed reply shows, to look for expected words. */
export function shown(embeds: readonly Embed[] = []): string {
  return embeds
    .flatMap((embed) => [
      embed.title,
      embed.description,
      ...(embed.fields ?? []).flatMap((f) => [f.name, f.value]),
    ])
    .join('\n');
}
