"""The Staff tab: the list of people, a person's file and history, the due lists."""


def make_tab(window):
    """The Staff tab of ``window``; its column widths live in the window's settings."""
    from oc_desktop.ui.staff.tab import StaffTab

    return StaffTab(window.db, window.actor, settings=window.settings)
