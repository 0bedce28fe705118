// Seeded random and hostile questions for the fuzz runs (bench and tests): the same seed gives the same inputs.
import { pick, seededRandom } from './random.ts';

/** Injection attempts for every layer a question passes through: chat markup, mentions, links, SQL, HTML. */
export const INJECTIONS = [
  '<!channel>',
  '<!here>',
  '<!everyone>',
  '@everyone',
  '@here',
  '<@U024BE7LH>',
  '<@&123456789012345678>',
  '<#C024BE7LH|general>',
  '<https://evil.example|click me>',
  '[x](javascript:alert(1))',
  '[docs](https://evil.example "title")',
  '![img](https://evil.example/pixel.png)',
  '*bold* _italic_ ~strike~ `code` ```block```',
  '> quoted\n> more',
  '||spoiler||',
  "'; DROP TABLE sessions; --",
  '" OR 1=1 --',
  "Robert'); DELETE FROM people WHERE ('1'='1",
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '&lt;b&gt;&amp;&#x27;',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template injection attempt, on purpose.
  '${process.env.SLACK_BOT_TOKEN}',
  '{{constructor.constructor("return process")()}}',
  '__proto__',
  'constructor',
  'toString',
  '%s%s%s%n%x',
  '../../../../etc/passwd',
  '(a+)+$',
  '.*.*.*.*.*.*.*.*=',
  '\\u0000\\x00',
  'NaN',
  'undefined',
  'null',
  '-1e308',
];

const EMOJI = ['😀', '🚀', '👩🏽‍💻', '🏳️‍🌈', '🇳🇱', '❤️', '🤖', '👍🏿', '🧑‍🤝‍🧑', '🫠', '🐳', '☸️'];
const RTL = ['مرحبا من تحدث عن', 'من هو', 'שלום מי דיבר על', 'کوبرنتیز', 'الحوسبة السحابية'];
const BIDI = [
  '\u202e',
  '\u202d',
  '\u202a',
  '\u202b',
  '\u202c',
  '\u2066',
  '\u2067',
  '\u2068',
  '\u2069',
  '\u200e',
  '\u200f',
  '\u061c',
];
const INVISIBLE = ['\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00ad', '\u180e'];
const CONTROL = [
  '\u0000',
  '\u0001',
  '\u0007',
  '\u0008',
  '\u001b[31m',
  '\u007f',
  '\u0085',
  '\u009b',
  '\t',
  '\r',
  '\n',
  '\v',
  '\f',
];
const COMBINING = ['\u0301', '\u0308', '\u0336', '\u20dd', '\u0489'];
const SUBJECTS = [
  'platform engineering',
  'Spectro Cloud',
  'spectro clod',
  'Abby Bangsr',
  'HAMi',
  'k8s',
  'GPU sharing',
  'the Agones keynote',
  'Chad Beaudin',
  'WEKA',
  'quantum computing',
];
const TEMPLATES = [
  (s: string) => `who spoke about ${s}?`,
  (s: string) => `what did ${s} announce?`,
  (s: string) => `where is ${s}?`,
  (s: string) => `when is ${s}?`,
  (s: string) => `who is ${s}?`,
  (s: string) => `what is ${s}?`,
  (s: string) => `who works at ${s}?`,
  (s: string) => `which sponsors do ${s}?`,
  (s: string) => `did anyone announce a partnership with ${s}?`,
  (s: string) => `what's on ${s}?`,
  (s: string) => `list ${s}`,
  (s: string) => `what's at booth ${s}?`,
  (s: string) => s,
];

