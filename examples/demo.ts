/**
 * `deno task demo`: the examples against the embedded fakes — FakeCloud for
 * OpenStack and FakeEngine for oVirt — so it runs on any machine, offline.
 */
import { FakeCloud } from "@nimbus/apiclient/testing";
import { openstackBasics } from "./openstack_basics.ts";
import { openstackServices } from "./openstack_services.ts";

console.log("== OpenStack: HTTPClient + KeystonePasswordAuth against FakeCloud");
{
  await using cloud = await FakeCloud.start();
  console.log(`FakeCloud listening at ${cloud.url}; Keystone at ${cloud.authUrl}\n`);
  await openstackBasics({
    authUrl: cloud.authUrl,
    username: "admin",
    password: FakeCloud.ADMIN_PASSWORD,
    projectName: "admin",
    revokeAll: () => cloud.revokeAll(),
  });
  console.log(`\nKeystone logins made: ${cloud.authCount}`);

  console.log("\n== OpenStack: typed clients from openCloud() with the OS_* variables");
  await openstackServices(cloud.env("admin"));
}

console.log("\n== oVirt: Connection + typed services against FakeEngine");
await import("./ovirt_quickstart.ts");
