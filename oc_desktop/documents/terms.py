"""The words the register shows for its codes: urgency, secrecy, status."""

from oc_desktop.i18n import N_, _

URGENCY = {0: N_("Ordinary"), 1: N_("Urgent"), 2: N_("Most urgent")}
SECRECY = {0: N_("Ordinary"), 1: N_("Confidential"), 2: N_("Top secret")}
STATUS = {
    "received": N_("Received"),
    "assigned": N_("Assigned"),
    "in_progress": N_("In progress"),
    "answered": N_("Answered"),
    "filed": N_("Filed"),
}
REGISTER = {"incoming": N_("Incoming"), "outgoing": N_("Outgoing")}
#: the books the register prints (the delivery book lists outgoing documents)
BOOKS = ("incoming", "outgoing", "delivery")


def urgency(value: int) -> str:
    return _(URGENCY.get(value, URGENCY[0]))


def secrecy(value: int) -> str:
    return _(SECRECY.get(value, SECRECY[0]))


def status(value: str | None) -> str:
    return _(STATUS[value]) if value in STATUS else ""
