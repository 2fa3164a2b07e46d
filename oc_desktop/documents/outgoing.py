"""Named operations on the outgoing register (ຂາອອກ)."""

from datetime import date

from oc_desktop import audit
from oc_desktop.documents.common import (
    AREA_KEY,
    NAME_MAX,
    NOTES_MAX,
    SUBJECT_MAX,
    SecrecyLowered,
    check_date,
    check_kind,
    check_levels,
    check_writer,
    readable_entry,
    record_change,
    snapshot,
    sort_or_blank,
)
from oc_desktop.documents.directory import correspondent_id
from oc_desktop.documents.incoming import mark_answered
from oc_desktop.documents.search_index import index_document, outgoing_texts
from oc_desktop.i18n import _
from oc_desktop.models import IncomingDocument, Organisation, OutgoingDocument
from oc_desktop.models.db import Database
from oc_desktop.registers.entries import stamp, void
from oc_desktop.registers.numbering import load_rules, next_seq, seq_taken
from oc_desktop.security import Actor
from oc_desktop.validation import Checker

ENTITY = "outgoing_document"
FIELDS = (
    "period",
    "series",
    "seq",
    "number",
    "doc_date",
    "kind_id",
    "subject",
    "signer",
    "recipients",
    "copies",
    "file_copy_at",
    "answers_id",
    "sent_on",
    "urgency",
    "secrecy",
    "notes",
)
MAX_RECIPIENTS = 200


def outgoing_number(seq: int, abbreviation: str) -> str:
    """``<n>/<abbreviation>``, as the number is written on the paper."""
    return f"{seq}/{abbreviation}" if abbreviation else str(seq)


def check_outgoing(check: Checker, actor: Actor, **given) -> dict:
    values = dict(given)
    values["subject"] = check.text("subject", given["subject"], max_length=SUBJECT_MAX)
    values["signer"] = check.text(
        "signer", given["signer"], max_length=NAME_MAX, required=False, one_line=True
    )
    values["notes"] = check.text("notes", given["notes"], max_length=NOTES_MAX, required=False)
    values["file_copy_at"] = check.text(
        "file_copy_at", given["file_copy_at"], max_length=200, required=False, one_line=True
    )
    given_recipients = given["recipients"]
    if not isinstance(given_recipients, list | tuple):
        given_recipients = [None]  # one text, or none: refused as a recipient left blank
    recipients = [
        check.text("recipients", r, max_length=NAME_MAX, one_line=True) for r in given_recipients
    ]
    values["recipients"] = list(dict.fromkeys(r for r in recipients if r))
    if not values["recipients"]:
        check.fail("recipients", _("Name at least one recipient."))
    elif len(values["recipients"]) > MAX_RECIPIENTS:
        check.fail("recipients", _("Too many recipients."))
    check_date(check, "doc_date", given["doc_date"])
    check_date(check, "sent_on", given["sent_on"], required=False)
    dated = not {"doc_date", "sent_on"} & set(check.errors)
    if dated and given["sent_on"] and given["doc_date"] and given["sent_on"] < given["doc_date"]:
        check.fail("sent_on", _("A document cannot be sent before its date."))
    check.whole(
        "copies",
        given["copies"],
        low=1,
        high=10_000,
        message=_("Enter the number of copies, from 1 to 10,000."),
    )
    check_levels(check, urgency=given["urgency"], secrecy=given["secrecy"], actor=actor)
    check_writer(check, actor, "subject")
    return values


def _index(session, doc: OutgoingDocument) -> None:
    texts = outgoing_texts(
        secrecy=doc.secrecy,
        number=doc.number,
        recipients=doc.recipients,
        subject=doc.subject,
        notes=doc.notes,
    )
    index_document(session, "outgoing", doc_id=doc.id, texts=texts)


def _check_answers(session, check: Checker, actor: Actor, answers_id: int | None):
    """The letter answered, which its answerer must be able to read, or None."""
    if answers_id is None:
        return None
    answered = readable_entry(session, check, actor, IncomingDocument, answers_id, "answers_id")
    if answered.void_reason is not None:
        check.fail("answers_id", _("Choose an incoming document that is not void."))
    return answered


