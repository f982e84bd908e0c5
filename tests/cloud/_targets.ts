/**
 * The contract-test harness: one test body, two targets. `contractTest(name, fn)`
 * registers `"<name> [fake]"` (a fresh FakeCloud per test) and, when env
 * `NIMBUS_REAL_CLOUD` names the JSON file `scripts/openstack.sh` writes,
 * `"<name> [real]"` against that cloud. There is no way to skip a target: when
 * the two disagree, FakeCloud is wrong.
 *
 * The JSON file holds `{ "adminEnv": {OS_*…}, "demoEnv": {OS_*…}, "fixtures": {…} }`.
 *
 * Tests clean up what they create and name it with {@linkcode uniqueName}, so they
 * can run in any order against one long-lived real cloud.
 *
 * @module
 */
import { FakeCloud } from "../../src/testing/mod.ts";

/** A cloud the contract tests run against. */
export interface CloudTarget {
  /** Which one: the in-process FakeCloud or the real cloud of `NIMBUS_REAL_CLOUD`. */
  readonly name: "fake" | "real";
  /** OS_* env for the admin user/project (as loadPluginFromEnv / openCloud({ env }) take). */
  readonly adminEnv: Record<string, string>;
  /** OS_* env for a non-admin user with role member on project "demo". */
  readonly demoEnv: Record<string, string>;
  /**
   * Ids the suites may rely on: `imageId` (a small public cirros-like image, active),
   * `flavorId`, `publicNetworkId` (the external network "public", where the cloud has
   * Neutron), `adminProjectId`, `adminUserId`, `demoProjectId`, `demoUserId`,
   * `domainId` ("default") and `region`.
   */
  readonly fixtures: {
    imageId: string;
    flavorId: string;
    publicNetworkId?: string;
    [k: string]: string | undefined;
  };
}

/** The file format of `NIMBUS_REAL_CLOUD`. */
interface RealCloudFile {
  adminEnv: Record<string, string>;
  demoEnv: Record<string, string>;
  fixtures: CloudTarget["fixtures"];
}

function readRealCloud(): RealCloudFile | undefined {
  const path = Deno.env.get("NIMBUS_REAL_CLOUD");
  if (!path) return undefined;
  // A set but unreadable or malformed file is an error, never a silent fake-only run.
  const parsed = JSON.parse(Deno.readTextFileSync(path)) as RealCloudFile;
  for (const key of ["adminEnv", "demoEnv", "fixtures"] as const) {
    if (typeof parsed[key] !== "object" || parsed[key] === null) {
      throw new Error(`NIMBUS_REAL_CLOUD file ${path} has no '${key}' object`);
    }
  }
  if (!parsed.fixtures.imageId || !parsed.fixtures.flavorId) {
    throw new Error(`NIMBUS_REAL_CLOUD file ${path} lacks fixtures.imageId / flavorId`);
  }
  return parsed;
}

const REAL = readRealCloud();

/** Finds the fake's seeded fixtures through its own API, as a client would. */
async function fakeFixtures(cloud: FakeCloud): Promise<CloudTarget["fixtures"]> {
  const token = cloud.issueToken("admin");
  const get = async (url: string): Promise<Record<string, unknown>> => {
    const res = await fetch(url, {
      headers: { "x-auth-token": token, accept: "application/json" },
    });
    if (!res.ok) {
      await res.body?.cancel();
      throw new Error(`FakeCloud fixture lookup GET ${url}: ${res.status}`);
    }
    return await res.json();
  };
  const images = await get(`${cloud.endpoint("image")}/v2/images?visibility=public`);
  const image = (images.images as { id: string; status: string }[]).find((i) =>
    i.status === "active"
  );
  if (!image) throw new Error("FakeCloud has no active public image");
  const fixtures: CloudTarget["fixtures"] = {
    imageId: image.id,
    flavorId: "1",
    adminProjectId: cloud.admin.projectId,
    adminUserId: cloud.admin.userId,
    demoProjectId: cloud.demo.projectId,
    demoUserId: cloud.demo.userId,
    domainId: "default",
    region: cloud.env().OS_REGION_NAME,
  };
  let network: string | undefined;
  try {
    network = cloud.endpoint("network");
  } catch {
    // FakeCloud without Neutron: no external network to offer.
  }
  if (network) {
    const nets = await get(`${network.replace(/\/$/, "")}/v2.0/networks?name=public`);
    const pub = (nets.networks as { id: string }[] | undefined)?.[0];
    if (pub) fixtures.publicNetworkId = pub.id;
  }
  return fixtures;
}

/**
 * Registers `Deno.test("<name> [fake]")`, and `"<name> [real]"` when the real cloud is
 * described by env NIMBUS_REAL_CLOUD (path to a JSON file written by scripts/openstack.sh).
 */
export function contractTest(
  name: string,
  fn: (target: CloudTarget) => Promise<void>,
  _options?: { ignoreOn?: never },
): void {
  Deno.test(`${name} [fake]`, async () => {
    await using cloud = await FakeCloud.start();
    const target: CloudTarget = {
      name: "fake",
      adminEnv: cloud.env("admin"),
      demoEnv: cloud.env("demo"),
      fixtures: await fakeFixtures(cloud),
    };
    await fn(target);
  });
  if (REAL) {
    const real = REAL;
    Deno.test(`${name} [real]`, async () => {
      await fn({
        name: "real",
        adminEnv: { ...real.adminEnv },
        demoEnv: { ...real.demoEnv },
        fixtures: { ...real.fixtures },
      });
    });
  }
}

/** A name for something a test creates: `ct-<kind>-<random>`, unique per call. */
export function uniqueName(kind: string): string {
  return `ct-${kind}-${crypto.randomUUID().slice(0, 8)}`;
}
