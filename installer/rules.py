"""What goes into the bundle, decided by rules rather than by lists of files.

oc_desktop.spec reads these; tests/installer/ checks them. The rules:

- Runtime distributions are the project's dependencies in pyproject.toml and, recursively,
  theirs (as installed, markers for this platform). Each one's package data is collected
  (``collect_data_files``) and its metadata copied (versions some packages ask for at run
  time, and the licence files in ``.dist-info``). A dependency added to pyproject.toml is
  therefore bundled with its data without touching the spec.
- Qt (PySide6, shiboken6) is left to PyInstaller's own Qt hooks, which collect each used
  module's libraries and plugins (platforms, image formats, print support...). The Qt
  modules used are those our sources import; every other Qt module is excluded.
- Dev and test packages (the ``dev`` extra and what only it pulls in, PyInstaller itself)
  are excluded.
- Trimmed, each with its reason below: Babel's locale data to the languages we speak;
  pyuca's collation tables to the one ``Collator()`` loads; Qt's own translations (Qt's
  texts come from our catalogs, ui/common/qt_translator.py); Pillow's optional codecs;
  Mesa's software OpenGL on Windows.
- Of our own package: every module (sections and commands are imported by name), the
  compiled catalogs (.mo, not .po), the Alembic migrations as source files (Alembic reads
  them from the folder), never a ``__pycache__``; the fonts with their licences.
"""

import functools
import importlib.util
import re
import sys
import tomllib
from importlib import metadata
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = "oc_desktop"
QT_DISTRIBUTIONS = {"pyside6", "pyside6-essentials", "pyside6-addons", "shiboken6"}
#: never useful at run time, whatever pulls them in
ALWAYS_EXCLUDED = ["tkinter", "_tkinter", "PyInstaller", "pip", "setuptools", "pkg_resources"]
#: left out of every dependency's data: type stubs, C sources and headers, tests, and
#: font sources (ReportLab ships a FontForge .sfd beside the font it built from it)
DATA_EXCLUDES = [
    "**/*.sfd",
    "**/__pycache__",
    "**/*.pyi",
    "**/py.typed",
    "**/*.pyx",
    "**/*.pxd",
    "**/*.h",
    "**/*.c",
    "**/tests/**",
    "**/testing/**",
]


def project() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]


APP_NAME = "OC Desktop"  # as ui/app.py names the application (and so its data folder)
#: the window's program (no console on Windows) and, on Windows, its console twin for
#: the commands, named as pyproject.toml names the command; on Linux one program does both
WINDOW_PROGRAM = APP_NAME
CONSOLE_PROGRAM = next(iter(project()["scripts"]))


def folder_name() -> str:
    """The program folder PyInstaller makes in dist/ (and Inno Setup installs)."""
    return f"{CONSOLE_PROGRAM}-{project()['version']}"


def _closure(requirements: list[str]) -> set[str]:
    """Canonical names of the installed distributions these requirements pull in."""
    seen: set[str] = set()
    pending = list(requirements)
    while pending:
        requirement = Requirement(pending.pop())
        if requirement.marker and not requirement.marker.evaluate({"extra": ""}):
            continue
        name = canonicalize_name(requirement.name)
        if name in seen:
            continue
        try:
            requires = metadata.distribution(name).requires or []
        except metadata.PackageNotFoundError:
            continue  # optional on this platform, or not installed: nothing to bundle
        seen.add(name)
        pending.extend(requires)
    return seen


def runtime_distributions() -> set[str]:
    return _closure(project()["dependencies"])


def dev_distributions() -> set[str]:
    """What only the dev extra brings (pytest, ruff, PyInstaller...), never needed at run time."""
    dev = project().get("optional-dependencies", {}).get("dev", [])
    return _closure(dev) - runtime_distributions()


@functools.cache
def _owners() -> dict[str, list[str]]:
    return metadata.packages_distributions()


def import_names(distribution: str) -> list[str]:
    """Top-level import names a distribution installs (packages and single modules)."""
    names = {
        name
        for name, owners in _owners().items()
        if distribution in {canonicalize_name(owner) for owner in owners}
    }
    return sorted(name for name in names if name.isidentifier())


def used_qt_modules() -> set[str]:
    """The Qt modules our sources import (QtCore, QtGui, ...)."""
    pattern = re.compile(r"\bPySide6\.(Qt\w+)")
    used: set[str] = set()
    for path in (ROOT / PACKAGE).rglob("*.py"):
        used.update(pattern.findall(path.read_text("utf-8")))
    return used


