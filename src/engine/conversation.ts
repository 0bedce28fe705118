// What a follow-up question ("when is it?", "what else is she giving?") can refer to: the previous answer's
// first result, with its people, organisations and room. Adapters keep it per conversation and pass it back.
import { z } from 'zod';
import type { Answer, AnswerResult } from '../answer/answer.ts';
import type { Catalog } from '../model/catalog.ts';

export const ConversationFocusSchema = z.object({
  type: z.enum(['session', 'person', 'organization', 'announcement', 'project', 'term']),
  /** The record's title or name, to look it up again. */
  subject: z.string().min(1),
  people: z.array(z.string()).default([]),
  organizations: z.array(z.string()).default([]),
  /** The room of the session (or of the person's first session): "who else spoke there?". */
  place: z.string().optional(),
  /** The title of the session the record is about: itself, or a person's first session. */
  session: z.string().optional(),
});
export type ConversationFocus = z.infer<typeof ConversationFocusSchema>;

/** The context one conversation carries from answer to answer. Plain JSON, so adapters can store it anywhere. */
export const ConversationContextSchema = z.object({ focus: ConversationFocusSchema.optional() });
export type ConversationContext = z.infer<typeof ConversationContextSchema>;

/** Reads a stored context; anything malformed is no context rather than an error. */
export function parseConversationContext(value: unknown): ConversationContext {
  const parsed = ConversationContextSchema.safeParse(value);
  return parsed.success ? parsed.data : {};
}

/** The context after an answer: its first result, or the previous context when it found nothing. */
export function contextAfter(
  catalog: Catalog,
  results: Answer['results'],
  previous: ConversationContext | undefined,
): ConversationContext {
  const first = results[0];
  if (first === undefined) return previous ?? {};
  return { focus: focusOf(catalog, first) };
}

function focusOf(catalog: Catalog, result: AnswerResult): ConversationFocus {
  const personSession = result.type === 'person' ? catalog.sessionsByPerson.get(result.id)?.[0] : undefined;
  const organizationSession =
    result.type === 'organization' ? catalog.sessionsByOrganization.get(result.id)?.[0] : undefined;
  const session = personSession ?? organizationSession;
  const place = result.where ?? session?.room;
  const sessionTitle = result.type === 'session' ? result.title : session?.title;
  return {
    type: result.type,
    subject: result.title,
    people: [...result.people],
    organizations: [...result.organizations],
    ...(place === undefined ? {} : { place }),
    ...(sessionTitle === undefined ? {} : { session: sessionTitle }),
  };
}
