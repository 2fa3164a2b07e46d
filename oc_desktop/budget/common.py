"""What the budget's operations share: amounts checked as whole kip, the writer's role."""

from oc_desktop.budget import AREA_KEY
from oc_desktop.i18n import _
from oc_desktop.security import Actor
from oc_desktop.validation import LAST_DAY, Checker

#: more than any office's budget needs (just under a million million kip)
MAX_KIP = 999_999_999_999
NAME_MAX = 300


def check_amount(check: Checker, field: str, amount, *, signed: bool = False) -> int:
    """A whole number of kip: never a float, never past ``MAX_KIP``; positive unless
    ``signed`` (an amendment may cut the plan)."""
    if isinstance(amount, bool) or not isinstance(amount, int):
        check.fail(field, _("Enter the amount in whole kip, without decimals."))
        return 0
    if abs(amount) > MAX_KIP:
        check.fail(field, _("This amount is larger than any budget needs."))
    elif signed and amount == 0:
        check.fail(field, _("Enter an amount other than zero."))
    elif not signed and amount <= 0:
        check.fail(field, _("Enter an amount greater than zero."))
    return amount


def check_year(check: Checker, year) -> int | None:
    """A fiscal year the registers can date (``validation.LAST_DAY``)."""
    message = _("Enter a year between 2000 and 2100.")
    return check.whole("year", year, low=2000, high=LAST_DAY.year, message=message)


def check_month(check: Checker, month) -> int | None:
    return check.whole("month", month, low=1, high=12, message=_("Choose a month from 1 to 12."))


def check_writer(check: Checker, actor: Actor, field: str) -> None:
    if not actor.may_write(AREA_KEY):
        check.fail(field, _("You may not change the budget."))
