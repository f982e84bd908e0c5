"""Set-up steps of scripts/openstack.sh that talk to the APIs (stdlib only).

  bootstrap.py catalog  CONFIG.json   users, projects, roles, services, endpoints
  bootstrap.py ready    CONFIG.json   waits until every service works (bounded)
  bootstrap.py fixtures CONFIG.json   flavors, the tiny image, the public network;
                                      prints the NIMBUS_REAL_CLOUD JSON

CONFIG.json: {"keystone": url, "region": ..., "admin_password": ..., "demo_password": ...,
"service_password": ..., "endpoints": {type: url}, "wait_s": N}.
"""
import json
import sys
import time
import urllib.error
import urllib.request


def log(msg):
    print(f"openstack.sh: {msg}", file=sys.stderr, flush=True)


class Api:
    def __init__(self, cfg):
        self.cfg = cfg
        self.token = None
        self.catalog = {}

    def call(self, method, url, body=None, headers=None, ok=(200, 201, 202, 204), raw=None):
        data = raw if raw is not None else (json.dumps(body).encode() if body is not None else None)
        hdrs = {"accept": "application/json"}
        if body is not None:
            hdrs["content-type"] = "application/json"
        if self.token:
            hdrs["x-auth-token"] = self.token
        hdrs.update(headers or {})
        req = urllib.request.Request(url, data=data, method=method, headers=hdrs)
        try:
            with urllib.request.urlopen(req, timeout=60) as res:
                text = res.read()
                status, rheaders = res.status, res.headers
        except urllib.error.HTTPError as e:
            text, status, rheaders = e.read(), e.code, e.headers
        if status not in ok:
            raise RuntimeError(f"{method} {url}: {status} {text[:300]!r}")
        parsed = json.loads(text) if text and text[:1] in (b"{", b"[") else None
        return status, parsed, rheaders

    def login(self, user="admin", password=None, project="admin"):
        body = {"auth": {
            "identity": {"methods": ["password"], "password": {"user": {
                "name": user, "domain": {"id": "default"},
                "password": password or self.cfg["admin_password"]}}},
            "scope": {"project": {"name": project, "domain": {"id": "default"}}}}}
        self.token = None
        _, reply, headers = self.call("POST", self.cfg["keystone"] + "/auth/tokens", body)
        self.token = headers["x-subject-token"]
        self.catalog = {}
        for svc in reply["token"].get("catalog", []):
            for ep in svc["endpoints"]:
                if ep["interface"] == "public":
                    self.catalog[svc["type"]] = ep["url"]
        return reply["token"]

    def ks(self, method, path, body=None, ok=(200, 201, 204)):
        return self.call(method, self.cfg["keystone"] + path, body, ok=ok)[1]

    def ks_find(self, collection, name):
        items = self.ks("GET", f"/{collection}?name={name}")[collection]
        return items[0] if items else None

    def ks_ensure(self, collection, key, body):
        found = self.ks_find(collection, body["name"])
        if found:
            return found
        return self.ks("POST", f"/{collection}", {key: body})[key]


def catalog(cfg):
    api = Api(cfg)
    api.login()
    roles = {r["name"]: r["id"] for r in api.ks("GET", "/roles")["roles"]}
    for name in ("member", "reader", "service"):
        if name not in roles:
            roles[name] = api.ks("POST", "/roles", {"role": {"name": name}})["role"]["id"]
    projects = {}
    for name in ("service", "demo"):
        projects[name] = api.ks_ensure("projects", "project", {
            "name": name, "domain_id": "default", "description": f"The {name} project"})["id"]

    def user(name, password, project, role_names):
        uid = api.ks_ensure("users", "user", {
            "name": name, "domain_id": "default", "password": password,
            "default_project_id": project})["id"]
        for role in role_names:
            api.ks("PUT", f"/projects/{project}/users/{uid}/roles/{roles[role]}")
        return uid

    for svc in ("glance", "placement", "nova", "neutron", "cinder"):
        user(svc, cfg["service_password"], projects["service"], ["admin", "service"])
    user("demo", cfg["demo_password"], projects["demo"], ["member"])

    names = {"placement": "placement", "image": "glance", "compute": "nova",
             "network": "neutron", "block-storage": "cinderv3", "volumev3": "cinderv3"}
    for stype, url in cfg["endpoints"].items():
        services = api.ks("GET", f"/services?type={stype}")["services"]
        sid = services[0]["id"] if services else api.ks("POST", "/services", {"service": {
            "type": stype, "name": names.get(stype, stype), "enabled": True}})["service"]["id"]
        have = api.ks("GET", f"/endpoints?service_id={sid}")["endpoints"]
        for iface in ("public", "internal", "admin"):
            if not any(e["interface"] == iface for e in have):
                api.ks("POST", "/endpoints", {"endpoint": {
                    "service_id": sid, "interface": iface, "url": url,
                    "region_id": cfg["region"], "enabled": True}})
    log("catalog, service users and demo user created")


def bounded(what, deadline, probe, interval=0.5):
    """Calls probe() until it returns a truthy value or the deadline passes."""
    last = None
    while time.monotonic() < deadline:
        try:
            value = probe()
            if value:
                return value
        except Exception as e:  # the service may still be starting: keep probing
            last = e
        time.sleep(interval)
    raise RuntimeError(f"timed out waiting for {what}" + (f": {last}" if last else ""))


