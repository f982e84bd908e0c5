import assert from "node:assert/strict";
import { normalizeInterface } from "../../src/auth/service_catalog.ts";
import { ServiceCatalog } from "../../src/auth/mod.ts";
import { AmbiguousEndpoints, EndpointNotFound } from "../../src/errors/mod.ts";

const V3_TOKEN = {
  token: {
    catalog: [
      {
        type: "compute",
        name: "nova",
        id: "s1",
        endpoints: [
          {
            interface: "public",
            region_id: "RegionOne",
            region: "RegionOne",
            url: "http://c1/pub",
          },
          { interface: "internal", region_id: "RegionOne", url: "http://c1/int" },
          { interface: "admin", region_id: "RegionOne", url: "http://c1/adm" },
          { interface: "public", region_id: "RegionTwo", url: "http://c2/pub" },
        ],
      },
      {
        type: "identity",
        name: "keystone",
        endpoints: [
          { interface: "public", region: "RegionOne", url: "http://k/v3" },
          { interface: "public", region: "RegionTwo", url: "http://k/v3" },
          { interface: "internal", region: "RegionOne", url: "" },
        ],
      },
      {
        type: "volumev3",
        name: "cinder",
        endpoints: [{ interface: "public", region_id: "RegionOne", url: "http://v/a" }],
      },
      {
        type: "volumev3",
        name: "cinder-b",
        endpoints: [{ interface: "public", region_id: "RegionOne", url: "http://v/b" }],
      },
      { type: "broken" },
      "junk",
    ],
  },
};

const V2_ACCESS = {
  access: {
    serviceCatalog: [
      {
        type: "compute",
        name: "nova",
        endpoints: [
          {
            region: "RegionOne",
            publicURL: "http://c1/pub",
            internalURL: "http://c1/int",
            adminURL: "http://c1/adm",
          },
          { region: "RegionTwo", publicURL: "http://c2/pub" },
        ],
      },
      { type: "image", endpoints: [{ publicURL: "http://img" }] },
    ],
  },
};

Deno.test("normalizeInterface maps v2 spellings onto v3 names", () => {
  assert.equal(normalizeInterface("publicURL"), "public");
  assert.equal(normalizeInterface("internalURL"), "internal");
  assert.equal(normalizeInterface("adminURL"), "admin");
  assert.equal(normalizeInterface("public"), "public");
});

Deno.test("fromV3 reads a token body, the token object or the bare catalog alike", () => {
  const a = ServiceCatalog.fromV3(V3_TOKEN);
  const b = ServiceCatalog.fromV3(V3_TOKEN.token);
  const c = ServiceCatalog.fromV3(V3_TOKEN.token.catalog);
  assert.equal(a.endpoints.length, 8); // the empty identity URL is skipped
  assert.deepEqual(b.endpoints, a.endpoints);
  assert.deepEqual(c.endpoints, a.endpoints);
  assert.deepEqual(a.endpoints[0], {
    serviceType: "compute",
    serviceName: "nova",
    serviceId: "s1",
    interface: "public",
    region: "RegionOne",
    url: "http://c1/pub",
  });
});

Deno.test("urlFor: publicURL/internalURL/adminURL are public/internal/admin (v3 catalog)", () => {
  const cat = ServiceCatalog.fromV3(V3_TOKEN);
  const q = { serviceType: "compute", regionName: "RegionOne" };
  assert.equal(cat.urlFor({ ...q, interface: "publicURL" }), "http://c1/pub");
  assert.equal(cat.urlFor({ ...q, interface: "public" }), "http://c1/pub");
  assert.equal(cat.urlFor({ ...q, interface: "internalURL" }), "http://c1/int");
  assert.equal(cat.urlFor({ ...q, interface: "internal" }), "http://c1/int");
  assert.equal(cat.urlFor({ ...q, interface: "adminURL" }), "http://c1/adm");
  assert.equal(cat.urlFor({ ...q, interface: "admin" }), "http://c1/adm");
  assert.equal(cat.urlFor(q), "http://c1/pub", "public is the default");
});

