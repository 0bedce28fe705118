// chrono-node, with one more pattern it lacks: a span of clock times said "between 9 and 10" or "9-10". Kept
// beside chrono's own parsers, so the span's day ("on Thursday") is still read and merged by chrono.
import * as chrono from 'chrono-node';

const CLOCK = String.raw`(\d{1,2})(?:[:.](\d{2}))?\s*(am|pm)?`;
/** A clock time that cannot be a plain number: "14:00", "2pm". */
const MARKED_CLOCK = String.raw`(\d{1,2})(?:[:.](\d{2})\s*(am|pm)?|()\s*(am|pm))`;
/**
 * "between 9 and 10:30", "between 2pm and 4pm"; with a dash only when a side is plainly a time ("14:00-15:30",
 * "2pm-4pm"), since "Hall 1-5" is a room.
 */
const SPAN = new RegExp(
  String.raw`(?:\bbetween\s+${CLOCK}\s+and\s+${CLOCK}|\b${MARKED_CLOCK}\s*[-–]\s*${CLOCK})\b`,
  'i',
);

function clock(hour: string | undefined, minute: string | undefined, meridiem: string | undefined) {
  let value = Number(hour);
  if (meridiem?.toLowerCase() === 'pm' && value < 12) value += 12;
  if (meridiem?.toLowerCase() === 'am' && value === 12) value = 0;
  const parts: { hour: number; minute: number; meridiem?: number } = {
    hour: value,
    minute: Number(minute ?? 0),
  };
  if (meridiem !== undefined) parts.meridiem = value >= 12 ? 1 : 0;
  return parts;
}

const spanParser: chrono.Parser = {
  pattern: () => SPAN,
  extract(context, match) {
    const [, h1, m1, p1, h2, m2, p2, dashHour, dashMinute, dashMeridiem, , bareMeridiem, h3, m3, p3] = match;
    const between = h1 !== undefined;
    const to = between ? clock(h2, m2, p2) : clock(h3, m3, p3);
    const fromMeridiem = between ? (p1 ?? p2) : (dashMeridiem ?? bareMeridiem ?? p3);
    const from = between ? clock(h1, m1, fromMeridiem) : clock(dashHour, dashMinute, fromMeridiem);
    if (from.hour > 23 || to.hour > 23 || from.minute > 59 || to.minute > 59) return null;
    return context.createParsingResult(match.index ?? 0, match[0], from, to);
  },
};

/** English casual chrono, plus clock-time spans. */
export const timeParser: chrono.Chrono = (() => {
  const parser = chrono.en.casual.clone();
  parser.parsers.push(spanParser);
  return parser;
})();
