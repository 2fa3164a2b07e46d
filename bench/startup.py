"""Start-up time: process start to main window shown, the app against a bare Qt window.

    .venv/bin/python bench/startup.py [--runs 7] [--documents 20000]

Both are started the same way in the same run (offscreen, so a shared machine's screen
does not matter); the last line is one JSON object with the medians and their ratio.
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
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


def seconds_to_shown(command: list[str], env: dict[str, str]) -> float:
    started = time.time()
    result = subprocess.run(command, env=env, capture_output=True, text=True, timeout=300)
    shown = [line for line in result.stdout.splitlines() if line.startswith("shown ")]
    if result.returncode != 0 or not shown:
        raise SystemExit(f"{command} failed:\n{result.stdout}\n{result.stderr}")
    return float(shown[-1].split()[1]) - started


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--documents", type=int, default=20000)
    args = parser.parse_args()
    data_dir = HERE / "data" / f"startup-{args.documents}"
    if not (data_dir / "oc-desktop.sqlite3").exists():
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
            ],
            check=True,
        )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", OC_DESKTOP_EXIT_AFTER_SHOW="1")
    app_command = [sys.executable, "-m", "oc_desktop", "--data-dir", str(data_dir)]
    bare_command = [sys.executable, "-c", BARE]
    seconds_to_shown(app_command, env)  # warm the file cache for both
    seconds_to_shown(bare_command, env)
    app_runs, bare_runs = [], []
    for _ in range(args.runs):  # interleaved, so machine noise hits both alike
        app_runs.append(seconds_to_shown(app_command, env))
        bare_runs.append(seconds_to_shown(bare_command, env))
    app_s, bare_s = statistics.median(app_runs), statistics.median(bare_runs)
    print(f"app runs: {[round(s, 3) for s in app_runs]}")
    print(f"bare runs: {[round(s, 3) for s in bare_runs]}")
    print(
        json.dumps(
            {
                "app_s": round(app_s, 3),
                "bare_qt_s": round(bare_s, 3),
                "ratio": round(app_s / bare_s, 2),
            }
        )
    )


if __name__ == "__main__":
    main()
