"""The bundle's rules (installer/rules.py) and the Windows installer script that follows them."""

import re
import sys
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from oc_desktop import i18n

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "installer"))
import build  # noqa: E402
import rules  # noqa: E402

sys.path.remove(str(ROOT / "installer"))


def test_every_dependency_is_a_runtime_distribution_and_none_is_excluded():
    runtime = rules.runtime_distributions()
    declared = {canonicalize_name(Requirement(r).name) for r in rules.project()["dependencies"]}
    assert declared <= runtime
    assert {"pillow", "cffi", "mako"} <= runtime  # what the dependencies pull in, too
    excluded = set(rules.excluded_modules())
    for dist in runtime:
        assert not set(rules.import_names(dist)) & excluded, dist


def test_dev_packages_and_unused_qt_modules_are_excluded():
    excluded = set(rules.excluded_modules())
    assert {"pytest", "_pytest", "pytestqt", "ruff", "pdfminer", "PyInstaller"} <= excluded
    assert {"QtCore", "QtGui", "QtWidgets", "QtPrintSupport"} <= rules.used_qt_modules()
    assert not {f"PySide6.{m}" for m in rules.used_qt_modules()} & excluded
    assert {"PySide6.QtNetwork", "PySide6.QtQml", "PySide6.QtWebEngineCore"} & excluded


def test_trims_keep_what_is_loaded():
    from pyuca import Collator

    keep = rules.keep_data
    for language in i18n.LANGUAGES:
        assert keep(f"babel/locale-data/{language}.dat")
    assert keep("babel/locale-data/root.dat") and keep("babel/global.dat")
    assert not keep("babel/locale-data/fr.dat")
    assert keep(f"pyuca/allkeys-{Collator.UCA_VERSION}.txt")
    assert not keep("pyuca/allkeys-6.3.0.txt") or Collator.UCA_VERSION == "6.3.0"
    assert not keep("PySide6/Qt/translations/qtbase_fr.qm")
    assert not keep("oc_desktop/migrations/__pycache__/env.cpython-311.pyc")
    assert not keep("babel-2.19.0.dist-info/RECORD") and keep("babel-2.19.0.dist-info/METADATA")
    assert keep("resources/fonts/OFL-Phetsarath.txt")


def test_qt_plugins_for_a_desktop_are_kept():
    keep = rules.keep_binary
    for plugin in ("platforms/libqxcb.so", "platforms/libqoffscreen.so", "platforms/qwindows.dll"):
        assert keep(f"PySide6/Qt/plugins/{plugin}")
    assert keep("PySide6/Qt/plugins/printsupport/libcupsprintersupport.so")
    assert keep("PySide6/Qt/plugins/imageformats/libqjpeg.so")
    assert not keep("PySide6/Qt/plugins/platforms/libqeglfs.so")
    assert not keep("PySide6/Qt/plugins/generic/libqtuiotouchplugin.so")
    assert not keep("PySide6/opengl32sw.dll")


def test_our_package_data_is_collected_by_rule(tmp_path):
    datas = rules.own_datas()
    targets = {Path(target) / Path(source).name for source, target in datas}
    for language in i18n.LANGUAGES:
        assert Path(f"oc_desktop/locale/{language}/LC_MESSAGES/oc_desktop.mo") in targets
    for migration in (ROOT / "oc_desktop" / "migrations" / "versions").glob("*.py"):
        assert Path("oc_desktop/migrations/versions") / migration.name in targets
    assert Path("oc_desktop/migrations/env.py") in targets
    assert not [t for t in targets if t.suffix in {".po", ".pot", ".pyc"}]
    for font in (ROOT / "resources" / "fonts").iterdir():
        assert Path("resources/fonts") / font.name in targets
    modules = set(rules.own_modules())
    assert {"oc_desktop.commands.demo", "oc_desktop.ui.documents"} <= modules


def test_dependency_data_is_collected_by_rule():
    datas = rules.dependency_datas()
    names = {(Path(target) / Path(source).name).as_posix() for source, target in datas}
    assert any(re.fullmatch(r"pyuca/allkeys-[\d.]+\.txt", n) for n in names)
    assert any(n.startswith("reportlab/fonts/") for n in names)
    metadata = {target for _source, target in datas}
    assert any(t.startswith("pyuca-") and t.endswith(".dist-info") for t in metadata)


def test_the_windows_installer_follows_the_spec():
    from oc_desktop.ui.app import APP_NAME

    assert rules.APP_NAME == APP_NAME  # Qt names the data folder after it
    assert rules.CONSOLE_PROGRAM == "oc-desktop" == rules.project()["name"]
    script = (ROOT / "installer" / "windows.iss").read_text("utf-8")
    defines = build.iscc_defines(Path("dist"))
    for define in defines:
        name = define.removeprefix("/D").split("=")[0]
        assert "{#" + name + "}" in script, name  # every value passed is used...
    used = set(re.findall(r"\{#(\w+)\}", script)) - {"DataDir"}
    assert used <= {d.removeprefix("/D").split("=")[0] for d in defines}  # ...and given
    assert f"/DAppVersion={rules.project()['version']}" in defines
    assert f"/DWindowExe={rules.WINDOW_PROGRAM}.exe" in defines
    assert any(d.endswith(rules.folder_name()) for d in defines if d.startswith("/DDistDir="))
    setup = script.split("[Setup]")[1].split("\n[")[0]
    assert "PrivilegesRequired=lowest" in setup
    assert "{autoprograms}" in script  # Start-menu entry
    assert "[UninstallDelete]" not in script  # the data folder is left alone
