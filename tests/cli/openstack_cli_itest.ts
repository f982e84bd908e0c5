/**
 * A real client against FakeCloud: Debian's `openstack` CLI (python-openstackclient,
 * osc-placement) runs a representative session in one interactive process, and
 * every command must succeed and print what a real cloud makes it print.
 */
import assert from "node:assert/strict";
import { FakeCloud } from "../../src/testing/mod.ts";

const OPENSTACK = "/usr/bin/openstack";

type Json = Record<string, unknown>;

/** Splits the concatenated JSON documents the commands print (`-f json`). */
function jsonValues(text: string): unknown[] {
  const out: unknown[] = [];
  let depth = 0;
  let start = -1;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === "\\") i++;
      else if (c === '"') inString = false;
      continue;
    }
    if (c === '"' && depth > 0) inString = true;
    else if (c === "{" || c === "[") {
      if (depth++ === 0) start = i;
    } else if ((c === "}" || c === "]") && depth > 0 && --depth === 0) {
      out.push(JSON.parse(text.slice(start, i + 1)));
    }
  }
  return out;
}

/** Runs the commands in one `openstack` interactive session (stdin), logged in by `env`. */
async function openstack(
  env: Record<string, string>,
  commands: string[],
): Promise<{ values: unknown[]; stderr: string; code: number }> {
  try {
    await Deno.stat(OPENSTACK);
  } catch {
    throw new Error(`${OPENSTACK} is missing: apt-get install python3-openstackclient`);
  }
  const child = new Deno.Command(OPENSTACK, {
    stdin: "piped",
    stdout: "piped",
    stderr: "piped",
    clearEnv: true,
    env: { PATH: "/usr/bin:/bin", HOME: Deno.env.get("HOME") ?? "/tmp", LANG: "C.UTF-8", ...env },
    signal: AbortSignal.timeout(300_000),
  }).spawn();
  const writer = child.stdin.getWriter();
  await writer.write(new TextEncoder().encode(commands.join("\n") + "\n"));
  await writer.close();
  const { stdout, stderr, code } = await child.output();
  return {
    values: jsonValues(new TextDecoder().decode(stdout)),
    stderr: new TextDecoder().decode(stderr),
    code,
  };
}

