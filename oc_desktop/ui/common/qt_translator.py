"""Qt's own strings (dialog buttons, context menus) from our catalogs.

Qt ships no Lao translation, so its built-in texts are entries of our catalog under
their Qt context (msgctxt), listed below so that Babel extracts them.
"""

from PySide6.QtCore import QTranslator

from oc_desktop import i18n


def qt_N_(context: str, message: str) -> str:  # noqa: N802 (a keyword of the extractor)
    return message


QT_MESSAGES = [
    qt_N_("QPlatformTheme", "OK"),
    qt_N_("QPlatformTheme", "Cancel"),
    qt_N_("QPlatformTheme", "&Yes"),
    qt_N_("QPlatformTheme", "&No"),
    qt_N_("QPlatformTheme", "Yes to &All"),
    qt_N_("QPlatformTheme", "N&o to All"),
    qt_N_("QPlatformTheme", "Save"),
    qt_N_("QPlatformTheme", "Save All"),
    qt_N_("QPlatformTheme", "Open"),
    qt_N_("QPlatformTheme", "Close"),
    qt_N_("QPlatformTheme", "Discard"),
    qt_N_("QPlatformTheme", "Don't Save"),
    qt_N_("QPlatformTheme", "Close without Saving"),
    qt_N_("QPlatformTheme", "Apply"),
    qt_N_("QPlatformTheme", "Reset"),
    qt_N_("QPlatformTheme", "Restore Defaults"),
    qt_N_("QPlatformTheme", "Help"),
    qt_N_("QPlatformTheme", "Abort"),
    qt_N_("QPlatformTheme", "Retry"),
    qt_N_("QPlatformTheme", "Ignore"),
    qt_N_("QLineEdit", "&Undo"),
    qt_N_("QLineEdit", "&Redo"),
    qt_N_("QLineEdit", "Cu&t"),
    qt_N_("QLineEdit", "&Copy"),
    qt_N_("QLineEdit", "&Paste"),
    qt_N_("QLineEdit", "Delete"),
    qt_N_("QLineEdit", "Select All"),
    qt_N_("QWidgetTextControl", "&Undo"),
    qt_N_("QWidgetTextControl", "&Redo"),
    qt_N_("QWidgetTextControl", "Cu&t"),
    qt_N_("QWidgetTextControl", "&Copy"),
    qt_N_("QWidgetTextControl", "&Paste"),
    qt_N_("QWidgetTextControl", "Delete"),
    qt_N_("QWidgetTextControl", "Select All"),
    qt_N_("QFileDialog", "Look in:"),
    qt_N_("QFileDialog", "File &name:"),
    qt_N_("QFileDialog", "Files of type:"),
    qt_N_("QFileDialog", "&Open"),
    qt_N_("QFileDialog", "&Save"),
    qt_N_("QFileDialog", "&Choose"),
    qt_N_("QFileDialog", "Back"),
    qt_N_("QFileDialog", "Forward"),
    qt_N_("QFileDialog", "Parent Directory"),
    qt_N_("QFileDialog", "Create New Folder"),
    qt_N_("QFileDialog", "Detail View"),
    qt_N_("QFileDialog", "List View"),
    qt_N_("QFileDialog", "Name"),
    qt_N_("QFileDialog", "Size"),
    qt_N_("QFileDialog", "Type"),
    qt_N_("QFileDialog", "Date Modified"),
    qt_N_("QFileDialog", "All Files (*)"),
    qt_N_("QFileDialog", "Directory:"),
    qt_N_("QFileSystemModel", "Name"),
    qt_N_("QFileSystemModel", "Size"),
    qt_N_("QFileSystemModel", "Type"),
    qt_N_("QFileSystemModel", "Date Modified"),
    qt_N_("QPrintDialog", "Print"),
    qt_N_("QPrintPreviewDialog", "Print Preview"),
    qt_N_("QProgressDialog", "Cancel"),
]


class CatalogTranslator(QTranslator):
    """A QTranslator that answers from the gettext catalog of the current language."""

    def translate(self, context, source_text, disambiguation=None, n=-1):
        # None (a null QString) means "not translated here". An empty string would be taken
        # as the translation: Qt's own texts would go blank, and so would the names of
        # paper sizes, which leaves QPrinter without a valid page layout.
        if i18n.language() == "en" or not source_text:
            return None
        return i18n.lookup(context, source_text)

    def isEmpty(self) -> bool:  # noqa: N802 (Qt's name)
        return False
