"""Rules that change on a date: a list of versions, each in force from its ``from`` day
(ISO) until the next one's, stored in the ``setting`` table under its key. A stored list
replaces the default whole. The staff and budget sections keep theirs this way."""

from collections.abc import Callable
from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from oc_desktop import audit
from oc_desktop.i18n import _
from oc_desktop.models import Setting
from oc_desktop.models.db import Database
from oc_desktop.security import Actor
from oc_desktop.validation import FIRST_DAY, LAST_DAY, Checker, ValidationError

Version = dict[str, Any]


def _storable(value: Any, depth: int = 0) -> bool:
    """Whether ``value`` is what a rule holds: whole numbers (and flags), one-line texts,
    None, and lists and mappings of them; never a fraction (nor NaN), a lone surrogate,
    a control character or a number SQLite's JSON cannot read back."""
    if value is None or isinstance(value, bool):
        return True
    if isinstance(value, int):
        return abs(value) < 2**63
    if isinstance(value, str):
        check = Checker()
        check.text("value", value, max_length=1000, required=False, one_line=True)
        return not check.errors
    if depth > 5:
        return False
    if isinstance(value, list):
        return len(value) <= 1000 and all(_storable(item, depth + 1) for item in value)
    if isinstance(value, dict):
        return len(value) <= 1000 and all(
            isinstance(k, str) and _storable(k) and _storable(v, depth + 1)
            for k, v in value.items()
        )
    return False


class DatedRules:
    """One section's dated rules: their defaults, the values each version must hold and
    ``problem(key, version)``, a section's own check of a version's values (None when right).
    Versions are read once per session (a list of people asks once per person)."""

    def __init__(
        self,
        name: str,
        defaults: dict[str, list[Version]],
        fields: dict[str, tuple[str, ...]],
        problem: Callable[[str, Version], str | None],
    ) -> None:
        self.name, self.defaults, self.fields, self.problem = name, defaults, fields, problem

    def versions(self, session: Session, key: str) -> list[Version]:
        """Every version of rule ``key``, oldest first."""
        cache = session.info.setdefault(self.name, {})
        if key not in cache:
            stored = session.get(Setting, key)
            value = stored.value if stored is not None else self.defaults[key]
            cache[key] = sorted(value, key=lambda v: v["from"])
        return cache[key]

    def in_force(self, session: Session, key: str, on: date) -> Version:
        """The version of ``key`` in force on ``on`` (the oldest one before any)."""
        every = self.versions(session, key)
        chosen = every[0]
        for version in every:
            if version["from"] <= on.isoformat():
                chosen = version
        return chosen

    def checked(self, key: str, value: Any) -> list[Version]:
        """``value`` as versions in order, or a ValidationError at ``key`` saying why."""
        if not isinstance(key, str) or key not in self.defaults:
            raise ValidationError({"key": _("There is no such rule.")})
        message = None
        if not isinstance(value, list) or not value:
            message = _("Give at least one version of the rule.")
        elif not _storable(value):
            message = _("A value is not a whole number or a line of text the rule can keep.")
        for version in value if message is None else []:
            try:
                start = date.fromisoformat(version["from"])
                missing = [f for f in self.fields[key] if f not in version]
                if not FIRST_DAY <= start <= LAST_DAY:
                    missing = ["from"]
            except (KeyError, TypeError, ValueError):
                missing = ["from"]
            if missing:
                message = _("Each version needs a start date and its values.")
            else:
                message = self.problem(key, version)
            if message:
                break
        if message:
            raise ValidationError({key: message})
        return sorted(value, key=lambda v: v["from"])

    def save(
        self, db: Database, *, actor: Actor, key: str, value: Any, entity: str, area: str
    ) -> None:
        """Replace rule ``key``'s versions (the caller checked who may); audited."""
        value = self.checked(key, value)
        with db.begin() as session:
            old = self.versions(session, key)
            if old == value:
                return
            session.merge(Setting(key=key, value=value))
            session.info.pop(self.name, None)
            audit.record(
                session,
                actor=actor,
                action="update",
                entity=entity,
                entity_id=key,
                area=area,
                old={key: old},
                new={key: value},
            )
