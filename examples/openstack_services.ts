/**
 * The typed OpenStack clients: `openCloud()` reads the OS_* variables (or
 * OS_CLOUD + clouds.yaml) and gives Keystone, Nova, Glance, Placement and Trove
 * clients that share one login.
 *
 * Standalone, with your cloud's OS_* variables exported:
 *   deno run -A examples/openstack_services.ts
 * (the demo, `deno task demo`, runs it against the embedded FakeCloud).
 */
import { NotFound } from "@nimbus/apiclient";
import { openCloud } from "@nimbus/apiclient/services/openstack";

/** Lists and creates a few things, printing what happens. */
export async function openstackServices(
  env: Record<string, string | undefined>,
  print: (line: string) => void = console.log,
): Promise<void> {
  await using cloud = openCloud({ env, http: { timeout: 30_000 } });

  for await (const project of cloud.identity.projects.list()) {
    print(`project ${project.name} (domain ${project.domain_id})`);
  }
  const image = await cloud.image.images.find({ status: "active" });
  const [flavor] = await cloud.compute.flavors.findAll({});
  const server = await cloud.compute.servers.create({
    name: "typed-demo",
    flavorRef: flavor!.id,
    imageRef: image.id,
  });
  print(`created server ${server.id} from image ${image.name}, flavor ${flavor!.name}`);
  let count = 0;
  for await (const _ of cloud.compute.servers.list({ limit: 2 })) count++;
  print(`servers listed page by page (limit 2): ${count}`);
  try {
    await cloud.compute.servers.find({ name: "no-such-server" });
  } catch (e) {
    if (e instanceof NotFound) print(`find → ${e.message}`);
  }
  print(`one HTTPClient for every service: ${cloud.http.getClient("compute") === cloud.compute}`);
}

if (import.meta.main) await openstackServices(Deno.env.toObject());
