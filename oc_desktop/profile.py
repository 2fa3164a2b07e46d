"""The organisation profile and office settings, read and written as named operations."""

import json
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Text, delete, select, type_coerce
from sqlalchemy.orm import Session

from oc_desktop import audit
from oc_desktop.audit.state import UNTRACED
from oc_desktop.i18n import _
from oc_desktop.laotext import identity_key
from oc_desktop.models import Organisation, Section, Setting, Signer
from oc_desktop.models.db import Database
from oc_desktop.security import Actor, require_write
from oc_desktop.setting_rules import effective, problem
from oc_desktop.validation import Checker, ValidationError

# Article 5 of the model resolution: the four sections of such a committee.
DEFAULT_SECTIONS = (
    "ຂະແໜງ ບໍລິຫານ, ຈັດຕັ້ງ ແລະ ກວດກາ",
    "ຂະແໜງ ໂຄສະນາ ແລະ ຂໍ້ມູນຂ່າວສານ",
    "ຂະແໜງ ອົບຮົມ",
    "ຂະແໜງ ສັງລວມ ແລະ ເກັບກຳທາງສຽງສັງຄົມ",
)

# Every setting with its documented default; stored values override these.
SETTING_DEFAULTS: dict[str, Any] = {
    "language": "lo",  # lo | en
    "lao_digits": False,  # print and show Lao digits ໐-໙ instead of 0-9
    "due_soon_days": 3,  # follow-up list: documents due within this many days
    "numbering_period": "year",  # register numbers restart each: year | term
    "term_start_year": 2021,  # with "term": the year a committee term began
    "term_years": 5,  # with "term": how many years a term lasts
    "series_per_kind": False,  # outgoing numbers: one series per document kind
    "backup_keep": 10,  # backups kept on a drive before the oldest is rotated out
    "backup_reminder_days": 7,  # remind when the last checked backup is older than this
    "last_backup_at": None,  # when the last checked backup was made (ISO time), set by it
    "idle_lock_minutes": 15,  # lock the session after this much idle time
    "sign_in_attempts": 5,  # wrong passwords in a row before the account waits
    "lockout_seconds": 60,  # the first wait; it doubles with each further wrong try
    "seal_max_sheets": 5,  # a seal across page edges: at most this many sheets per impression
    "seal_use_needs_approval": False,  # every use of a seal names who approved it
}
#: settings the program keeps itself on behalf of whoever did the work (not only admins)
PROGRAM_KEPT = frozenset({"last_backup_at"})
ORGANISATION_FIELDS = ("name", "abbreviation", "place", "parent_body")


@dataclass(frozen=True)
class SectionRow:
    id: int | None
    name: str


@dataclass(frozen=True)
class SignerRow:
    id: int | None
    title: str
    name: str


@dataclass(frozen=True)
class Profile:
    name: str = ""
    abbreviation: str = ""
    place: str = ""
    parent_body: str = ""
    sections: tuple[SectionRow, ...] = field(default_factory=tuple)
    signers: tuple[SignerRow, ...] = field(default_factory=tuple)


def load_profile(db: Database) -> Profile:
    with db.read() as session:
        org = session.get(Organisation, 1) or Organisation()
        sections = session.scalars(
            select(Section).where(Section.active).order_by(Section.position, Section.id)
        )
        signers = session.scalars(
            select(Signer).where(Signer.active).order_by(Signer.position, Signer.id)
        )
        return Profile(
            name=org.name or "",
            abbreviation=org.abbreviation or "",
            place=org.place or "",
            parent_body=org.parent_body or "",
            sections=tuple(SectionRow(s.id, s.name) for s in sections),
            signers=tuple(SignerRow(s.id, s.title, s.name) for s in signers),
        )


def ensure_defaults(db: Database) -> None:
    """A new data file starts with the four sections of Article 5, an empty profile and
    the kinds of document seen in the office's papers."""
    from oc_desktop.documents.directory import ensure_kinds

    ensure_kinds(db)
    with db.begin() as session:
        # the empty profile is the program's start, not anyone's change: it is traced
        # from the first save of the profile (`verify` counts it as not covered till then)
        session.info[UNTRACED] = True
        if session.get(Organisation, 1) is None:
            session.add(Organisation(id=1, name="", abbreviation="", place="", parent_body=""))
            if session.scalar(select(Section.id).limit(1)) is None:
                session.add_all(
                    Section(position=i, name=name, active=True)
                    for i, name in enumerate(DEFAULT_SECTIONS)
                )


