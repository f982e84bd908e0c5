/**
 * SSH keys as Nova makes and checks them: generated pairs are RSA 2048
 * (`ssh-rsa … Generated-by-Nova` with a PKCS#1 PEM private key), and a
 * fingerprint is the MD5 of the public key blob in colon-separated hex; a
 * public key that does not parse is refused.
 *
 * @module
 */
import { createHash, generateKeyPairSync } from "node:crypto";
import { Buffer } from "node:buffer";

function sshString(bytes: Uint8Array): Uint8Array {
  const out = new Uint8Array(4 + bytes.length);
  new DataView(out.buffer).setUint32(0, bytes.length);
  out.set(bytes, 4);
  return out;
}

/** An mpint: big-endian, with a zero byte in front when the top bit is set. */
function mpint(bytes: Uint8Array): Uint8Array {
  let start = 0;
  while (start < bytes.length - 1 && bytes[start] === 0) start++;
  const trimmed = bytes.subarray(start);
  const padded = (trimmed[0] ?? 0) & 0x80 ? Uint8Array.of(0, ...trimmed) : trimmed;
  return sshString(padded);
}

/** A new RSA 2048 key pair, as Nova's keypair create returns it. */
export function generateSshKeyPair(): { publicKey: string; privateKey: string } {
  const { publicKey, privateKey } = generateKeyPairSync("rsa", {
    modulusLength: 2048,
    publicExponent: 65537,
  });
  const jwk = publicKey.export({ format: "jwk" }) as { n: string; e: string };
  const blob = Buffer.concat([
    sshString(new TextEncoder().encode("ssh-rsa")),
    mpint(Buffer.from(jwk.e, "base64url")),
    mpint(Buffer.from(jwk.n, "base64url")),
  ]);
  return {
    publicKey: `ssh-rsa ${blob.toString("base64")} Generated-by-Nova`,
    privateKey: String(privateKey.export({ type: "pkcs1", format: "pem" })),
  };
}

/**
 * The MD5 fingerprint of an OpenSSH public key line, or undefined when it is
 * not one (`<type> <base64 blob whose first string is the type> [comment]`).
 */
export function sshFingerprint(publicKey: string): string | undefined {
  const [type, data] = publicKey.trim().split(/\s+/);
  if (!type || !data || !/^[A-Za-z0-9+/]+={0,2}$/.test(data)) return undefined;
  const blob = Buffer.from(data, "base64");
  if (blob.length < 4) return undefined;
  const len = blob.readUInt32BE(0);
  if (4 + len > blob.length || blob.subarray(4, 4 + len).toString("latin1") !== type) {
    return undefined;
  }
  const hex = createHash("md5").update(blob).digest("hex");
  return hex.match(/../g)!.join(":");
}
