// Splits a long answer (a busy day's digest) into several answers, each small enough for one platform message,
// so renderers never have to drop content. Breaks fall before headings where they can; sources go last.
import { type Answer, type AnswerBlock, renderPlainText } from '../../src/index.ts';

/**
 * Greedy: blocks are added to a part while `fits` says the part is still one message. A heading never ends a
 * part. A block too big even alone goes in a part of its own, where the renderer's own limits cut it (and say so).
 * Later parts are titled "… (2/3)". An answer that fits is returned as it is.
 */
export function splitAnswer(answer: Answer, fits: (part: Answer) => boolean): Answer[] {
  if (fits(answer)) return [answer];
  const sources = answer.blocks.filter((block) => block.type === 'sources');
  const body = answer.blocks.filter((block) => block.type !== 'sources');
  const parts: AnswerBlock[][] = [];
  let current: AnswerBlock[] = [];
  const partOf = (blocks: AnswerBlock[], last: boolean): Answer => ({
    ...answer,
    blocks: last ? [...blocks, ...sources] : blocks,
  });
  for (const block of body) {
    const candidate = [...current, block];
    if (current.length === 0 || fits(partOf(candidate, false))) {
      current = candidate;
      continue;
    }
    // Carry trailing headings over, so a heading always sits above its content.
    const carried: AnswerBlock[] = [];
    while (current.length > 1 && current[current.length - 1]?.type === 'heading') {
      carried.unshift(current.pop() as AnswerBlock);
    }
    parts.push(current);
    current = [...carried, block];
  }
  if (current.length > 0) parts.push(current);
  // The sources need room too: if they do not fit with the last part, they get one of their own.
  const lastBody = parts.pop() ?? [];
  if (fits(partOf(lastBody, true)) || lastBody.length === 0) parts.push([...lastBody, ...sources]);
  else parts.push(lastBody, sources);
  // Each part's plain text is its own, for notifications and screen readers.
  return parts.map((blocks, index) => ({
    ...answer,
    title: index === 0 ? answer.title : `${answer.title} (${index + 1}/${parts.length})`,
    blocks,
    text: renderPlainText(blocks),
  }));
}
