/**
 * Glance's error bodies follow the request's Accept header: plain text by
 * default (webob's page), and with `Accept: application/json` the JSON
 * form `{"message", "code", "title"}` — so a client that asks for JSON gets
 * the server's reason, as it does from the real Glance.
 *
 * @module
 */
import { titleOf } from "./respond.ts";

/** Re-renders a plain-text Glance error as JSON when the request accepts JSON. */
export async function negotiateGlanceError(req: Request, response: Response): Promise<Response> {
  const type = response.headers.get("content-type") ?? "";
  const accept = req.headers.get("accept") ?? "";
  if (response.status < 400 || !type.startsWith("text/plain") || !/json/i.test(accept)) {
    return response;
  }
  const text = await response.text();
  // webob's text page: "<status> <title>\n\n<message>\n\n   ".
  const message = text.replace(/^\d{3} [^\n]*\n\n/, "").replace(/\s+$/, "");
  const headers = new Headers(response.headers);
  headers.set("content-type", "application/json");
  const body = {
    message: `${message}<br /><br />\n\n\n`,
    code: `${response.status} ${titleOf(response.status)}`,
    title: titleOf(response.status),
  };
  return new Response(JSON.stringify(body), { status: response.status, headers });
}
