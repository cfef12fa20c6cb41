"""Alembic environment: runs on the connection handed over by ``app.store.migrate``.

Tables that SQLAlchemy does not model (the FTS5 index of names and its shadow tables)
are left out of comparisons, so ``alembic check`` compares only what the models declare.
"""

from __future__ import annotations

from typing import Any

from alembic import context
from sqlalchemy import create_engine

from app.store.tables import Base

config = context.config
target_metadata = Base.metadata


def include_name(name: str | None, type_: str, _parent: Any) -> bool:
    """Skip the name-search tables (SQLite's FTS5, PostgreSQL's participant_word), which
    live beside the models."""
    return not (
        type_ == "table"
        and name is not None
        and (name.startswith("participant_fts") or name == "participant_word")
    )


def run() -> None:
    """Run migrations on the given connection (or a URL, for the `alembic` tool)."""
    connection = config.attributes.get("connection")
    if connection is None:
        url = config.get_main_option("sqlalchemy.url")
        assert url, "no connection and no sqlalchemy.url"
        engine = create_engine(url)
        with engine.begin() as conn:
            _configure_and_run(conn)
        engine.dispose()
    else:
        _configure_and_run(connection)


def _configure_and_run(connection: Any) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=True,
        include_name=include_name,
        compare_type=True,
    )
    context.run_migrations()


run()
