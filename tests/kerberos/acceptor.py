"""Accepts one SPNEGO token (base64 on stdin) with the service keytab (KRB5_KTNAME)
through python-gssapi, an acceptor independent of the package's FFI binding.
Prints one JSON line: {"ok": true, "principal": ...} or {"ok": false, "error": ...}."""
import base64
import json
import sys

import gssapi

try:
    token = base64.b64decode(sys.stdin.read().strip(), validate=True)
    ctx = gssapi.SecurityContext(usage="accept")
    ctx.step(token)
    print(json.dumps({
        "ok": True,
        "principal": str(ctx.initiator_name),
        "target": str(ctx.target_name),
        "complete": ctx.complete,
    }))
except Exception as error:  # a bad token, a replay, an unknown key: all are refusals
    print(json.dumps({"ok": False, "error": f"{type(error).__name__}: {error}"}))
