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
from oc_desktop.validation import ValidationError

Version = dict[str, Any]


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
        if key not in self.defaults:
            raise KeyError(key)
        message = None
        if not isinstance(value, list) or not value:
            message = _("Give at least one version of the rule.")
        for version in value if message is None else []:
            try:
                date.fromisoformat(version["from"])
                missing = [f for f in self.fields[key] if f not in version]
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
