/** The throwaway realm `scripts/kdc.sh` made; a test fails loudly without it. */
export interface KdcEnv {
  krb5Config: string;
  ccache: string;
  keytab: string;
  rcacheDir: string;
  realm: string;
  user: string;
  host: string;
}

const NAMES = {
  krb5Config: "KRB5_CONFIG",
  ccache: "KRB5CCNAME",
  keytab: "KRB5_KTNAME",
  rcacheDir: "KRB5RCACHEDIR",
  realm: "NIMBUS_KRB_REALM",
  user: "NIMBUS_KRB_USER",
  host: "NIMBUS_KRB_HOST",
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
