/**
 * Glance's interoperable image import, `glance-direct` method: stage the
 * data (`PUT /v2/images/{id}/stage`, status `uploading`), then import it
 * (`POST /v2/images/{id}/import`, 202; the image becomes `active`).
 *
 * @module
 */
import type { RouteContext, Router } from "./router.ts";
import { isoSeconds, type JsonObject } from "./state.ts";
import { empty, glanceError, json, obj } from "./respond.ts";
import { activate } from "./image.ts";

type Find = (ctx: RouteContext) => JsonObject | undefined;

/** The import methods this fake (and scripts/openstack.sh's Glance) enables. */
export const IMPORT_METHODS = ["glance-direct"];

/** Registers `/v2/info/import`, the stage and the import routes. */
export function addImageImport(router: Router, find: Find): void {
  const notFound = (id: string) => glanceError(404, `No image found with ID ${id}`);
  router.add("GET", "/v2/info/import", () =>
    json({
      "import-methods": {
        description: "Import methods available.",
        type: "array",
        value: IMPORT_METHODS,
      },
    }));
  router.add("PUT", "/v2/images/:id/stage", async (ctx) => {
    const img = find(ctx);
    if (!img) return notFound(ctx.params.id!);
    if (img.status !== "queued") {
      return glanceError(
        409,
        `Image status transition from ${img.status} to uploading is not allowed`,
      );
    }
    ctx.state.imageData.set(String(img.id), new Uint8Array(await ctx.req.arrayBuffer()));
    img.status = "uploading";
    img.updated_at = isoSeconds();
    return empty(204);
  });
  router.add("POST", "/v2/images/:id/import", (ctx) => {
    const img = find(ctx);
    if (!img) return notFound(ctx.params.id!);
    const method = obj(obj(ctx.body)?.method)?.name;
    if (typeof method !== "string" || !IMPORT_METHODS.includes(method)) {
      return glanceError(400, `Import method ${String(method)} is not valid for this cloud.`);
    }
    const data = ctx.state.imageData.get(String(img.id));
    if (img.status !== "uploading" || !data) {
      return glanceError(409, "Image needs to be staged before 'glance-direct' method can be used");
    }
    activate(img, data);
    return empty(202);
  });
}
