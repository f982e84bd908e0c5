/**
 * The Glance image API v2: images with `next` links, JSON-patch updates,
 * data upload/download and (de)activation. Errors are plain text, as
 * Glance's are.
 *
 * @module
 */
import { createHash } from "node:crypto";
import type { RouteContext, Router } from "./router.ts";
import { isoSeconds, type JsonObject } from "./state.ts";
import { clone, empty, glanceError, json, nextQuery, PageError, paginate } from "./respond.ts";
import { addImageMembers } from "./image_members.ts";
import { addImageImport } from "./image_import.ts";

/** The media type Glance requires for PATCH. */
export const IMAGE_PATCH_TYPE = "application/openstack-images-v2.1-json-patch";

const READ_ONLY = new Set([
  "id",
  "status",
  "created_at",
  "updated_at",
  "size",
  "virtual_size",
  "checksum",
  "os_hash_algo",
  "os_hash_value",
  "self",
  "file",
  "schema",
  "direct_url",
  "locations",
]);

let sequence = 0;

function view(rec: JsonObject): JsonObject {
  const out = clone(rec);
  for (const key of Object.keys(out)) if (key.startsWith("_")) delete out[key];
  return out;
}

/** Whether the token's project may see the image: public, community, its own, or shared with it. */
export function canSee(ctx: RouteContext, img: JsonObject): boolean {
  if (ctx.state.isAdmin(ctx.token!)) return true;
  const project = ctx.state.projectOf(ctx.token!);
  if (img.visibility === "public" || img.visibility === "community" || img.owner === project) {
    return true;
  }
  const members = img._members as Record<string, JsonObject> | undefined;
  return img.visibility === "shared" && project !== undefined && members?.[project] !== undefined;
}

const DISK_FORMATS = [
  null,
  "ami",
  "ari",
  "aki",
  "vhd",
  "vhdx",
  "vmdk",
  "raw",
  "qcow2",
  "vdi",
  "iso",
  "ploop",
];
const CONTAINER_FORMATS = [null, "ami", "ari", "aki", "bare", "ovf", "ova", "docker", "compressed"];
const VISIBILITIES = ["public", "private", "shared", "community"];

/** Glance's schema check of the fields it enumerates: the 400 message, else undefined. */
function invalidFields(fields: JsonObject): string | undefined {
  const enums: [string, unknown[]][] = [
    ["disk_format", DISK_FORMATS],
    ["container_format", CONTAINER_FORMATS],
    ["visibility", VISIBILITIES],
  ];
  for (const [key, allowed] of enums) {
    if (key in fields && !allowed.includes(fields[key])) {
      return `Provided object does not match schema 'image': ${
        JSON.stringify(fields[key])
      } is not one of ${JSON.stringify(allowed)}`;
    }
  }
  for (const key of ["min_disk", "min_ram"]) {
    const v = fields[key];
    if (v !== undefined && (!Number.isInteger(v) || Number(v) < 0)) {
      return `Provided object does not match schema 'image': ${
        JSON.stringify(v)
      } is not valid under any of the given schemas`;
    }
  }
  if ("protected" in fields && typeof fields.protected !== "boolean") {
    return `Provided object does not match schema 'image': ${
      JSON.stringify(fields.protected)
    } is not of type 'boolean'`;
  }
  if ("tags" in fields && !Array.isArray(fields.tags)) {
    return `Provided object does not match schema 'image': ${
      JSON.stringify(fields.tags)
    } is not of type 'array'`;
  }
  return undefined;
}

const SORT_KEYS = [
  "name",
  "status",
  "container_format",
  "disk_format",
  "size",
  "id",
  "created_at",
  "updated_at",
  "visibility",
  "owner",
  "min_disk",
  "min_ram",
  "protected",
  "os_hidden",
  "virtual_size",
];

