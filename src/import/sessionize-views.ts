// Reads Sessionize's three API views ("All", "Sessions", "Speakers") into one shape the importer works from.
import { z } from 'zod';

/** A session as every view can give it; the "Speakers" view knows only its id and title. */
export interface SessionizeSession {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  /** Local wall-clock time with no offset ("2026-10-03T10:15:00"). */
  readonly startsAt?: string;
  readonly endsAt?: string;
  readonly isServiceSession: boolean;
  readonly isPlenumSession: boolean;
  readonly speakerIds: readonly string[];
  /** Each category the session is filed under, by the category's title ("Which track…?"), with its items. */
  readonly categories: ReadonlyArray<{ readonly title: string; readonly items: readonly string[] }>;
  readonly room?: string;
}

export interface SessionizeSpeaker {
  readonly id: string;
  readonly fullName: string;
  readonly tagLine: string;
  readonly bio: string;
  /** The organiser's own speaker questions, answered: question text → answer ("Company" → "Contoso"). */
  readonly answers?: ReadonlyMap<string, string>;
}

/** One Sessionize export, whichever view it came from. */
export interface SessionizeData {
  readonly view: 'all' | 'sessions' | 'speakers';
  readonly sessions: readonly SessionizeSession[];
  readonly speakers: readonly SessionizeSpeaker[];
}

const Id = z.union([z.string(), z.number()]).transform(String);
const Text = z
  .string()
  .nullish()
  .transform((value) => value ?? '');
const LocalTime = z
  .string()
  .nullish()
  .transform((value) => value ?? undefined);

const SessionFields = {
  id: Id,
  title: Text,
  description: Text,
  startsAt: LocalTime,
  endsAt: LocalTime,
  isServiceSession: z.boolean().nullish(),
  isPlenumSession: z.boolean().nullish(),
  roomId: Id.nullish(),
};

const SpeakerFields = {
  id: Id,
  fullName: Text,
  firstName: Text.optional(),
  lastName: Text.optional(),
  tagLine: Text,
  bio: Text,
};

const AnswerSchema = z.looseObject({ questionId: Id, answerValue: Text });

const AllSchema = z.looseObject({
  questions: z.array(z.looseObject({ id: Id, question: Text })).default([]),
  sessions: z.array(
    z.looseObject({
      ...SessionFields,
      speakers: z.array(Id).default([]),
      categoryItems: z.array(Id).default([]),
    }),
  ),
  speakers: z.array(z.looseObject({ ...SpeakerFields, questionAnswers: z.array(AnswerSchema).default([]) })),
  categories: z
    .array(z.looseObject({ title: Text, items: z.array(z.looseObject({ id: Id, name: Text })) }))
    .default([]),
  rooms: z.array(z.looseObject({ id: Id, name: Text })).default([]),
});

const NamedRef = z.looseObject({ id: Id, name: Text });

const GroupsSchema = z.array(
  z.looseObject({
    groupName: Text.optional(),
    sessions: z.array(
      z.looseObject({
        ...SessionFields,
        room: Text.optional(),
        speakers: z.array(NamedRef).default([]),
        categories: z
          .array(z.looseObject({ name: Text, categoryItems: z.array(NamedRef).default([]) }))
          .default([]),
      }),
    ),
  }),
);

const SpeakersSchema = z.array(z.looseObject({ ...SpeakerFields, sessions: z.array(NamedRef).default([]) }));

/** Which view the parsed JSON is, judged by its shape; undefined when it is no Sessionize export. */
export function sessionizeView(json: unknown): SessionizeData['view'] | undefined {
  if (json === null || typeof json !== 'object') return undefined;
  if (!Array.isArray(json)) {
    return 'sessions' in json && 'speakers' in json && 'rooms' in json && 'categories' in json
      ? 'all'
      : undefined;
  }
  const first: unknown = json[0];
  if (first === null || typeof first !== 'object') return undefined;
  if ('groupName' in first && 'sessions' in first) return 'sessions';
  if ('fullName' in first && 'tagLine' in first && 'sessions' in first) return 'speakers';
  return undefined;
}

/** The export in one shape; throws a zod error naming the field when the view's shape is broken. */
export function readSessionize(json: unknown): SessionizeData {
  const view = sessionizeView(json);
  switch (view) {
    case 'all':
      return readAll(AllSchema.parse(json));
    case 'sessions':
      return readGroups(GroupsSchema.parse(json));
    case 'speakers':
      return readSpeakers(SpeakersSchema.parse(json));
    case undefined:
      throw new Error('not a Sessionize export ("All", "Sessions" or "Speakers" view)');
  }
}

