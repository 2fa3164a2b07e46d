"""Registers in and out of spreadsheets: export any register view to .xlsx or .csv, and
bring old Excel or CSV registers in. No Qt here; the window and the command line share it.

How a register plugs in: declare one ``Register`` (``oc_desktop.exchange.declare``) in the
section's package, as ``oc_desktop/seal/exchange.py`` does::

    SEAL_USES = Register(
        key="seal_uses",                      # what `oc-desktop export seal_uses` takes
        area="seal",                          # the area whose readers may export it
        label=N_("Seal uses"),                # its name in the file dialog and the audit
        entity="seal_use_book",               # the audit row's entity (an area entity)
        columns=use_columns,                  # () -> [ExportColumn]: typed cells
        query=_query,                         # (text, start, end) -> the section's query
        fetch=_fetch,                         # (db, actor, query, after, limit) -> rows
        fields=USE_FIELDS,                    # importable fields (optional)
        importer="oc_desktop.seal.exchange:IMPORTER",  # optional
    )

and name it in the section's ``Area`` (``exchange={"seal_uses": "oc_desktop.seal.exchange:
SEAL_USES"}``). Rows come from the same query and keyset pages as the tab (``row.key``
hands back the next page), so secrecy is the query's; an export never reads a register
any other way. A tab that declares nothing still exports what it shows, as text.

An importer either writes each row through the section's own operation
(``oc_desktop.exchange.through.ThroughOperation``: the seal log, staff, budget; the dry
run rehearses the writes and rolls them back) or, for books of a hundred thousand rows,
checks them in batches as the operation would (``oc_desktop.documents.importing``).
"""
