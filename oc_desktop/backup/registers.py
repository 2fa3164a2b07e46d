"""Names a clerk reads for the tables counted in a backup (unknown ones keep their name)."""

from oc_desktop.i18n import N_, _

REGISTER_LABELS = {
    "organisation": N_("Organisation profile"),
    "section": N_("Sections"),
    "signer": N_("Signers"),
    "setting": N_("Settings"),
}


def register_label(table: str) -> str:
    label = REGISTER_LABELS.get(table)
    return _(label) if label else table
