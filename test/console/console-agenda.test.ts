// The console's agenda: the local user's stars, kept in the database file across runs, opened only when needed.
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runConsole } from '../../adapters/console/console-adapter.ts';
import { createConsoleAgenda } from '../../adapters/console/console-agenda.ts';
import { agendaEngine, DAY_ONE_0800 } from '../agenda/agenda-fixture.ts';
import { captureLogger } from '../helpers/capture-logger.ts';
import { captureIo } from '../helpers/streams.ts';

const engine = agendaEngine(() => DAY_ONE_0800);

async function session(databasePath: string, lines: string): Promise<string> {
  const io = captureIo(lines);
  const agenda = createConsoleAgenda({
    store: { sqlitePath: databasePath },
    engine: () => engine,
    output: io.stdout,
    logger: captureLogger().logger,
    clock: () => DAY_ONE_0800,
  });
  await runConsole({
    ask: (question) => agenda.reply(engine.ask(question)),
    input: io.stdin,
    output: io.stdout,
    interactive: false,
  });
  await agenda.close();
  return io.out();
}

describe('the console agenda', () => {
  it("keeps the local user's agenda in the database, across runs", async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'hallway-console-')), 'hallway.db');
    const first = await session(path, 'when is the tiles talk?\nadd the tiles talk to my agenda\n');
    expect(existsSync(path)).toBe(true);
    expect(first).toContain('Added “Azulejo tiles and immutable infrastructure” to your agenda');
    const second = await session(path, "what's on my agenda?\n");
    expect(second).toContain('Your agenda: 1 session in time order');
    expect(second).toContain('Azulejo tiles');
  });

  it('creates no database file for a console that asks no agenda question', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'hallway-console-')), 'hallway.db');
    const out = await session(path, 'when is the tiles talk?\n');
    expect(out).toContain('Azulejo tiles');
    expect(existsSync(path)).toBe(false);
  });

  it('says the agenda is unavailable when the database cannot be opened, and goes on answering', async () => {
    const out = await session(
      '/proc/hallway-cannot-write-here/hallway.db',
      'show my agenda\nwhen is the tiles talk?\n',
    );
    expect(out).toContain('Your agenda is not available here: Hallway could not open its database');
    expect(out).toContain('Azulejo tiles');
  });
});
