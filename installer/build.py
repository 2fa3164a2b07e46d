"""Build the Windows program folder and, where Inno Setup is installed, the installer.

    python installer/build.py

Compiles the catalogs first so the bundle carries .mo files, then runs PyInstaller
with oc_desktop.spec, then ISCC with windows.iss (version passed from pyproject.toml).
"""

import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPEC = "oc_desktop.spec"


def main() -> None:
    version = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]["version"]
    subprocess.run([sys.executable, str(ROOT / "scripts" / "catalogs.py"), "compile"], check=True)
    subprocess.run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", str(ROOT / "installer" / SPEC)],
        cwd=ROOT,
        check=True,
    )
    iscc = shutil.which("ISCC") or shutil.which("iscc")
    if iscc:
        script = str(ROOT / "installer" / "windows.iss")
        subprocess.run([iscc, f"/DAppVersion={version}", script], check=True)
    else:
        print("Inno Setup (ISCC) not found: the program folder is in dist/, no installer made.")


if __name__ == "__main__":
    main()
