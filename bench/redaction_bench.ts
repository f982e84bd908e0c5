/**
 * What redaction costs on a 55 KB JSON reply (debug logs and error bodies).
 */
import { redactBody, scrubSecrets } from "../src/redaction/mod.ts";

const body = JSON.stringify({
  items: Array.from({ length: 800 }, (_, i) => ({
    id: `id-${i}`,
    name: `server-${i}`,
    status: "ACTIVE",
    password: "x",
  })),
});
const token = `gAAAAA${"x".repeat(180)}`;

Deno.bench("redactBody: 55 KB JSON by key", () => {
  redactBody(body, "application/json");
});

Deno.bench("scrubSecrets: 55 KB, a token and a password in any encoding", () => {
  scrubSecrets(body, [token, "hunter2-pass"]);
});
