"""The Seal tab: the seals and their holders, the use log, the handovers."""


def make_tab(window):
    from oc_desktop.ui.seal.tab import SealTab

    return SealTab(window.db, window.actor, window.data_dir, settings=window.settings)
