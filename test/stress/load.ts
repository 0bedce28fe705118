// `npm run load`: drives signed Slack events at a fixed rate, for a bounded time, into one and then two Hallway
// replicas on loopback (sharing a throwaway PostgreSQL database; one replica on SQLite when no server answers),
// and times each event to the chat.postMessage the Slack fake receives. Options: --rate N (events/s, 50),
// --seconds S (10), --saturate (one replica at rising rates, to find where it falls behind), --json.
import { parseArgs } from 'node:util';
import { createThrowawayDatabase, postgresHere } from '../helpers/postgres.ts';
import { conferenceToday, REPLICA_SIGNING_SECRET, type Replica, startReplica } from '../hosted/replicas.ts';
import { type FakeSlack, type Recorded, startFakeSlack } from '../slack/fake-slack.ts';
import { eventCallback, postSigned } from '../slack/slack-requests.ts';
import { type LoadRun, summarizeLoad } from './load-summary.ts';

const { values } = parseArgs({
  options: {
    rate: { type: 'string', default: '50' },
    seconds: { type: 'string', default: '10' },
    saturate: { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
  },
});
const RATE = Number(values.rate);
const SECONDS = Number(values.seconds);
if (!(RATE > 0 && RATE <= 2000) || !(SECONDS > 0 && SECONDS <= 120)) {
  console.error('npm run load: --rate must be 1 to 2000 events per second and --seconds 1 to 120.');
  process.exit(2);
}
/** Events sent at the run's rate before measuring. */
const WARM_UP_SECONDS = 1;
/** Replies still arriving after the last event are waited for this long before the rest count as lost. */
const DRAIN_MS = 5_000;
/** With two replicas, every tenth event is delivered to both, as Slack may: it must still be answered once. */
const REDELIVER_EVERY = 10;
const QUESTIONS = [
  'when is the opening keynote?',
  'who is rita mar?',
  'talks about load balancing',
  'what is on in the main stage?',
];
/** Saturation steps for one replica (events/s), each for `--seconds`; stops at the first that falls behind. */
const SATURATION_RATES = [50, 100, 200, 400, 800];

const data = conferenceToday();
let threadCounter = 0;

/** One run: start `replicas` processes on a fresh database, send `rate` events/s for `seconds`, drain, stop. */
async function runLoad(replicas: number, rate: number, seconds: number, postgres: boolean): Promise<LoadRun> {
  const sentAt = new Map<string, number>();
  const repliesAt = new Map<string, number[]>();
  const onCall = (call: Recorded) => {
    const thread = call.body.thread_ts;
    if (call.method !== 'chat.postMessage' || typeof thread !== 'string') return;
    repliesAt.set(thread, [...(repliesAt.get(thread) ?? []), Date.now()]);
  };
  const fake: FakeSlack = await startFakeSlack({ onCall });
  const database = postgres ? await createThrowawayDatabase() : undefined;
  const started: Replica[] = [];
  let errors = 0;
  try {
    const options = {
      slackApiUrl: fake.apiUrl,
      data,
      ...(database === undefined ? { databaseUrl: '' } : { databaseUrl: database.url }),
    };
    for (let i = 0; i < replicas; i += 1) started.push(await startReplica(options));
    const deliveries: Promise<void>[] = [];
    const deliver = (replica: Replica, body: string) =>
      postSigned(replica.eventsUrl, body, 'application/json', { secret: REPLICA_SIGNING_SECRET }).then(
        (ack) => {
          if (ack.status !== 200) errors += 1;
        },
        () => {
          errors += 1;
        },
      );
    // A warm-up second, not measured: the first answers of a fresh process pay for its JIT and connections.
    await sendAtRate(started, rate, WARM_UP_SECONDS, deliver, deliveries, undefined);
    await Promise.all(deliveries);
    await sendAtRate(started, rate, seconds, deliver, deliveries, sentAt);
    await Promise.all(deliveries);
    const drainUntil = Date.now() + DRAIN_MS;
    while (Date.now() < drainUntil && [...sentAt.keys()].some((key) => !repliesAt.has(key))) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    // A late duplicate would arrive now, if at all.
    await new Promise((resolve) => setTimeout(resolve, 500));
    return summarizeLoad({ replicas, eventsPerSecond: rate, sentAt, repliesAt, errors });
  } finally {
    for (const replica of started) replica.process.child.kill('SIGTERM');
    await Promise.all(started.map((replica) => replica.process.exited));
    await fake.close();
    await database?.drop();
  }
}

/**
 * Sends `rate` events a second for `seconds` to the replicas in turn (every tenth also to the next one, when
 * there are two), recording each send time in `sentAt` by the event's thread, unless it is a warm-up.
 */
async function sendAtRate(
  replicas: readonly Replica[],
  rate: number,
  seconds: number,
  deliver: (replica: Replica, body: string) => Promise<void>,
  deliveries: Promise<void>[],
  sentAt: Map<string, number> | undefined,
): Promise<void> {
  const total = Math.round(rate * seconds);
  const begin = Date.now();
  for (let n = 0; n < total; n += 1) {
    // Each event at its own time from the start, so a slow send does not slow the rate down.
    const due = begin + (n * 1000) / rate;
    const wait = due - Date.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    threadCounter += 1;
    const ts = `1774512000.${String(threadCounter).padStart(6, '0')}`;
    const event = {
      type: 'app_mention',
      // Distinct askers, and channels busy well under their limit: the run measures answers, not rate limits.
      user: `U${threadCounter}`,
      channel: `C${threadCounter % 1000}`,
      text: `<@UHALLWAY> ${QUESTIONS[n % QUESTIONS.length]}`,
      ts,
      event_ts: ts,
    };
    const body = JSON.stringify(eventCallback(event, `Ev${threadCounter}`));
    sentAt?.set(ts, Date.now());
    const first = replicas[n % replicas.length] as Replica;
    deliveries.push(deliver(first, body));
    if (replicas.length > 1 && n % REDELIVER_EVERY === 0) {
      deliveries.push(deliver(replicas[(n + 1) % replicas.length] as Replica, body));
    }
  }
}

/** Fell behind: answers lost, or the slowest answers taking over a second. */
const behind = (run: LoadRun) => run.lost > 0 || run.p99Ms > 1_000;

async function main(): Promise<number> {
  const here = await postgresHere();
  const postgres = here.kind === 'run';
  if (!postgres) {
    console.error(
      `npm run load: ${here.kind === 'skip' ? here.reason : here.kind === 'fail' ? here.problem : ''}; one replica on SQLite only.`,
    );
  }
  const runs: LoadRun[] = [];
  runs.push(await runLoad(1, RATE, SECONDS, postgres));
  if (postgres) runs.push(await runLoad(2, RATE, SECONDS, postgres));
  let saturatesAt: number | undefined;
  if (values.saturate) {
    for (const rate of SATURATION_RATES.filter((r) => r > RATE)) {
      const run = await runLoad(1, rate, SECONDS, postgres);
      runs.push(run);
      if (behind(run)) {
        saturatesAt = rate;
        break;
      }
    }
  }
  if (values.json) {
    console.log(JSON.stringify({ runs, ...(saturatesAt === undefined ? {} : { saturatesAt }) }));
  } else {
    for (const run of runs) {
      console.log(
        `${run.replicas} replica(s) at ${run.eventsPerSecond}/s: sent ${run.sent}, answered ${run.answered}, ` +
          `duplicates ${run.duplicates}, lost ${run.lost}, errors ${run.errors}, p50 ${run.p50Ms} ms, p99 ${run.p99Ms} ms`,
      );
    }
    if (values.saturate) {
      console.log(
        saturatesAt === undefined
          ? 'one replica kept up at every rate tried'
          : `one replica falls behind at ${saturatesAt}/s`,
      );
    }
  }
  const bad = runs.filter(
    (run) => run.duplicates > 0 || (run.eventsPerSecond <= RATE && (run.lost > 0 || run.errors > 0)),
  );
  return bad.length === 0 ? 0 : 1;
}

process.exitCode = await main();
