// The adapters' follow-up memory: per conversation, bounded in size and in age, under an injected clock; backed by
// the store, two memories (two replicas) share a conversation, and a failing store costs the context, not the answer.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConversationMemory } from '../../adapters/shared/conversation-memory.ts';
import { openSqliteStore } from '../../adapters/store/sqlite-store.ts';
import type { ContextEntries } from '../../adapters/store/store.ts';
import type { Answer } from '../../src/index.ts';
import { captureLogger } from '../helpers/capture-logger.ts';

function answerAbout(subject: string): Answer {
  return {
    question: subject,
    intent: 'identify',
    answered: true,
    title: subject,
    blocks: [],
    results: [],
    text: subject,
    context: { focus: { type: 'person', subject, people: [subject], organizations: [] } },
  };
}

describe('ConversationMemory', () => {
  it('gives each conversation its own previous answer', async () => {
    const memory = new ConversationMemory();
    await memory.remember('thread-a', answerAbout('Ada'));
    await memory.remember('thread-b', answerAbout('Grace'));
    expect((await memory.optionsFor('thread-a')).context?.focus?.subject).toBe('Ada');
    expect((await memory.optionsFor('thread-b')).context?.focus?.subject).toBe('Grace');
    expect(await memory.optionsFor('thread-c')).toEqual({});
  });

  it('forgets a conversation that went quiet for longer than its age limit', async () => {
    let now = 0;
    const memory = new ConversationMemory({ maxAgeMs: 60_000, now: () => now });
    await memory.remember('dm', answerAbout('Ada'));
    now = 59_000;
    expect((await memory.optionsFor('dm')).context).toBeDefined();
    now = 200_000;
    expect(await memory.optionsFor('dm')).toEqual({});
  });

  it('keeps at most its limit, forgetting the least recently used first', async () => {
    const memory = new ConversationMemory({ maxConversations: 2 });
    await memory.remember('a', answerAbout('A'));
    await memory.remember('b', answerAbout('B'));
    await memory.remember('a', answerAbout('A2'));
    await memory.remember('c', answerAbout('C'));
    expect(memory.size).toBe(2);
    expect(await memory.optionsFor('b')).toEqual({});
    expect((await memory.optionsFor('a')).context?.focus?.subject).toBe('A2');
  });

  it('asks with the context and remembers the answer’s', async () => {
    const memory = new ConversationMemory();
    const seen: unknown[] = [];
    await memory.ask('x', 'who is Ada?', (_question, options) => {
      seen.push(options.context);
      return answerAbout('Ada');
    });
    await memory.ask('x', 'when is it?', (_question, options) => {
      seen.push(options.context);
      return answerAbout('Ada');
    });
    expect(seen[0]).toBeUndefined();
    expect(seen[1]).toMatchObject({ focus: { subject: 'Ada' } });
  });

  it('in the store, shares a conversation between two replicas, and expires it there', async () => {
    const store = openSqliteStore(join(mkdtempSync(join(tmpdir(), 'hallway-memory-')), 'hallway.db'));
    let now = 1_000_000;
    const replica = () =>
      new ConversationMemory({ store: () => store.context, now: () => now, maxAgeMs: 60_000 });
    const [one, two] = [replica(), replica()];
    await one.remember('slack:T1:C1:1.0', answerAbout('Ada'));
    expect((await two.optionsFor('slack:T1:C1:1.0')).context?.focus?.subject).toBe('Ada');
    expect(one.size).toBe(0);
    now += 61_000;
    expect(await two.optionsFor('slack:T1:C1:1.0')).toEqual({});
    await store.close();
  });

  it('answers without the context when the store fails, saying so in the log', async () => {
    const broken: ContextEntries = {
      get: () => Promise.reject(new Error('connection lost')),
      put: () => Promise.reject(new Error('connection lost')),
      delete: () => undefined,
      purge: () => 0,
    };
    const { logger, lines } = captureLogger();
    const memory = new ConversationMemory({ store: () => broken, logger });
    await memory.remember('x', answerAbout('Ada'));
    expect(await memory.optionsFor('x')).toEqual({});
    expect(lines().map((line) => line.msg)).toEqual([
      'conversation context could not be kept',
      'conversation context could not be read; answering without it',
    ]);
  });
});
