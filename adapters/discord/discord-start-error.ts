// The error a failed Discord login raises: its message says what to fix.

/** A Discord login that failed; the message says what to fix. */
export class DiscordStartError extends Error {
  override readonly name = 'DiscordStartError';
}
