"""Start-up time: process start to the sign-in dialog, and to the main window signed in,
against a bare Qt window.

    .venv/bin/python bench/startup.py [--runs 7] [--documents 20000] [--user head]

The app is started with OC_DESKTOP_EXIT_AFTER_SHOW: it prints when the sign-in dialog is
up; with OC_DESKTOP_BENCH_SIGN_IN it then types the demo user's name and password into
that real dialog and presses Sign in (Argon2 check, audit row, as for a clerk), prints
when the main window is up and quits. "head" reads every register, so it gets the
fullest window. Both programs start the same way in the same run (offscreen); the last
line is one JSON object with the medians and the ratio to the bare window.
"""

import argparse
import json
import os
import sqlite3
import statistics
import subprocess
import sys
import time
from contextlib import closing
from pathlib import Path

HERE = Path(__file__).resolve().parent
BARE = """
import time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
window = QMainWindow()
window.resize(1200, 780)
window.show()
QTimer.singleShot(0, lambda: (print(f"shown {time.time():.6f}", flush=True), app.quit()))
app.exec()
"""


def seconds_to(command: list[str], env: dict[str, str]) -> dict[str, float]:
    """Seconds from start to each "<event> <time>" line the program printed."""
    started = time.time()
    result = subprocess.run(command, env=env, capture_output=True, text=True, timeout=300)
    events = dict(line.split() for line in result.stdout.splitlines() if line.count(" ") == 1)
    if result.returncode != 0 or "shown" not in events:
        raise SystemExit(f"{command} failed:\n{result.stdout}\n{result.stderr}")
    return {event: float(at) - started for event, at in events.items()}


def has_user(data_dir: Path, username: str) -> bool:
    path = data_dir / "oc-desktop.sqlite3"
    if not path.exists():
        return False
    try:
        with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as connection:
            row = connection.execute("SELECT 1 FROM user WHERE username = ?", (username,))
            return row.fetchone() is not None
    except sqlite3.Error:
        return False


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--documents", type=int, default=20000)
    parser.add_argument("--user", default="head")
    args = parser.parse_args()
    data_dir = HERE / "data" / f"startup-{args.documents}"
    if not has_user(data_dir, args.user):  # none yet, or made before there were users
        subprocess.run(
            [
                sys.executable,
                "-m",
                "oc_desktop",
                "demo",
                "--data-dir",
                str(data_dir),
                "--documents",
                str(args.documents),
                "--force",
            ],
            check=True,
        )
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        OC_DESKTOP_EXIT_AFTER_SHOW="1",
        OC_DESKTOP_BENCH_SIGN_IN=f"{args.user}:demo-{args.user}",
    )
    app_command = [sys.executable, "-m", "oc_desktop", "--data-dir", str(data_dir)]
    bare_command = [sys.executable, "-c", BARE]
    seconds_to(app_command, env)  # warm the file cache for both
    seconds_to(bare_command, env)
    app_runs, bare_runs = [], []
    for _ in range(args.runs):  # interleaved, so machine noise hits both alike
        app_runs.append(seconds_to(app_command, env))
        bare_runs.append(seconds_to(bare_command, env)["shown"])
    sign_in_s = statistics.median(run["sign_in_shown"] for run in app_runs)
    app_s = statistics.median(run["shown"] for run in app_runs)
    signed_in_s = statistics.median(run["shown"] - run["sign_in_shown"] for run in app_runs)
    bare_s = statistics.median(bare_runs)
    print(f"sign-in dialog: {[round(r['sign_in_shown'], 3) for r in app_runs]}")
    print(f"window signed in: {[round(r['shown'], 3) for r in app_runs]}")
    print(f"bare runs: {[round(s, 3) for s in bare_runs]}")
    print(
        json.dumps(
            {
                "sign_in_s": round(sign_in_s, 3),
                "app_s": round(app_s, 3),
                "sign_in_to_window_s": round(signed_in_s, 3),
                "bare_qt_s": round(bare_s, 3),
                "ratio": round(app_s / bare_s, 2),
                "sign_in_ratio": round(sign_in_s / bare_s, 2),
            }
        )
    )


if __name__ == "__main__":
    main()
