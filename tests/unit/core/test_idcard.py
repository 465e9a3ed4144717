"""Tests for the GB 11643 identity-number helpers."""

from __future__ import annotations

from datetime import date

import pytest

from core import idcard

# The worked examples of GB 11643-1999 itself.
STANDARD_FEMALE = "11010519491231002X"
STANDARD_MALE = "440524188001010014"


def test_checksum_matches_the_standard_examples() -> None:
    assert idcard.checksum(STANDARD_FEMALE[:17]) == "X"
    assert idcard.checksum(STANDARD_MALE[:17]) == "4"


@pytest.mark.parametrize("bad", ["1101051949123100", "11010519491231002X", "1101051949123100a"])
def test_checksum_rejects_anything_but_17_digits(bad: str) -> None:
    with pytest.raises(ValueError, match="17 digits"):
        idcard.checksum(bad)


def test_validate_accepts_valid_numbers_and_a_lower_case_x() -> None:
    assert idcard.validate(STANDARD_FEMALE)
    assert idcard.validate(STANDARD_MALE)
    assert idcard.validate(" 11010519491231002x ")


@pytest.mark.parametrize(
    ("number", "reason"),
    [
        ("110105194912310021", "checksum mismatch: expected X, got 1"),
        ("11010519491231002", "must be 18 characters, got 17"),
        ("1101051949123100XX", "must be 17 digits followed by a digit or X"),
        ("１１０１０５１９４９１２３１００２Ｘ", "must be 17 digits followed by a digit or X"),
        ("990105194912310029", "unknown province code 99"),
        ("120106199902300010", "invalid birth date 19990230"),
        ("120106180001010010", "implausible birth date 1800-01-01"),
    ],
)
def test_validation_error_explains_each_defect(number: str, reason: str) -> None:
    assert idcard.validation_error(number) == reason
    assert not idcard.validate(number)


def test_make_id_number_round_trips_birth_date_and_gender() -> None:
    male = idcard.make_id_number("120106", date(1948, 2, 29), 123)
    female = idcard.make_id_number("120106", date(2001, 10, 1), 124)
    assert male.startswith("120106194802291")
    assert idcard.validate(male)
    assert idcard.validate(female)
    assert idcard.birth_date(male) == date(1948, 2, 29)
    assert idcard.gender(male) == "M"
    assert idcard.gender(female) == "F"
    assert idcard.gender(STANDARD_FEMALE) == "F"


@pytest.mark.parametrize(
    ("region", "sequence"), [("12010", 1), ("12010A", 1), ("120106", 1000), ("120106", -1)]
)
def test_make_id_number_rejects_bad_parts(region: str, sequence: int) -> None:
    with pytest.raises(ValueError, match=r"region|sequence"):
        idcard.make_id_number(region, date(1990, 1, 1), sequence)


def test_birth_date_and_gender_refuse_invalid_numbers_without_leaking_them() -> None:
    with pytest.raises(ValueError, match=r"110105\*{8}0021: checksum") as caught:
        idcard.birth_date("110105194912310021")
    assert "19491231" not in str(caught.value)
    with pytest.raises(ValueError, match="checksum"):
        idcard.gender("110105194912310021")


def test_mask_keeps_the_region_and_the_last_four() -> None:
    assert idcard.mask(STANDARD_FEMALE) == "110105********002X"
    assert idcard.mask("12010619530228193x") == "120106********193X"
    # First-generation 15-digit numbers keep the same six and four.
    assert idcard.mask("120106530228193") == "120106*****8193"


@pytest.mark.parametrize("short", ["", "1234", "1201061953"])
def test_mask_hides_short_values_completely(short: str) -> None:
    assert idcard.mask(short) == "*" * len(short)
