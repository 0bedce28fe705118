// `npm run hallway -- <command>`: the command-line front end to the engine and the dataset tools.
import { parseArgs } from 'node:util';
import { loadDotenvUnlessDisabled } from '../shared/load-dotenv.ts';
import type { CommandIo } from './command-io.ts';
import { askCommand } from './commands/ask.ts';
import { checkCommand } from './commands/check.ts';
import { digestCommand } from './commands/digest.ts';
import { icsCommand } from './commands/ics.ts';
import { snapshotCommand } from './commands/snapshot.ts';
import { statsCommand } from './commands/stats.ts';
import { validateCommand } from './commands/validate.ts';
import { checkDate, checkNow, checkTimeZone, type OptionCheck } from './option-values.ts';

const USAGE = `Usage: npm run --silent hallway -- <command> [options]

Commands:
  ask [QUESTION]        Answer QUESTION, or one question per line of stdin.
      --json            One JSON object per answer (JSON Lines).
      --data PATH|URL   Use this dataset or schedule instead of the default (repeatable; merged in order).
      --config FILE     Use the sources listed in a conference config file, or in a file listing conferences.
      --conference ID   With a file listing conferences: answer about this one (default: the file's default).
      --time-zone ZONE  The conference's IANA zone, for sources whose times have no offset (Sessionize).
      --now TIME        Answer as if it were TIME (ISO 8601), for "what's on now?".
      --context FILE    Keep the conversation in FILE, so a follow-up ("when is it?") refers to the last answer.
  stats                 Count sessions, people, organizations, rooms, tracks and days; say what the data covers.
      --data, --config, --conference, --time-zone  As for ask.
      --json            One JSON object.
  digest [--date YYYY-MM-DD] [--now TIME] [--evening] [--json]
                        The day's digest, as the bot posts it (default: today in the conference's zone).
      --data, --config, --conference, --time-zone  As for ask.
  ics SESSION_ID...     An .ics calendar of these sessions on stdout (UTC times, the zone named, stable UIDs).
      --data, --config, --time-zone  As for ask.
  check SOURCE... [--time-zone ZONE]
                        Read schedules as the bot would: format, counts, coverage, warnings, sample answers.
                        Exit 0 clean, 1 errors, 3 warnings only.
  validate [PATH]... [--time-zone ZONE]
                        Check datasets in any format (default: data/kubecon-eu-2026); print every problem
                        and exit 1 on any.
  snapshot [PATH]... [--time-zone ZONE]
                        Prebuild the index snapshot of dataset files (default: data/kubecon-eu-2026) beside
                        the first one (PATH.snapshot), so that a start with an empty cache reads it.
  discord:deploy-commands [--guild ID]
                        Register the Discord slash commands (reads DISCORD_TOKEN, DISCORD_APPLICATION_ID,
                        DISCORD_GUILD_ID); --guild registers them in one server only, at once.
  help                  Show this text.

Exit codes: 0 done, 1 invalid dataset (or Discord refused), 2 wrong usage, 3 check found warnings only.`;

export async function runCli(
  argv: readonly string[],
  io: CommandIo,
  env: Readonly<Record<string, string | undefined>> = process.env,
): Promise<number> {
  const [command, ...rest] = argv;
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(rest);
  } catch (error) {
    io.stderr.write(`${(error as Error).message}\n\n${USAGE}\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  const checked = checkOptions(values);
  if (!checked.ok) {
    io.stderr.write(`${checked.message}\n`);
    return 2;
  }
  const { now, date, timeZone } = checked.value;
  const selection = {
    dataPaths: values.data ?? [],
    ...(values.config === undefined ? {} : { config: values.config }),
    ...(values.conference === undefined ? {} : { conference: values.conference }),
    ...(timeZone === undefined ? {} : { timeZone }),
  };
  switch (command) {
    case 'ask': {
      const question = positionals.length > 0 ? positionals.join(' ') : undefined;
      return askCommand(
        {
          ...selection,
          json: values.json === true,
          ...(question === undefined ? {} : { question }),
          ...(now === undefined ? {} : { now }),
          ...(values.context === undefined ? {} : { contextFile: values.context }),
        },
        io,
      );
    }
    case 'stats':
      return statsCommand(
        { ...selection, json: values.json === true, dataPaths: [...positionals, ...selection.dataPaths] },
        io,
      );
    case 'digest':
      return digestCommand(
        {
          ...selection,
          json: values.json === true,
          evening: values.evening === true,
          ...(date === undefined ? {} : { date }),
          ...(now === undefined ? {} : { now }),
        },
        io,
      );
    case 'ics':
      return icsCommand({ ...selection, sessionIds: positionals, ...(now === undefined ? {} : { now }) }, io);
    case 'check':
      return checkCommand({ ...selection, dataPaths: [...positionals, ...selection.dataPaths] }, io);
    case 'validate':
      return validateCommand(
        [...positionals, ...selection.dataPaths],
        io,
        timeZone === undefined ? {} : { timeZone },
      );
    case 'snapshot':
      return snapshotCommand(
        { paths: [...positionals, ...selection.dataPaths], ...(timeZone === undefined ? {} : { timeZone }) },
        io,
      );
    case 'discord:deploy-commands': {
      // Loaded on demand: discord.js takes a few hundred milliseconds to import, which `ask` need not pay.
      const { discordDeployCommandsCommand } = await import('./commands/discord-deploy-commands.ts');
      return discordDeployCommandsCommand(
        { env, ...(values.guild === undefined ? {} : { guild: values.guild }) },
        io,
      );
    }
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      io.stdout.write(`${USAGE}\n`);
      return command === undefined ? 2 : 0;
    default:
      io.stderr.write(`Unknown command "${command}".\n\n${USAGE}\n`);
      return 2;
  }
}

function parse(args: readonly string[]) {
  return parseArgs({
    args: [...args],
    allowPositionals: true,
    options: {
      json: { type: 'boolean' },
      data: { type: 'string', multiple: true },
      now: { type: 'string' },
      config: { type: 'string' },
      conference: { type: 'string' },
      date: { type: 'string' },
      evening: { type: 'boolean' },
      guild: { type: 'string' },
      'time-zone': { type: 'string' },
      context: { type: 'string' },
    },
  });
}

/** The options whose values can be wrong: each becomes a one-line usage error. */
function checkOptions(values: ReturnType<typeof parse>['values']): OptionCheck<{
  now?: number;
  date?: string;
  timeZone?: string;
}> {
  const now = values.now === undefined ? undefined : checkNow(values.now);
  const date = values.date === undefined ? undefined : checkDate(values.date);
  const timeZone = values['time-zone'] === undefined ? undefined : checkTimeZone(values['time-zone']);
  for (const check of [now, date, timeZone]) if (check !== undefined && !check.ok) return check;
  return {
    ok: true,
    value: {
      ...(now?.ok === true ? { now: now.value } : {}),
      ...(date?.ok === true ? { date: date.value } : {}),
      ...(timeZone?.ok === true ? { timeZone: timeZone.value } : {}),
    },
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  loadDotenvUnlessDisabled();
  process.exitCode = await runCli(process.argv.slice(2), process);
}
