// Every text Slack would show from a message: each `text` string in its blocks, at any depth, in order.

export function blockTexts(value: unknown): string[] {
  const out: string[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (node !== null && typeof node === 'object') {
      for (const [key, inner] of Object.entries(node)) {
        if (key === 'text' && typeof inner === 'string') out.push(inner);
        else visit(inner);
      }
    }
  };
  visit(value);
  return out;
}
