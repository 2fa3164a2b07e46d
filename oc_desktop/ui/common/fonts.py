"""Register the shipped Lao fonts so a PC without any Lao font shows Lao right."""

from PySide6.QtGui import QFont, QFontDatabase

from oc_desktop.paths import FONTS_DIR

UI_FAMILY = "Phetsarath"
FALLBACK_FAMILIES = ["Noto Sans", "Noto Looped Lao"]


def register_fonts() -> list[str]:
    """Add every shipped font to Qt; returns the families registered."""
    families: list[str] = []
    for path in sorted(FONTS_DIR.glob("*.ttf")):
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id >= 0:
            families.extend(QFontDatabase.applicationFontFamilies(font_id))
    return sorted(set(families))


def ui_font(point_size: int = 11) -> QFont:
    """Phetsarath for Lao, Noto Sans for Latin letters and digits it lacks."""
    font = QFont(UI_FAMILY, point_size)
    font.setFamilies([UI_FAMILY, *FALLBACK_FAMILIES])
    return font
