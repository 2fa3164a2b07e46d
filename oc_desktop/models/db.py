"""Engine and sessions for one SQLite file: WAL, foreign keys, a busy timeout, and
reads another thread can interrupt."""

import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

BUSY_TIMEOUT_MS = 10_000


def _configure(dbapi_connection, _record) -> None:
    # pysqlite opens transactions lazily; let SQLAlchemy's BEGIN below do it, so that
    # savepoints and the transaction boundaries are the ones the code states.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    # FULL: a save that returned survives a power cut, not only a crash.
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.close()
    # search_key(column) in SQL: a field keyed as laotext keys a search word, for the
    # small registers that keep no search index of their own (the seal log).
    dbapi_connection.create_function("search_key", 1, _search_key, deterministic=True)


def _search_key(text: str | None) -> str | None:
    from oc_desktop.laotext import search_key

    return None if text is None else search_key(text)


#: execution option of the engine that write sessions use (``Database.begin``)
WRITE_OPTION = "oc_write"


def _begin(connection) -> None:
    # A write transaction takes the write lock at BEGIN, so the busy timeout applies to
    # it; a deferred one that reads first fails at once with "database is locked" when
    # another program writes meanwhile (SQLite cannot wait for a read lock to upgrade).
    immediate = connection.get_execution_options().get(WRITE_OPTION)
    connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def make_engine(path: Path) -> Engine:
    engine = create_engine(f"sqlite:///{Path(path)}")
    event.listen(engine, "connect", _configure)
    event.listen(engine, "begin", _begin)
    return engine


class Interrupted(Exception):
    """A read was stopped by another thread (a newer keystroke wants the database)."""


class Interruptible:
    """Lets another thread stop the reads a worker makes while it holds this handle:
    SQLite interrupts a running statement at once, and no later read of the worker starts."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._open: set[sqlite3.Connection] = set()
        self.stopped = False

    def interrupt(self) -> None:
        with self._lock:
            self.stopped = True
            for connection in self._open:
                connection.interrupt()

    @contextmanager
    def reading(self, connection: sqlite3.Connection) -> Iterator[None]:
        with self._lock:
            if self.stopped:
                raise Interrupted
            self._open.add(connection)
        try:
            yield
        except Exception:
            if self.stopped:  # SQLite's "interrupted", or whatever it left behind
                raise Interrupted from None
            raise
        finally:
            with self._lock:
                self._open.discard(connection)


_worker = threading.local()


@contextmanager
def interruptible(handle: Interruptible) -> Iterator[None]:
    """Reads this thread makes inside the block can be stopped through ``handle``."""
    _worker.handle = handle
    try:
        yield
    finally:
        _worker.handle = None


class Database:
    """An open data file: its engine and a factory of short sessions."""

    def __init__(self, path: Path, engine: Engine) -> None:
        self.path = Path(path)
        self.engine = engine
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        self._writes = sessionmaker(
            engine.execution_options(**{WRITE_OPTION: True}), expire_on_commit=False
        )

    @contextmanager
    def begin(self) -> Iterator[Session]:
        """One unit of work: commits on success, rolls back on any error. It starts as
        BEGIN IMMEDIATE, so it waits (busy timeout) for another writer instead of failing."""
        with self._writes.begin() as session:
            yield session

    @contextmanager
    def read(self) -> Iterator[Session]:
        handle: Interruptible | None = getattr(_worker, "handle", None)
        with self._sessions() as session:
            if handle is None:
                yield session
                return
            with handle.reading(session.connection().connection.driver_connection):
                yield session

    def close(self) -> None:
        self.engine.dispose()
