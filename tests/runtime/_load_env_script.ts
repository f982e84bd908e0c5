/**
 * Run by permissions_test.ts in a `deno run` with scoped flags: loads the
 * auth plugin from the process environment (or clouds.yaml through
 * OS_CLOUD) and prints what happened as one JSON line.
 */
import { loadPluginFromEnv } from "../../src/auth/mod.ts";
import { PermissionRequired } from "../../src/errors/mod.ts";

try {
  const plugin = loadPluginFromEnv();
  console.log(JSON.stringify({ ok: plugin.authSystem }));
} catch (e) {
  const error = e as Error;
  console.log(JSON.stringify({
    error: error.name,
    message: error.message,
    flag: e instanceof PermissionRequired ? e.flag : undefined,
  }));
}