/** The kinds of input, each a generator; `paste` makes 100 kB inputs. */
const KINDS = {
  unicode: (random: () => number) => randomUnicode(random, 1 + Math.floor(random() * 80)),
  emoji: (random: () => number) =>
    repeat(random, 1, 30, () => pick(EMOJI, random)).join(random() < 0.5 ? '' : ' '),
  rtl: (random: () => number) => `${pick(RTL, random)} ${pick(SUBJECTS, random)}؟`,
  bidi: (random: () => number) => sprinkle(random, pick(TEMPLATES, random)(pick(SUBJECTS, random)), BIDI),
  control: (random: () => number) =>
    sprinkle(random, pick(TEMPLATES, random)(pick(SUBJECTS, random)), CONTROL),
  invisible: (random: () => number) => sprinkle(random, pick(SUBJECTS, random), INVISIBLE),
  zalgo: (random: () => number) => sprinkle(random, pick(SUBJECTS, random), COMBINING, 0.9),
  injection: (random: () => number) => pick(TEMPLATES, random)(pick(INJECTIONS, random)),
  injectionAlone: (random: () => number) => pick(INJECTIONS, random),
  mixed: (random: () => number) =>
    repeat(random, 2, 8, () =>
      pick(
        [
          () => pick(INJECTIONS, random),
          () => pick(EMOJI, random),
          () => pick(SUBJECTS, random),
          () => pick(RTL, random),
        ],
        random,
      )(),
    ).join(' '),
  typo: (random: () => number) => mutate(random, pick(TEMPLATES, random)(pick(SUBJECTS, random))),
  longWord: (random: () => number) =>
    'a'.repeat(200 + Math.floor(random() * 3_000)) + (random() < 0.5 ? '!' : ''),
  whitespace: (random: () => number) =>
    repeat(random, 1, 200, () => pick([' ', '\t', '\n', '\u00a0', '\u3000', '\u2028'], random)).join(''),
  punctuation: (random: () => number) =>
    repeat(random, 1, 60, () => pick([...'?!.,;:\'"()[]{}<>*_~`|\\/@#$%^&=+-'], random)).join(''),
  paste: (random: () => number) => paste(random),
} as const;

export type InputKind = keyof typeof KINDS;

export interface HostileInput {
  readonly index: number;
  readonly kind: InputKind;
  readonly text: string;
}

/** `count` inputs from `seed`: every kind in turn, each drawn at random. Every 100th is a 100 kB paste. */
export function hostileInputs(seed: number, count: number): HostileInput[] {
  const random = seededRandom(seed);
  const kinds = (Object.keys(KINDS) as InputKind[]).filter((kind) => kind !== 'paste');
  return Array.from({ length: count }, (_, index) => {
    const kind: InputKind = index % 100 === 99 ? 'paste' : pick(kinds, random);
    return { index, kind, text: KINDS[kind](random) };
  });
}

function repeat<T>(random: () => number, min: number, max: number, make: () => T): T[] {
  return Array.from({ length: min + Math.floor(random() * (max - min + 1)) }, make);
}

/** Any code point, lone surrogates and private use included. */
function randomUnicode(random: () => number, length: number): string {
  let text = '';
  for (let i = 0; i < length; i++) {
    const roll = random();
    const codePoint =
      roll < 0.4
        ? 0x20 + Math.floor(random() * 0x5f)
        : roll < 0.5
          ? 0xd800 + Math.floor(random() * 0x800)
          : Math.floor(random() * 0x110000);
    text +=
      codePoint >= 0xd800 && codePoint <= 0xdfff
        ? String.fromCharCode(codePoint)
        : String.fromCodePoint(codePoint);
  }
  return text;
}

function sprinkle(random: () => number, text: string, marks: readonly string[], rate = 0.25): string {
  return [...text].map((char) => (random() < rate ? `${char}${pick(marks, random)}` : char)).join('');
}

function mutate(random: () => number, text: string): string {
  const chars = [...text];
  for (let edits = 1 + Math.floor(random() * 4); edits > 0; edits--) {
    const at = Math.floor(random() * chars.length);
    const roll = random();
    if (roll < 0.33) chars.splice(at, 1);
    else if (roll < 0.66) chars.splice(at, 0, String.fromCharCode(97 + Math.floor(random() * 26)));
    else chars[at] = chars[at]?.toUpperCase() ?? '';
  }
  return chars.join('');
}

/** At least 100 kB: a question buried in repeated words, random text, or one enormous token. */
function paste(random: () => number): string {
  const size = 100_000;
  const fill = (unit: string) => unit.repeat(Math.ceil(size / unit.length));
  switch (Math.floor(random() * 4)) {
    case 0:
      return `${pick(TEMPLATES, random)(pick(SUBJECTS, random))} ${fill('kubernetes platform gpu ')}`;
    case 1: {
      let text = '';
      while (text.length < size) text += randomUnicode(random, 10_000);
      return text;
    }
    case 2:
      return fill('x');
    default:
      return fill(`${pick(INJECTIONS, random)}\n`);
  }
}
