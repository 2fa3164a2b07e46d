"""Build the program folder and, where Inno Setup is installed, the Windows installer.

    python installer/build.py [--dist DIR] [--work DIR] [--no-installer]

Compiles the catalogs first so the bundle carries .mo files, then runs PyInstaller with
oc_desktop.spec (the folder lands in DIST/oc-desktop-<version>), then ISCC with
windows.iss, passing the name and version from pyproject.toml.
"""

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

import rules  # noqa: E402


def build(dist: Path, work: Path) -> Path:
    """The program folder, built afresh."""
    subprocess.run([sys.executable, str(ROOT / "scripts" / "catalogs.py"), "compile"], check=True)
    subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--log-level",
            "WARN",
            "--distpath",
            str(dist),
            "--workpath",
            str(work),
            str(HERE / "oc_desktop.spec"),
        ],
        cwd=ROOT,
        check=True,
    )
    return dist / rules.folder_name()


def iscc_defines(dist: Path) -> list[str]:
    """What windows.iss is told: names and version from the same place as the spec's."""
    return [
        f"/DAppName={rules.APP_NAME}",
        f"/DAppVersion={rules.project()['version']}",
        f"/DDistDir={dist / rules.folder_name()}",
        f"/DWindowExe={rules.WINDOW_PROGRAM}.exe",
        f"/DConsoleExe={rules.CONSOLE_PROGRAM}.exe",
        f"/DOutputDir={dist}",
    ]


def make_installer(dist: Path) -> None:
    iscc = shutil.which("ISCC") or shutil.which("iscc")
    if not iscc:
        print("Inno Setup (ISCC) not found: the program folder is in dist/, no installer made.")
        return
    subprocess.run([iscc, *iscc_defines(dist), str(HERE / "windows.iss")], check=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dist", type=Path, default=ROOT / "dist")
    parser.add_argument("--work", type=Path, default=ROOT / "build")
    parser.add_argument("--no-installer", action="store_true")
    args = parser.parse_args()
    folder = build(args.dist.resolve(), args.work.resolve())
    print(folder)
    if not args.no_installer:
        make_installer(args.dist.resolve())


if __name__ == "__main__":
    main()
