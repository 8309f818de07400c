import random

import pytest

from workers.placements.references import (
    ALPHABET,
    RANDOM_SYMBOLS,
    check_symbol,
    new_reference,
    normalise,
)


def test_a_new_reference_reads_back_however_it_is_typed():
    reference = new_reference()
    assert reference.startswith("IRM-") and len(reference) == 13
    assert normalise(reference) == reference
    assert normalise(reference.lower().replace("-", "")) == reference
    assert normalise(f"  {reference.replace('0', 'o')} ") == reference


@pytest.mark.parametrize("position", [4, 5, 6, 7, 9, 10, 11, 12])
def test_any_single_mistyped_symbol_is_caught(position):
    reference = new_reference()
    for symbol in ALPHABET:
        if symbol != reference[position]:
            typo = reference[:position] + symbol + reference[position + 1 :]
            assert normalise(typo) is None, typo


@pytest.mark.parametrize(
    "text", ["", "IRM-", "IRM-1234-567", "IRM-1234-5678-9", "IRM-UUUU-UUUU", "💥"]
)
def test_text_that_cannot_be_a_reference_is_refused(text):
    assert normalise(text) is None


def _luhn_mod_32_as_written_before(symbols: str) -> str:
    n = len(ALPHABET)
    value = {symbol: i for i, symbol in enumerate(ALPHABET)}
    total, factor = 0, 2
    for symbol in reversed(symbols):
        addend = factor * value[symbol]
        total += addend // n + addend % n
        factor = 1 if factor == 2 else 2
    return ALPHABET[(n - total % n) % n]


def test_the_check_symbol_is_the_one_every_issued_reference_carries():
    # References already issued must keep reading back after the move to python-stdnum.
    rng = random.Random(20240917)
    for _ in range(20_000):
        body = "".join(rng.choice(ALPHABET) for _ in range(RANDOM_SYMBOLS))
        assert check_symbol(body) == _luhn_mod_32_as_written_before(body), body
