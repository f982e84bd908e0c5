/**
 * oVirt quick tour: log in, list and search VMs, start one and wait until it
 * is up, follow links, handle a fault, and close (revoking the token).
 *
 * Without OVIRT_URL it runs against a FakeEngine on 127.0.0.1, so it works
 * anywhere:
 *
 *   deno run --allow-net --allow-env examples/ovirt_quickstart.ts
 *
 * Against a real engine:
 *
 *   OVIRT_URL=https://engine.example.com/ovirt-engine/api \
 *   OVIRT_USERNAME=admin@internal OVIRT_PASSWORD=... OVIRT_CA_FILE=/path/ca.pem \
 *   deno run --allow-net --allow-env --allow-read examples/ovirt_quickstart.ts
 *
 * @module
 */
import { Connection, SdkError } from "@nimbus/apiclient";
import { type Cluster, VmStatus, waitFor } from "@nimbus/apiclient/services/ovirt";
import { FakeEngine } from "@nimbus/apiclient/testing";

const realUrl = Deno.env.get("OVIRT_URL");
const engine = realUrl ? undefined : await FakeEngine.start({
  users: { "admin@internal": "s3cret" },
  transitionMs: 1_500, // a VM start goes down → wait_for_launch → powering_up → up
});

try {
  await using connection = new Connection({
    url: realUrl ?? engine!.url,
    username: Deno.env.get("OVIRT_USERNAME") ?? "admin@internal",
    password: Deno.env.get("OVIRT_PASSWORD") ?? "s3cret",
    caFile: Deno.env.get("OVIRT_CA_FILE"),
    timeout: 30_000,
  });

  // Nothing has been sent yet: the SSO login happens on the first request.
  console.log("engine answers:", await connection.test());

  const vmsService = connection.systemService().vmsService();
  for (const vm of await vmsService.list()) {
    console.log(`vm ${vm.name?.padEnd(8)} ${vm.status} memory=${vm.memory}`);
  }

  const [stopped] = await vmsService.list({ search: "status=down", max: 1 });
  if (stopped?.id) {
    const vmService = vmsService.vmService(stopped.id);
    await vmService.start();
    const up = await waitFor(vmService, (vm) => vm.status === VmStatus.UP, {
      timeoutMs: 60_000,
      intervalMs: 500,
      onProgress: (vm) => console.log(`  ${vm.name}: ${vm.status}`),
    });
    console.log(`${up.name} is up`);

    // Links: a reference (get) and a link-only list (list).
    const cluster = await connection.followLink<Cluster>(up.cluster!);
    console.log(`${up.name} runs in cluster ${cluster.name}`);
    const nics = await connection.followLink(up.nics);
    console.log(`${up.name} has NICs ${nics.map((n) => n.name).join(", ")}`);

    // Faults come back as typed errors with the engine's reason and detail.
    try {
      await vmService.start();
    } catch (error) {
      if (!(error instanceof SdkError)) throw error;
      console.log(`start again: HTTP ${error.code}: ${error.fault?.detail}`);
      console.log(`  message: ${error.message}`);
    }
  }
  // `await using` closes the connection here and revokes the SSO token.
} finally {
  await engine?.close();
}
