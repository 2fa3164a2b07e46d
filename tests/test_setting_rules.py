"""One rule per setting: the operation refuses a bad value; a bad stored one is not used."""

import sqlite3

import pytest

from oc_desktop.paths import database_path
from oc_desktop.profile import SETTING_DEFAULTS, get_setting, set_settings, setting_problems
from oc_desktop.security import SYSTEM
from oc_desktop.setting_rules import problem
from oc_desktop.validation import ValidationError

BAD = {
    "language": "fr",
    "lao_digits": "yes",
    "due_soon_days": 1.5,
    "numbering_period": "month",
    "term_start_year": 3000,
    "term_years": 0,
    "series_per_kind": 1,
    "backup_keep": -1,
    "backup_reminder_days": "7",
    "last_backup_at": "yesterday",
    "idle_lock_minutes": 100000,
    "sign_in_attempts": 0,
    "lockout_seconds": True,
    "seal_max_sheets": None,
    "seal_use_needs_approval": 0,
}


def test_every_setting_has_a_rule_and_its_default_keeps_it():
    assert set(BAD) == set(SETTING_DEFAULTS)
    for key, default in SETTING_DEFAULTS.items():
        assert problem(key, default) is None, key
        assert problem(key, BAD[key]) is not None, key


def test_the_operation_refuses_a_bad_value_at_its_field_and_saves_none(db):
    with pytest.raises(ValidationError) as refused:
        set_settings(db, actor=SYSTEM, values={"due_soon_days": 5, "sign_in_attempts": 0})
    assert refused.value.errors == {"sign_in_attempts": "ໃສ່ຕົວເລກແຕ່ 1 ຫາ 20."}
    assert get_setting(db, "due_soon_days") == SETTING_DEFAULTS["due_soon_days"]


def _write_by_hand(data_dir, values: dict[str, str]) -> None:
    """Values typed into the data file with sqlite3, as raw SQL text."""
    with sqlite3.connect(database_path(data_dir)) as connection:
        for key, raw in values.items():
            connection.execute(
                "INSERT OR REPLACE INTO setting (key, value) VALUES (?, ?)", (key, raw)
            )


def test_a_bad_stored_value_reads_as_its_default_and_is_reported(db, data_dir):
    _write_by_hand(
        data_dir,
        {"sign_in_attempts": "'many'", "lockout_seconds": "-5", "language": "not json"},
    )
    assert get_setting(db, "sign_in_attempts") == 5
    assert get_setting(db, "lockout_seconds") == 60
    assert get_setting(db, "language") == "lo"
    assert set(setting_problems(db)) == {"sign_in_attempts", "lockout_seconds", "language"}
    set_settings(db, actor=SYSTEM, values={"language": "en"})  # saving repairs it
    assert set(setting_problems(db)) == {"sign_in_attempts", "lockout_seconds"}
