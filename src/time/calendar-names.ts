// English weekday and month names, lower-cased, for reading and mending the days people type. One formatter per
// kind: building a formatter is what costs, not formatting with it.

const weekday = new Intl.DateTimeFormat('en', { weekday: 'long', timeZone: 'UTC' });
const month = new Intl.DateTimeFormat('en', { month: 'long', timeZone: 'UTC' });

/** "monday" … "sunday" (1 January 2024 was a Monday). */
export const WEEKDAY_NAMES: readonly string[] = Array.from({ length: 7 }, (_, day) =>
  weekday.format(Date.UTC(2024, 0, day + 1)).toLowerCase(),
);

/** "january" … "december". */
export const MONTH_NAMES: readonly string[] = Array.from({ length: 12 }, (_, index) =>
  month.format(Date.UTC(2024, index, 1)).toLowerCase(),
);