def unused_qt_modules() -> list[str]:
    import PySide6

    folder = Path(PySide6.__file__).parent
    present = {
        path.name.split(".")[0]
        for path in folder.glob("Qt*")
        if path.is_file() and path.suffix in {".so", ".pyd"}
    }
    return sorted(f"PySide6.{name}" for name in present - used_qt_modules())


def excluded_modules() -> list[str]:
    dev = [name for dist in sorted(dev_distributions()) for name in import_names(dist)]
    return sorted(
        set(ALWAYS_EXCLUDED + PILLOW_EXTRAS + MODULES_LEFT_OUT + dev + unused_qt_modules())
    )


def languages() -> tuple[str, ...]:
    sys.path.insert(0, str(ROOT))
    try:
        from oc_desktop.i18n import LANGUAGES
    finally:
        sys.path.remove(str(ROOT))
    return LANGUAGES


def _babel_keeps(relative: str) -> bool:
    """Babel's locale data: the root and the languages we speak (lo, en), not 1,000 others."""
    if not relative.startswith("locale-data/"):
        return True
    name = relative.removeprefix("locale-data/").removesuffix(".dat")
    return name == "root" or name in languages()


def _pyuca_keeps(relative: str) -> bool:
    """pyuca ships tables of several Unicode versions; Collator() reads one."""
    if not relative.startswith("allkeys-"):
        return True
    from pyuca import Collator

    return relative == f"allkeys-{Collator.UCA_VERSION}.txt"


def _qt_keeps(relative: str) -> bool:
    """Qt's own translations are not used: Qt's texts come from our catalogs.
    (PySide6/Qt/translations on Linux, PySide6/translations on Windows.)"""
    return "translations" not in relative.split("/")[:2]


#: top-level folder in the bundle -> which of its data files (relative to it) to keep
TRIMS = {"babel": _babel_keeps, "pyuca": _pyuca_keeps, "PySide6": _qt_keeps}

#: Pillow is bundled only because ReportLab imports PIL.Image; we put no raster images
#: into PDFs, so its optional codecs (AVIF, WebP, colour management, Tk) stay out.
#: Pillow's codecs and bindings we never use: AVIF, WebP, colour management, Tk, and the
#: FreeType text renderer (Pillow only reads and writes photos and scans here; Lao text is
#: drawn by Qt and ReportLab); with them go FreeType, HarfBuzz and Brotli of Pillow's own
PILLOW_EXTRAS = [
    "PIL._avif",
    "PIL._webp",
    "PIL._imagingcms",
    "PIL._imagingtk",
    "PIL.ImageTk",
    "PIL._imagingft",
]
#: Windows: Mesa's software OpenGL, for Qt Quick on PCs without a GPU driver; widgets
#: never use it
WINDOWS_BINARIES_EXCLUDED = {"opengl32sw.dll"}
#: Linux: Qt plugins a desktop with X11 (or XWayland) does not load: platforms for embedded
#: boards without a window system, their input plugins (evdev, libinput, TUIO touch over
#: the network, the one user of QtNetwork) and Wayland's own client (XWayland runs the
#: xcb platform). Office PCs run Windows; the Linux bundle is for trying the program.
#: Everywhere: image formats no office scans in (WebP, Apple icons, Targa, WAP bitmaps).
#: Linux also: the GTK and portal look-alike themes and OpenGL for xcb (widgets draw without).
QT_PLUGINS_LEFT_OUT = re.compile(
    r"plugins/(egldeviceintegrations|generic|wayland-[\w-]+|platformthemes|xcbglintegrations)/|"
    r"plugins/platforms/libq(eglfs|linuxfb|vnc|minimalegl|vkkhrdisplay|wayland)|"
    r"plugins/imageformats/(lib)?q(webp|icns|tga|wbmp)\b",
    re.IGNORECASE,
)
#: East Asian legacy codecs (Shift JIS, GB 2312, Big5...): our text is UTF-8; zstandard's
#: CFFI twin of the C backend it loads; pydoc, doctest and unittest (only ReportLab's own
#: test helpers import them)
MODULES_LEFT_OUT = [
    "zstandard._cffi",
    "pydoc",
    "pydoc_data",
    "doctest",
    "unittest",
    "_codecs_cn",
    "_codecs_hk",
    "_codecs_iso2022",
    "_codecs_jp",
    "_codecs_kr",
    "_codecs_tw",
]
#: Linux: the operating system's libraries (X11/xcb, fontconfig, CUPS, GLib, OpenSSL...)
#: are left to the system, as Windows' own DLLs are on Windows; SQLite is the exception,
#: since the data file's format and full-text search depend on its version.
SYSTEM_LIBRARIES_KEPT = ["libsqlite3*"]


