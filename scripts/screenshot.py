"""Take a screenshot of the real program (run it under Xvfb for the README).

    xvfb-run -s "-screen 0 1366x768x24" .venv/bin/python scripts/screenshot.py \
        --data-dir demo-data --user admin --tab 0 --out docs/screenshots/settings.png

--user signs in with the demo password ("demo-" + user name) unless --password says
otherwise; --show sign-in (or first-run) takes the dialog instead, --show lock the
locked window.
"""

import argparse
from pathlib import Path

from PySide6.QtCore import QSettings, QTimer

from oc_desktop.demo import demo_password
from oc_desktop.models.migrate import open_database
from oc_desktop.profile import ensure_defaults
from oc_desktop.ui.app import apply_preferences, make_application
from oc_desktop.ui.main_window import MainWindow
from oc_desktop.ui.session.sign_in import FirstRunDialog, SignInDialog
from oc_desktop.users import sign_in


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data-dir", type=Path, required=True)
    parser.add_argument("--user", default="admin")
    parser.add_argument("--password")
    parser.add_argument("--show", choices=("window", "sign-in", "first-run", "lock"))
    parser.add_argument("--tab", type=int, default=0)
    parser.add_argument("--lang")
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    app = make_application()
    db = open_database(args.data_dir)
    ensure_defaults(db)
    apply_preferences(db)
    if args.lang:
        from oc_desktop import i18n

        i18n.set_language(args.lang)
    settings = QSettings(str(args.out.with_suffix(".ini")), QSettings.Format.IniFormat)
    if args.show in ("sign-in", "first-run"):
        shown = (SignInDialog if args.show == "sign-in" else FirstRunDialog)(db)
        shown.move(380, 260)
        shown.show()
    else:
        password = args.password or demo_password(args.user)
        actor = sign_in(db, username=args.user, password=password)
        shown = MainWindow(db, args.data_dir, settings, actor, idle_lock_ms=0)
        # sized and placed by the window itself, as a clerk's screen gets it
        shown.tabs.setCurrentIndex(args.tab)
        shown.show()
        if args.show == "lock":
            shown.session.lock()

    def grab() -> None:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        shown.screen().grabWindow(0).save(str(args.out))
        args.out.with_suffix(".ini").unlink(missing_ok=True)
        app.exit(0)

    QTimer.singleShot(1500, grab)
    app.exec()


if __name__ == "__main__":
    main()
