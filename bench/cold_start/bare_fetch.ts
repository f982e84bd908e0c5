/**
 * The floor for the cold-start measurement: the same two exchanges as
 * openstack_script.ts (a Keystone v3 password login, one GET of the compute
 * endpoint's /servers/detail) written with fetch alone.
 */
const env = (name: string): string => Deno.env.get(name) ?? "";
const login = await fetch(`${env("OS_AUTH_URL")}/auth/tokens`, {
  method: "POST",
  headers: { "content-type": "application/json" },
  body: JSON.stringify({
    auth: {
      identity: {
        methods: ["password"],
        password: {
          user: {
            name: env("OS_USERNAME"),
            password: env("OS_PASSWORD"),
            domain: { name: env("OS_USER_DOMAIN_NAME") },
          },
        },
      },
      scope: {
        project: { name: env("OS_PROJECT_NAME"), domain: { name: env("OS_PROJECT_DOMAIN_NAME") } },
      },
    },
  }),
});
const token = login.headers.get("x-subject-token") ?? "";
const body = await login.json();
const compute = body.token.catalog.find((s: { type: string }) => s.type === "compute");
const endpoint = compute.endpoints.find((e: { interface: string; region: string }) =>
  e.interface === "public" && e.region === env("OS_REGION_NAME")
);
const servers = await fetch(`${endpoint.url}/servers/detail`, {
  headers: { "x-auth-token": token },
});
const list = await servers.json();
if (Deno.args[0] === "-v") console.log(`servers: ${list.servers.length}`);
