"""The money convention: integer minor units plus an ISO 4217 currency code.

Amounts never travel as floats. At the API boundary they are decimal strings ("12.50"); inside
they are ``Money(minor, currency)``. Converting between the two is exact: a string with more
decimals than the currency allows is rejected, never rounded silently.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation, localcontext

# ISO 4217 active codes grouped by minor-unit exponent (the standard's "minor unit" column).
_EXPONENT_0 = "BIF CLP DJF GNF ISK JPY KMF KRW PYG RWF UGX UYI VND VUV XAF XOF XPF"
_EXPONENT_3 = "BHD IQD JOD KWD LYD OMR TND"
_EXPONENT_4 = "CLF UYW"
_EXPONENT_2 = (
    "AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BMD BND BOB BOV BRL BSD BTN BWP "
    "BYN BZD CAD CDF CHE CHF CHW CNY COP COU CRC CUP CVE CZK DKK DOP DZD EGP ERN ETB EUR FJD "
    "FKP GBP GEL GHS GIP GMD GTQ GYD HKD HNL HTG HUF IDR ILS INR IRR JMD KES KGS KHR KPW KYD "
    "KZT LAK LBP LKR LRD LSL MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MXV MYR MZN NAD "
    "NGN NIO NOK NPR NZD PAB PEN PGK PHP PKR PLN QAR RON RSD RUB SAR SBD SCR SDG SEK SGD SHP "
    "SLE SOS SRD SSP STN SVC SYP SZL THB TJS TMT TOP TRY TTD TWD TZS UAH USD USN UYU UZS VED "
    "VES WST XCD XCG YER ZAR ZMW ZWG"
)

CURRENCY_EXPONENTS: dict[str, int] = {
    code: exponent
    for exponent, codes in ((0, _EXPONENT_0), (2, _EXPONENT_2), (3, _EXPONENT_3), (4, _EXPONENT_4))
    for code in codes.split()
}

# Largest absolute amount accepted, in major units: beyond any real expense, well inside int64.
MAX_MAJOR_AMOUNT = Decimal("1000000000000")


class MoneyError(ValueError):
    """An amount or currency that cannot be represented exactly."""


def normalize_currency(code: str) -> str:
    """Return the upper-case ISO 4217 code, or raise ``MoneyError``."""
    upper = code.strip().upper()
    if upper not in CURRENCY_EXPONENTS:
        raise MoneyError(f"{code!r} is not an ISO 4217 currency code")
    return upper


def exponent(currency: str) -> int:
    return CURRENCY_EXPONENTS[normalize_currency(currency)]


def parse_decimal(text: str, *, bounded: bool = True) -> Decimal:
    """Parse a plain decimal string ("-12.5", "3"); no exponents, no NaN, no infinities.

    ``bounded=False`` checks the syntax only (the API boundary), leaving the range to the rule
    that knows what the number is for."""
    stripped = text.strip()
    if not stripped or any(ch not in "0123456789.-" for ch in stripped):
        raise MoneyError(f"{text!r} is not a decimal number")
    try:
        value = Decimal(stripped)
    except InvalidOperation as exc:
        raise MoneyError(f"{text!r} is not a decimal number") from exc
    if not value.is_finite():
        raise MoneyError(f"{text!r} is not a finite number")
    if bounded and abs(value) > MAX_MAJOR_AMOUNT:
        raise MoneyError(f"{text!r} is out of range")
    if len(stripped) > 64:
        raise MoneyError("too many digits")
    return value


@dataclass(frozen=True, slots=True)
class Money:
    minor: int
    currency: str

    def __post_init__(self) -> None:
        if type(self.minor) is not int:
            raise MoneyError("minor units must be an integer")
        if self.currency != normalize_currency(self.currency):
            raise MoneyError(f"{self.currency!r} must be an upper-case ISO 4217 code")

    @classmethod
    def from_decimal(cls, amount: Decimal | str, currency: str) -> Money:
        """Exact conversion; more decimals than the currency has is an error."""
        code = normalize_currency(currency)
        value = parse_decimal(amount) if isinstance(amount, str) else amount
        if not value.is_finite() or abs(value) > MAX_MAJOR_AMOUNT:
            raise MoneyError(f"{amount!r} is out of range")
        with localcontext() as exact:
            exact.prec = 60  # well above 13 integer digits + any decimals a caller may send
            scaled = value.scaleb(CURRENCY_EXPONENTS[code])
        if scaled != scaled.to_integral_value():
            raise MoneyError(
                f"{code} has {CURRENCY_EXPONENTS[code]} decimal places; {amount} has more"
            )
        return cls(int(scaled), code)

    @property
    def amount(self) -> Decimal:
        """The amount in major units, with exactly the currency's number of decimals."""
        places = CURRENCY_EXPONENTS[self.currency]
        return Decimal(self.minor).scaleb(-places).quantize(Decimal(1).scaleb(-places))

    def __str__(self) -> str:
        return f"{self.amount} {self.currency}"

    def __add__(self, other: Money) -> Money:
        if self.currency != other.currency:
            raise MoneyError(f"cannot add {other.currency} to {self.currency}")
        return Money(self.minor + other.minor, self.currency)

    def __neg__(self) -> Money:
        return Money(-self.minor, self.currency)
