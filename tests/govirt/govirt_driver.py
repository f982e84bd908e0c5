#!/usr/bin/python3
"""Drives Debian's libgovirt (the oVirt client virt-viewer uses) against an engine.

Run with Debian's /usr/bin/python3 and python3-gi. Arguments: the engine's host:port, then
"full" (default: every step below), "list" (log in and list the VMs only) or "sso" (get an
SSO token from the engine's token endpoint first and give libgovirt only the token, as
remote-viewer does when it is handed one, then list the VMs); the user and password come from OVIRT_USERNAME / OVIRT_PASSWORD (never argv, so
they stay out of the process list). Prints one JSON object with what libgovirt saw.

Steps: download the CA from the engine's pki-resource endpoint (trust on first use, as a
user of `curl -k` would), then log in with username and password, list every VM, get one,
start and stop a down VM, list clusters, hosts, data centers and storage domains, and fetch
a console ticket of a running VM. A step that fails ends the run with {"error": ...}.
"""
import json
import os
import ssl
import sys
import tempfile
import urllib.parse
import urllib.request

import gi

gi.require_version("GoVirt", "1.0")
from gi.repository import GoVirt  # noqa: E402

CA_PATH = "/ovirt-engine/services/pki-resource?resource=ca-certificate&format=X509-PEM-CA"


def state_name(vm):
    # OVIRT_VM_STATE_UP -> "up"
    return vm.get_property("state").value_nick


def names(collection, proxy):
    collection.fetch(proxy)
    return sorted(collection.get_resources().keys())


def display_of(vm):
    display = vm.get_property("display")
    if display is None:
        return None
    return {
        "type": display.get_property("type").value_nick,
        "address": display.get_property("address"),
        "port": display.get_property("port"),
        "secure_port": display.get_property("secure-port"),
        "monitors": display.get_property("monitor-count"),
        "host_subject": display.get_property("host-subject"),
    }


def sso_token(host, ca_file):
    """The password grant of the engine's SSO, checked against the downloaded CA."""
    form = urllib.parse.urlencode({
        "grant_type": "password",
        "scope": "ovirt-app-api",
        "username": os.environ["OVIRT_USERNAME"],
        "password": os.environ["OVIRT_PASSWORD"],
    }).encode()
    request = urllib.request.Request(
        f"https://{host}/ovirt-engine/sso/oauth/token",
        data=form,
        headers={"Accept": "application/json"},
    )
    context = ssl.create_default_context(cafile=ca_file)
    with urllib.request.urlopen(request, context=context, timeout=10) as r:
        return json.loads(r.read())["access_token"]


def main():
    host = sys.argv[1]
    mode = sys.argv[2] if len(sys.argv) > 2 else "full"
    start_name, ticket_name = "web2", "web1"
    out = {"steps": []}

    def step(name):
        out["steps"].append(name)

    insecure = ssl.create_default_context()
    insecure.check_hostname = False
    insecure.verify_mode = ssl.CERT_NONE
    with urllib.request.urlopen(f"https://{host}{CA_PATH}", context=insecure, timeout=10) as r:
        pem = r.read()
    ca = tempfile.NamedTemporaryFile(prefix="govirt-ca-", suffix=".pem", delete=False)
    try:
        ca.write(pem)
        ca.close()
        out["ca_bytes"] = len(pem)
        step("ca")

        proxy = GoVirt.Proxy.new(host)
        proxy.set_property("ssl-ca-file", ca.name)
        if mode == "sso":
            proxy.set_property("sso-token", sso_token(host, ca.name))
            step("sso")
        else:
            proxy.set_property("username", os.environ["OVIRT_USERNAME"])
            proxy.set_property("password", os.environ["OVIRT_PASSWORD"])
        out["ssl_strict"] = proxy.get_property("ssl-strict")
        api = proxy.fetch_api()
        step("login")

        vms = api.get_vms()
        out["vms"] = names(vms, proxy)
        step("list_vms")
        if mode != "full":
            return

        by_name = vms.get_resources()
        vm = by_name[ticket_name]
        vm.refresh(proxy)
        out["vm"] = {
            "name": vm.get_property("name"),
            "id": vm.get_property("guid"),
            "href": vm.get_property("href"),
            "state": state_name(vm),
            "cluster_id": vm.get_property("cluster-id"),
            "host_id": vm.get_property("host-id"),
            "display": display_of(vm),
        }
        step("get_vm")

        target = by_name[start_name]
        out["start_before"] = state_name(target)
        target.start(proxy)
        target.refresh(proxy)
        out["start_after"] = state_name(target)
        out["started_display"] = display_of(target)
        target.stop(proxy)
        target.refresh(proxy)
        out["stop_after"] = state_name(target)
        step("start_stop")

        out["clusters"] = names(api.get_clusters(), proxy)
        out["hosts"] = names(api.get_hosts(), proxy)
        out["data_centers"] = names(api.get_data_centers(), proxy)
        out["storage_domains"] = names(api.get_storage_domains(), proxy)
        step("list_infrastructure")

        vm.get_ticket(proxy)
        display = vm.get_property("display")
        ticket = display.get_property("ticket") or ""
        # The ticket is a secret: report its shape, not its value.
        out["ticket"] = {"length": len(ticket), "expiry": display.get_property("expiry")}
        step("ticket")
    except Exception as e:  # report any libgovirt failure as data for the test
        out["error"] = f"{type(e).__name__}: {e}"
    finally:
        os.unlink(ca.name)
        print(json.dumps(out))


if __name__ == "__main__":
    main()
