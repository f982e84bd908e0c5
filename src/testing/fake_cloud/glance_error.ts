/**
 * Glance's error bodies as Glance negotiates them: JSON
 * (`{"message", "code", "title"}`) when the request accepts
 * `application/json`, an HTML page otherwise. The image routes answer with
 * respond.ts's plain-text `glanceError`; this turns it into what Glance sends.
 *
 * @module
 */
import { titleOf } from "./respond.ts";

/** The reply Glance would send for the request, given the route's plain-text error. */
export async function negotiateGlanceError(req: Request, response: Response): Promise<Response> {
  const type = response.headers.get("content-type") ?? "";
  if (response.status < 400 || !type.startsWith("text/plain")) return response;
  const text = await response.text();
  // glanceError's body: "<status> <title>\n\n<message>\n\n   ".
  const message = text.split("\n\n").slice(1, -1).join("\n\n") || text.trim();
  const headers = new Headers(response.headers);
  const title = titleOf(response.status);
  const wantsJson = (req.headers.get("accept") ?? "").toLowerCase().includes("application/json");
  if (wantsJson) {
    headers.set("content-type", "application/json");
    const body = {
      message: `${message}<br /><br />\n\n\n`,
      code: `${response.status} ${title}`,
      title,
    };
    return new Response(JSON.stringify(body), { status: response.status, headers });
  }
  headers.set("content-type", "text/html; charset=UTF-8");
  const html =
    `<html>\n <head>\n  <title>${response.status} ${title}</title>\n </head>\n <body>\n  <h1>${response.status} ${title}</h1>\n  ${message}<br /><br />\n\n\n\n </body>\n</html>`;
  return new Response(html, { status: response.status, headers });
}
