import { HTTPClient, type HTTPClientOptions } from "../../../mod.ts";
import { KeystonePasswordAuth } from "../../../src/auth/mod.ts";
import type { FakeCloud } from "../../../src/testing/mod.ts";

/** An HTTPClient logged in (lazily) as a seeded user of the fake cloud. */
export function httpFor(
  cloud: FakeCloud,
  who: "admin" | "demo" = "admin",
  options: HTTPClientOptions = {},
): HTTPClient {
  const user = who === "admin" ? cloud.admin : cloud.demo;
  const auth = new KeystonePasswordAuth({
    authUrl: cloud.authUrl,
    username: user.username,
    password: user.password,
    userDomainName: "Default",
    projectName: user.projectName,
    projectDomainName: "Default",
  });
  return new HTTPClient(auth, options);
}

/** Collects an async iterator into an array (bounded). */
export async function collect<T>(it: AsyncIterable<T>, max = 10_000): Promise<T[]> {
  const out: T[] = [];
  for await (const item of it) {
    out.push(item);
    if (out.length >= max) break;
  }
  return out;
}
