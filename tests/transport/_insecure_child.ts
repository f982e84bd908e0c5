/**
 * Runs one scenario of the `insecure: true` (node:https) transport in its own
 * process, so that a throw inside a node event handler, which kills the
 * process, fails the test instead of the test runner. Prints one JSON line.
 *
 * Usage: deno run -A _insecure_child.ts <redirect|cancel|timeout|unread>
 *
 * @module
 */
import { BodyTooLarge, HTTPClient, TimeoutError } from "../../mod.ts";
import { testCerts } from "../_fakes/tls_certs.ts";

const MiB = 1024 * 1024;
const mode = Deno.args[0];
const certs = await testCerts();
const chunk = new Uint8Array(64 * 1024).fill(0x61);
let serverDone: (how: string) => void = () => {};
const serverFinished = new Promise<string>((resolve) => (serverDone = resolve));

/** A body of `size` bytes; `stallAfter` chunks then nothing (never closes). */
function body(size: number, stallAfter = Infinity): ReadableStream<Uint8Array> {
  let sent = 0;
  let chunks = 0;
  return new ReadableStream({
    async pull(controller) {
      if (chunks++ >= stallAfter) return await new Promise(() => {});
      if (sent >= size) {
        serverDone("finished");
        return controller.close();
      }
      sent += chunk.length;
      controller.enqueue(chunk);
    },
    cancel() {
      serverDone("cancelled");
    },
  });
}

const server = Deno.serve({
  hostname: "127.0.0.1",
  port: 0,
  cert: certs.serverCert,
  key: certs.serverKey,
  onListen() {},
}, (request) => {
  const path = new URL(request.url).pathname;
  if (path === "/redirect") {
    return new Response(body(4 * MiB), { status: 302, headers: { location: "/small" } });
  }
  if (path === "/small") return Response.json({ landed: true });
  if (path === "/medium") return new Response(body(4 * MiB));
  if (path === "/stall") return new Response(body(64 * MiB, 2));
  return new Response(body(256 * MiB));
});
const base = `https://127.0.0.1:${server.addr.port}`;
const http = new HTTPClient(null, { insecure: true });
/** Lets late node events (end, close, error) fire before the verdict. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 300));
const result: Record<string, unknown> = { mode };

try {
  if (mode === "redirect") {
    const res = await http.request("GET", `${base}/redirect`);
    result.body = await res.json();
  } else if (mode === "cancel") {
    // Cancelled at once: the rest of the body (and its end) arrives after the cancel.
    const unread = await http.request("GET", `${base}/medium`, { stream: true });
    await unread.body!.cancel();
    // Cancelled after a read, while the body is still arriving.
    const res = await http.request("GET", `${base}/big`, { stream: true });
    const reader = res.body!.getReader();
    result.first = (await reader.read()).value?.byteLength;
    await reader.cancel();
  } else if (mode === "timeout") {
    const streamed = await http.request("GET", `${base}/stall`, { stream: true, timeout: 2000 });
    try {
      await new Response(streamed.body).bytes();
    } catch (error) {
      result.stream = error instanceof TimeoutError ? "TimeoutError" : String(error);
    }
    try {
      await http.request("GET", `${base}/stall`, { timeout: 2000 });
    } catch (error) {
      result.whole = error instanceof TimeoutError ? "TimeoutError" : String(error);
    }
  } else if (mode === "unread") {
    const before = Deno.memoryUsage().rss;
    const res = await http.request("GET", `${base}/big`, { stream: true });
    // Leave the body unread until the server is done sending (or was cut off).
    let timer: ReturnType<typeof setTimeout> | undefined;
    result.server = await Promise.race([
      serverFinished,
      new Promise((resolve) => (timer = setTimeout(() => resolve("still sending"), 20_000))),
    ]);
    clearTimeout(timer);
    await settle();
    result.growthMiB = Math.round((Deno.memoryUsage().rss - before) / MiB);
    try {
      let total = 0;
      for await (const part of res.body!) total += part.byteLength;
      result.read = total;
    } catch (error) {
      result.read = error instanceof BodyTooLarge ? "BodyTooLarge" : String(error);
      if (error instanceof BodyTooLarge) result.limit = error.limit;
    }
  }
  await settle();
} catch (error) {
  result.error = `${(error as Error).name}: ${(error as Error).message}`;
}
await http.close();
await server.shutdown();
console.log(JSON.stringify(result));
