// Checks the CLI's date, time and zone options, so a wrong value is a one-line usage error and never a crash.
import { DateTime } from 'luxon';

export type OptionCheck<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly message: string };

/** `--date`: a calendar date that exists ("2026-02-30" and "2026-13-45" do not). */
export function checkDate(text: string): OptionCheck<string> {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text))
    return { ok: false, message: `--date must be a date such as 2026-03-26, not "${text}"` };
  return DateTime.fromISO(text).isValid
    ? { ok: true, value: text }
    : { ok: false, message: `--date must be a real date such as 2026-03-26; "${text}" does not exist` };
}

/** `--now`: an ISO 8601 time that exists; JavaScript's own parser would turn 30 February into 2 March. */
export function checkNow(text: string): OptionCheck<number> {
  const time = DateTime.fromISO(text, { setZone: true });
  if (!time.isValid) {
    return {
      ok: false,
      message: `--now must be an ISO 8601 time that exists, such as 2026-03-26T09:30:00+01:00, not "${text}"`,
    };
  }
  return { ok: true, value: time.toMillis() };
}

/** `--time-zone`: an IANA zone name the runtime knows. */
export function checkTimeZone(text: string): OptionCheck<string> {
  return DateTime.local().setZone(text).isValid
    ? { ok: true, value: text }
    : { ok: false, message: `--time-zone must be an IANA time zone such as Europe/London, not "${text}"` };
}
