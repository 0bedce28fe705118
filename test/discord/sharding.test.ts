// Gateway sharding for a large bot: DISCORD_SHARDS=auto (Discord's recommended count, in this process) or a list of
// shard ids out of DISCORD_SHARD_COUNT (replicas splitting the servers), as discord.js client options.
import { describe, expect, it } from 'vitest';
import { readDiscordConfig } from '../../adapters/discord/config.ts';
import { createDiscordClient, shardOptions } from '../../adapters/discord/create-discord-client.ts';

const TOKEN = 'MTIz.NDU2.Nzg5';

describe('Discord sharding', () => {
  it('reads auto, or a list with its count, and builds the client with them', async () => {
    const auto = readDiscordConfig({ DISCORD_TOKEN: TOKEN, DISCORD_SHARDS: 'auto' });
    expect(auto).toMatchObject({ kind: 'ok', config: { shards: { kind: 'auto' } } });
    const listed = readDiscordConfig({
      DISCORD_TOKEN: TOKEN,
      DISCORD_SHARDS: '2, 3',
      DISCORD_SHARD_COUNT: '4',
    });
    expect(listed).toMatchObject({ kind: 'ok', config: { shards: { kind: 'list', ids: [2, 3], count: 4 } } });
    if (listed.kind !== 'ok') return;
    const client = createDiscordClient({
      mentions: false,
      ...(listed.config.shards === undefined ? {} : { shards: listed.config.shards }),
    });
    expect([client.options.shards, client.options.shardCount]).toEqual([[2, 3], 4]);
    await client.destroy();
    expect(shardOptions(undefined)).toEqual({});
    expect(shardOptions({ kind: 'auto' })).toEqual({ shards: 'auto' });
  });

  it('names a list without its count, and ids beyond it', () => {
    const noCount = readDiscordConfig({ DISCORD_TOKEN: TOKEN, DISCORD_SHARDS: '0,1' });
    expect(noCount.kind === 'invalid' && noCount.problems.join()).toContain(
      'DISCORD_SHARD_COUNT: is required',
    );
    const beyond = readDiscordConfig({
      DISCORD_TOKEN: TOKEN,
      DISCORD_SHARDS: '0,4',
      DISCORD_SHARD_COUNT: '4',
    });
    expect(beyond.kind === 'invalid' && beyond.problems.join()).toContain('4 is not');
    const garbage = readDiscordConfig({ DISCORD_TOKEN: TOKEN, DISCORD_SHARDS: 'many' });
    expect(garbage.kind === 'invalid' && garbage.problems.join()).toContain('must be "auto" or shard ids');
  });
});
