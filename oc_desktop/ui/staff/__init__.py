"""The Staff tab: the list of people, a person's file and history, the due lists."""


def make_tab(window):
    from oc_desktop.ui.common.base_tab import PlaceholderTab

    return PlaceholderTab(window.db, "Staff", window.actor)
