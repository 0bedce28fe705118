// Seeded synthetic conferences shaped like real ones: 8-word titles, 120-word abstracts, 1–3 speakers with
// companies, tracks, rooms and days, over a vocabulary with a realistic long tail of rare words.
import type { Dataset, Session } from '../../src/index.ts';
import { pick, seededRandom, zipfSampler } from './random.ts';

const TECH_WORDS =
  `kubernetes cluster container observability tracing metrics logging security policy supply chain
  platform engineering developer portal gitops argo flux helm operator controller scheduler autoscaling gpu
  inference training model serving pipeline data storage database postgres kafka streaming network mesh envoy
  istio cilium ebpf wasm webassembly serverless edge iot telecom 5g cost finops sustainability carbon energy
  multi-tenancy isolation sandbox runtime kernel linux rust golang python java compiler build cache registry
  image signing sbom vulnerability compliance identity authentication authorization oidc spiffe secrets vault
  backup disaster recovery migration upgrade release testing chaos reliability sre incident alerting dashboard
  prometheus opentelemetry grafana jaeger loki tempo profiling performance latency throughput scaling batch
  queue workflow ai agents llm rag vector embeddings fine-tuning quantization accelerator tpu fpga hardware
  topology placement nodes pods sidecar ambient gateway ingress dns load balancing api graphql grpc rest
  virtual machines kubevirt bare metal hybrid cloud sovereign federation multi-cluster fleet management`
    .split(/\s+/)
    .filter((word) => word.length > 0);

const ENGLISH =
  `the a of and to in for on with at from by how why what we our your lessons learned building running
  scaling beyond without towards into journey story deep dive hands-on practical real world production day two
  future past present next generation modern simple fast safe secure open source community maintainers users
  years million billion thousands teams companies across between inside outside small large global local new
  old better worse best way ways path paths road map roadmap year state update updates introduction guide`
    .split(/\s+/)
    .filter((word) => word.length > 0);

const FIRST_NAMES =
  `Ada Alan Alice Amir Ana Anders Anna Arjun Beatriz Ben Bilal Carla Chen Chloe Daniel Dara David Elena
  Emma Erik Fatima Felix Hana Hugo Ines Ivan Jakub Jana Javier Jin Joao Julia Kai Karin Kenji Lars Laura Lea Leo
  Lina Lucas Maja Marco Maria Mateo Mei Mia Nadia Nils Noah Olga Omar Pablo Priya Rafael Rania Ravi Rosa Sami Sara
  Sofia Sven Tariq Tomas Uma Vera Wei Yara Yusuf Zara Zoe`
    .split(/\s+/)
    .filter((w) => w.length > 0);

const LAST_NAMES =
  `Abbott Alvarez Andersen Bauer Becker Bianchi Costa Dubois Eriksson Fischer Garcia Gupta Haddad Hansen
  Hoffmann Ivanova Jansen Kaur Kim Kowalski Larsen Lee Lopez Martin Meyer Moreau Muller Nakamura Nguyen Novak
  Okafor Olsen Park Patel Perez Petrov Popescu Rossi Sato Schmidt Silva Singh Smith Suzuki Tanaka Taylor Torres
  Varga Wagner Wang Weber Wilson Wong Yamamoto Zhang Ziegler`
    .split(/\s+/)
    .filter((w) => w.length > 0);

const SYLLABLES =
  'ka lo mi ra te su no vi de ba ri zo fa lu pe shi ton gar mel dix vor quan bel tir nos'.split(' ');

/** Made-up rare words for the vocabulary's long tail. */
function tailWords(count: number, random: () => number): string[] {
  const words = new Set<string>();
  while (words.size < count) {
    const length = 2 + Math.floor(random() * 3);
    let word = '';
    for (let i = 0; i < length; i++) word += pick(SYLLABLES, random);
    words.add(word);
  }
  return [...words];
}

export interface SyntheticOptions {
  readonly sessions: number;
  readonly seed?: number;
}

