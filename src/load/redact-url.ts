// Shows where a source is without what unlocks it: a URL as host and path, with no credentials or query.

/**
 * `https://user:pass@sched.example.com/all.ics?key=…` → `sched.example.com/all.ics`. Private feeds carry their key
 * in the query (Sched) or in the user part, so everything a source URL is shown or logged as goes through this.
 * Anything that is not an http(s) URL (a file path) is returned as it is.
 */
export function redactUrl(source: string): string {
  if (!/^https?:\/\//i.test(source)) return source;
  try {
    const url = new URL(source);
    return `${url.host}${url.pathname}`;
  } catch {
    // Unparsable: drop the user part and everything from the query on, the places a secret would sit.
    return source
      .replace(/^https?:\/\//i, '')
      .replace(/^[^/]*@/, '')
      .replace(/[?#].*$/, '');
  }
}
