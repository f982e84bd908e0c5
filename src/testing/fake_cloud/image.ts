/**
 * The Glance image API v2: images with `next` links, JSON-patch updates,
 * data upload/download and (de)activation. Errors are plain text, as
 * Glance's are.
 *
 * @module
 */
import type { RouteContext, Router } from "./router.ts";
import { isoSeconds, type JsonObject } from "./state.ts";
import { clone, empty, glanceError, json, nextQuery, PageError, paginate } from "./respond.ts";

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
  delete out._seq;
  return out;
}

function canSee(ctx: RouteContext, img: JsonObject): boolean {
  if (ctx.state.isAdmin(ctx.token!)) return true;
  return img.visibility === "public" || img.visibility === "community" ||
    img.owner === ctx.state.projectOf(ctx.token!);
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

async function sha512Hex(data: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-512", data as Uint8Array<ArrayBuffer>);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, "0")).join("");
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
      .sort((a, b) => Number(b._seq) - Number(a._seq));
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
    const failure = applyPatch(copy, ctx.body);
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
    Object.assign(img, {
      status: "active",
      size: data.length,
      os_hash_algo: "sha512",
      os_hash_value: await sha512Hex(data),
      updated_at: isoSeconds(),
    });
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
      },
    });
  });
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
