"""Makes SQLAlchemy open sqlite transactions with BEGIN IMMEDIATE.

Nova and Cinder run several processes on one sqlite file. oslo.db's deferred
BEGIN lets a read-then-write transaction fail at once with "database is
locked"; BEGIN IMMEDIATE takes the write lock up front, so the others wait
(busy_timeout) instead. Only nova/cinder processes get this directory on
PYTHONPATH: Neutron reads through a second connection inside its write
transactions and would deadlock.

The hook is installed when sqlalchemy is first imported, not here, so that
eventlet's monkey patching still runs before threading is imported.
"""
import importlib.abc
import importlib.util
import sys


def _install(sqlalchemy):
    from sqlalchemy import event
    from sqlalchemy.engine import Engine

    @event.listens_for(Engine, "connect")
    def _connect(dbapi_connection, _record):
        if type(dbapi_connection).__module__.startswith("sqlite3"):
            dbapi_connection.execute("PRAGMA busy_timeout = 60000")

    # oslo.db turns pysqlite's implicit BEGIN off and emits "BEGIN" in its own
    # "begin" listener unless conn.info["in_transaction"] is set; class-level
    # listeners run first, so this one begins IMMEDIATE and sets that marker.
    @event.listens_for(Engine, "begin")
    def _begin(connection):
        if connection.dialect.name != "sqlite" or "in_transaction" in connection.info:
            return
        fairy = connection.connection
        dbapi = getattr(fairy, "dbapi_connection", None) or fairy.connection
        if not dbapi.in_transaction:
            dbapi.execute("BEGIN IMMEDIATE")
        connection.info["in_transaction"] = True

    @event.listens_for(Engine, "commit")
    @event.listens_for(Engine, "rollback")
    def _end(connection):
        connection.info.pop("in_transaction", None)


class _Finder(importlib.abc.MetaPathFinder):
    def find_spec(self, fullname, path, target=None):
        if fullname != "sqlalchemy":
            return None
        sys.meta_path.remove(self)
        spec = importlib.util.find_spec(fullname)
        if spec is None or spec.loader is None:
            return spec
        real_exec = spec.loader.exec_module

        def exec_module(module):
            real_exec(module)
            _install(module)

        spec.loader.exec_module = exec_module
        return spec


sys.meta_path.insert(0, _Finder())
