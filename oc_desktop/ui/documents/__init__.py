"""The Documents tab: the incoming and outgoing registers, their forms and printouts."""


def make_tab(window):
    """The Documents tab of ``window``; its column widths live in the window's settings."""
    from oc_desktop.ui.documents.tab import DocumentsTab

    return DocumentsTab(window.db, window.actor, window.data_dir, settings=window.settings)
