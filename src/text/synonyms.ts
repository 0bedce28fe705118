// Jargon, abbreviations and spelling variants mapped to one canonical word, on both the index and query side.

/**
 * Each key is a folded token as typed; the value is the word it means. Applied before stemming, so the
 * canonical word is stemmed like any other.
 */
const CANONICAL_WORDS: Readonly<Record<string, string>> = {
  k8s: 'kubernetes',
  kube: 'kubernetes',
  o11y: 'observability',
  otel: 'opentelemetry',
  telco: 'telecom',
  telcos: 'telecom',
  telecoms: 'telecom',
  telecommunication: 'telecom',
  telecommunications: 'telecom',
  genai: 'generative',
  llms: 'llm',
  gpus: 'gpu',
  dpus: 'dpu',
  tpus: 'tpu',
  vms: 'vm',
  infra: 'infrastructure',
  repo: 'repository',
  repos: 'repository',
  config: 'configuration',
  configs: 'configuration',
  auth: 'authentication',
  authn: 'authentication',
  authz: 'authorization',
  devex: 'dx',
  sec: 'security',
  perf: 'performance',
  slicing: 'sharing',
  sliced: 'sharing',
  partitioning: 'sharing',
  dashboarding: 'dashboard',
  twelve: '12',
  eight: '8',
};

/** British spellings fold into American ones so "visualisation" finds "visualization". */
const BRITISH_ENDINGS: ReadonlyArray<readonly [RegExp, string]> = [
  [/isation(s?)$/, 'ization$1'],
  [/is(e|ed|es|ing|er|ers)$/, 'iz$1'],
  [/our$/, 'or'],
];

/** Returns the canonical spelling of one folded token. */
export function canonicalWord(token: string): string {
  // Own keys only: "constructor" must not find Object.prototype.constructor.
  const mapped = Object.hasOwn(CANONICAL_WORDS, token) ? CANONICAL_WORDS[token] : undefined;
  if (mapped !== undefined) return mapped;
  if (token.length < 7) return token;
  for (const [pattern, replacement] of BRITISH_ENDINGS) {
    if (pattern.test(token)) return token.replace(pattern, replacement);
  }
  return token;
}
