// Stand-ins for platform credentials in tests. Assembled from parts so that nothing in the repository reads as a
// real token; real ones live only in .env, which git ignores.

/** A Slack bot token as the config check wants it: it starts with `xoxb-`. */
export const FAKE_SLACK_BOT_TOKEN = ['xoxb', 'hallway', 'test'].join('-');
/** A Slack app-level token (Socket Mode): it starts with `xapp-`. */
export const FAKE_SLACK_APP_TOKEN = ['xapp', 'hallway', 'test'].join('-');
/** A Slack user token, which the config must refuse where a bot token belongs. */
export const FAKE_SLACK_USER_TOKEN = ['xoxp', 'hallway', 'user'].join('-');
/** A Discord bot token: three parts separated by dots, like the real ones. */
export const FAKE_DISCORD_TOKEN = ['hallway', 'fake', 'token'].join('.');
