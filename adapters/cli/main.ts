// `npm run hallway -- <command>`: the command-line front end to the engine and the dataset tools.
import { parseArgs } from 'node:util';
import { loadDotenvUnlessDisabled } from '../shared/load-dotenv.ts';
import type { CommandIo } from './command-io.ts';
import { askCommand } from './commands/ask.ts';
import { digestCommand } from './commands/digest.ts';
import { statsCommand } from './commands/stats.ts';
import { validateCommand } from './commands/validate.ts';

const USAGE = `Usage: npm run --silent hallway -- <command> [options]

Commands:
  ask [QUESTION]        Answer QUESTION, or one question per line of stdin.
      --json            One JSON object per answer (JSON Lines).
      --data PATH|URL   Use this dataset or schedule instead of the default (repeatable; merged in order).
      --config FILE     Use the sources listed in a conference config file.
      --now TIME        Answer as if it were TIME (ISO 8601), for "what's on now?".
  stats                 Count sessions, people, organizations, announcements, rooms, tracks and days.
      --data, --config  As for ask.
      --json            One JSON object.
  digest [--date YYYY-MM-DD] [--evening] [--json]
                        The day's digest, as the bot posts it (default: today in the conference's zone).
      --data, --config  As for ask.
  validate [PATH]...    Check datasets in any format (default: data/kubecon-eu-2026); exit 1 on any problem.
  discord:deploy-commands [--guild ID]
                        Register the Discord slash commands (reads DISCORD_TOKEN, DISCORD_APPLICATION_ID,
                        DISCORD_GUILD_ID); --guild registers them in one server only, at once.
  help                  Show this text.

Exit codes: 0 done, 1 invalid dataset (or Discord refused), 2 wrong usage.`;

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
  switch (command) {
    case 'ask': {
      if (values.now !== undefined && Number.isNaN(Date.parse(values.now))) {
        io.stderr.write(
          `--now must be an ISO 8601 time such as 2026-03-26T09:30:00+01:00, not "${values.now}"\n`,
        );
        return 2;
      }
      const question = positionals.length > 0 ? positionals.join(' ') : undefined;
      return askCommand(
        {
          json: values.json === true,
          dataPaths: values.data ?? [],
          ...(values.config === undefined ? {} : { config: values.config }),
          ...(question === undefined ? {} : { question }),
          ...(values.now === undefined ? {} : { now: Date.parse(values.now) }),
        },
        io,
      );
    }
    case 'stats':
      return statsCommand(
        {
          json: values.json === true,
          dataPaths: [...positionals, ...(values.data ?? [])],
          ...(values.config === undefined ? {} : { config: values.config }),
        },
        io,
      );
    case 'digest': {
      if (values.date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(values.date)) {
        io.stderr.write(`--date must be a date such as 2026-03-26, not "${values.date}"\n`);
        return 2;
      }
      return digestCommand(
        {
          json: values.json === true,
          evening: values.evening === true,
          dataPaths: values.data ?? [],
          ...(values.date === undefined ? {} : { date: values.date }),
          ...(values.config === undefined ? {} : { config: values.config }),
        },
        io,
      );
    }
    case 'validate':
      return validateCommand([...positionals, ...(values.data ?? [])], io);
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
      date: { type: 'string' },
      evening: { type: 'boolean' },
      guild: { type: 'string' },
    },
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  loadDotenvUnlessDisabled();
  process.exitCode = await runCli(process.argv.slice(2), process);
}
