// The CLI on a file listing conferences: --conference picks one (the file's default otherwise); wrong use is named.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../adapters/cli/main.ts';
import { DEFAULT_DATASET, MINI_CONF } from '../helpers/engines.ts';
import { captureIo } from '../helpers/streams.ts';

const folder = mkdtempSync(join(tmpdir(), 'hallway-cli-conferences-'));
const file = join(folder, 'conferences.json');
writeFileSync(
  file,
  JSON.stringify({
    conferences: [
      { id: 'kubecon-eu-2026', name: 'KubeCon EU 2026', sources: [{ path: DEFAULT_DATASET }] },
      { id: 'mini-conf', name: 'Mini Conf 2027', sources: [{ path: MINI_CONF }] },
    ],
  }),
);

async function cli(...args: string[]) {
  const io = captureIo('');
  const code = await runCli(args, io);
  return { code, out: io.out(), err: io.err() };
}

describe('hallway ask --config with a file listing conferences', () => {
  it('answers from the default conference, or from the one --conference names', async () => {
    const byDefault = await cli('ask', '--config', file, 'what rooms are there?');
    expect(byDefault.code).toBe(0);
    expect(byDefault.out).toContain('Hall 12');
    const mini = await cli('ask', '--config', file, '--conference', 'mini-conf', 'what rooms are there?');
    expect(mini.code).toBe(0);
    expect(mini.out).toContain('Room Azul');
    expect(mini.out).not.toContain('Hall 12');
  });

  it('names an unknown conference and the ones the file lists; --conference without such a file is refused', async () => {
    const unknown = await cli('ask', '--config', file, '--conference', 'fosdem-2026', 'hi');
    expect(unknown.code).toBe(1);
    expect(unknown.err).toContain(
      `${file}: no conference "fosdem-2026" (it lists kubecon-eu-2026, mini-conf)`,
    );
    const alone = await cli('stats', '--conference', 'mini-conf');
    expect(alone.code).toBe(1);
    expect(alone.err).toContain('--conference needs --config with a file that lists conferences');
  });
});