Deno.test("urlFor: v2 catalog gives the same answers", () => {
  const cat = ServiceCatalog.fromV2(V2_ACCESS);
  assert.deepEqual(ServiceCatalog.fromV2(V2_ACCESS.access).endpoints, cat.endpoints);
  assert.deepEqual(
    ServiceCatalog.fromV2(V2_ACCESS.access.serviceCatalog).endpoints,
    cat.endpoints,
  );
  const q = { serviceType: "compute", regionName: "RegionOne" };
  assert.equal(cat.urlFor({ ...q, interface: "publicURL" }), "http://c1/pub");
  assert.equal(cat.urlFor({ ...q, interface: "internal" }), "http://c1/int");
  assert.equal(cat.urlFor({ ...q, interface: "adminURL" }), "http://c1/adm");
  assert.equal(cat.urlFor({ serviceType: "compute", regionName: "RegionTwo" }), "http://c2/pub");
  // An endpoint without region or service name still matches when unfiltered.
  assert.equal(cat.urlFor({ serviceType: "image", serviceName: "glance" }), "http://img");
});

Deno.test("urlFor: several regions and no regionName → AmbiguousEndpoints naming the regions", () => {
  for (const cat of [ServiceCatalog.fromV3(V3_TOKEN), ServiceCatalog.fromV2(V2_ACCESS)]) {
    try {
      cat.urlFor({ serviceType: "compute", interface: "publicURL" });
      assert.fail("expected AmbiguousEndpoints");
    } catch (e) {
      assert.ok(e instanceof AmbiguousEndpoints);
      assert.match(e.message, /2 public endpoints for compute service/);
      assert.match(e.message, /RegionOne, RegionTwo/);
      assert.match(e.message, /regionName/);
      assert.equal(e.endpoints.length, 2);
    }
  }
});

Deno.test("urlFor: the same URL in several regions is not ambiguous", () => {
  const cat = ServiceCatalog.fromV3(V3_TOKEN);
  assert.equal(cat.urlFor({ serviceType: "identity" }), "http://k/v3");
});

Deno.test("urlFor: two services of one type → ambiguous naming them; serviceName picks", () => {
  const cat = ServiceCatalog.fromV3(V3_TOKEN);
  assert.throws(
    () => cat.urlFor({ serviceType: "volumev3" }),
    (e: unknown) =>
      e instanceof AmbiguousEndpoints && /cinder, cinder-b/.test(e.message) &&
      /serviceName/.test(e.message),
  );
  assert.equal(cat.urlFor({ serviceType: "volumev3", serviceName: "cinder-b" }), "http://v/b");
});

Deno.test("urlFor: EndpointNotFound says what is missing and what the catalog has", () => {
  const cat = ServiceCatalog.fromV3(V3_TOKEN);
  assert.throws(
    () => cat.urlFor({ serviceType: "compute", regionName: "RegionNine" }),
    (e: unknown) =>
      e instanceof EndpointNotFound &&
      e.message.startsWith("public endpoint for compute service in RegionNine region not found") &&
      e.message.includes("public in RegionTwo (nova)") &&
      e.message.includes("internal in RegionOne (nova)"),
  );
  assert.throws(
    () => cat.urlFor({ serviceType: "network" }),
    (e: unknown) =>
      e instanceof EndpointNotFound && /no network service/.test(e.message) &&
      /compute, identity, volumev3/.test(e.message),
  );
  assert.throws(
    () => cat.urlFor({ serviceType: "compute", regionName: "RegionTwo", interface: "internalURL" }),
    /internal endpoint for compute service in RegionTwo region not found/,
  );
  assert.throws(
    () => cat.urlFor({ serviceType: "compute", serviceName: "other", regionName: "RegionOne" }),
    /compute service named other in RegionOne region not found/,
  );
});

Deno.test("an empty catalog (unscoped token) says so", () => {
  for (
    const cat of [
      ServiceCatalog.fromV3({ token: {} }),
      ServiceCatalog.fromV2({}),
      new ServiceCatalog(),
    ]
  ) {
    assert.equal(cat.isEmpty, true);
    assert.throws(
      () => cat.urlFor({ serviceType: "compute" }),
      (e: unknown) => e instanceof EndpointNotFound && /service catalog is empty/.test(e.message),
    );
  }
});

Deno.test("toJSON gives the endpoints (for a token cache)", () => {
  const cat = ServiceCatalog.fromV2(V2_ACCESS);
  const back = new ServiceCatalog(JSON.parse(JSON.stringify(cat)));
  assert.deepEqual(back.endpoints, cat.endpoints);
});
