/**
 * Shared helpers of the redaction tests: a logger that keeps its lines and an
 * assertion that a secret shows nowhere.
 *
 * @module
 */
import assert from "node:assert/strict";
import type { Logger } from "../../src/types.ts";

/** Keeps every line, at every level. */
export class Lines implements Logger {
  readonly all: string[] = [];
  debug(msg: string): void {
    this.all.push(msg);
  }
  warn(msg: string): void {
    this.all.push(`WARN ${msg}`);
  }
  get text(): string {
    return this.all.join("\n");
  }
}

/** Fails when `secret` (or its first or last 6 characters) appears in `text`. */
export function assertNoSecret(text: string, secret: string, where: string): void {
  for (const part of new Set([secret, secret.slice(0, 6), secret.slice(-6)])) {
    assert.ok(!text.includes(part), `${where} shows '${part}':\n${text.slice(0, 2000)}`);
  }
}

/** A `Deno.serve` server on 127.0.0.1 that the caller closes with `await using`. */
export function serve(
  handler: (request: Request) => Response | Promise<Response>,
): { url: string; origin: string } & AsyncDisposable {
  const server = Deno.serve({ hostname: "127.0.0.1", port: 0, onListen() {} }, handler);
  const origin = `http://127.0.0.1:${server.addr.port}`;
  return {
    url: origin,
    origin,
    async [Symbol.asyncDispose]() {
      await server.shutdown();
    },
  };
}
