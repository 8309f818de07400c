"""Per-field checks of a worker's data, shared by the API serializers and the CSV import, and
the one way a passport number is shown to whoever may read only its last characters.

Each check takes the raw value, returns the clean value to store and raises Django's
`ValidationError` with a message a person can act on. They do no database work, so a million
CSV rows can be checked without a query per row; uniqueness is the caller's job.
"""

import re
from datetime import date

import phonenumbers
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils import timezone
from django.utils.dateparse import parse_date
from django.utils.translation import gettext_lazy as _

from mobility.occupations import is_occupation
from mobility.regions import indian_states
from workers.models import Language, Sex

PASSPORT_NUMBER = re.compile(r"^[A-Z][0-9]{7}$")
ADULT_AGE = 18
EARLIEST_BIRTH = date(1900, 1, 1)
PASSPORT_YEARS = 10
# Words a spreadsheet may hold for "the worker agreed".
CONSENT_WORDS = frozenset({"yes", "y", "true", "1", "agreed", "да", "हाँ", "हां"})
_STATES = frozenset(code for code, _name in indian_states())
_SEXES = frozenset(Sex.values)
_LANGUAGES = frozenset(Language.values)


def check_full_name(value: str) -> str:
    value = " ".join((value or "").split())
    if not value:
        raise ValidationError(_("Enter the worker's full name as in the passport."))
    if len(value) > 200:
        raise ValidationError(_("The full name is longer than 200 characters."))
    return value


def parse_iso_date(value) -> date:
    if isinstance(value, date):
        return value
    try:
        parsed = parse_date((value or "").strip())
    except ValueError:
        parsed = None
    if parsed is None:
        raise ValidationError(_("Enter a date as YYYY-MM-DD, e.g. 1995-05-17."))
    return parsed


def check_date_of_birth(value) -> date:
    born = parse_iso_date(value)
    today = timezone.localdate()
    if born >= today:
        raise ValidationError(_("The date of birth must be in the past."))
    if born < EARLIEST_BIRTH:
        raise ValidationError(_("The date of birth must be in 1900 or later."))
    # Someone born on 29 February comes of age on 1 March in a common year.
    adult_on = date(born.year + ADULT_AGE, 3, 1)
    if (born.month, born.day) != (2, 29):
        adult_on = born.replace(year=born.year + ADULT_AGE)
    if adult_on > today:
        raise ValidationError(_("The worker must be at least 18 years old."))
    return born


def check_sex(value: str) -> str:
    value = (value or "").strip().upper()
    if value not in _SEXES:
        raise ValidationError(_("Enter F, M or X."))
    return value


def check_passport_number(value: str) -> str:
    """Indian passports: one letter and seven digits; stored upper-case."""
    value = (value or "").strip().upper().replace(" ", "")
    if not PASSPORT_NUMBER.match(value):
        raise ValidationError(
            _("Enter an Indian passport number: one letter and seven digits, e.g. K1234567.")
        )
    return value


def mask_passport(number: str) -> str:
    """SPEC §3: an employer sees no more of a candidate's passport than its last 3 characters;
    lists for support staff show no more either."""
    return "*" * (len(number) - 3) + number[-3:]


def check_passport_expiry(value) -> date:
    expiry = parse_iso_date(value)
    today = timezone.localdate()
    if expiry <= today:
        raise ValidationError(_("The passport has expired; renew it first."))
    # An Indian passport is issued for ten years at most (Passports Rules 1980, schedule).
    if expiry > date(today.year + PASSPORT_YEARS, 12, 31):
        raise ValidationError(
            _("An Indian passport is valid for ten years at most; check the expiry date.")
        )
    return expiry


def check_state_of_origin(value: str) -> str:
    value = (value or "").strip().upper()
    if value not in _STATES:
        raise ValidationError(_("Enter the ISO 3166-2 code of an Indian state, e.g. IN-KL."))
    return value


def check_phone(value: str) -> str:
    """Any phone number phonenumbers accepts, Indian when written without a country code;
    stored in E.164. Empty is allowed."""
    value = (value or "").strip()
    if not value:
        return ""
    try:
        number = phonenumbers.parse(value, "IN")
    except phonenumbers.NumberParseException:
        number = None
    if number is None or not phonenumbers.is_valid_number(number):
        raise ValidationError(_("Enter a valid phone number, e.g. +91 98765 43210."))
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def check_email(value: str) -> str:
    value = (value or "").strip()
    if value:
        validate_email(value)
    return value


def check_occupation(value: str) -> str:
    value = (value or "").strip()
    if not is_occupation(value):
        raise ValidationError(
            _("Enter a 4-digit ISCO-08 occupation code, e.g. 7112 for bricklayers.")
        )
    return value


def check_preferred_language(value: str) -> str:
    value = (value or "").strip().lower() or Language.ENGLISH
    if value not in _LANGUAGES:
        raise ValidationError(_("Enter en, ru or hi."))
    return value


def check_consent(value) -> bool:
    """Consent to data processing is required (DPDP Act 2023); anything but a clear yes fails."""
    agreed = value is True or str(value or "").strip().lower() in CONSENT_WORDS
    if not agreed:
        raise ValidationError(_("The worker's consent to data processing is required."))
    return True
