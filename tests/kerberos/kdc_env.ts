/** The throwaway realm `scripts/kdc.sh` made; a test fails loudly without it. */
export interface KdcEnv {
  krb5Config: string;
  ccache: string;
  keytab: string;
  rcacheDir: string;
  realm: string;
  user: string;
  host: string;
  userKeytab: string;
  /** A second user principal (keys in `userKeytab`). */
  user2: string;
}

const NAMES = {
  krb5Config: "KRB5_CONFIG",
  ccache: "KRB5CCNAME",
  keytab: "KRB5_KTNAME",
  rcacheDir: "KRB5RCACHEDIR",
  realm: "NIMBUS_KRB_REALM",
  user: "NIMBUS_KRB_USER",
  host: "NIMBUS_KRB_HOST",
  userKeytab: "NIMBUS_KRB_USER_KEYTAB",
  user2: "NIMBUS_KRB_USER2",
} as const;

/** The realm's variables; throws naming the missing ones and how to get them. */
export function kdcEnv(): KdcEnv {
  const missing = Object.values(NAMES).filter((name) => !Deno.env.get(name));
  if (missing.length > 0) {
    throw new Error(
      `The Kerberos integration tests need a KDC: ${missing.join(", ")} not set. ` +
        "Run them as: scripts/kdc.sh run deno task test:kerberos",
    );
  }
  const get = (name: string): string => Deno.env.get(name) ?? "";
  return {
    krb5Config: get(NAMES.krb5Config),
    ccache: get(NAMES.ccache),
    keytab: get(NAMES.keytab),
    rcacheDir: get(NAMES.rcacheDir),
    realm: get(NAMES.realm),
    user: get(NAMES.user),
    host: get(NAMES.host),
    userKeytab: get(NAMES.userKeytab),
    user2: get(NAMES.user2),
  };
}

/** Runs `fn` with KRB5CCNAME set to `ccache`, then restores it. */
export async function withCcache<T>(ccache: string, fn: () => Promise<T>): Promise<T> {
  const before = Deno.env.get("KRB5CCNAME");
  Deno.env.set("KRB5CCNAME", ccache);
  try {
    return await fn();
  } finally {
    if (before === undefined) Deno.env.delete("KRB5CCNAME");
    else Deno.env.set("KRB5CCNAME", before);
  }
}

/** `kinit`s the test user (or `principal`) into `ccache` from the user keytab; `lifetime` e.g. "1s". */
export async function kinit(
  env: KdcEnv,
  ccache: string,
  lifetime?: string,
  principal: string = env.user,
): Promise<void> {
  const args = ["-k", "-t", env.userKeytab, "-c", ccache];
  if (lifetime !== undefined) args.push("-l", lifetime);
  const out = await new Deno.Command("kinit", { args: [...args, principal], stderr: "piped" })
    .output();
  if (!out.success) throw new Error(`kinit failed: ${new TextDecoder().decode(out.stderr)}`);
}

/** Whether `ccache` holds a TGT that has not expired (`klist -s`). */
export async function hasValidTicket(ccache: string): Promise<boolean> {
  const out = await new Deno.Command("klist", { args: ["-s", "-c", ccache] }).output();
  return out.success;
}
