"""The installed program: the bundle built from this working tree, run as a new user would.

One build per session (the ``bundle`` fixture), moved away from where it was built and run
with a bare environment (no PYTHONPATH, no virtualenv, a new home, the source tree on no
path). On Linux every run is traced with strace, and a run fails if the program so much as
looks at a file in the source tree or in the Python it was built with; as root (CI), the
source tree is also hidden from it behind an empty folder.
"""

import os
import re
import shutil
import sqlite3
import subprocess
import sys
import sysconfig
import time
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

import pypdfium2
import pytest

from oc_desktop import i18n

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "installer"))
import rules  # noqa: E402

sys.path.remove(str(ROOT / "installer"))

pytestmark = [pytest.mark.slow, pytest.mark.timeout(1800)]  # builds the bundle
TRACE = sys.platform == "linux" and shutil.which("strace") is not None
LIMIT_MB = 150
#: where a program built from this tree must never look: the tree itself (and the
#: virtualenv in it), and the standard library and packages of the Python that built it
FORBIDDEN = sorted(
    {str(ROOT)} | {sysconfig.get_paths()[key] for key in ("stdlib", "purelib", "platlib")}
)
PASSWORD_ENV = "OC_SMOKE_BACKUP_PASSWORD"


def _can_hide_the_tree() -> bool:
    """Root on Linux can run the program in a mount namespace where the source tree is an
    empty folder: the tree is then not merely unused but absent."""
    if sys.platform != "linux" or os.geteuid() != 0 or not shutil.which("unshare"):
        return False
    probe = ["unshare", "-m", "sh", "-c", 'mount -t tmpfs none "$1"', "sh", str(ROOT)]
    return subprocess.run(probe, capture_output=True).returncode == 0


HIDE = _can_hide_the_tree()


@dataclass
class Bundle:
    folder: Path  # the program folder, as an installer would lay it down
    scratch: Path  # the new user's home, data folders and outputs
    build_seconds: float

    @property
    def program(self) -> Path:
        name = "oc-desktop.exe" if sys.platform == "win32" else "oc-desktop"
        return self.folder / name


@dataclass
class Run:
    returncode: int
    stdout: str
    stderr: str
    paths: list[str]  # every path the program named in a file system call (Linux)


@pytest.fixture(scope="session")
def bundle(tmp_path_factory) -> Bundle:
    base = tmp_path_factory.mktemp("bundle")
    prebuilt = os.environ.get("OC_DESKTOP_PREBUILT_BUNDLE")  # only to work on these tests
    if prebuilt:
        (base / "user" / "home").mkdir(parents=True)
        return Bundle(folder=Path(prebuilt), scratch=base / "user", build_seconds=0)
    started = time.monotonic()
    build = subprocess.run(
        [
            sys.executable,
            str(ROOT / "installer" / "build.py"),
            "--dist",
            str(base / "dist"),
            "--work",
            str(base / "work"),
            "--no-installer",
        ],
        capture_output=True,
        text=True,
    )
    seconds = time.monotonic() - started
    assert build.returncode == 0, build.stdout[-3000:] + build.stderr[-5000:]
    built = Path(build.stdout.strip().splitlines()[-1])
    # Installed elsewhere: the build's folders are gone before anything runs.
    folder = base / "installed" / built.name
    folder.parent.mkdir()
    shutil.move(built, folder)
    shutil.rmtree(base / "dist")
    shutil.rmtree(base / "work")
    scratch = base / "user"
    (scratch / "home").mkdir(parents=True)
    print(f"bundle built in {seconds:.0f} s")
    return Bundle(folder=folder, scratch=scratch, build_seconds=seconds)


def bare_environment(bundle: Bundle, **extra: str) -> dict[str, str]:
    home = bundle.scratch / "home"
    env = {
        "PATH": os.pathsep.join(["/usr/bin", "/bin"]),
        "HOME": str(home),
        "XDG_CONFIG_HOME": str(home / ".config"),
        "XDG_DATA_HOME": str(home / ".local" / "share"),
        "XDG_CACHE_HOME": str(home / ".cache"),
        "XDG_RUNTIME_DIR": str(home / "runtime"),
        "LANG": "C.UTF-8",
        "QT_QPA_PLATFORM": "offscreen",
    }
    if sys.platform == "win32":
        env.update({k: v for k, v in os.environ.items() if k.upper() in {"SYSTEMROOT", "TEMP"}})
        env.update(
            USERPROFILE=str(home),
            APPDATA=str(home / "AppData" / "Roaming"),
            LOCALAPPDATA=str(home / "AppData" / "Local"),
        )
    env.update(extra)
    return env


