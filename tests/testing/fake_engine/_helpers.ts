/**
 * Shared by the FakeEngine tests: plain `fetch` calls against a running
 * engine, authenticated with HTTP Basic or a bearer token.
 *
 * @module
 */
import type { FakeEngine } from "../../../src/testing/mod.ts";

/** The users of every engine these tests start. */
export const USERS: Record<string, string> = {
  "admin@internal": "adm-pw-90817",
  "user1@internal": "usr-pw-55120",
};

/** `Authorization: Basic` for a user of {@linkcode USERS}. */
export function basic(user = "admin@internal", password = USERS[user]!): string {
  return `Basic ${btoa(`${user}:${password}`)}`;
}

/** A reply, read whole. */
export interface Reply {
  status: number;
  headers: Headers;
  text: string;
}

/** Calls the API (path under the API root) and reads the reply. */
export async function call(
  engine: FakeEngine,
  path: string,
  init: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<Reply> {
  const headers = { authorization: basic(), ...init.headers };
  const r = await fetch(`${engine.url}${path}`, {
    method: init.method ?? "GET",
    headers,
    body: init.body,
  });
  return { status: r.status, headers: r.headers, text: await r.text() };
}

/** The lines of the direct children of the first `<tag …>` element in `xml` (as rendered, indented). */
function childLines(xml: string, tag: string): string[] {
  const start = xml.search(new RegExp(`<${tag}[ >]`));
  if (start < 0) return [];
  const lines = xml.slice(start).split("\n");
  const pad = /^\s*/.exec(lines[0]!)![0].length + 2;
  const out: string[] = [];
  for (const line of lines.slice(1)) {
    const indent = /^\s*/.exec(line)![0].length;
    if (indent < pad) break;
    if (indent === pad) out.push(line.trim());
  }
  return out;
}

/** The names of the direct child elements of the first `<tag …>` element in `xml`. */
export function childTags(xml: string, tag: string): string[] {
  return childLines(xml, tag).flatMap((line) => /^<([\w]+)/.exec(line)?.[1] ?? []);
}

/** The `rel`s of the direct `<link>` children of the first `<tag>` element. */
export function linkRels(xml: string, tag: string): string[] {
  return childLines(xml, tag).flatMap((line) =>
    /^<link href="[^"]*" rel="([^"]+)"\/>/.exec(line)?.[1] ?? []
  );
}
