"""Human-friendly, unguessable references: Crockford base32 with a Luhn mod 32 check character.

`IRM-7K3F-9Q2P`: seven random symbols (35 bits from the OS's CSPRNG) and one check symbol, so a
mistyped or swapped character is caught before any lookup. Crockford's alphabet has no I, L, O
or U; reading is forgiving (o -> 0, i/l -> 1, lower case, missing dashes).
"""

import secrets

from stdnum import luhn

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
_READ_AS = str.maketrans({"O": "0", "I": "1", "L": "1"})
RANDOM_SYMBOLS = 7


def check_symbol(symbols: str) -> str:
    """Luhn mod N over the base32 alphabet."""
    return luhn.calc_check_digit(symbols, alphabet=ALPHABET)


def new_reference(prefix: str = "IRM") -> str:
    body = "".join(secrets.choice(ALPHABET) for _ in range(RANDOM_SYMBOLS))
    body += check_symbol(body)
    return f"{prefix}-{body[:4]}-{body[4:]}"


def normalise(text: str, prefix: str = "IRM") -> str | None:
    """The canonical form of a typed reference, or None when it cannot be one (wrong length,
    foreign symbols, failed check character)."""
    cleaned = text.upper().replace("-", "").replace(" ", "")
    if cleaned.startswith(prefix):
        cleaned = cleaned[len(prefix) :]
    cleaned = cleaned.translate(_READ_AS)
    if len(cleaned) != RANDOM_SYMBOLS + 1 or any(c not in ALPHABET for c in cleaned):
        return None
    if check_symbol(cleaned[:-1]) != cleaned[-1]:
        return None
    return f"{prefix}-{cleaned[:4]}-{cleaned[4:]}"