def _check_reply_secrecy(answered, secrecy: int, lower_secrecy: bool) -> None:
    """A reply starts at the secrecy of what it answers; lower only when confirmed."""
    if answered is not None and secrecy < answered.secrecy and not lower_secrecy:
        raise SecrecyLowered(
            _("The letter it answers is more secret. Confirm to give the reply a lower level.")
        )


def register_outgoing(
    db: Database,
    *,
    actor: Actor,
    doc_date: date,
    kind_id: int | None,
    subject: str,
    recipients: list[str],
    signer: str = "",
    copies: int = 1,
    file_copy_at: str = "",
    answers_id: int | None = None,
    sent_on: date | None = None,
    urgency: int = 0,
    secrecy: int = 0,
    notes: str = "",
    seq: int | None = None,
    lower_secrecy: bool = False,
) -> int:
    """Give the next number of the document's series (or check one typed) and save.

    A reply's secrecy starts at that of the letter it answers: a lower level raises
    ``SecrecyLowered`` unless ``lower_secrecy`` confirms it, and is then audited."""
    check = Checker()
    values = check_outgoing(
        check,
        actor,
        doc_date=doc_date,
        subject=subject,
        recipients=recipients,
        signer=signer,
        copies=copies,
        file_copy_at=file_copy_at,
        sent_on=sent_on,
        urgency=urgency,
        secrecy=secrecy,
        notes=notes,
    )
    check.whole(
        "seq", seq, low=1, high=9_999_999, required=False, message=_("Enter a number from 1 up.")
    )
    check.done()
    with db.begin() as session:
        check_kind(session, check, kind_id)
        check.done()
        doc = insert_outgoing(
            session,
            actor=actor,
            values={**values, "doc_date": doc_date, "sent_on": sent_on},
            kind_id=kind_id,
            copies=copies,
            answers_id=answers_id,
            urgency=urgency,
            secrecy=secrecy,
            seq=seq,
            lower_secrecy=lower_secrecy,
        )
        return doc.id


def insert_outgoing(
    session,
    *,
    actor: Actor,
    values: dict,
    kind_id: int | None,
    copies: int,
    answers_id: int | None,
    urgency: int,
    secrecy: int,
    seq: int | None,
    number: str | None = None,
    audited: bool = True,
    lower_secrecy: bool = False,
) -> OutgoingDocument:
    """Number and save an entry whose fields ``check_outgoing`` passed, inside the caller's
    transaction. ``number`` keeps the number as an old book wrote it (``12/ຄອສພ``);
    an import is audited as one row, so it passes ``audited=False``. A reply's secrecy
    starts at that of the letter it answers: a lower level raises ``SecrecyLowered``
    unless ``lower_secrecy`` confirms it, and is then audited."""
    check = Checker()
    doc_date = values["doc_date"]
    rules = load_rules(session)
    period = rules.period_of(doc_date)
    series = rules.outgoing_series(secrecy=secrecy, kind_id=kind_id)
    if seq is None:
        seq = next_seq(session, OutgoingDocument, period=period, series=series)
    elif seq_taken(session, OutgoingDocument, period=period, series=series, seq=seq):
        check.fail("seq", _("Number {number} is taken in this series.").format(number=seq))
    answered = _check_answers(session, check, actor, answers_id)
    check.done()
    _check_reply_secrecy(answered, secrecy, lower_secrecy)
    if number is None:
        organisation = session.get(Organisation, 1)
        abbreviation = organisation.abbreviation if organisation else ""
        number = outgoing_number(seq, abbreviation)
    doc = OutgoingDocument(
        period=period,
        series=series,
        seq=seq,
        number=number,
        doc_date=doc_date,
        kind_id=kind_id,
        subject=values["subject"],
        subject_sort=sort_or_blank(values["subject"], secrecy),
        party_sort=sort_or_blank(values["recipients"][0], secrecy),
        signer=values["signer"],
        recipients=values["recipients"],
        copies=copies,
        file_copy_at=values["file_copy_at"],
        answers_id=answers_id,
        sent_on=values["sent_on"],
        urgency=urgency,
        secrecy=secrecy,
        notes=values["notes"],
    )
    for name in values["recipients"]:
        correspondent_id(session, name)
    stamp(doc, actor, created=True)
    session.add(doc)
    session.flush()
    _index(session, doc)
    if audited:
        audit.record(
            session,
            actor=actor,
            action="create",
            entity=ENTITY,
            entity_id=doc.id,
            area=AREA_KEY,
            new=snapshot(session, doc, FIELDS),
        )
    if answered is not None and secrecy < answered.secrecy:
        audit.record(
            session,
            actor=actor,
            action="lower_secrecy",
            entity=ENTITY,
            entity_id=doc.id,
            area=AREA_KEY,
            old={"secrecy": answered.secrecy},
            new={"secrecy": secrecy},
        )
    if answers_id is not None:
        mark_answered(session, actor=actor, doc_id=answers_id)
    return doc


