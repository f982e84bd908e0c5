/**
 * A tiny stand-in for the engine's SSO Kerberos endpoint whose
 * `token-http-auth` really verifies `Authorization: Negotiate <token>` with the
 * service keytab (python-gssapi in a subprocess: an acceptor independent of the
 * package's FFI binding), plus an API path that says who a bearer token is.
 */
import type { KdcEnv } from "./kdc_env.ts";

const ACCEPTOR = new URL("./acceptor.py", import.meta.url).pathname;

/** What the acceptor said about one token. */
export interface Acceptance {
  ok: boolean;
  principal?: string;
  target?: string;
  error?: string;
}

/** Verifies a base64 SPNEGO token with the keytab of `env`. */
export async function accept(env: KdcEnv, token: string): Promise<Acceptance> {
  const child = new Deno.Command("/usr/bin/python3", {
    args: [ACCEPTOR],
    env: {
      KRB5_CONFIG: env.krb5Config,
      KRB5_KTNAME: env.keytab,
      KRB5RCACHEDIR: env.rcacheDir,
    },
    stdin: "piped",
    stdout: "piped",
    stderr: "piped",
  }).spawn();
  const writer = child.stdin.getWriter();
  await writer.write(new TextEncoder().encode(token));
  await writer.close();
  const out = await child.output();
  const text = new TextDecoder().decode(out.stdout).trim();
  if (!out.success || text === "") {
    throw new Error(`acceptor.py failed: ${new TextDecoder().decode(out.stderr)}`);
  }
  return JSON.parse(text) as Acceptance;
}

function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json", ...headers },
  });
}

/** The engine stand-in; `await using` closes it. */
export class NegotiateEngine implements AsyncDisposable {
  /** The API URL, e.g. `http://127.0.0.1:1234/ovirt-engine/api`. */
  readonly url: string;
  /** Every Negotiate token the SSO endpoint received, in order. */
  readonly tokensSeen: string[] = [];
  /** What the acceptor said about each of them. */
  readonly acceptances: Acceptance[] = [];
  readonly #server: Deno.HttpServer<Deno.NetAddr>;
  readonly #sessions = new Map<string, string>();

  private constructor(env: KdcEnv) {
    this.#server = Deno.serve(
      { port: 0, hostname: "127.0.0.1", onListen() {} },
      (req) => this.#handle(env, req),
    );
    this.url = `http://${env.host}:${this.#server.addr.port}/ovirt-engine/api`;
  }

  /** Starts it on 127.0.0.1 (the URL uses the realm's service host). */
  static start(env: KdcEnv): NegotiateEngine {
    return new NegotiateEngine(env);
  }

  async #handle(env: KdcEnv, req: Request): Promise<Response> {
    const path = new URL(req.url).pathname;
    await req.arrayBuffer();
    if (req.method === "POST" && path === "/ovirt-engine/sso/oauth/token-http-auth") {
      const match = /^Negotiate\s+(\S+)$/i.exec(req.headers.get("authorization") ?? "");
      if (!match?.[1]) {
        return json(401, {
          error: "access_denied",
          error_description: "Cannot authenticate user: no Negotiate credentials were sent.",
        }, { "www-authenticate": "Negotiate" });
      }
      this.tokensSeen.push(match[1]);
      const result = await accept(env, match[1]);
      this.acceptances.push(result);
      if (!result.ok || !result.principal) {
        return json(401, {
          error: "access_denied",
          error_description: "Cannot authenticate user: Negotiate failed.",
        }, { "www-authenticate": "Negotiate" });
      }
      const token = crypto.randomUUID();
      this.#sessions.set(token, result.principal);
      return json(200, {
        access_token: token,
        token_type: "bearer",
        exp: String(Math.floor(Date.now() / 1000) + 3600),
        principal: result.principal,
      });
    }
    if (req.method === "POST" && path === "/ovirt-engine/services/sso-logout") {
      return json(200, {});
    }
    if (path.startsWith("/ovirt-engine/api")) {
      const bearer = /^Bearer\s+(\S+)$/.exec(req.headers.get("authorization") ?? "")?.[1];
      const principal = bearer === undefined ? undefined : this.#sessions.get(bearer);
      if (principal === undefined) return json(401, { error: "not logged in" });
      return json(200, { principal });
    }
    return json(404, { error: `no ${req.method} ${path}` });
  }

  /** Stops the server. */
  async [Symbol.asyncDispose](): Promise<void> {
    await this.#server.shutdown();
  }
}