def keep_data(target: str) -> bool:
    """Whether a data file bound for ``target`` (a path inside the bundle) goes in."""
    parts = Path(target).parts
    if "__pycache__" in parts or not keep_binary(target):
        return False
    if parts[0].endswith(".dist-info") and parts[-1] == "RECORD":
        return False  # the wheel's file list with hashes, meaningless in a bundle
    keeps = TRIMS.get(parts[0])
    return keeps is None or keeps("/".join(parts[1:]))


def keep_binary(target: str) -> bool:
    if Path(target).name.lower() in WINDOWS_BINARIES_EXCLUDED:
        return False
    return not QT_PLUGINS_LEFT_OUT.search(Path(target).as_posix())


QT_LIBRARY = re.compile(r"^(lib)?Qt6\w+(\.so\.6|\.dll|\.dylib)$", re.IGNORECASE)


def without_unneeded_qt_libraries(binaries: list) -> list:
    """Qt libraries no kept binary links to (say QtNetwork, once the TUIO plugin is left
    out) go too: followed from every other binary through the libraries each one needs."""
    from PyInstaller.depend import bindepend

    def key(target: str) -> str:
        return Path(target).name.lower()

    qt = {key(dest): src for dest, src, _kind in binaries if QT_LIBRARY.match(Path(dest).name)}
    pending = [src for dest, src, _kind in binaries if key(dest) not in qt]
    needed: set[str] = set()
    while pending:
        for name, _path in bindepend.get_imports(pending.pop()):
            name = key(name)
            if name in qt and name not in needed:
                needed.add(name)
                pending.append(qt[name])
    return [entry for entry in binaries if key(entry[0]) not in qt or key(entry[0]) in needed]


def dependency_datas() -> list[tuple[str, str]]:
    """Package data and metadata of every runtime distribution except Qt's."""
    from PyInstaller.utils.hooks import collect_data_files, copy_metadata

    datas: list[tuple[str, str]] = []
    for dist in sorted(runtime_distributions()):
        datas += copy_metadata(dist)
        if dist in QT_DISTRIBUTIONS:
            continue
        for name in import_names(dist):
            spec = importlib.util.find_spec(name)
            if spec is None or not spec.submodule_search_locations:
                continue  # a single module carries no data
            datas += collect_data_files(name, excludes=DATA_EXCLUDES)
    return datas


def own_datas() -> list[tuple[str, str]]:
    """Our catalogs (compiled), migrations (as source), fonts and the Lao word list with
    their licences."""
    from PyInstaller.utils.hooks import collect_data_files

    missing = [
        language
        for language in languages()
        if not (ROOT / PACKAGE / "locale" / language / "LC_MESSAGES" / "oc_desktop.mo").exists()
    ]
    if missing:
        raise SystemExit(f"no compiled catalog for {missing}: run scripts/catalogs.py compile")
    datas = collect_data_files(
        PACKAGE, includes=["locale/*/LC_MESSAGES/*.mo"], excludes=["**/__pycache__"]
    )
    datas += collect_data_files(
        f"{PACKAGE}.migrations", include_py_files=True, excludes=["**/__pycache__", "**/*.pyc"]
    )
    fonts = ROOT / "resources" / "fonts"
    datas += [(str(path), "resources/fonts") for path in sorted(fonts.iterdir()) if path.is_file()]
    words = ROOT / "resources" / "words"  # the Lao word list printing breaks lines with
    datas += [(str(path), "resources/words") for path in sorted(words.iterdir()) if path.is_file()]
    return datas


def own_modules() -> list[str]:
    """Every module of ours: sections, tabs and commands are imported by name. Read off the
    files (no import needed); the migrations are Alembic's to load, from the folder."""
    names = []
    for path in sorted((ROOT / PACKAGE).rglob("*.py")):
        parts = path.relative_to(ROOT).with_suffix("").parts
        if "migrations" in parts[1:2] and len(parts) > 2 and parts[-1] != "__init__":
            continue
        names.append(".".join(parts).removesuffix(".__init__"))
    return names


def without_dangling_links(binaries: list, datas: list) -> tuple[list, list]:
    """PyInstaller links libraries into the top folder; a link to one left out goes too."""
    there = {Path(dest).as_posix() for dest, _src, kind in binaries + datas if kind != "SYMLINK"}

    def keep(entry) -> bool:
        dest, target, kind = entry
        return (
            kind != "SYMLINK"
            or (Path(dest).parent / target).as_posix() in there
            or (Path(target).as_posix() in there)
        )

    return [e for e in binaries if keep(e)], [e for e in datas if keep(e)]
