"""The demo office: Article 6's structure, careers, someone retired, steps and a retirement due."""

import random
from datetime import date

import pytest

from oc_desktop.security import SYSTEM
from oc_desktop.staff.demo import fill_staff
from oc_desktop.staff.due import due_within
from oc_desktop.staff.queries import in_service


@pytest.mark.parametrize("seed", [1, 7])
def test_the_demo_office_fills_every_list(db, seed):
    today = date.today()
    fill_staff(db, random.Random(seed), count=20, today=today)
    with db.read() as session:
        people = in_service(session, today)
    positions = [p.position for p in people]
    assert len(people) == 20 and positions.count("head") == 1
    assert all(p.grade is not None for p in people)
    due = due_within(db, actor=SYSTEM, on=today, months=6)
    assert due.steps and due.retirements


@pytest.mark.parametrize("today", [date.today(), date(2024, 2, 29)])
@pytest.mark.parametrize("seed", range(4))
def test_the_demo_office_is_valid_whatever_the_day(db, seed, today):
    # every date it makes is checked by the same operations a clerk's entry goes through;
    # a woman's joining date was once made a year after entry, in the future for recruits
    fill_staff(db, random.Random(seed), count=45, today=today)
    with db.read() as session:
        assert len(in_service(session, today)) >= 40
