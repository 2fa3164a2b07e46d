"""A setting edited by hand in the data file never stops the program or a sign-in: its
default is used, and the Settings tab marks the field until it is saved again."""

import os
import sqlite3
import subprocess
import sys

from helpers import PASSWORD

from oc_desktop.paths import database_path
from oc_desktop.profile import get_setting, setting_problems
from oc_desktop.security import ADMIN, CLERK

BAD_BY_HAND = {
    "sign_in_attempts": "0",
    "lockout_seconds": "'soon'",
    "idle_lock_minutes": "-1",
    "language": "klingon",  # not even JSON
    "lao_digits": "'yes'",
    "numbering_period": "'\"month\"'",
}


def _write_by_hand(data_dir) -> None:
    with sqlite3.connect(database_path(data_dir)) as connection:
        for key, raw in BAD_BY_HAND.items():
            connection.execute(
                f"INSERT OR REPLACE INTO setting (key, value) VALUES (?, {raw})"
                if raw.startswith("'")
                else "INSERT OR REPLACE INTO setting (key, value) VALUES (?, ?)",
                (key,) if raw.startswith("'") else (key, raw),
            )


def test_the_program_starts_and_signs_in_over_bad_settings(db, data_dir, make_user):
    make_user("clerk", [CLERK])
    db.close()
    _write_by_hand(data_dir)
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        OC_DESKTOP_EXIT_AFTER_SHOW="1",
        OC_DESKTOP_BENCH_SIGN_IN=f"clerk:{PASSWORD}",
    )
    shown = subprocess.run(
        [sys.executable, "-m", "oc_desktop", "--data-dir", str(data_dir)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert shown.returncode == 0, shown.stderr
    assert [line.split()[0] for line in shown.stdout.splitlines()] == ["sign_in_shown", "shown"]


def test_the_settings_tab_marks_each_bad_field_and_saving_repairs_it(
    db, data_dir, make_user, make_window
):
    admin = make_user("admin", [ADMIN])
    _write_by_hand(data_dir)
    assert set(setting_problems(db)) == set(BAD_BY_HAND)
    tab = make_window(admin).settings_tab
    assert tab.attempts.value() == 5 and tab.lockout.value() == 60  # the defaults
    assert "1 ຫາ 20" in tab.pref_rows.error("sign_in_attempts")
    assert tab.pref_rows.error("lockout_seconds").startswith("ຄ່າທີ່ບັນທຶກໄວ້ບໍ່ຖືກຕ້ອງ")
    assert tab.pref_rows.error("language") and tab.pref_rows.error("digits")
    assert tab.pref_rows.error("due_soon_days") == ""
    assert not tab.stored_note.isHidden() and "ເລກທີປຶ້ມທະບຽນເລີ່ມໃໝ່" in tab.stored_note.text()
    tab.name_edit.setText("ຄະນະໂຄສະນາອົບຮົມແຂວງ")
    tab.abbreviation_edit.setText("ຄ.ອ.ຮ")
    tab.place_edit.setText("ຈຳປາສັກ")
    assert tab.save()
    assert set(setting_problems(db)) == {"numbering_period"}
    assert tab.pref_rows.error("sign_in_attempts") == ""
    assert get_setting(db, "sign_in_attempts") == 5
