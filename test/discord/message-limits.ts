// The limits Discord enforces on message bodies, as the fake checks them: a body over a limit gets a 400.

type EmbedBody = {
  title?: string;
  description?: string;
  url?: string;
  footer?: { text: string };
  author?: { name: string };
  fields?: { name: string; value: string }[];
};

/** The limits Discord enforces on a message body (a subset of its validation: the ones Hallway could break). */
export function limitProblems(body: unknown): string[] {
  if (body === undefined || body === null || typeof body !== 'object') return [];
  const {
    content,
    embeds = [],
    choices,
  } = body as {
    content?: string;
    embeds?: EmbedBody[];
    choices?: { name: string; value: string }[];
  };
  const problems: string[] = [];
  if (choices !== undefined && choices.length > 25) problems.push(`choices: ${choices.length} > 25`);
  for (const [i, choice] of (choices ?? []).entries()) {
    if (choice.name.length === 0 || choice.name.length > 100) problems.push(`choices[${i}].name`);
    if (choice.value.length === 0 || choice.value.length > 100) problems.push(`choices[${i}].value`);
  }
  if (content !== undefined && content.length > 2000) problems.push(`content: ${content.length} > 2000`);
  if (embeds.length > 10) problems.push(`embeds: ${embeds.length} > 10`);
  let total = 0;
  for (const [i, embed] of embeds.entries()) {
    const fields = embed.fields ?? [];
    const check = (what: string, value: string | undefined, max: number) => {
      if (value === undefined) return;
      if (value.length === 0 || value.length > max)
        problems.push(`embeds[${i}].${what}: length ${value.length}`);
      total += value.length;
    };
    check('title', embed.title, 256);
    check('description', embed.description, 4096);
    check('footer.text', embed.footer?.text, 2048);
    check('author.name', embed.author?.name, 256);
    if (fields.length > 25) problems.push(`embeds[${i}].fields: ${fields.length} > 25`);
    for (const [j, field] of fields.entries()) {
      check(`fields[${j}].name`, field.name, 256);
      check(`fields[${j}].value`, field.value, 1024);
    }
    if (embed.url !== undefined && !/^https?:\/\//.test(embed.url))
      problems.push(`embeds[${i}].url: not http(s)`);
  }
  if (total > 6000) problems.push(`embeds: ${total} characters > 6000`);
  return problems;
}