def run(bundle: Bundle, *args: str, timeout: float = 180, **env: str) -> Run:
    command = [str(bundle.program), *args]
    trace = bundle.scratch / f"trace-{time.monotonic_ns()}.txt"
    if TRACE:
        strace = ["strace", "-f", "-qq", "-s", "4096", "-e", "trace=%file", "-o", str(trace)]
        command = strace + command
    if HIDE:
        hide = 'mount -t tmpfs none "$1" && shift && exec "$@"'
        command = ["unshare", "-m", "sh", "-c", hide, "sh", str(ROOT), *command]
    (bundle.scratch / "home" / "runtime").mkdir(mode=0o700, exist_ok=True)
    result = subprocess.run(
        command,
        cwd=bundle.scratch,
        env=bare_environment(bundle, **env),
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    paths = []
    if TRACE:
        paths = re.findall(r'"((?:[^"\\]|\\.)*)"', trace.read_text("utf-8", "replace"))
        trace.unlink()
    outcome = Run(result.returncode, result.stdout, result.stderr, paths)
    strays = sorted({p for p in paths for root in FORBIDDEN if p.startswith(root)})
    assert not strays, f"the bundle looked outside itself: {strays[:20]}"
    return outcome


def ok(outcome: Run) -> Run:
    assert outcome.returncode == 0, outcome.stdout[-2000:] + outcome.stderr[-4000:]
    return outcome


def in_lao(message: str) -> str:
    previous = i18n.language()
    i18n.set_language("lo")
    try:
        return i18n._(message)
    finally:
        i18n.set_language(previous)


def count(data_dir: Path, table: str) -> int:
    with closing(sqlite3.connect(data_dir / "oc-desktop.sqlite3")) as connection:
        return connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def test_help_is_in_lao(bundle):
    outcome = ok(run(bundle, "--help"))
    description = in_lao("OC Desktop: the registers of the administration section, offline.")
    assert re.search("[\u0e80-\u0eff]", description), "the catalog has no Lao for it"
    assert description in " ".join(outcome.stdout.split())
    for command in ("demo", "backup", "restore", "verify", "print"):
        assert command in outcome.stdout


def test_demo_print_backup_restore_verify(bundle):
    data = bundle.scratch / "office"
    ok(run(bundle, "demo", "--data-dir", str(data), "--documents", "60", "--seed", "3"))
    documents = count(data, "incoming_document") + count(data, "outgoing_document")
    assert documents >= 60

    pdf = bundle.scratch / "incoming.pdf"
    ok(
        run(
            bundle,
            *("print", "incoming", "--data-dir", str(data)),
            *("--from", "2000-01-01", "--to", "2099-12-31", "--out", str(pdf)),
        )
    )
    document = pypdfium2.PdfDocument(str(pdf))
    try:
        first_page = document[0].get_textpage().get_text_range()
        assert len(document) >= 2
    finally:
        document.close()
    assert re.search("[\u0e80-\u0eff]", first_page), first_page[:200]
    assert b"Phetsarath" in pdf.read_bytes()  # our font, embedded from the bundle

    drive = bundle.scratch / "usb"
    drive.mkdir()
    secret = {PASSWORD_ENV: "smoke test passphrase"}
    password = ("--password-env", PASSWORD_ENV)
    ok(run(bundle, "backup", "--data-dir", str(data), "--to", str(drive), *password, **secret))
    (backup,) = drive.glob("*.ocbak")

    restored = bundle.scratch / "restored"
    ok(
        run(
            bundle,
            *("restore", "--data-dir", str(restored), "--from", str(backup), "--yes"),
            *password,
            **secret,
        )
    )
    assert count(restored, "incoming_document") + count(restored, "outgoing_document") == documents
    assert count(restored, "audit_entry") >= count(data, "audit_entry") - 2
    ok(run(bundle, "verify", "--data-dir", str(restored)))

    bundle.demo_data = data  # for the window, below


def test_window_opens_signs_in_and_closes_itself(bundle, tmp_path):
    data = getattr(bundle, "demo_data", None)
    if data is None:
        data = bundle.scratch / "window"
        ok(run(bundle, "demo", "--data-dir", str(data), "--documents", "20"))
    # A PC with no Lao font: fontconfig knows no font folder at all.
    fonts_conf = tmp_path / "fonts.conf"
    fonts_conf.write_text(
        f'<?xml version="1.0"?>\n<fontconfig><cachedir>{tmp_path}/fc</cachedir></fontconfig>\n'
    )
    outcome = ok(
        run(
            bundle,
            "--data-dir",
            str(data),
            OC_DESKTOP_EXIT_AFTER_SHOW="1",
            OC_DESKTOP_BENCH_SIGN_IN="head:demo-head",
            FONTCONFIG_FILE=str(fonts_conf),
        )
    )
    events = [line.split()[0] for line in outcome.stdout.splitlines() if line.strip()]
    assert events[:2] == ["sign_in_shown", "shown"], outcome.stdout + outcome.stderr
    if TRACE:
        fonts = bundle.folder / "_internal" / "resources" / "fonts"
        assert str(fonts / "Phetsarath-Regular.ttf") in outcome.paths
        plugins = [p for p in outcome.paths if "/platforms/" in p and p.endswith(".so")]
        assert plugins and all(p.startswith(str(bundle.folder)) for p in plugins), plugins


def test_the_trace_catches_a_look_at_the_source_tree(bundle):
    if not TRACE:
        pytest.skip("strace traces only on Linux")
    with pytest.raises(AssertionError, match="looked outside itself"):
        run(bundle, "verify", "--data-dir", str(ROOT / "no-such-folder"))


def bundled_modules(bundle: Bundle) -> set[str]:
    """Names of the Python modules in the program's archive."""
    from PyInstaller.archive.readers import CArchiveReader

    return set(CArchiveReader(str(bundle.program)).open_embedded_archive("PYZ.pyz").toc)


def test_bundle_is_lean_and_holds_what_the_program_loads(bundle):
    internal = bundle.folder / "_internal"
    files = [p for p in bundle.folder.rglob("*") if p.is_file() and not p.is_symlink()]
    size = sum(p.stat().st_size for p in files)
    print(
        f"bundle: {size / 1e6:.1f} MB in {len(files)} files, built in {bundle.build_seconds:.0f} s"
    )
    over = size / 1e6 - LIMIT_MB
    assert over < 0, f"the bundle is {size / 1e6:.1f} MB, {over:.1f} MB over the limit"
    assert not [p for p in bundle.folder.rglob("*") if p.is_symlink() and not p.exists()]

    # Ours: every module; compiled catalogs only; migrations as source; no __pycache__.
    modules = bundled_modules(bundle)
    sources = {
        ".".join(p.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")
        for p in (ROOT / "oc_desktop").rglob("*.py")
        if "migrations" not in p.parts
    }
    assert not sources - modules
    assert not list(bundle.folder.rglob("__pycache__"))
    assert not list(internal.rglob("*.po")) and not list(internal.rglob("*.pot"))
    for language in i18n.LANGUAGES:
        assert (
            internal / "oc_desktop" / "locale" / language / "LC_MESSAGES" / "oc_desktop.mo"
        ).is_file()
    migrations = ROOT / "oc_desktop" / "migrations" / "versions"
    bundled = internal / "oc_desktop" / "migrations" / "versions"
    assert sorted(p.name for p in bundled.glob("*.py")) == sorted(
        p.name for p in migrations.glob("*.py")
    )
    fonts = ROOT / "resources" / "fonts"
    assert sorted(p.name for p in (internal / "resources" / "fonts").iterdir()) == sorted(
        p.name for p in fonts.iterdir()
    )

    # Dependencies' data, collected by rule.
    assert list((internal / "pyuca").glob("allkeys-*.txt"))
    assert (internal / "babel" / "locale-data" / "lo.dat").is_file()
    assert list((internal / "reportlab").rglob("*"))
    assert list((internal / "pypdfium2_raw").glob("*pdfium*"))
    qt_folder = internal / "PySide6" / ("" if sys.platform == "win32" else "Qt")
    for kind in ("platforms", "imageformats", "printsupport"):
        assert list((qt_folder / "plugins" / kind).iterdir()), kind
    assert not (qt_folder / "translations").exists()

    # Only the Qt modules we use; no test or dev package.
    qt = {
        p.name.split(".")[0]
        for p in (internal / "PySide6").glob("Qt*")
        if p.is_file() and p.suffix in {".so", ".pyd"}
    }
    assert qt == rules.used_qt_modules()
    assert not {m for m in modules if m.startswith("PySide6.Qt")} - {
        f"PySide6.{name}" for name in qt
    }
    dev = {"pytest", "_pytest", "pytestqt", "PyInstaller", "ruff", "pdfminer", "pip", "setuptools"}
    assert not {m.split(".")[0] for m in modules} & dev
    assert not {p.name for p in internal.iterdir()} & dev
