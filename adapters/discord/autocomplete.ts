// Autocomplete for /vendor: the dataset's organisations, best match first, at most 25, answered at once.
import type { APIApplicationCommandOptionChoice, AutocompleteInteraction } from 'discord.js';
import type { Engine, Organization } from '../../src/index.ts';
import type { Logger } from '../shared/logger.ts';
import { truncate } from './fit-text.ts';
import { DISCORD_LIMITS } from './limits.ts';

/** Lower case, no accents, letters and digits separated by single spaces. */
function normalize(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Edit distance where swapping two neighbouring letters counts as one edit (optimal string alignment). */
function distance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  const at = (i: number, j: number) => d[i]?.[j] ?? Number.POSITIVE_INFINITY;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        best = Math.min(best, at(i - 2, j - 2) + 1);
      (d[i] as number[])[j] = best;
    }
  }
  return at(a.length, b.length);
}

/** How well `typed` matches `name` (both normalised): lower is better, undefined is no match. */
function score(typed: string, name: string): number | undefined {
  if (name === typed) return 0;
  if (name.startsWith(typed)) return 1;
  if (name.split(' ').some((word) => word.startsWith(typed))) return 2;
  if (name.includes(typed)) return 3;
  const compactTyped = typed.replaceAll(' ', '');
  if (name.replaceAll(' ', '').includes(compactTyped)) return 4;
  // Typos: compare with the start of the name, as long as what was typed.
  const allowed = compactTyped.length >= 8 ? 2 : compactTyped.length >= 4 ? 1 : 0;
  if (allowed > 0 && distance(typed, name.slice(0, typed.length)) <= allowed) return 5;
  return undefined;
}

/**
 * Choices for what the user has typed so far: exact, then prefix, word-prefix, substring and near-miss (typo) matches
 * over each organisation's name and aliases, ties in alphabetical order; everything, alphabetically, when nothing is
 * typed. At most 25, names and values cut to 100 characters.
 */
export function vendorChoices(
  organizations: readonly Organization[],
  typed: string,
): APIApplicationCommandOptionChoice<string>[] {
  const query = normalize(typed);
  const ranked: { organization: Organization; score: number; alias?: string }[] = [];
  for (const organization of organizations) {
    if (query === '') {
      ranked.push({ organization, score: 0 });
      continue;
    }
    let best: { score: number; alias?: string } | undefined;
    for (const name of [organization.name, ...organization.aliases]) {
      const s = score(query, normalize(name));
      if (s !== undefined && (best === undefined || s < best.score))
        best = name === organization.name ? { score: s } : { score: s, alias: name };
    }
    if (best !== undefined) ranked.push({ organization, ...best });
  }
  ranked.sort((a, b) => a.score - b.score || a.organization.name.localeCompare(b.organization.name));
  const L = DISCORD_LIMITS;
  const seen = new Set<string>();
  const choices: APIApplicationCommandOptionChoice<string>[] = [];
  for (const { organization, alias } of ranked) {
    const value = truncate(organization.name, L.autocompleteChoiceValue);
    if (seen.has(value)) continue;
    seen.add(value);
    const label = alias === undefined ? organization.name : `${organization.name} (${alias})`;
    choices.push({ name: truncate(label, L.autocompleteChoiceName), value });
    if (choices.length === L.autocompleteChoices) break;
  }
  return choices;
}

/** Answers an autocomplete interaction; anything but /vendor gets no choices. Never throws. */
export async function answerAutocomplete(
  interaction: AutocompleteInteraction,
  engine: () => Engine | Promise<Engine>,
  logger: Logger,
): Promise<void> {
  try {
    const focused = interaction.options.getFocused(true);
    const choices =
      interaction.commandName === 'vendor' && focused.name === 'name'
        ? vendorChoices((await engine()).catalog.dataset.organizations, String(focused.value))
        : [];
    await interaction.respond(choices);
  } catch (error) {
    // An autocomplete that misses its 3-second window is simply not shown; there is no one to apologise to.
    logger.warn({ err: error, command: interaction.commandName }, 'Discord: could not answer autocomplete');
  }
}
