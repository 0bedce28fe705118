// Two Hallway processes sharing one PostgreSQL database behind the Slack fake: the same event sent to both is
// answered once, a digest slot both reach is posted once, and a replica killed mid-post is finished by the other
// without a second post.
import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  createThrowawayDatabase,
  describeWithPostgres,
  postgresHere,
  type ThrowawayDatabase,
} from '../helpers/postgres.ts';
import type { RunningProcess } from '../helpers/running-process.ts';
import { type FakeSlack, startFakeSlack } from '../slack/fake-slack.ts';
import { eventCallback, mentionEvent, postSigned } from '../slack/slack-requests.ts';
import { aMinuteAgo, conferenceToday, eventually, REPLICA_SIGNING_SECRET, startReplica } from './replicas.ts';

/** The digest ledger's row for `channel`, read straight from the shared database. */
async function ledgerRow(
  url: string,
  channel: string,
): Promise<{ state: string; attempts: number } | undefined> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const found = await client.query<{ state: string; attempts: number }>(
      'SELECT state, attempts FROM digest_posts WHERE channel_id = $1',
      [channel],
    );
    return found.rows[0];
  } finally {
    await client.end();
  }
}

describeWithPostgres('replicas sharing PostgreSQL', await postgresHere(), () => {
  let fake: FakeSlack;
  const databases: ThrowawayDatabase[] = [];
  const processes: RunningProcess[] = [];
  const data = conferenceToday();
  beforeAll(async () => {
    fake = await startFakeSlack();
  });
  afterAll(async () => {
    for (const child of processes) child.kill();
    await Promise.all(processes.map((child) => child.exited));
    await fake.close();
    for (const database of databases) await database.drop();
  });

  const database = async () => {
    const created = await createThrowawayDatabase();
    databases.push(created);
    return created;
  };
  const postsTo = (channel: string) =>
    fake.callsTo('chat.postMessage').filter((call) => call.body.channel === channel);

  it('answers one event delivered to both replicas once, and posts a digest slot both reach once', async () => {
    const { url } = await database();
    const options = {
      databaseUrl: url,
      slackApiUrl: fake.apiUrl,
      data,
      digestChannel: 'C0DIGEST',
      digestTime: aMinuteAgo(),
    };
    const [a, b] = await Promise.all([startReplica(options), startReplica(options)]);
    processes.push(a.process, b.process);
    for (const replica of [a, b]) await replica.process.waitFor('stderr', /"msg":"digest ready"/);
    expect(postsTo('C0DIGEST')).toHaveLength(1);
    // The ledger gave the slot to one replica: the other never claimed it (Slack's metadata search, the second
    // line of defence, was not needed).
    const posted = [a, b].filter((replica) => /"msg":"digest posted"/.test(replica.process.stderr()));
    expect(posted).toHaveLength(1);
    expect(await ledgerRow(url, 'C0DIGEST')).toEqual({ state: 'posted', attempts: 1 });

    const event = mentionEvent('when is the opening keynote?', { channel: 'C0ASK' });
    const body = JSON.stringify(eventCallback(event, 'Ev0SAME'));
    const post = (eventsUrl: string) =>
      postSigned(eventsUrl, body, 'application/json', { secret: REPLICA_SIGNING_SECRET });
    const acks = await Promise.all([post(a.eventsUrl), post(b.eventsUrl)]);
    expect(acks.map((ack) => ack.status)).toEqual([200, 200]);
    await eventually(() => postsTo('C0ASK').length > 0, 'the reply');
    // Both replicas have logged what they did with it: one answered, the other stood down.
    await eventually(
      () => [a, b].some((replica) => /Slack retry ignored: already handled/.test(replica.process.stderr())),
      'the second replica standing down',
    );
    expect(postsTo('C0ASK')).toHaveLength(1);
    expect(postsTo('C0ASK')[0]?.body.thread_ts).toBe(event.ts);
  });

  it('finishes the post of a replica killed mid-post, exactly once, after its lease runs out', async () => {
    const { url } = await database();
    const options = {
      databaseUrl: url,
      slackApiUrl: fake.apiUrl,
      data,
      digestChannel: 'C0CRASH',
      digestTime: aMinuteAgo(),
      leaseSeconds: 2,
    };
    // Slack takes the first replica's post, and the replica dies before it hears back.
    fake.script('chat.postMessage', { channel: 'C0CRASH', hang: true });
    const first = await startReplica(options);
    processes.push(first.process);
    await eventually(() => postsTo('C0CRASH').length === 1, "the first replica's post");
    first.process.child.kill('SIGKILL');
    await first.process.exited;

    const second = await startReplica(options);
    processes.push(second.process);
    await eventually(
      async () => (await ledgerRow(url, 'C0CRASH'))?.state === 'posted',
      'the second replica finishing the post',
      20_000,
    );
    expect(await ledgerRow(url, 'C0CRASH')).toEqual({ state: 'posted', attempts: 2 });
    // The second replica looked in the channel's history, found the dead one's message, and did not post it again.
    expect(fake.callsTo('conversations.history').some((call) => call.body.channel === 'C0CRASH')).toBe(true);
    expect(fake.messagesIn('C0CRASH')).toHaveLength(1);
  });
});
