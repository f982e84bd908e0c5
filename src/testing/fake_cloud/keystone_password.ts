/**
 * `POST /v3/users/{id}/password`: a user changes its own password. Like
 * Keystone it needs no token (a user whose password expired has none) but
 * the original password; it revokes the user's tokens.
 *
 * @module
 */
import type { Router } from "./router.ts";
import { empty, keystoneError, obj } from "./respond.ts";

/** Registers the password-change route (path relative to `/identity`). */
export function addPasswordChange(router: Router): void {
  router.add("POST", "/v3/users/:id/password", (ctx) => {
    const input = obj(obj(ctx.body)?.user);
    for (const field of ["original_password", "password"]) {
      if (typeof input?.[field] !== "string") {
        return keystoneError(
          400,
          `Invalid input for field '${field}': '${field}' is a required property.`,
        );
      }
    }
    const id = ctx.params.id!;
    const user = ctx.state.users.get(id);
    if (!user || ctx.state.passwords.get(id) !== input!.original_password) {
      return keystoneError(401, "The request you have made requires authentication.");
    }
    ctx.state.passwords.set(id, String(input!.password));
    for (const [raw, token] of ctx.state.tokens) {
      if (token.userId === id) ctx.state.tokens.delete(raw);
    }
    return empty(204);
  }, true);
}
