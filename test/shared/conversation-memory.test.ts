// The adapters' follow-up memory: per conversation, bounded in size and in age, under an injected clock.
import { describe, expect, it } from 'vitest';
import { ConversationMemory } from '../../adapters/shared/conversation-memory.ts';
import type { Answer } from '../../src/index.ts';

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
  it('gives each conversation its own previous answer', () => {
    const memory = new ConversationMemory();
    memory.remember('thread-a', answerAbout('Ada'));
    memory.remember('thread-b', answerAbout('Grace'));
    expect(memory.optionsFor('thread-a').context?.focus?.subject).toBe('Ada');
    expect(memory.optionsFor('thread-b').context?.focus?.subject).toBe('Grace');
    expect(memory.optionsFor('thread-c')).toEqual({});
  });

  it('forgets a conversation that went quiet for longer than its age limit', () => {
    let now = 0;
    const memory = new ConversationMemory({ maxAgeMs: 60_000, now: () => now });
    memory.remember('dm', answerAbout('Ada'));
    now = 59_000;
    expect(memory.optionsFor('dm').context).toBeDefined();
    now = 200_000;
    expect(memory.optionsFor('dm')).toEqual({});
  });

  it('keeps at most its limit, forgetting the least recently used first', () => {
    const memory = new ConversationMemory({ maxConversations: 2 });
    memory.remember('a', answerAbout('A'));
    memory.remember('b', answerAbout('B'));
    memory.remember('a', answerAbout('A2'));
    memory.remember('c', answerAbout('C'));
    expect(memory.size).toBe(2);
    expect(memory.optionsFor('b')).toEqual({});
    expect(memory.optionsFor('a').context?.focus?.subject).toBe('A2');
  });

  it('asks with the context and remembers the answer’s', () => {
    const memory = new ConversationMemory();
    const seen: unknown[] = [];
    memory.ask('x', 'who is Ada?', (_question, options) => {
      seen.push(options.context);
      return answerAbout('Ada');
    });
    memory.ask('x', 'when is it?', (_question, options) => {
      seen.push(options.context);
      return answerAbout('Ada');
    });
    expect(seen[0]).toBeUndefined();
    expect(seen[1]).toMatchObject({ focus: { subject: 'Ada' } });
  });
});