def update_outgoing(
    db: Database,
    *,
    actor: Actor,
    doc_id: int,
    doc_date: date,
    kind_id: int | None,
    subject: str,
    recipients: list[str],
    signer: str = "",
    copies: int = 1,
    file_copy_at: str = "",
    answers_id: int | None = None,
    sent_on: date | None = None,
    urgency: int = 0,
    notes: str = "",
) -> None:
    """Correct an entry. Its number, series and secrecy stay: they decided the number."""
    check = Checker()
    with db.begin() as session:
        doc = readable_entry(session, check, actor, OutgoingDocument, doc_id, "subject")
        check_kind(session, check, kind_id)
        values = check_outgoing(
            check,
            actor,
            doc_date=doc_date,
            subject=subject,
            recipients=recipients,
            signer=signer,
            copies=copies,
            file_copy_at=file_copy_at,
            sent_on=sent_on,
            urgency=urgency,
            secrecy=doc.secrecy,
            notes=notes,
        )
        check.done()  # the fields are checked before they are compared with the entry
        if doc.void_reason is not None:
            check.fail("subject", _("A void number cannot be changed."))
        if load_rules(session).period_of(doc_date) != doc.period:
            check.fail("doc_date", _("The date must stay in the period of its number."))
        answered = _check_answers(session, check, actor, answers_id)
        check.done()
        if answers_id != doc.answers_id:
            _check_reply_secrecy(answered, doc.secrecy, False)
        old = snapshot(session, doc, FIELDS)
        doc.doc_date, doc.kind_id, doc.subject = doc_date, kind_id, values["subject"]
        doc.subject_sort = sort_or_blank(values["subject"], doc.secrecy)
        doc.party_sort = sort_or_blank(values["recipients"][0], doc.secrecy)
        doc.signer, doc.recipients, doc.copies = values["signer"], values["recipients"], copies
        doc.file_copy_at, doc.sent_on = values["file_copy_at"], sent_on
        doc.urgency, doc.notes = urgency, values["notes"]
        newly_answered = answers_id is not None and answers_id != doc.answers_id
        doc.answers_id = answers_id
        for name in values["recipients"]:
            correspondent_id(session, name)
        stamp(doc, actor, created=False)
        _index(session, doc)
        record_change(session, actor=actor, entity=ENTITY, entry=doc, fields=FIELDS, old=old)
        if newly_answered:
            mark_answered(session, actor=actor, doc_id=answers_id)


def void_outgoing(db: Database, *, actor: Actor, doc_id: int, reason: str) -> None:
    with db.begin() as session:
        doc = readable_entry(session, Checker(), actor, OutgoingDocument, doc_id, "reason")
        void(
            session,
            doc,
            actor=actor,
            area=AREA_KEY,
            entity=ENTITY,
            reason=reason,
        )
