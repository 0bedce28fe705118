// Finds the IANA zone named after a city ("Amsterdam" → Europe/Amsterdam), for files that do not state one.

/** The IANA zone whose city part is the given city, if any. */
export function timeZoneOfCity(city: string | undefined): string | undefined {
  if (city === undefined) return undefined;
  const wanted = city.trim().replace(/\s+/g, '_').toLowerCase();
  if (wanted.length === 0) return undefined;
  return Intl.supportedValuesOf('timeZone').find((zone) => zone.split('/').pop()?.toLowerCase() === wanted);
}
