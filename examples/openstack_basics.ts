/**
 * OpenStack basics with the client core: log in with a password, call two
 * services through one shared HTTPClient, survive a revoked token, and look at
 * the debug log and the timings.
 *
 * Standalone: OS_AUTH_URL=… OS_USERNAME=… OS_PASSWORD=… OS_PROJECT_NAME=… \
 *   deno run -A examples/openstack_basics.ts
 * (the demo, `deno task demo`, runs it against the embedded FakeCloud).
 */
import { BaseClient, formatTimings, HTTPClient, type Logger, NotFound } from "@nimbus/apiclient";
import { KeystonePasswordAuth } from "@nimbus/apiclient/auth";

class Identity extends BaseClient {
  static override serviceType = "identity";
}
class Compute extends BaseClient {
  static override serviceType = "compute";
}
class Image extends BaseClient {
  static override serviceType = "image";
}

/** Where to log in. */
export interface OpenStackLogin {
  authUrl: string;
  username: string;
  password: string;
  projectName: string;
  /** Called to revoke every token server-side, to show the re-login. */
  revokeAll?: () => void;
}

/** Runs the walk-through, printing what happens. */
export async function openstackBasics(login: OpenStackLogin, print = console.log): Promise<void> {
  const debugLines: string[] = [];
  const logger: Logger = { debug: (line: string) => debugLines.push(line) };
  await using http = new HTTPClient(
    new KeystonePasswordAuth({
      authUrl: login.authUrl,
      username: login.username,
      password: login.password,
      userDomainName: "Default",
      projectName: login.projectName,
      projectDomainName: "Default",
    }),
    { timings: true, debug: true, logger, timeout: 10_000 },
  );
  const identity = new Identity(http);
  const compute = new Compute(http);
  const image = new Image(http);

  const { projects } = await (await identity.get("/projects")).json();
  print(
    `GET identity /projects → ${projects.length} projects: ${
      projects.map((p: { name: string }) => p.name).join(", ")
    }`,
  );
  const { servers } = await (await compute.get("/servers/detail", { query: { limit: 5 } })).json();
  print(`GET compute /servers/detail?limit=5 → ${servers.length} servers`);
  const { images } = await (await image.get("/v2/images")).json();
  const { flavors } = await (await compute.get("/flavors")).json();
  print(`GET image /v2/images → ${images.map((i: { name: string }) => i.name).join(", ")}`);
  const created = await (await compute.post("/servers", {
    json: { server: { name: "demo-vm", flavorRef: flavors[0].id, imageRef: images[0].id } },
  })).json();
  print(`POST compute /servers → id ${created.server.id} (request id ${http.lastRequestId})`);

  if (login.revokeAll) {
    login.revokeAll();
    const again = await (await compute.get(`/servers/${created.server.id}`)).json();
    print(
      `token revoked server-side → 401 → one re-login → GET /servers/{id} → ${again.server.name}`,
    );
  }
  try {
    await compute.get("/servers/no-such-server");
  } catch (e) {
    if (e instanceof NotFound) print(`GET /servers/no-such-server → ${e.name}: ${String(e)}`);
  }

  const curl = debugLines.find((l) => l.startsWith("REQ: curl") && l.includes("X-Auth-Token"));
  print("\nA debug line (the token is a fingerprint, never the token):");
  print(`  ${curl}`);
  print("\nTimings:");
  print(formatTimings(http.getTimings()).replace(/^/gm, "  "));
}

if (import.meta.main) {
  const env = Deno.env.toObject();
  await openstackBasics({
    authUrl: env.OS_AUTH_URL ?? "http://127.0.0.1:5000/v3",
    username: env.OS_USERNAME ?? "admin",
    password: env.OS_PASSWORD ?? "",
    projectName: env.OS_PROJECT_NAME ?? "admin",
  });
}