def save_profile(
    db: Database,
    *,
    actor: Actor,
    name: str,
    abbreviation: str,
    place: str,
    parent_body: str,
    sections: list[SectionRow],
    signers: list[SignerRow],
) -> Profile:
    """Validate and store the whole profile in one transaction.

    Sections and signers keep their ids (records elsewhere point at them); one that is
    removed is retired, not deleted, so old registers still name it. Each change is an
    audit row with the old and the new values.
    """
    require_write(actor, "settings")
    check = Checker()
    name = check.text("name", name, max_length=300, one_line=True)
    abbreviation = check.text("abbreviation", abbreviation, max_length=40, one_line=True)
    place = check.text("place", place, max_length=100, one_line=True)
    parent_body = check.text(
        "parent_body", parent_body, max_length=300, required=False, one_line=True
    )
    clean_sections = [
        SectionRow(s.id, check.text("sections", s.name, max_length=300, one_line=True))
        for s in sections
    ]
    if not clean_sections:
        check.fail("sections", _("The office needs at least one section."))
    keys = [identity_key(s.name) for s in clean_sections]
    if len(set(keys)) < len(keys):  # typed twice, perhaps in look-alike spellings
        check.fail("sections", _("Two sections have the same name."))
    clean_signers = [
        SignerRow(
            s.id,
            check.text("signers", s.title, max_length=200, one_line=True),
            check.text("signers", s.name, max_length=200, one_line=True),
        )
        for s in signers
    ]
    check.done()
    with db.begin() as session:
        org = session.get(Organisation, 1) or Organisation(id=1)
        old = {f: getattr(org, f) or "" for f in ORGANISATION_FIELDS}
        new = dict(zip(ORGANISATION_FIELDS, (name, abbreviation, place, parent_body), strict=True))
        for key, value in new.items():
            setattr(org, key, value)
        session.add(org)
        changed = [key for key in ORGANISATION_FIELDS if old[key] != new[key]]
        if changed:
            audit.record(
                session,
                actor=actor,
                action="update",
                entity="organisation",
                entity_id=1,
                area="settings",
                old={key: old[key] for key in changed},
                new={key: new[key] for key in changed},
            )
        _sync(session, actor, Section, "section", clean_sections, ("name",))
        _sync(session, actor, Signer, "signer", clean_signers, ("title", "name"))
    return load_profile(db)


def _sync(session: Session, actor: Actor, model, entity: str, rows, fields) -> None:
    """Make the active rows of ``model`` these, in this order; audit every difference."""
    existing = {obj.id: obj for obj in session.scalars(select(model))}
    kept = set()

    def note(action: str, obj, old: dict | None, new: dict | None) -> None:
        audit.record(
            session,
            actor=actor,
            action=action,
            entity=entity,
            entity_id=obj.id,
            area="settings",
            old=old,
            new=new,
        )

    for position, row in enumerate(rows):
        values = {f: getattr(row, f) for f in fields} | {"position": position, "active": True}
        obj = existing.get(row.id) if row.id is not None else None
        if obj is None:
            obj = model(**values)
            session.add(obj)
            session.flush()
            note("create", obj, None, {f: values[f] for f in (*fields, "position")})
        else:
            changed = [k for k, v in values.items() if getattr(obj, k) != v]
            old = {k: getattr(obj, k) for k in changed}
            for key in changed:
                setattr(obj, key, values[key])
            if changed:
                note("update", obj, old, {k: values[k] for k in changed})
        kept.add(obj.id)
    for obj_id, obj in existing.items():
        if obj_id not in kept and obj.active:
            obj.active = False
            note(
                "retire",
                obj,
                {**{f: getattr(obj, f) for f in fields}, "active": True},
                {"active": False},
            )


def get_setting(db: Database, key: str) -> Any:
    """The setting as stored, or its default when none is stored or the stored value
    breaks its rule (edited by hand): a bad value never stops the program."""
    with db.read() as session:
        return stored_setting(session, key)


def stored_setting(session: Session, key: str) -> Any:
    return stored_settings(session, (key,))[key]


def stored_settings(session: Session, keys) -> dict[str, Any]:
    """The settings ``keys`` as the program uses them: stored and good, else the default."""
    stored = _stored(session, keys)
    return {
        key: effective(key, stored[key], SETTING_DEFAULTS[key])
        if key in stored
        else SETTING_DEFAULTS[key]
        for key in keys
    }


def setting_problems(db: Database) -> dict[str, str]:
    """The stored settings that break their rule, each with why (the Settings tab marks
    these fields; meanwhile the program runs on their defaults)."""
    with db.read() as session:
        stored = _stored(session, SETTING_DEFAULTS)
    found = {key: problem(key, value) for key, value in stored.items()}
    return {key: message for key, message in found.items() if message is not None}


#: a stored value that is not even JSON (typed into the file by hand)
_UNREADABLE = object()


def _stored(session: Session, keys) -> dict[str, Any]:
    """The stored values of ``keys``, decoded here so that a value that is not JSON
    reads as unreadable instead of failing the query."""
    rows = session.execute(
        select(Setting.key, type_coerce(Setting.value, Text)).where(Setting.key.in_(list(keys)))
    )
    values = {}
    for key, raw in rows:
        if not isinstance(raw, str):  # NULL, or a number SQLite's column affinity kept as one
            values[key] = raw
            continue
        try:
            values[key] = json.loads(raw)
        except ValueError:
            values[key] = _UNREADABLE
    return values


def set_setting(db: Database, *, actor: Actor, key: str, value: Any) -> None:
    set_settings(db, actor=actor, values={key: value})


def set_settings(db: Database, *, actor: Actor, values: dict[str, Any]) -> None:
    """Store several settings in one transaction; each change is audited, old and new.

    Only an administrator changes the office's settings; the values the program keeps
    itself (the last backup's time) are written for whoever did that work.
    """
    for key in values:
        if key not in SETTING_DEFAULTS:
            raise KeyError(key)
        if key not in PROGRAM_KEPT:
            require_write(actor, "settings")
    errors = {key: problem(key, value) for key, value in values.items()}
    errors = {key: message for key, message in errors.items() if message is not None}
    if errors:
        raise ValidationError(errors)
    with db.begin() as session:
        before = _stored(session, values)
        for key, value in values.items():
            old = before.get(key, SETTING_DEFAULTS[key])
            if key in before and old == value and type(old) is type(value):
                continue
            if old is _UNREADABLE:
                old = None
            # replaced without loading the old row, which may not even be JSON
            session.execute(delete(Setting).where(Setting.key == key))
            session.add(Setting(key=key, value=value))
            audit.record(
                session,
                actor=actor,
                action="update",
                entity="setting",
                entity_id=key,
                area="settings",
                old={key: old},
                new={key: value},
            )