def ready(cfg):
    api = Api(cfg)
    deadline = time.monotonic() + cfg.get("wait_s", 240)
    api.login()
    mv = {"openstack-api-version": "compute 2.53"}

    def compute_services():
        svcs = api.call("GET", api.catalog["compute"] + "/os-services", headers=mv)[1]["services"]
        up = {s["binary"] for s in svcs if s["state"] == "up"}
        return {"nova-conductor", "nova-scheduler", "nova-compute"} <= up

    bounded("nova conductor, scheduler and compute up", deadline, compute_services)
    log("nova services up")

    def hypervisor():
        hv = api.call("GET", api.catalog["compute"] + "/os-hypervisors", headers=mv)[1]
        return hv["hypervisors"]

    bounded("the hypervisor (cell_v2 host discovery)", deadline, hypervisor)
    pl = {"openstack-api-version": "placement 1.10"}

    def inventory():
        rps = api.call("GET", api.catalog["placement"] + "/resource_providers", headers=pl)[1]
        for rp in rps["resource_providers"]:
            inv = api.call("GET", api.catalog["placement"] +
                           f"/resource_providers/{rp['uuid']}/inventories", headers=pl)[1]
            if inv["inventories"].get("VCPU"):
                return True
        return False

    bounded("the compute node's resource provider inventory", deadline, inventory)
    log("hypervisor and its placement inventory present")

    def pools():
        url = api.catalog["volumev3"] + "/scheduler-stats/get_pools"
        return api.call("GET", url)[1]["pools"]

    bounded("cinder volume backend pools", deadline, pools)

    def neutron():
        return api.call("GET", api.catalog["network"] + "/v2.0/networks")[1] is not None

    bounded("neutron networks API", deadline, neutron)

    def glance():
        return api.call("GET", api.catalog["image"] + "/v2/images")[1] is not None

    bounded("glance images API", deadline, glance)
    log("cinder pools, neutron and glance answer")


FLAVORS = [("1", "m1.tiny", 512, 1, 1), ("2", "m1.small", 2048, 20, 1),
           ("3", "m1.medium", 4096, 40, 2), ("4", "m1.large", 8192, 80, 4),
           ("5", "m1.xlarge", 16384, 160, 8)]
IMAGE_NAME = "cirros-0.6.2-x86_64-disk"


def fixtures(cfg):
    api = Api(cfg)
    token = api.login()
    compute = api.catalog["compute"]
    have = {f["id"] for f in api.call("GET", compute + "/flavors")[1]["flavors"]}
    for fid, name, ram, disk, vcpus in FLAVORS:
        if fid not in have:
            api.call("POST", compute + "/flavors", {"flavor": {
                "id": fid, "name": name, "ram": ram, "disk": disk, "vcpus": vcpus}})

    image = api.catalog["image"]
    images = api.call("GET", image + f"/v2/images?name={IMAGE_NAME}")[1]["images"]
    if images:
        image_id = images[0]["id"]
    else:
        created = api.call("POST", image + "/v2/images", {
            "name": IMAGE_NAME, "disk_format": "raw", "container_format": "bare",
            "visibility": "public", "min_disk": 0, "min_ram": 0})[1]
        image_id = created["id"]
        # A tiny stand-in for cirros: the fake virt driver never reads it.
        payload = b"nimbus tiny image\n" * 64
        api.call("PUT", image + f"/v2/images/{image_id}/file", raw=payload,
                 headers={"content-type": "application/octet-stream"})

    def active():
        return api.call("GET", image + f"/v2/images/{image_id}")[1]["status"] == "active"

    bounded("the fixture image to be active", time.monotonic() + 60, active)

    network = api.catalog["network"]
    nets = api.call("GET", network + "/v2.0/networks?name=public")[1]["networks"]
    if nets:
        net_id = nets[0]["id"]
    else:
        net_id = api.call("POST", network + "/v2.0/networks", {"network": {
            "name": "public", "router:external": True, "provider:network_type": "flat",
            "provider:physical_network": "public", "shared": False}})[1]["network"]["id"]
        api.call("POST", network + "/v2.0/subnets", {"subnet": {
            "name": "public-subnet", "network_id": net_id, "ip_version": 4,
            "cidr": "172.24.4.0/24", "gateway_ip": "172.24.4.1", "enable_dhcp": False,
            "allocation_pools": [{"start": "172.24.4.10", "end": "172.24.4.250"}]}})

    demo = Api(cfg)
    demo_token = demo.login("demo", cfg["demo_password"], "demo")

    def env(user, password, project):
        return {
            "OS_AUTH_TYPE": "password", "OS_AUTH_URL": cfg["keystone"],
            "OS_IDENTITY_API_VERSION": "3", "OS_USERNAME": user, "OS_PASSWORD": password,
            "OS_USER_DOMAIN_NAME": "Default", "OS_PROJECT_NAME": project,
            "OS_PROJECT_DOMAIN_NAME": "Default", "OS_REGION_NAME": cfg["region"],
        }

    out = {
        "adminEnv": env("admin", cfg["admin_password"], "admin"),
        "demoEnv": env("demo", cfg["demo_password"], "demo"),
        "fixtures": {
            "imageId": image_id, "flavorId": "1", "publicNetworkId": net_id,
            "adminProjectId": token["project"]["id"], "adminUserId": token["user"]["id"],
            "demoProjectId": demo_token["project"]["id"], "demoUserId": demo_token["user"]["id"],
            "domainId": "default", "region": cfg["region"],
        },
    }
    print(json.dumps(out, indent=2))
    log(f"fixtures: image {image_id}, flavors 1-5, network public {net_id}")


if __name__ == "__main__":
    with open(sys.argv[2]) as f:
        config = json.load(f)
    {"catalog": catalog, "ready": ready, "fixtures": fixtures}[sys.argv[1]](config)