/** Glance's sort order: `sort=k:dir,…` or `sort_key`/`sort_dir` (repeatable); default newest first. */
function sortOrder(q: URLSearchParams): [string, number][] | string {
  const order: [string, number][] = [];
  const dirOf = (d: string | undefined) =>
    d === undefined || d === "desc" ? -1 : d === "asc" ? 1 : undefined;
  if (q.has("sort")) {
    for (const part of (q.get("sort") ?? "").split(",")) {
      const [key = "", dir] = part.trim().split(":");
      const d = dirOf(dir);
      if (d === undefined) return `Invalid sort direction: ${dir}`;
      order.push([key, d]);
    }
  } else {
    const keys = q.getAll("sort_key");
    const dirs = q.getAll("sort_dir");
    for (const d of dirs) if (dirOf(d) === undefined) return `Invalid sort direction: ${d}`;
    keys.forEach((key, i) => order.push([key, dirOf(dirs[i] ?? dirs[0]) ?? -1]));
  }
  for (const [key] of order) {
    if (!SORT_KEYS.includes(key)) {
      return `Invalid sort key: ${key}. It should be one of the following: ${
        SORT_KEYS.join(", ")
      }.`;
    }
  }
  if (order.length === 0) order.push(["created_at", -1]);
  return order;
}

function compareBy(order: [string, number][]): (a: JsonObject, b: JsonObject) => number {
  return (a, b) => {
    for (const [key, dir] of order) {
      const x = a[key] ?? "";
      const y = b[key] ?? "";
      const c = typeof x === "number" && typeof y === "number"
        ? x - y
        : String(x).localeCompare(String(y));
      if (c !== 0) return c * dir;
    }
    // Same second: the later created first, as Glance's id tie-break looks to a client.
    return (Number(b._seq) - Number(a._seq));
  };
}

/** Creates an image record (also used to seed the cloud). */
export function newImage(fields: JsonObject, owner: string): JsonObject {
  const id = String(fields.id ?? crypto.randomUUID());
  const now = isoSeconds();
  return {
    status: "queued",
    name: null,
    tags: [],
    container_format: null,
    disk_format: null,
    visibility: "shared",
    protected: false,
    os_hidden: false,
    min_disk: 0,
    min_ram: 0,
    size: null,
    virtual_size: null,
    checksum: null,
    os_hash_algo: null,
    os_hash_value: null,
    owner,
    ...fields,
    id,
    created_at: now,
    updated_at: now,
    self: `/v2/images/${id}`,
    file: `/v2/images/${id}/file`,
    schema: "/v2/schemas/image",
    _seq: ++sequence,
  };
}

