// docs/architecture.md gives a reason for every dependency package.json lists, and names no package it does not.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../helpers/run-process.ts';

const PACKAGE = JSON.parse(readFileSync(`${PROJECT_ROOT}package.json`, 'utf8')) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};
const ARCHITECTURE = readFileSync(`${PROJECT_ROOT}docs/architecture.md`, 'utf8');

/** The package names in the first column of the dependency table. */
function documentedPackages(): string[] {
  const table = ARCHITECTURE.slice(ARCHITECTURE.indexOf('| package | why |'));
  const rows = table.split('\n').slice(2);
  return rows
    .slice(
      0,
      rows.findIndex((row) => !row.startsWith('|')),
    )
    .flatMap((row) => [...(row.split('|')[1] ?? '').matchAll(/`([^`]+)`/g)].map((match) => match[1] ?? ''));
}

describe('the dependency table', () => {
  it('has a row for each dependency and dev dependency, and for nothing else', () => {
    const installed = [...Object.keys(PACKAGE.dependencies), ...Object.keys(PACKAGE.devDependencies)].sort();
    expect(documentedPackages().sort()).toEqual(installed);
  });

  it('says why minisearch is pinned, and it is pinned exactly', () => {
    expect(PACKAGE.dependencies.minisearch).toMatch(/^\d+\.\d+\.\d+$/);
    expect(ARCHITECTURE).toContain('`minisearch` (pinned exactly)');
  });
});
