// `hallway digest [--date YYYY-MM-DD] [--now TIME] [--evening] [--json] [--data PATH|URL]…`: one day's digest, as posted.
import { answerJson } from '../answer-json.ts';
import type { CommandIo } from '../command-io.ts';
import { type DataSelection, openSelectedData } from '../open-selected-data.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

export interface DigestCommandOptions extends DataSelection {
  /** The day; today in the conference's zone when omitted. */
  readonly date?: string;
  readonly evening: boolean;
  readonly json: boolean;
  /** --now: the moment to take "today" and "the last day's changes" from; the real clock otherwise. */
  readonly now?: number;
}

export async function digestCommand(options: DigestCommandOptions, io: CommandIo): Promise<number> {
  const live = await openSelectedData(options, io, options.now);
  if (typeof live === 'number') return live;
  const engine = live.current();
  const now = options.now ?? Date.now();
  const date =
    options.date ??
    new Intl.DateTimeFormat('en-CA', { timeZone: engine.catalog.conference.timeZone }).format(new Date(now));
  // The engine lists the sources' schedule changes of the last day, read back from the change log.
  const answer = engine.digest({
    date,
    kind: options.evening ? 'evening' : 'morning',
    changesSince: now - DAY_MS,
  });
  io.stdout.write(options.json ? `${answerJson(answer)}\n` : `${answer.text}\n`);
  return 0;
}
