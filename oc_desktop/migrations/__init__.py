"""Alembic migrations (``versions/``) and what several of them share."""


def rekey_all() -> None:
    """Ask each area whose tables the file holds to make its stored search, identity and
    sort keys again from its text (``Area.rekey``), when the way keys are made changes."""
    import sqlalchemy as sa
    from alembic import op

    from oc_desktop.sections import areas

    tables = set(sa.inspect(op.get_bind()).get_table_names())
    for area in areas():
        rekey = area.loaded("rekey")
        if rekey is not None and area.tables and set(area.tables) <= tables:
            rekey(op.get_bind())
