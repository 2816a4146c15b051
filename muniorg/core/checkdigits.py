"""Check digits of Nordic organisation numbers, in pure Python.

The SHACL shapes check the same rules (``ontology/shapes.ttl``, section "Constraints across
properties"); these functions let the loader report a mistyped number early, with the file and
line it came from, and let the tests compare both implementations digit by digit.

Every function takes the number as stored in the data: digits only, no spaces or hyphens,
except the Finnish Y-tunnus, whose hyphen is part of the number (``0201256-6``).
A string of the wrong length or with other characters is simply not valid (no exception).

Example:
    >>> valid_no_orgnr("939866914"), valid_dk_cvr("29189994"), valid_se_orgnr("2120000035")
    (True, True, True)
    >>> valid_fi_y_tunnus("0201256-6"), valid_is_kennitala("5302697609")
    (True, True)
    >>> valid_no_orgnr("939866915")
    False
"""

from __future__ import annotations

import re

__all__ = [
    "is_kennitala_check_digit",
    "luhn_valid",
    "valid_dk_cvr",
    "valid_fi_y_tunnus",
    "valid_is_kennitala",
    "valid_no_orgnr",
    "valid_se_orgnr",
]

_NO_ORGNR_WEIGHTS = (3, 2, 7, 6, 5, 4, 3, 2)
_DK_CVR_WEIGHTS = (2, 7, 6, 5, 4, 3, 2, 1)
_FI_Y_TUNNUS_WEIGHTS = (7, 9, 10, 5, 8, 4, 2)
_IS_KENNITALA_WEIGHTS = (3, 2, 7, 6, 5, 4, 3, 2)


def _mod11_check(digits: list[int], weights: tuple[int, ...]) -> int | None:
    """``11 - sum % 11`` of the weighted digits (11 becomes 0); ``None`` where it would be 10."""
    remainder = sum(w * d for w, d in zip(weights, digits, strict=False)) % 11
    check = 0 if remainder == 0 else 11 - remainder
    return None if check == 10 else check


def _digits(value: str, length: int) -> list[int] | None:
    # re.fullmatch with [0-9] rather than str.isdigit(): isdigit() accepts "²" and Arabic digits.
    if re.fullmatch(f"[0-9]{{{length}}}", value) is None:
        return None
    return [int(c) for c in value]


def luhn_valid(value: str) -> bool:
    """Whether a string of digits passes the Luhn (mod 10) check.

    Every second digit from the right, starting with the second-last, is doubled (and 9 is
    subtracted when the double has two digits); the sum must be a multiple of 10.

    Example:
        >>> luhn_valid("79927398713"), luhn_valid("79927398710")
        (True, False)
        >>> luhn_valid(""), luhn_valid("12a4")
        (False, False)
    """
    digits = _digits(value, len(value)) if value else None
    if digits is None:
        return False
    total = 0
    for position, digit in enumerate(reversed(digits)):
        if position % 2 == 1:
            digit *= 2
            if digit > 9:
                digit -= 9
        total += digit
    return total % 10 == 0


def valid_no_orgnr(value: str) -> bool:
    """Whether ``value`` is a valid Norwegian organisasjonsnummer (9 digits, mod 11).

    The first eight digits are weighted 3, 2, 7, 6, 5, 4, 3, 2; the check digit is
    ``11 - sum % 11`` (11 becomes 0; a result of 10 means no number has these eight digits).

    Example:
        >>> valid_no_orgnr("939866914")  # Stord kommune
        True
        >>> valid_no_orgnr("939 866 914"), valid_no_orgnr("93986691")
        (False, False)
    """
    digits = _digits(value, 9)
    if digits is None:
        return False
    return _mod11_check(digits, _NO_ORGNR_WEIGHTS) == digits[8]


def valid_dk_cvr(value: str) -> bool:
    """Whether ``value`` is a valid Danish CVR number (8 digits, mod 11).

    The digits weighted 2, 7, 6, 5, 4, 3, 2, 1 must sum to a multiple of 11.

    Example:
        >>> valid_dk_cvr("29189994"), valid_dk_cvr("65120119")  # Sorø, Glostrup
        (True, True)
        >>> valid_dk_cvr("29189995")
        False
    """
    digits = _digits(value, 8)
    if digits is None:
        return False
    return sum(w * d for w, d in zip(_DK_CVR_WEIGHTS, digits, strict=True)) % 11 == 0


def valid_se_orgnr(value: str) -> bool:
    """Whether ``value`` is a valid Swedish organisationsnummer (10 digits, Luhn).

    The number is stored as digits only: the written form ``212000-0035`` is stored as
    ``2120000035``.

    Example:
        >>> valid_se_orgnr("2120000035")  # Norrtälje kommun
        True
        >>> valid_se_orgnr("212000-0035"), valid_se_orgnr("2120000036")
        (False, False)
    """
    return _digits(value, 10) is not None and luhn_valid(value)


def valid_fi_y_tunnus(value: str) -> bool:
    """Whether ``value`` is a valid Finnish business ID (Y-tunnus): 7 digits, ``-``, mod 11.

    The seven digits are weighted 7, 9, 10, 5, 8, 4, 2; the check digit is ``11 - sum % 11``
    (a remainder of 0 gives 0; a remainder of 1 means no number has these seven digits).

    Example:
        >>> valid_fi_y_tunnus("0201256-6"), valid_fi_y_tunnus("0101263-6")  # Helsinki, Espoo
        (True, True)
        >>> valid_fi_y_tunnus("02012566"), valid_fi_y_tunnus("0201256-7")
        (False, False)
    """
    if re.fullmatch("[0-9]{7}-[0-9]", value) is None:
        return False
    digits = [int(c) for c in value[:7]]
    return _mod11_check(digits, _FI_Y_TUNNUS_WEIGHTS) == int(value[8])


def is_kennitala_check_digit(value: str) -> bool:
    """Whether the ninth digit of a ten-digit kennitala is its mod-11 check digit.

    The first eight digits are weighted 3, 2, 7, 6, 5, 4, 3, 2; the check digit is
    ``11 - sum % 11`` (11 becomes 0, 10 matches no digit). The tenth digit (the century) is
    not covered: :func:`valid_is_kennitala` checks it as well.

    Example:
        >>> is_kennitala_check_digit("5302697609"), is_kennitala_check_digit("5302697619")
        (True, False)
    """
    digits = _digits(value, 10)
    return digits is not None and _mod11_check(digits, _IS_KENNITALA_WEIGHTS) == digits[8]


def valid_is_kennitala(value: str) -> bool:
    """Whether ``value`` is a valid Icelandic kennitala (10 digits, mod 11, century digit).

    The ninth digit is the check digit (:func:`is_kennitala_check_digit`); the tenth is the
    century of the date in the first six: 8 (1800s), 9 (1900s) or 0 (2000s). The written form
    ``530269-7609`` is stored as ``5302697609``.

    Example:
        >>> valid_is_kennitala("5302697609"), valid_is_kennitala("7001693759")  # Reykjavík, Kópavogur
        (True, True)
        >>> valid_is_kennitala("530269-7609"), valid_is_kennitala("5302697605")
        (False, False)
    """
    return is_kennitala_check_digit(value) and value[9] in "890"
