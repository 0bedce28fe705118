// `npm run docs:examples`: writes the CLI's current output into every example block of README.md and docs/*.md.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../shared/paths.ts';
import { renderExamples } from './examples.ts';

/** The Markdown files that may hold example blocks. */
export function documentationFiles(): string[] {
  const docs = join(PROJECT_ROOT, 'docs');
  return [
    join(PROJECT_ROOT, 'README.md'),
    ...readdirSync(docs)
      .filter((name) => name.endsWith('.md'))
      .sort()
      .map((name) => join(docs, name)),
  ];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const file of documentationFiles()) {
    const text = readFileSync(file, 'utf8');
    const written = await renderExamples(text);
    if (written !== text) {
      writeFileSync(file, written);
      process.stdout.write(`updated ${file.slice(PROJECT_ROOT.length + 1)}\n`);
    }
  }
}