/** A conference with `sessions` sessions over four days, valid for `createEngine`. */
export function syntheticConference(options: SyntheticOptions): Dataset {
  const random = seededRandom(options.seed ?? 42);
  const vocabulary = [...ENGLISH, ...TECH_WORDS, ...tailWords(Math.max(2000, options.sessions * 2), random)];
  const word = zipfSampler(vocabulary.length, random);
  const topicWord = zipfSampler(TECH_WORDS.length, random, 0.9);
  const text = (count: number) => Array.from({ length: count }, () => vocabulary[word()] ?? 'x').join(' ');

  const companyCount = Math.max(20, Math.round(options.sessions / 8));
  const organizations = Array.from({ length: companyCount }, (_, index) => {
    const name = `${capitalize(pick(TECH_WORDS, random))} ${pick(['Labs', 'Cloud', 'Systems', 'Works', 'Data', 'AI', 'Networks'], random)} ${index}`;
    return {
      id: `org-${index}`,
      name,
      aliases: [],
      kind: 'vendor' as const,
      description: text(20),
      booths: [],
      sources: ['synthetic'],
    };
  });
  const peopleCount = Math.max(30, Math.round(options.sessions * 1.4));
  const people = Array.from({ length: peopleCount }, (_, index) => ({
    id: `person-${index}`,
    // First name, middle initial and last name: ~100,000 combinations, so names repeat only as often as in life.
    name: `${pick(FIRST_NAMES, random)} ${String.fromCharCode(65 + Math.floor(random() * 26))}. ${pick(LAST_NAMES, random)}`,
    aliases: [],
    role: pick(['Engineer', 'Staff Engineer', 'Maintainer', 'Architect', 'Product Manager'], random),
    organization: `org-${Math.floor(random() * companyCount)}`,
    bio: text(25),
    sources: ['synthetic'],
  }));

  const tracks = Array.from(
    { length: 12 },
    (_, index) => `${capitalize(TECH_WORDS[index * 7] ?? 'track')} track`,
  );
  const rooms = Array.from({ length: 30 }, (_, index) => `Room ${index + 1}`);
  const days = ['2027-05-10', '2027-05-11', '2027-05-12', '2027-05-13'];
  const sessions: Session[] = Array.from({ length: options.sessions }, (_, index) => {
    const day = pick(days, random);
    const hour = 9 + Math.floor(random() * 9);
    const minute = pick([0, 15, 30, 45], random);
    const start = `${day}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00+02:00`;
    const end = `${day}T${String(hour).padStart(2, '0')}:${String(minute + 10).padStart(2, '0')}:00+02:00`;
    const speakers = Array.from(
      { length: 1 + Math.floor(random() * 3) },
      () => `person-${Math.floor(random() * peopleCount)}`,
    );
    const title = Array.from({ length: 8 }, (_, i) =>
      i % 2 === 0 ? TECH_WORDS[topicWord()] : vocabulary[word()],
    ).join(' ');
    return {
      id: `session-${index}`,
      title: capitalize(title),
      kind: 'talk',
      start,
      end,
      room: pick(rooms, random),
      track: pick(tracks, random),
      summary: text(120),
      topics: [],
      speakers: [...new Set(speakers)],
      organizations: [],
      projects: [],
      sources: ['synthetic'],
    };
  });

  return {
    conference: {
      id: `synthetic-${options.sessions}`,
      name: `Synthetic Conference ${options.sessions}`,
      city: 'Rotterdam',
      venue: 'Ahoy',
      timeZone: 'Europe/Amsterdam',
      startDate: days[0] ?? '2027-05-10',
      endDate: days[days.length - 1] ?? '2027-05-13',
      url: 'https://example.org/synthetic',
      sources: ['synthetic'],
    },
    sources: [{ id: 'synthetic', title: 'Seeded synthetic corpus', kind: 'curated' }],
    sessions,
    people,
    organizations,
    announcements: [],
    projects: [],
    terms: [],
  };
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
