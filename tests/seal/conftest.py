"""A small office for the seal log (``helpers.seal``)."""

import pytest
from helpers.seal import handover, make_office


@pytest.fixture
def office(db, make_user):
    return make_office(db, make_user)


@pytest.fixture
def held(db, office):
    """The seal in the first clerk's custody since 5 January 2026."""
    handover(db, office)
    return office
