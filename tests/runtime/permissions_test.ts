import assert from "node:assert/strict";

const SCRIPT = new URL("./_load_env_script.ts", import.meta.url).pathname;
const DENO_DIR = Deno.env.get("DENO_DIR") ??
  JSON.parse(
    new TextDecoder().decode(
      (await new Deno.Command(Deno.execPath(), { args: ["info", "--json"], stdout: "piped" })
        .output()).stdout,
    ),
  ).denoDir;

const OS_ENV = {
  OS_AUTH_URL: "http://127.0.0.1:5000/v3",
  OS_USERNAME: "demo",
  OS_PASSWORD: "s3cret",
  OS_USER_DOMAIN_NAME: "Default",
  OS_PROJECT_NAME: "demo",
  OS_PROJECT_DOMAIN_NAME: "Default",
};

interface Outcome {
  ok?: string;
  error?: string;
  message?: string;
  flag?: string;
}

/** Runs the script with exactly `flags` and `env` (nothing inherited but the module cache). */
async function run(flags: string[], env: Record<string, string>, cwd?: string): Promise<Outcome> {
  const out = await new Deno.Command(Deno.execPath(), {
    args: ["run", "--no-prompt", ...flags, SCRIPT],
    env: { DENO_DIR, NO_COLOR: "1", DENO_NO_UPDATE_CHECK: "1", ...env },
    clearEnv: true,
    cwd,
    stdout: "piped",
    stderr: "piped",
  }).output();
  const text = new TextDecoder().decode(out.stdout).trim();
  assert.ok(out.success && text, `script failed: ${new TextDecoder().decode(out.stderr)}`);
  return JSON.parse(text.split("\n").at(-1)!);
}

Deno.test("--allow-env with just the OS_* variables used is enough (no Deno.env.toObject)", async () => {
  const outcome = await run([`--allow-env=${Object.keys(OS_ENV).join(",")}`], OS_ENV);
  assert.deepEqual(outcome, { ok: "v3password" });
});

Deno.test("no --allow-env at all: a PermissionRequired naming the flags for the required variables", async () => {
  const outcome = await run([], OS_ENV);
  assert.equal(outcome.error, "PermissionRequired");
  assert.match(outcome.flag ?? "", /^--allow-env=OS_AUTH_URL,/);
  assert.match(outcome.flag ?? "", /OS_PASSWORD/);
  assert.match(
    outcome.message ?? "",
    /OS_CLOUD and HOME for clouds\.yaml.*run with --allow-env=OS_AUTH_URL,/,
  );
  assert.ok(!outcome.message?.includes("s3cret"));
});

Deno.test("a scoped --allow-env that leaves out OS_PASSWORD names exactly that flag", async () => {
  const allowed = Object.keys(OS_ENV).filter((n) => n !== "OS_PASSWORD");
  const outcome = await run([`--allow-env=${allowed.join(",")}`], OS_ENV);
  assert.equal(outcome.error, "PermissionRequired");
  assert.equal(outcome.flag, "--allow-env=OS_PASSWORD");
  assert.match(outcome.message ?? "", /run with --allow-env=OS_PASSWORD$/);
});

Deno.test("an unset variable that was allowed is still a plain missing option", async () => {
  const { OS_PASSWORD: _, ...rest } = OS_ENV;
  const outcome = await run([`--allow-env=${Object.keys(OS_ENV).join(",")}`], rest);
  assert.equal(outcome.error, "AuthPluginOptionsMissing");
  assert.match(outcome.message ?? "", /OS_PASSWORD/);
});

Deno.test("OS_CLOUD: --allow-read of the one clouds.yaml used is enough, from a directory Deno may not list", async () => {
  const dir = await Deno.makeTempDir();
  try {
    await Deno.writeTextFile(
      `${dir}/clouds.yaml`,
      "clouds:\n  lab:\n    auth:\n      auth_url: http://127.0.0.1:5000/v3\n" +
        "      username: demo\n      password: s3cret\n      project_name: demo\n" +
        "      user_domain_name: Default\n      project_domain_name: Default\n",
    );
    const outcome = await run(
      ["--allow-env=OS_CLOUD", `--allow-read=${dir}/clouds.yaml`],
      { OS_CLOUD: "lab" },
      dir,
    );
    assert.deepEqual(outcome, { ok: "v3password" });
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("OS_CLOUD without --allow-read: a PermissionRequired naming the clouds.yaml paths and HOME", async () => {
  const dir = await Deno.makeTempDir();
  try {
    const outcome = await run(["--allow-env=OS_CLOUD"], { OS_CLOUD: "lab", HOME: dir }, dir);
    assert.equal(outcome.error, "PermissionRequired");
    assert.match(outcome.flag ?? "", /--allow-env=HOME/);
    assert.match(outcome.flag ?? "", /--allow-read=\S*clouds\.yaml/);
    assert.match(outcome.flag ?? "", /--allow-read=\/etc\/openstack\/clouds\.yaml/);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
