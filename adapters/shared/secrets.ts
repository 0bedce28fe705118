// The environment variables that hold secrets: redacted from logs, and kept in the Kubernetes Secret.

/** Every secret an adapter reads from the environment. A new token belongs here (a test checks the adapters). */
export const SECRET_VARIABLES = [
  'SLACK_BOT_TOKEN',
  'SLACK_APP_TOKEN',
  'SLACK_SIGNING_SECRET',
  'SLACK_CLIENT_SECRET',
  'SLACK_STATE_SECRET',
  'DISCORD_TOKEN',
  // A PostgreSQL URL carries the database password.
  'DATABASE_URL',
] as const;

export type SecretVariable = (typeof SECRET_VARIABLES)[number];