function applyPatch(img: JsonObject, ops: unknown): string | undefined {
  if (!Array.isArray(ops)) return "400:Request body must be a JSON array of operation objects.";
  for (const op of ops as JsonObject[]) {
    const path = typeof op.path === "string" ? op.path.replace(/^\//, "") : "";
    if (!path || path.includes("/")) {
      return `400:Invalid JSON pointer for this resource: '/${path}'`;
    }
    if (READ_ONLY.has(path)) return `403:Attribute '${path}' is read-only.`;
    switch (op.op) {
      case "add":
      case "replace":
        if (op.op === "replace" && !(path in img)) {
          return `409:Property ${path} does not exist.`;
        }
        img[path] = op.value;
        break;
      case "remove":
        if (!(path in img)) return `409:Property ${path} does not exist.`;
        delete img[path];
        break;
      default:
        return `400:Operation objects must contain exactly one member named "add", "remove", or "replace".`;
    }
  }
  return undefined;
}

/** A JSON patch that leaves an invalid image is refused like a create with those fields. */
function invalidPatched(img: JsonObject): string | undefined {
  const problem = invalidFields(img);
  return problem ? `400:${problem}` : undefined;
}

/** Whether the image is shared with the token's project and still pending its acceptance. */
function pendingFor(ctx: RouteContext, img: JsonObject): boolean {
  const project = ctx.state.projectOf(ctx.token!);
  if (img.owner === project || project === undefined) return false;
  const member = (img._members as Record<string, JsonObject> | undefined)?.[project];
  return member !== undefined && member.status !== "accepted";
}

/** Marks an image active with its data's size and Glance's digests (md5 `checksum`, sha512). */
export function activate(img: JsonObject, data: Uint8Array): void {
  Object.assign(img, {
    status: "active",
    size: data.length,
    checksum: createHash("md5").update(data).digest("hex"),
    os_hash_algo: "sha512",
    os_hash_value: createHash("sha512").update(data).digest("hex"),
    updated_at: isoSeconds(),
  });
}

/** Registers the image routes (paths relative to `/image`). */
export function addImageRoutes(router: Router): void {
  const versions = (ctx: RouteContext) => ({
    versions: [{
      id: "v2.16",
      status: "CURRENT",
      links: [{ rel: "self", href: `${ctx.base}/v2/` }],
    }],
  });
  router.add("GET", "/", (ctx) => json(versions(ctx), 300), true);
  router.add("GET", "/versions", (ctx) => json(versions(ctx)), true);
  const notFound = (id: string) => glanceError(404, `No image found with ID ${id}`);
  const find = (ctx: RouteContext) => {
    const img = ctx.state.images.get(ctx.params.id!);
    return img && canSee(ctx, img) ? img : undefined;
  };

  router.add("GET", "/v2/images", (ctx) => {
    const q = ctx.url.searchParams;
    const items = [...ctx.state.images.values()]
      .filter((img) => canSee(ctx, img))
      .filter((img) =>
        ["name", "status", "visibility", "owner", "disk_format", "container_format"].every((f) =>
          q.get(f) === null || String(img[f]) === q.get(f)
        )
      )
      .filter((img) =>
        q.getAll("tag").every((t) => (img.tags as string[] | undefined)?.includes(t) ?? false)
      )
      // Glance lists no shared image until the member accepts it, unless asked.
      .filter((img) => q.get("visibility") === "shared" || !pendingFor(ctx, img));
    const order = sortOrder(q);
    if (typeof order === "string") return glanceError(400, order);
    items.sort(compareBy(order));
    try {
      const page = paginate(items, q, { defaultLimit: 25, maxLimit: 1000, fullPageHasNext: true });
      const body: JsonObject = {
        images: page.items.map(view),
        first: "/v2/images",
        schema: "/v2/schemas/images",
      };
      if (page.nextMarker !== undefined) {
        body.next = `/v2/images?${nextQuery(q, page.limit, page.nextMarker)}`;
      }
      return json(body);
    } catch (e) {
      if (e instanceof PageError) return glanceError(400, e.message);
      throw e;
    }
  });
  router.add("GET", "/v2/images/:id", (ctx) => {
    const img = find(ctx);
    return img ? json(view(img)) : notFound(ctx.params.id!);
  });
  router.add("POST", "/v2/images", (ctx) => {
    const input = ctx.body;
    if (typeof input !== "object" || input === null || Array.isArray(input)) {
      return glanceError(400, "Body expected in request.");
    }
    const fields = { ...(input as JsonObject) };
    for (const key of Object.keys(fields)) {
      if (READ_ONLY.has(key) && key !== "id") {
        return glanceError(403, `Attribute '${key}' is read-only.`);
      }
    }
    const invalid = invalidFields(fields);
    if (invalid) return glanceError(400, invalid);
    if (fields.id !== undefined && ctx.state.images.has(String(fields.id))) {
      return glanceError(409, `Image with identifier ${fields.id} already exists!`);
    }
    const img = newImage(fields, ctx.state.projectOf(ctx.token!) ?? "");
    ctx.state.images.set(String(img.id), img);
    return json(view(img), 201, { location: `${ctx.base}/v2/images/${img.id}` });
  });
  router.add("PATCH", "/v2/images/:id", (ctx) => {
    const img = find(ctx);
    if (!img) return notFound(ctx.params.id!);
    const type = ctx.req.headers.get("content-type") ?? "";
    if (!type.startsWith("application/openstack-images-v2.")) {
      return glanceError(415, `Unsupported Content-Type: ${type}`);
    }
    const copy = clone(img);
    const failure = applyPatch(copy, ctx.body) ?? invalidPatched(copy);
    if (failure) {
      const [code, message] = [Number(failure.slice(0, 3)), failure.slice(4)];
      return glanceError(code, message);
    }
    copy.updated_at = isoSeconds();
    ctx.state.images.set(String(img.id), copy);
    return json(view(copy));
  });
  router.add("DELETE", "/v2/images/:id", (ctx) => {
    const img = find(ctx);
    if (!img) return notFound(ctx.params.id!);
    if (img.protected) {
      return glanceError(403, `Image ${img.id} is protected and cannot be deleted.`);
    }
    ctx.state.images.delete(String(img.id));
    ctx.state.imageData.delete(String(img.id));
    return empty(204);
  });
  router.add("PUT", "/v2/images/:id/file", async (ctx) => {
    const img = find(ctx);
    if (!img) return notFound(ctx.params.id!);
    if (img.status !== "queued") {
      return glanceError(
        409,
        `Image status transition from ${img.status} to saving is not allowed`,
      );
    }
    const data = new Uint8Array(await ctx.req.arrayBuffer());
    ctx.state.imageData.set(String(img.id), data);
    activate(img, data);
    return empty(204);
  });
  router.add("GET", "/v2/images/:id/file", (ctx) => {
    const img = find(ctx);
    if (!img) return notFound(ctx.params.id!);
    const source = ctx.state.imageSources.get(String(img.id));
    if (source) {
      return new Response(source(), {
        headers: {
          "content-type": "application/octet-stream",
          "content-length": String(img.size),
          "content-md5": String(img.checksum),
        },
      });
    }
    const data = ctx.state.imageData.get(String(img.id));
    if (!data) return empty(204);
    return new Response(data as Uint8Array<ArrayBuffer>, {
      headers: {
        "content-type": "application/octet-stream",
        "content-length": String(data.length),
        ...(img.checksum ? { "content-md5": String(img.checksum) } : {}),
      },
    });
  });
  router.add("PUT", "/v2/images/:id/tags/:tag", (ctx) => {
    const img = find(ctx);
    if (!img) return notFound(ctx.params.id!);
    if (img.owner !== ctx.state.projectOf(ctx.token!) && !ctx.state.isAdmin(ctx.token!)) {
      return glanceError(403, "You are not permitted to modify tags on this image.");
    }
    const tags = img.tags as string[];
    if (!tags.includes(ctx.params.tag!)) tags.push(ctx.params.tag!);
    img.updated_at = isoSeconds();
    return empty(204);
  });
  router.add("DELETE", "/v2/images/:id/tags/:tag", (ctx) => {
    const img = find(ctx);
    if (!img) return notFound(ctx.params.id!);
    const tags = img.tags as string[];
    const at = tags.indexOf(ctx.params.tag!);
    if (at < 0) return glanceError(404, `Tag ${ctx.params.tag} not found`);
    tags.splice(at, 1);
    img.updated_at = isoSeconds();
    return empty(204);
  });
  addImageMembers(router, find);
  addImageImport(router, find);
  for (const action of ["deactivate", "reactivate"]) {
    router.add("POST", `/v2/images/:id/actions/${action}`, (ctx) => {
      const img = find(ctx);
      if (!img) return notFound(ctx.params.id!);
      if (!ctx.state.isAdmin(ctx.token!)) {
        return glanceError(403, "You are not authorized to complete this action.");
      }
      img.status = action === "deactivate" ? "deactivated" : "active";
      return empty(204);
    });
  }
}