function readAll(all: z.infer<typeof AllSchema>): SessionizeData {
  const rooms = new Map(all.rooms.map((room) => [room.id, room.name]));
  const itemCategory = new Map<string, { title: string; name: string }>();
  for (const category of all.categories) {
    for (const item of category.items) itemCategory.set(item.id, { title: category.title, name: item.name });
  }
  const sessions = all.sessions.map((session): SessionizeSession => {
    const byTitle = new Map<string, string[]>();
    for (const id of session.categoryItems) {
      const item = itemCategory.get(id);
      if (item !== undefined) byTitle.set(item.title, [...(byTitle.get(item.title) ?? []), item.name]);
    }
    const room =
      session.roomId === null || session.roomId === undefined ? undefined : rooms.get(session.roomId);
    return {
      ...sessionBasics(session),
      speakerIds: session.speakers,
      categories: [...byTitle].map(([title, items]) => ({ title, items })),
      ...(room === undefined ? {} : { room }),
    };
  });
  const questions = new Map(all.questions.map((question) => [question.id, question.question]));
  const speakers = all.speakers.map((speaker): SessionizeSpeaker => {
    const answers = new Map<string, string>();
    for (const { questionId, answerValue } of speaker.questionAnswers) {
      const question = questions.get(questionId);
      if (question !== undefined && answerValue.trim().length > 0) answers.set(question, answerValue.trim());
    }
    return { ...speakerBasics(speaker), ...(answers.size === 0 ? {} : { answers }) };
  });
  return { view: 'all', sessions, speakers };
}

function readGroups(groups: z.infer<typeof GroupsSchema>): SessionizeData {
  const sessions = new Map<string, SessionizeSession>();
  const speakers = new Map<string, SessionizeSpeaker>();
  for (const group of groups) {
    for (const session of group.sessions) {
      for (const speaker of session.speakers) {
        if (!speakers.has(speaker.id))
          speakers.set(speaker.id, { id: speaker.id, fullName: speaker.name, tagLine: '', bio: '' });
      }
      // A session grouped by day and by track appears once per group.
      if (sessions.has(session.id)) continue;
      sessions.set(session.id, {
        ...sessionBasics(session),
        speakerIds: session.speakers.map((speaker) => speaker.id),
        categories: session.categories.map((category) => ({
          title: category.name,
          items: category.categoryItems.map((item) => item.name),
        })),
        ...(session.room === undefined || session.room.length === 0 ? {} : { room: session.room }),
      });
    }
  }
  return { view: 'sessions', sessions: [...sessions.values()], speakers: [...speakers.values()] };
}

function readSpeakers(list: z.infer<typeof SpeakersSchema>): SessionizeData {
  const sessions = new Map<string, { title: string; speakerIds: string[] }>();
  for (const speaker of list) {
    for (const session of speaker.sessions) {
      const entry = sessions.get(session.id) ?? { title: session.name, speakerIds: [] };
      entry.speakerIds.push(speaker.id);
      sessions.set(session.id, entry);
    }
  }
  return {
    view: 'speakers',
    // This view has no times, rooms or categories: the sessions are titles and speakers only.
    sessions: [...sessions].map(([id, { title, speakerIds }]) => ({
      id,
      title,
      description: '',
      isServiceSession: false,
      isPlenumSession: false,
      speakerIds,
      categories: [],
    })),
    speakers: list.map(speakerBasics),
  };
}

function sessionBasics(session: {
  id: string;
  title: string;
  description: string;
  startsAt: string | undefined;
  endsAt: string | undefined;
  isServiceSession?: boolean | null | undefined;
  isPlenumSession?: boolean | null | undefined;
}): Omit<SessionizeSession, 'speakerIds' | 'categories' | 'room'> {
  return {
    id: session.id,
    title: session.title.trim(),
    description: session.description,
    ...(session.startsAt === undefined ? {} : { startsAt: session.startsAt }),
    ...(session.endsAt === undefined ? {} : { endsAt: session.endsAt }),
    isServiceSession: session.isServiceSession === true,
    isPlenumSession: session.isPlenumSession === true,
  };
}

function speakerBasics(speaker: {
  id: string;
  fullName: string;
  firstName?: string | undefined;
  lastName?: string | undefined;
  tagLine: string;
  bio: string;
}): SessionizeSpeaker {
  const fullName = speaker.fullName.trim() || `${speaker.firstName ?? ''} ${speaker.lastName ?? ''}`.trim();
  return { id: speaker.id, fullName, tagLine: speaker.tagLine.trim(), bio: speaker.bio };
}
