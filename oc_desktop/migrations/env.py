"""Alembic environment: batch mode, because SQLite alters tables by copying them."""

from alembic import context

from oc_desktop.models import Base
from oc_desktop.models.db import make_engine
from oc_desktop.models.migrate import include_name

config = context.config


def run_migrations_online() -> None:
    url = config.get_main_option("sqlalchemy.url")
    engine = make_engine(url.removeprefix("sqlite:///"))
    with engine.connect() as connection:
        context.configure(
            connection=connection,
            target_metadata=Base.metadata,
            render_as_batch=True,
            include_name=include_name,
        )
        with context.begin_transaction():
            context.run_migrations()
    engine.dispose()


run_migrations_online()
