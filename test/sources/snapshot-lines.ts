// The log lines about the index snapshot, which the snapshot tests count: none when it was read, one when not.
import type { CapturedLogger } from '../helpers/capture-logger.ts';

export function snapshotLines(captured: CapturedLogger): string[] {
  return captured
    .lines()
    .map((line) => String(line.msg))
    .filter((msg) => msg.includes('snapshot'));
}
