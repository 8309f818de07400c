"""The filters of each document kind, validated when a report is requested.

`validated_data` is what the report keeps as its filters and hands to the writer: plain JSON
(ids, ISO dates, the language) plus the requester's scope (`reports.scope.scope_in_filters`),
so the writer reads what the requester may read. A subject outside the requester's scope
answers 404, like its page; who may ask: officials for any kind, an employer's or an agency's
own staff for the compliance report of their own organisation.
"""

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers
from rest_framework.exceptions import NotFound

from compliance.reports.scope import scope_in_filters
from employers.sponsorship.selectors import employers_visible_to
from mobility.access import Role, actor_for
from workers.agencies.selectors import agencies_visible_to

MONTH_FORMAT = "%Y-%m"
# The longest period one document covers: a pact year and its first month's overlap.
LONGEST_PERIOD_DAYS = 400


class PeriodFilters(serializers.Serializer):
    month = serializers.DateField(input_formats=[MONTH_FORMAT], required=False)
    period_from = serializers.DateField(required=False)
    period_to = serializers.DateField(required=False)

    def validate(self, attrs):
        month = attrs.get("month")
        first, last = attrs.get("period_from"), attrs.get("period_to")
        if month and (first or last):
            raise serializers.ValidationError(
                _("Give either a month or a period (period_from and period_to), not both.")
            )
        if not month and not (first and last):
            raise serializers.ValidationError(
                _("Give a month (YYYY-MM) or both period_from and period_to.")
            )
        if first and last:
            if last < first:
                raise serializers.ValidationError(
                    {"period_to": [_("The period ends before it starts.")]}
                )
            if (last - first).days > LONGEST_PERIOD_DAYS:
                raise serializers.ValidationError(
                    {"period_to": [_("A report covers at most 400 days.")]}
                )
        return attrs

    def to_json(self) -> dict:
        data = self.validated_data
        if data.get("month"):
            return {"month": data["month"].strftime(MONTH_FORMAT)}
        return {
            "period_from": data["period_from"].isoformat(),
            "period_to": data["period_to"].isoformat(),
        }


def _requester(serializer: serializers.Serializer):
    """A report job's requester (`actor`), or the request's user where a page checks them."""
    return serializer.context.get("actor") or serializer.context["request"].user


class EmployerComplianceFilters(PeriodFilters):
    employer = serializers.IntegerField(min_value=1, max_value=2**63 - 1)
    language = serializers.ChoiceField(choices=[("ru", "Русский"), ("en", "English")])

    def validate_employer(self, value: int) -> int:
        user = _requester(self)
        actor = actor_for(user)
        allowed = actor.is_official or (actor.role == Role.EMPLOYER and actor.employer_id == value)
        if not allowed or not employers_visible_to(user).filter(pk=value).exists():
            raise NotFound(_("No employer with this id."))
        return value

    def to_json(self) -> dict:
        return {
            "employer": self.validated_data["employer"],
            **super().to_json(),
            "language": self.validated_data["language"],
            "scope": scope_in_filters(actor_for(_requester(self))),
        }


class AgencyComplianceFilters(PeriodFilters):
    agency = serializers.IntegerField(min_value=1, max_value=2**63 - 1)
    language = serializers.ChoiceField(choices=[("en", "English"), ("hi", "हिन्दी")])

    def validate_agency(self, value: int) -> int:
        user = _requester(self)
        actor = actor_for(user)
        allowed = actor.is_official or (actor.role == Role.AGENCY and actor.agency_id == value)
        if not allowed or not agencies_visible_to(user).filter(pk=value).exists():
            raise NotFound(_("No agency with this id."))
        return value

    def to_json(self) -> dict:
        return {
            "agency": self.validated_data["agency"],
            **super().to_json(),
            "language": self.validated_data["language"],
            "scope": scope_in_filters(actor_for(_requester(self))),
        }


class PactStatisticsFilters(PeriodFilters):
    """The pact's figures per month over the period, for officials; a region-limited
    official's hold their regions only (the scope)."""

    language = serializers.ChoiceField(
        choices=[("en", "English"), ("ru", "Русский"), ("hi", "हिन्दी")], default="en"
    )

    def validate(self, attrs):
        if not actor_for(_requester(self)).is_official:
            raise NotFound()
        return super().validate(attrs)

    def to_json(self) -> dict:
        return {
            **super().to_json(),
            "language": self.validated_data["language"],
            "scope": scope_in_filters(actor_for(_requester(self))),
        }
