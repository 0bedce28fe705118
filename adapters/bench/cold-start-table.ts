// The bench's cold-start table: each real schedule started three ways, wall clock and CPU time side by side.
import type { ColdStart, Run } from './targets.ts';

const HEADER = ['dataset', 'no snapshot', 'first (writes it)', 'from snapshot', 'speed-up'];

/** One row per run measured with a snapshot; empty when there is none (no ../shared and no curated run). */
export function coldStartTable(runs: readonly Run[]): string {
  const rows = runs.flatMap((run) => {
    const starts = run.coldStarts;
    if (starts === undefined) return [];
    const speedUp = starts.noSnapshot.ms / Math.max(1, starts.fromSnapshot.ms);
    return [
      [
        run.dataset,
        cell(starts.noSnapshot),
        cell(starts.writesSnapshot),
        cell(starts.fromSnapshot),
        `${speedUp.toFixed(1)}×`,
      ],
    ];
  });
  if (rows.length === 0) return '';
  const widths = HEADER.map((title, i) =>
    Math.max(title.length, ...rows.map((row) => (row[i] ?? '').length)),
  );
  const line = (cells: readonly string[]) => cells.map((text, i) => text.padStart(widths[i] ?? 0)).join('  ');
  return `cold start, ms from process start to the first answer (CPU ms in brackets), median of 3:\n${line(HEADER)}\n${rows.map(line).join('\n')}\n\n`;
}

function cell(start: ColdStart): string {
  return `${start.ms} (${start.cpuMs})`;
}
