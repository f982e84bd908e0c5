/**
 * Glance image members: the owner of a `shared` image adds and removes
 * projects; each member project accepts or rejects the image itself.
 *
 * @module
 */
import type { RouteContext, Router } from "./router.ts";
import { isoSeconds, type JsonObject } from "./state.ts";
import { empty, glanceError, json, obj } from "./respond.ts";

type Find = (ctx: RouteContext) => JsonObject | undefined;

function membersOf(img: JsonObject): Record<string, JsonObject> {
  return (img._members ??= {}) as Record<string, JsonObject>;
}

const MEMBER_STATUSES = ["accepted", "rejected", "pending"];

/** Registers the member routes under `/v2/images/{id}/members`. */
export function addImageMembers(router: Router, find: Find): void {
  const notFound = (id: string) => glanceError(404, `No image found with ID ${id}`);
  const isOwner = (ctx: RouteContext, img: JsonObject) =>
    img.owner === ctx.state.projectOf(ctx.token!) || ctx.state.isAdmin(ctx.token!);
  const path = "/v2/images/:id/members";

  router.add("GET", path, (ctx) => {
    const img = find(ctx);
    if (!img) return notFound(ctx.params.id!);
    const project = ctx.state.projectOf(ctx.token!);
    const members = Object.values(membersOf(img))
      .filter((m) => isOwner(ctx, img) || m.member_id === project);
    return json({ members, schema: "/v2/schemas/members" });
  });
  router.add("POST", path, (ctx) => {
    const img = find(ctx);
    if (!img) return notFound(ctx.params.id!);
    if (!isOwner(ctx, img)) {
      return glanceError(403, "You are not permitted to create image members for the image.");
    }
    const member = obj(ctx.body)?.member;
    if (typeof member !== "string" || member === "") {
      return glanceError(400, "Member to be added not specified");
    }
    if (img.visibility !== "shared") {
      return glanceError(403, `Only shared images have members.`);
    }
    const members = membersOf(img);
    if (members[member]) {
      return glanceError(
        409,
        `The target member ${member} is already associated with image ${img.id}.`,
      );
    }
    const now = isoSeconds();
    members[member] = {
      created_at: now,
      image_id: img.id,
      member_id: member,
      schema: "/v2/schemas/member",
      status: "pending",
      updated_at: now,
    };
    return json(members[member]);
  });
  router.add("GET", `${path}/:member`, (ctx) => {
    const img = find(ctx);
    if (!img) return notFound(ctx.params.id!);
    const m = membersOf(img)[ctx.params.member!];
    const visible = m && (isOwner(ctx, img) || m.member_id === ctx.state.projectOf(ctx.token!));
    return visible ? json(m) : glanceError(404, `Member ${ctx.params.member} not found`);
  });
  router.add("PUT", `${path}/:member`, (ctx) => {
    const img = find(ctx);
    if (!img) return notFound(ctx.params.id!);
    const m = membersOf(img)[ctx.params.member!];
    if (!m) return glanceError(404, `Member ${ctx.params.member} not found`);
    // Only the member project decides (or an admin); the owner may not accept for it.
    if (m.member_id !== ctx.state.projectOf(ctx.token!) && !ctx.state.isAdmin(ctx.token!)) {
      return glanceError(403, "You are not permitted to modify 'status' on this image member.");
    }
    const status = obj(ctx.body)?.status;
    if (typeof status !== "string" || !MEMBER_STATUSES.includes(status)) {
      return glanceError(
        400,
        `Provided object does not match schema 'member': ${JSON.stringify(status)} is not one of ${
          JSON.stringify(MEMBER_STATUSES)
        }`,
      );
    }
    m.status = status;
    m.updated_at = isoSeconds();
    return json(m);
  });
  router.add("DELETE", `${path}/:member`, (ctx) => {
    const img = find(ctx);
    if (!img) return notFound(ctx.params.id!);
    if (!isOwner(ctx, img)) {
      return glanceError(403, "You are not permitted to delete image members for the image.");
    }
    const members = membersOf(img);
    if (!members[ctx.params.member!]) {
      return glanceError(404, `Member ${ctx.params.member} not found`);
    }
    delete members[ctx.params.member!];
    return empty(204);
  });
}
