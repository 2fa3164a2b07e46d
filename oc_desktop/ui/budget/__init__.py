"""The Budget tab: the plan, the journal, payroll and plan against actual."""


def make_tab(window):
    """The Budget tab of ``window``; its column widths live in the window's settings."""
    from oc_desktop.ui.budget.tab import BudgetTab

    return BudgetTab(window.db, window.actor, window.data_dir, settings=window.settings)