Deno.test("openstack CLI: a representative session against FakeCloud", async () => {
  await using cloud = await FakeCloud.start();
  const keyFile = await Deno.makeTempFile({ prefix: "ct-cli-key-" });
  try {
    const image = "cirros-0.6.2-x86_64-disk";
    const { values, stderr, code } = await openstack(cloud.env(), [
      "token issue -f json",
      "project list -f json",
      "user create --password ct-pw-1 --domain default ct-cli-user -f json",
      "user show ct-cli-user -f json",
      "user delete ct-cli-user",
      "user list -f json",
      "flavor list -f json",
      "flavor show m1.tiny -f json",
      "image list -f json",
      `image show ${image} -f json`,
      `keypair create --private-key ${keyFile} ct-cli-kp -f json`,
      "keypair list -f json",
      "keypair delete ct-cli-kp",
      `server create --flavor m1.tiny --image ${image} --network public --wait ct-cli-vm -f json`,
      "server list -f json",
      "server show ct-cli-vm -f json",
      "server delete --wait ct-cli-vm",
      "server list -f json",
      "resource provider list -f json",
      "network list -f json",
      "subnet list -f json",
      "volume list -f json",
      "role assignment list --names --user demo -f json",
    ]);
    // Interactive mode keeps going after a failed command: any error shows on stderr.
    assert.equal(stderr.trim(), "", `the CLI complained:\n${stderr}`);
    assert.equal(code, 0);
    assert.equal(values.length, 20, "every -f json command printed one document");
    const one = (i: number) => values[i] as Json;
    const many = (i: number) => values[i] as Json[];
    const [token, userCreated, flavor, imageShown, keypair, serverCreated] = [0, 2, 6, 8, 9, 11]
      .map(one) as [Json, Json, Json, Json, Json, Json];
    const [projects, users, flavors, images, keypairs, servers] = [1, 4, 5, 7, 10, 12].map(
      many,
    ) as [
      Json[],
      Json[],
      Json[],
      Json[],
      Json[],
      Json[],
    ];
    const [serversAfter, providers, networks, subnets, volumes, assignments] = [
      14,
      15,
      16,
      17,
      18,
      19,
    ].map(many) as [Json[], Json[], Json[], Json[], Json[], Json[]];
    const userShown = one(3);
    const serverShown = one(13);

    assert.equal(token.project_id, cloud.admin.projectId);
    assert.equal(token.user_id, cloud.admin.userId);
    assert.deepEqual(projects.map((p) => p.Name).sort(), ["admin", "demo", "service"]);
    assert.equal(userCreated.name, "ct-cli-user");
    assert.equal(userShown.id, userCreated.id);
    assert.equal(users.some((u) => u.Name === "ct-cli-user"), false);
    assert.deepEqual(flavors.find((f) => f.Name === "m1.tiny"), {
      ID: "1",
      Name: "m1.tiny",
      RAM: 512,
      Disk: 1,
      Ephemeral: 0,
      VCPUs: 1,
      "Is Public": true,
    });
    assert.equal(flavor.id, "1");
    assert.deepEqual(images.map((i) => i.Name), [image]);
    assert.equal(imageShown.status, "active");
    assert.match(String(imageShown.checksum), /^[0-9a-f]{32}$/);
    assert.equal(keypair.name, "ct-cli-kp");
    assert.match(String(keypair.fingerprint), /^([0-9a-f]{2}:){15}[0-9a-f]{2}$/);
    assert.match(await Deno.readTextFile(keyFile), /BEGIN RSA PRIVATE KEY/);
    assert.deepEqual(keypairs.map((k) => k.Name), ["ct-cli-kp"]);
    assert.equal(serverCreated.status, "ACTIVE");
    assert.equal(serverCreated.flavor, "m1.tiny (1)");
    assert.match(JSON.stringify(serverCreated.addresses), /172\.24\.4\./);
    assert.deepEqual(servers.map((s) => [s.Name, s.Status]), [[
      "ct-cli-vm",
      "ACTIVE",
    ]]);
    assert.equal(serverShown.id, serverCreated.id);
    assert.deepEqual(serversAfter, []);
    assert.deepEqual(providers.map((p) => p.name), ["compute-0"]);
    assert.deepEqual(networks.map((n) => n.Name), ["public"]);
    assert.deepEqual(subnets.map((s) => s.Subnet), ["172.24.4.0/24"]);
    assert.deepEqual(volumes, []);
    assert.deepEqual(assignments.map((a) => [a.Role, a.User, a.Project]), [[
      "member",
      "demo@Default",
      "demo@Default",
    ]]);
    // The CLI's requests reached the fake, and its log holds no password or token.
    const log = JSON.stringify(cloud.requests);
    assert.ok(cloud.requests.some((r) => r.path === "/compute/v2.1/servers"));
    assert.equal(log.includes(FakeCloud.ADMIN_PASSWORD), false);
    assert.equal(log.includes("ct-pw-1"), false);
    assert.equal(log.includes(String(token.id)), false);
  } finally {
    await Deno.remove(keyFile);
  }
});

Deno.test("openstack CLI: a member gets what Keystone's and Nova's policies allow", async () => {
  await using cloud = await FakeCloud.start();
  const { values, stderr } = await openstack(cloud.env("demo"), [
    "token issue -f json",
    // Refused GET /v3/projects, the CLI falls back to the user's own projects.
    "project list -f json",
    "user list -f json",
    "role list -f json",
    "flavor create --ram 64 --disk 0 --vcpus 1 ct-nope -f json",
  ]);
  assert.equal(values.length, 2);
  assert.equal((values[0] as Json).project_id, cloud.demo.projectId);
  assert.deepEqual((values[1] as Json[]).map((p) => p.Name), ["demo"]);
  const lines = stderr.trim().split("\n");
  assert.equal(lines.length, 3, stderr);
  assert.match(
    lines[0]!,
    /not authorized to perform the requested action: identity:list_users\. \(HTTP 403\)/,
  );
  assert.match(lines[1]!, /identity:list_roles\. \(HTTP 403\)/);
  assert.match(lines[2]!, /403: .*os_compute_api:os-flavor-manage:create/);
});
