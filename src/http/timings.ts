/**
 * The request timings `HTTPClient` keeps when asked.
 *
 * @module
 */
import type { Timing } from "./options.ts";

/** Keeps the newest timings, at most `limit` of them, so long-lived clients do not grow. */
export class TimingLog {
  #entries: Timing[] = [];
  readonly #limit: number;

  /** Creates an empty log. */
  constructor(limit = 10_000) {
    this.#limit = limit;
  }

  /** Records one request. */
  add(timing: Timing): void {
    this.#entries.push(timing);
    if (this.#entries.length > this.#limit) {
      this.#entries.splice(0, this.#entries.length - this.#limit);
    }
  }

  /** The recorded timings, oldest first. */
  list(): readonly Timing[] {
    return this.#entries;
  }

  /** Forgets every timing. */
  reset(): void {
    this.#entries = [];
  }
}

/**
 * Renders timings as a table a person can read: method, URL, status, ms.
 *
 * @param timings the timings of `HTTPClient.getTimings()`.
 * @returns one line per request: method, URL, status and milliseconds.
 *
 * @example Print what a script spent its time on
 * ```ts
 * import { formatTimings, HTTPClient } from "@nimbus/apiclient";
 * const http = new HTTPClient(null, { timings: true });
 * console.log(formatTimings(http.getTimings()));
 * await http.close();
 * ```
 */
export function formatTimings(timings: readonly Timing[]): string {
  const rows = timings.map((
    t,
  ) => [t.method, t.url, String(t.status ?? "-"), `${t.end - t.start} ms`]);
  const widths = [0, 1, 2, 3].map((i) => Math.max(...rows.map((r) => r[i]!.length), 0));
  return rows.map((r) => r.map((c, i) => c.padEnd(widths[i]!)).join("  ").trimEnd()).join("\n");
}
