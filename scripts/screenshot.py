"""Take a screenshot of the real main window (run it under Xvfb for the README).

    xvfb-run -s "-screen 0 1280x860x24" .venv/bin/python scripts/screenshot.py \
        --data-dir demo-data --tab 4 --out docs/screenshots/settings.png
"""

import argparse
from pathlib import Path

from PySide6.QtCore import QSettings, QTimer

from oc_desktop.models.migrate import open_database
from oc_desktop.profile import ensure_defaults
from oc_desktop.ui.app import apply_preferences, make_application
from oc_desktop.ui.main_window import MainWindow


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data-dir", type=Path, required=True)
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
    window = MainWindow(db, args.data_dir, settings)
    window.resize(1240, 800)
    window.move(10, 10)
    window.tabs.setCurrentIndex(args.tab)
    window.show()

    def grab() -> None:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        window.screen().grabWindow(0).save(str(args.out))
        args.out.with_suffix(".ini").unlink(missing_ok=True)
        app.quit()

    QTimer.singleShot(1500, grab)
    app.exec()


if __name__ == "__main__":
    main()
