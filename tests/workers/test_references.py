import pytest

from workers.placements.references import ALPHABET, new_reference, normalise


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
