"""Names as Polish, Czech and Slovak sentences decline them."""

from __future__ import annotations

import pytest

from safepost.detect.inflections import declined_forms


@pytest.mark.parametrize(("name", "forms"), [
    ("Łucja", {"lucji", "lucje", "lucjo"}),
    ("Zofia", {"zofii", "zofie"}),
    ("Anna", {"anny", "annie", "anne"}),
    ("Maja", {"mai"}),
    ("Marta", {"marcie", "marty"}),
    ("Kacper", {"kacpra", "kacprem", "kacprowi"}),
    ("Piotr", {"piotra", "piotrze"}),
    ("Nowak", {"nowaka", "nowakiem"}),
    ("Dąbrowska", {"dabrowskiej"}),
    ("Zieliński", {"zielinskiego", "zielinskim"}),
    ("Nováková", {"novakovou", "novakove"}),
    ("Tereza", {"terezu", "terezou"}),
])
def test_a_name_declines(name: str, forms: set[str]) -> None:
    assert forms <= declined_forms(name)


@pytest.mark.parametrize("name", ["Zoe", "Li", "Amy", "Jo", "O'Neill"])
def test_names_that_do_not_decline_have_no_forms(name: str) -> None:
    assert declined_forms(name) == frozenset()


def test_the_name_itself_is_never_a_declined_form() -> None:
    assert "dabrowska" not in declined_forms("Dąbrowska")
    assert "kacper" not in declined_forms("Kacper")
