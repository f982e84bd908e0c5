import assert from "node:assert/strict";
import { HTTPClient, HttpError } from "../../mod.ts";
import { assertNoSecret, serve } from "./_helpers.ts";

async function failure(
  echo: (password: string) => string,
  password: string,
  contentType = "application/json",
): Promise<HttpError> {
  await using server = serve(async (request) => {
    const sent = (await request.json()).password as string;
    const text = echo(sent);
    return new Response(text, { status: 400, headers: { "content-type": contentType } });
  });
  await using http = new HTTPClient(null);
  const error = await http.request("POST", `${server.url}/login`, { json: { password } }).then(
    () => undefined,
    (e) => e,
  );
  assert.ok(error instanceof HttpError, String(error));
  return error;
}

const PASSWORD = "p@ss wörd&<\"'>";
const ECHOES: Record<string, (p: string) => string> = {
  "as is": (p) => JSON.stringify({ message: `bad ${p}`, details: `got ${p}` }),
  "URL-encoded": (p) => JSON.stringify({ message: `bad ${encodeURIComponent(p)}` }),
  "form-encoded": (p) =>
    JSON.stringify({ message: `bad ${new URLSearchParams({ p }).toString().slice(2)}` }),
  "HTML-escaped": (p) =>
    JSON.stringify({
      message: `bad ${
        p.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;")
          .replaceAll('"', "&quot;").replaceAll("'", "&#39;")
      }`,
    }),
  "\\u-escaped": (p) =>
    `{"message": "bad ${
      [...p].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`).join("")
    }"}`,
  "Python ensure_ascii": (p) =>
    `{"message": "bad ${p.replace("ö", "\\u00f6").replaceAll('"', '\\"')}"}`,
};

for (const [how, echo] of Object.entries(ECHOES)) {
  Deno.test(`error: a password echoed ${how} is scrubbed from message and details`, async () => {
    const error = await failure(echo, PASSWORD);
    const shown = `${error.message}\n${error.details ?? ""}\n${String(error)}`;
    assert.match(error.message, /bad \*\*\*/, shown);
    for (const part of ["ss wörd", "ss w%C3%B6rd", "ss+w", "ss w\\u00f6rd", "\\u0073\\u0073"]) {
      assert.ok(!shown.includes(part), `${how}: '${part}' in ${shown}`);
    }
  });
}

Deno.test("error: a 1-character password is not revealed by where markers land; fields by key are", async () => {
  const error = await failure(
    (p) => JSON.stringify({ message: "a banana at a cabana", details: `{"password": "${p}"}` }),
    "a",
  );
  assert.equal(error.message, "a banana at a cabana");
  assert.ok(!error.details?.includes('"a"'), error.details);
  assert.match(error.details ?? "", /"password": "\*\*\*"/);
});

Deno.test("error: secret fields in a text body are redacted by key, the URL's query too", async () => {
  await using server = serve(() =>
    new Response("password=form-secret-1&user=u\n<token>xml-secret-2</token>", {
      status: 500,
      headers: { "content-type": "text/plain" },
    })
  );
  await using http = new HTTPClient(null);
  const error = await http.request("GET", `${server.url}/x?token=url-secret-3`).catch((e) => e);
  assert.ok(error instanceof HttpError);
  const shown = `${String(error)} ${error.details} ${error.url}`;
  for (const s of ["form-secret-1", "xml-secret-2", "url-secret-3"]) assertNoSecret(shown, s, s);
  assert.match(error.details ?? "", /user=u/);
});
