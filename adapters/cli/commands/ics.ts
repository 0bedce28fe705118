// `hallway ics SESSION_ID… [--data PATH|URL]…`: an .ics calendar of those sessions on stdout, as the bot sends it.
import { agendaIcs } from '../../agenda/agenda-ics.ts';
import type { CommandIo } from '../command-io.ts';
import { type DataSelection, openSelectedData } from '../open-selected-data.ts';

export interface IcsCommandOptions extends DataSelection {
  readonly sessionIds: readonly string[];
  /** --now: the calendar's stamp; the real clock otherwise. */
  readonly now?: number;
}

/** Writes the .ics; a session id the data does not have, or one without a time, is named and exits 1. */
export async function icsCommand(options: IcsCommandOptions, io: CommandIo): Promise<number> {
  if (options.sessionIds.length === 0) {
    io.stderr.write(
      'ics needs at least one session id, e.g. `npm run --silent hallway -- ics SESSION_ID`.\n',
    );
    return 2;
  }
  const live = await openSelectedData(options, io, options.now);
  if (typeof live === 'number') return live;
  const exported = agendaIcs(live.current().catalog, options.sessionIds, options.now ?? Date.now());
  const problems = [
    ...exported.unknown.map((id) => `no session has the id "${id}"`),
    ...exported.untimed.map((id) => `the session "${id}" has no time in the schedule`),
  ];
  if (problems.length > 0) {
    io.stderr.write(`Cannot write the calendar: ${problems.join('; ')}.\n`);
    return 1;
  }
  io.stdout.write(exported.ics);
  return 0;
}
