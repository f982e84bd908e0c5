/**
 * One worker of a fleet: logs in to Keystone through a shared token store (or
 * finds the token there) and lists servers once. Prints the HTTP status.
 *   deno run -A bench/fleet/worker.ts <authUrl> <store> <username> <password> <project>
 * <store> is "redis:<url>" or "file:<path>".
 */
import {
  BaseClient,
  FileTokenStore,
  HTTPClient,
  RedisTokenStore,
  TokenCache,
  type TokenStore,
} from "../../mod.ts";
import { KeystonePasswordAuth } from "../../src/auth/mod.ts";

class Compute extends BaseClient {
  static override serviceType = "compute";
}

const [authUrl, where, username, password, projectName] = Deno.args as string[];
if (!authUrl || !where || !username || !password || !projectName) {
  throw new Error(
    "usage: worker.ts <authUrl> <redis:url|file:path> <username> <password> <project>",
  );
}
const redis = where.startsWith("redis:") ? new RedisTokenStore({ url: where.slice(6) }) : undefined;
const store: TokenStore = redis ?? new FileTokenStore(where.replace(/^file:/, ""));
const tokenCache = new TokenCache({ store, secret: "fleet bench secret, 32+ bytes long!!" });
try {
  await using http = new HTTPClient(
    new KeystonePasswordAuth({
      authUrl,
      username,
      userDomainName: "Default",
      password,
      projectName,
      projectDomainName: "Default",
    }),
    { tokenCache },
  );
  const res = await new Compute(http).get("/servers");
  await res.body?.cancel();
  console.log(JSON.stringify({ status: res.status }));
} finally {
  await redis?.close();
}
