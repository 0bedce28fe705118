// `changes.jsonl` beside the source cache: every schedule change report, one JSON line each, so a restarted bot
// still knows what changed since the last digest.
import { appendFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ChangeReport } from '../../src/index.ts';

const FILE_NAME = 'changes.jsonl';

export function appendChangeLog(cacheDir: string, report: ChangeReport): void {
  mkdirSync(cacheDir, { recursive: true });
  appendFileSync(join(cacheDir, FILE_NAME), `${JSON.stringify(report)}\n`);
}

/** The reports made after `since`, oldest first. A missing file is empty; a damaged line is skipped and counted. */
export function readChangeLog(
  cacheDir: string,
  since: number,
): { readonly reports: ChangeReport[]; readonly skipped: number } {
  let text: string;
  try {
    text = readFileSync(join(cacheDir, FILE_NAME), 'utf8');
  } catch {
    return { reports: [], skipped: 0 };
  }
  const reports: ChangeReport[] = [];
  let skipped = 0;
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    const report = parseReport(line);
    if (report === undefined) skipped += 1;
    else if (report.at > since) reports.push(report);
  }
  return { reports: reports.sort((a, b) => a.at - b.at), skipped };
}

function parseReport(line: string): ChangeReport | undefined {
  try {
    const value = JSON.parse(line) as Partial<ChangeReport>;
    const lists = [value.added, value.cancelled, value.moved];
    if (typeof value.at !== 'number' || !lists.every(Array.isArray)) return undefined;
    return value as ChangeReport;
  } catch {
    return undefined;
  }
}
