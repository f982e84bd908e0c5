/**
 * Shared helpers of the Connection tests.
 *
 * @module
 */
import { FakeEngine, type FakeEngineOptions } from "../../src/testing/mod.ts";
import type { Logger } from "../../src/types.ts";

export const USER = "admin@internal";
export const PASSWORD = "vzhJgfyaDPHRhg";

/** A FakeEngine with the test user. */
export function startEngine(options: FakeEngineOptions = {}): Promise<FakeEngine> {
  return FakeEngine.start({ users: { [USER]: PASSWORD }, ...options });
}

/** A logger that keeps every line. */
export class MemoryLog implements Logger {
  readonly lines: string[] = [];
  debug(msg: string): void {
    this.lines.push(msg);
  }
}

/** The requests an engine got on one path. */
export function requestsTo(engine: FakeEngine, path: string) {
  return engine.requests.filter((r) => r.path === path);
}

export const SSO_TOKEN_PATH = "/ovirt-engine/sso/oauth/token";
export const SSO_HTTP_PATH = "/ovirt-engine/sso/oauth/token-http-auth";
export const SSO_LOGOUT_PATH = "/ovirt-engine/services/sso-logout";

/** A CA and a leaf certificate for 127.0.0.1, made by openssl in a temp dir. */
export interface TestPki {
  dir: string;
  caFile: string;
  caPem: string;
  cert: string;
  key: string;
}

async function openssl(dir: string, args: string[]): Promise<void> {
  const out = await new Deno.Command("openssl", { args, cwd: dir, stdout: "null", stderr: "piped" })
    .output();
  if (!out.success) throw new Error(`openssl ${args[0]}: ${new TextDecoder().decode(out.stderr)}`);
}

/** Generates the PKI; remove `dir` when done. */
export async function makePki(): Promise<TestPki> {
  const dir = await Deno.makeTempDir({ prefix: "nimbus-pki-" });
  await openssl(dir, [
    "req",
    "-x509",
    "-newkey",
    "rsa:2048",
    "-nodes",
    "-keyout",
    "ca.key",
    "-out",
    "ca.crt",
    "-days",
    "2",
    "-subj",
    "/CN=Nimbus Test CA",
    "-addext",
    "basicConstraints=critical,CA:TRUE",
    "-addext",
    "keyUsage=critical,keyCertSign,cRLSign",
  ]);
  await openssl(dir, [
    "req",
    "-newkey",
    "rsa:2048",
    "-nodes",
    "-keyout",
    "leaf.key",
    "-out",
    "leaf.csr",
    "-subj",
    "/CN=127.0.0.1",
  ]);
  await Deno.writeTextFile(
    `${dir}/leaf.ext`,
    "basicConstraints=CA:FALSE\nkeyUsage=digitalSignature,keyEncipherment\n" +
      "extendedKeyUsage=serverAuth\nsubjectAltName=IP:127.0.0.1\n",
  );
  await openssl(dir, [
    "x509",
    "-req",
    "-in",
    "leaf.csr",
    "-CA",
    "ca.crt",
    "-CAkey",
    "ca.key",
    "-CAcreateserial",
    "-out",
    "leaf.crt",
    "-days",
    "2",
    "-extfile",
    "leaf.ext",
  ]);
  return {
    dir,
    caFile: `${dir}/ca.crt`,
    caPem: await Deno.readTextFile(`${dir}/ca.crt`),
    cert: await Deno.readTextFile(`${dir}/leaf.crt`),
    key: await Deno.readTextFile(`${dir}/leaf.key`),
  };
}
