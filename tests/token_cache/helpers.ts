// Test helpers for the token cache tests.
import type { Logger, TokenStore } from "../../mod.ts";

/** A store whose entries the test can read and change. */
export class SpyStore implements TokenStore {
  entries: Map<string, Uint8Array> = new Map();
  get(key: string): Promise<Uint8Array | undefined> {
    return Promise.resolve(this.entries.get(key)?.slice());
  }
  set(key: string, value: Uint8Array): Promise<void> {
    this.entries.set(key, value.slice());
    return Promise.resolve();
  }
  delete(key: string): Promise<void> {
    this.entries.delete(key);
    return Promise.resolve();
  }
  /** The only key, asserting there is exactly one. */
  onlyKey(): string {
    if (this.entries.size !== 1) throw new Error(`expected 1 entry, got ${this.entries.size}`);
    return [...this.entries.keys()][0]!;
  }
}

/** A logger that keeps every line and argument as text. */
export function recordingLogger(): { logger: Logger; lines: string[] } {
  const lines: string[] = [];
  const record = (msg: string, ...args: unknown[]) => {
    lines.push([msg, ...args.map((a) => Deno.inspect(a))].join(" "));
  };
  return { logger: { debug: record, info: record, warn: record, error: record }, lines };
}

export const HOUR = 3_600_000;

export const TOKEN = "gAAAAABsecret-token-value-0123456789abcdef";
