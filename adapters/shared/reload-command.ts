// "Reload": an admin asks Hallway to read its data again now. Refused politely to everyone else; every use logged.
import type { ChangeReport } from '../../src/index.ts';
import type { Logger } from './logger.ts';
import type { Platform } from './platforms.ts';

/** Who asked; the platform adapter decides `isAdmin`. */
export interface AdminContext {
  readonly platform: Platform;
  readonly userId: string;
  readonly channelId?: string;
  readonly isAdmin: boolean;
  /** Who may do this on the platform, for the refusal: "workspace admins". */
  readonly admins: string;
}

export interface ReloadReply {
  readonly text: string;
  readonly refused: boolean;
}

export interface ReloadCommandOptions {
  readonly reload: () => Promise<{ readonly report: ChangeReport; readonly problems: readonly string[] }>;
  /** Sessions in the data after the reload, for the reply. */
  readonly sessionCount: () => number;
  readonly logger: Logger;
}

export async function runReloadCommand(
  options: ReloadCommandOptions,
  context: AdminContext,
): Promise<ReloadReply> {
  const audit = {
    platform: context.platform,
    user: context.userId,
    channel: context.channelId,
    command: 'reload',
  };
  if (!context.isAdmin) {
    options.logger.warn({ ...audit, allowed: false }, 'reload refused: not an admin');
    return { refused: true, text: `Sorry, only ${context.admins} can reload Hallway's data.` };
  }
  options.logger.info({ ...audit, allowed: true }, 'data reload requested by an admin');
  const { report, problems } = await options.reload();
  const changes = [
    `${report.added.length} added`,
    `${report.cancelled.length} cancelled`,
    `${report.moved.length} moved`,
  ].join(', ');
  const kept =
    problems.length === 0
      ? ''
      : `\nKept the last good copy where a source failed:\n${problems
          .slice(0, 5)
          .map((problem) => `• ${problem}`)
          .join('\n')}`;
  return {
    refused: false,
    text: `Reloaded: ${options.sessionCount()} sessions; since before: ${changes}.${kept}`,
  };
}
