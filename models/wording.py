"""How a figure is worded for a reader, the same in the CLI, the dashboard and their CSVs: ``$8M / month``,
``~$1.5B``, ``6+``, ``up to $5M``. Pure; no I/O."""

from __future__ import annotations

import math

__all__ = ["NOT_REPORTED", "format_amount", "format_value"]

#: What a figure the news never gave is called. Never 0.
NOT_REPORTED = "not reported"

_SYMBOLS = {"USD": "$", "EUR": "€", "GBP": "£"}
_SCALES = ((1e12, "T"), (1e9, "B"), (1e6, "M"), (1e3, "K"))


def _number(x: float) -> str:
    """A short number: at most two decimals, no trailing zeros.

    >>> _number(8.0), _number(1.5), _number(1.234), _number(12.0)
    ('8', '1.5', '1.23', '12')
    """
    text = f"{x:,.2f}".rstrip("0").rstrip(".")
    return text or "0"


def format_amount(value: float, unit: str) -> str:
    """The figure alone, without its qualifier.

    >>> format_amount(8_000_000, "USD/month"), format_amount(1.5e9, "USD"), format_amount(2.3e8, "EUR")
    ('$8M / month', '$1.5B', '€230M')
    >>> format_amount(1200, "persons"), format_amount(450_000, "GBP")
    ('1,200', '£450K')
    """
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return NOT_REPORTED
    base, _, per = (unit or "").partition("/")
    if base in _SYMBOLS:
        sign = "-" if value < 0 else ""
        mag = abs(value)
        for scale, suffix in _SCALES:
            if mag >= scale:
                text = f"{sign}{_SYMBOLS[base]}{_number(mag / scale)}{suffix}"
                break
        else:
            text = f"{sign}{_SYMBOLS[base]}{_number(mag)}"
        return f"{text} / {per}" if per else text
    if float(value).is_integer():
        return f"{int(value):,}"
    return _number(float(value))


def format_value(value: float, unit: str, qualifier: str = "exact", high: float | None = None) -> str:
    """A figure worded with its qualifier; ``high`` is the top of a range whose bottom is ``value``.

    >>> format_value(8e6, "USD/month", "approx"), format_value(6, "persons", "at_least")
    ('~$8M / month', '6+')
    >>> format_value(1.5e9, "USD", "exact"), format_value(5e6, "USD", "at_most")
    ('$1.5B', 'up to $5M')
    >>> format_value(1e9, "USD", "range_low", high=2e9)
    '$1B–$2B'
    """
    amount = format_amount(value, unit)
    if amount == NOT_REPORTED:
        return amount
    if qualifier == "approx":
        return f"~{amount}"
    if qualifier in ("at_least", "range_low"):
        if high is not None:
            return f"{amount}–{format_amount(high, unit)}"
        return _plus(amount)
    if qualifier in ("at_most", "range_high"):
        return f"up to {amount}"
    return amount


def _plus(amount: str) -> str:
    """'6' -> '6+'; '$8M / month' -> '$8M+ / month'."""
    head, sep, tail = amount.partition(" / ")
    return f"{head}+{sep}{tail}"
