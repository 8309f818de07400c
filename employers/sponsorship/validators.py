from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from stdnum.exceptions import (
    InvalidChecksum,
    InvalidFormat,
    InvalidLength,
)
from stdnum.exceptions import (
    ValidationError as StdnumError,
)
from stdnum.ru import inn, ogrn


def _check(module, value: str, label: str, digits: int) -> None:
    try:
        module.validate(value)
    except InvalidLength:
        raise ValidationError(
            _("%(label)s must have %(digits)s digits."), params={"label": label, "digits": digits}
        ) from None
    except InvalidFormat:
        raise ValidationError(
            _("%(label)s must contain digits only."), params={"label": label}
        ) from None
    except InvalidChecksum:
        raise ValidationError(
            _("%(label)s has a wrong check digit; please check the number."),
            params={"label": label},
        ) from None
    except StdnumError:
        raise ValidationError(_("%(label)s is not valid."), params={"label": label}) from None


def validate_employer_inn(value: str) -> None:
    """A Russian organisation's INN: 10 digits with a check digit (stdnum.ru.inn)."""
    if len(value) != 10:
        raise ValidationError(_("An organisation's INN must have 10 digits."))
    _check(inn, value, "INN", 10)


def validate_ogrn(value: str) -> None:
    """A legal entity's OGRN: 13 digits with a check digit (stdnum.ru.ogrn)."""
    if len(value) != 13:
        raise ValidationError(_("An OGRN must have 13 digits."))
    _check(ogrn, value, "OGRN", 13)
