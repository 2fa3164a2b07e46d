"""The budget (ງົບປະມານ), Article 7.7: the chart of lines and the plan per fiscal year,
the journal of revenue and expenditure, payroll, and plan against actual. No Qt here.

Money is whole kip (``int``) from the field to the printout, never a float.
"""

AREA_KEY = "budget"
#: what ``oc-desktop print`` prints of the budget (``oc_desktop.budget.console``)
PRINTOUTS = ("budget-journal", "plan-vs-actual", "payroll", "voucher")
