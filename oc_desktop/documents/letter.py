"""The outgoing letter on the office's official heading: national heading, the office,
its number and date, kind and subject, whom it goes to, the signer; what the register
holds of it (the body is written on the paper or in the word processor)."""

from pathlib import Path

from oc_desktop import audit
from oc_desktop.documents.common import AREA_KEY
from oc_desktop.documents.details import document_detail
from oc_desktop.formatting import format_int
from oc_desktop.i18n import _
from oc_desktop.models.db import Database
from oc_desktop.printing.official import Heading, build_official_document
from oc_desktop.profile import Profile, SignerRow, load_profile
from oc_desktop.security import Actor, require_read
from oc_desktop.validation import ValidationError


def _signer(profile: Profile, written: str | None) -> list[SignerRow]:
    """The profile's signer the letter names ("title name" as the form offered it), or
    the words as written; the head when none is named."""
    if not written:
        return list(profile.signers[:1])
    for signer in profile.signers:
        if f"{signer.title} {signer.name}".strip() == written.strip():
            return [signer]
    return [SignerRow(None, written, "")]


def letter_paragraphs(recipients: tuple[str, ...], notes: str | None, copy_at: str | None):
    yield _("To: {recipients}").format(recipients=", ".join(recipients))
    if notes:
        yield notes
    yield _("Sent to:")
    for name in recipients:
        yield f"- {name}"
    if copy_at:
        yield "- " + _("File copy: {place}").format(place=copy_at)


def print_outgoing_letter(db: Database, out: Path, *, actor: Actor, doc_id: int) -> int:
    """The letter's official page(s); refused for a reader the letter's secrecy hides it
    from, and for a void number. Returns the page count."""
    require_read(actor, AREA_KEY)
    detail = document_detail(db, actor=actor, register="outgoing", doc_id=doc_id)
    if detail.hidden:
        raise ValidationError({"document": _("Your clearance does not show this letter.")})
    if detail.void_reason:
        raise ValidationError({"document": _("This number is void: it has no letter.")})
    profile = load_profile(db)
    heading = Heading(
        number=format_int(detail.seq),
        date=detail.date,
        kind=detail.kind or "",
        subject=detail.subject or "",
    )
    pages, _writer = build_official_document(
        out,
        profile=profile,
        heading=heading,
        paragraphs=letter_paragraphs(detail.recipients, detail.notes, detail.file_copy_at),
        signers=_signer(profile, detail.signer),
    )
    with db.begin() as session:
        audit.record(
            session,
            actor=actor,
            action="print",
            entity="outgoing_letter",
            entity_id=doc_id,
            area=AREA_KEY,
        )
    return pages
