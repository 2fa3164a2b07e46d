"""The words the seal log shows for its codes."""

from oc_desktop.i18n import N_, _

SEAL_KIND = {
    "official": N_("Official round seal"),
    "title": N_("Title stamp"),
    "received": N_("'Received' stamp"),
    "date": N_("Date stamp"),
}
SEAL_STATUS = {
    "in_use": N_("In use"),
    "withdrawn": N_("Withdrawn"),
    "lost": N_("Lost"),
    "worn": N_("Worn"),
    "destroyed": N_("Destroyed"),
}
IMPRESSION = {
    "signature": N_("On the signature"),
    "appendix": N_("On an appendix"),
    "page_edges": N_("Across page edges"),
    "copy": N_("On a copy"),
}
INCIDENT = {
    "loss": N_("Loss"),
    "wear": N_("Wear"),
    "replacement": N_("Replacement"),
    "destruction": N_("Destruction"),
}


def word(table: dict, code: str | None) -> str:
    return _(table[code]) if code in table else ""
