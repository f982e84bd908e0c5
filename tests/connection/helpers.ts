/**
 * Shared helpers of the Connection tests.
 *
 * @module
 */
import { FakeEngine, type FakeEngineOptions } from "../../src/testing/mod.ts";
import type { Logger } from "../../src/types.ts";
import { testCerts } from "../_fakes/tls_certs.ts";

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

/** The shared test certificates, with the CA copied into a fresh dir the caller removes. */
export async function makePki(): Promise<TestPki> {
  const certs = await testCerts();
  const dir = await Deno.makeTempDir({ prefix: "nimbus-pki-" });
  await Deno.writeTextFile(`${dir}/ca.crt`, certs.caCert);
  return {
    dir,
    caFile: `${dir}/ca.crt`,
    caPem: certs.caCert,
    cert: certs.serverCert,
    key: certs.serverKey,
  };
}
