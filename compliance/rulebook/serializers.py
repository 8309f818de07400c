"""API bodies of the rulebook: rules with their parameter versions, and minimum wages."""

from numbers import Number

from rest_framework import serializers

from compliance.rulebook.models import (
    MinimumWage,
    Rule,
    RuleParameter,
    Severity,
    is_severity_parameter,
)
from compliance.rulebook.selectors import values_in_force


class RuleParameterSerializer(serializers.ModelSerializer):
    class Meta:
        model = RuleParameter
        fields = ("id", "effective_from", "values")
        read_only_fields = ("id",)
        # A version without figures would say nothing; the model's default must not fill it.
        extra_kwargs = {"values": {"required": True}}

    def validate_values(self, values):
        """Officials change the figures, not the shape: the names must be the rule's own and
        each value keeps its kind (a number stays a non-negative number, a list a list)."""
        if not isinstance(values, dict):
            raise serializers.ValidationError("Give the parameters as an object of name: value.")
        # Every version of a rule has the same names and kinds; the newest says which.
        newest = max(self._versions(), key=lambda version: version.effective_from, default=None)
        current = dict(newest.values) if newest else {}
        unknown = sorted(set(values) - set(current))
        if unknown:
            known = ", ".join(sorted(current)) or "none"
            raise serializers.ValidationError(
                f"Unknown parameter(s) {', '.join(unknown)}; this rule has: {known}."
            )
        for name, value in values.items():
            expected = current[name]
            if is_severity_parameter(name):
                if value not in Severity.values:
                    raise serializers.ValidationError(
                        f"{name} must be one of {', '.join(Severity.values)}."
                    )
            elif isinstance(expected, Number) and not isinstance(expected, bool):
                if isinstance(value, bool) or not isinstance(value, Number) or value < 0:
                    raise serializers.ValidationError(f"{name} must be a number of 0 or more.")
            elif isinstance(expected, list) and not (
                isinstance(value, list) and all(isinstance(v, str) for v in value)
            ):
                raise serializers.ValidationError(f"{name} must be a list of codes.")
        return values

    def validate(self, attrs):
        """A version that states only some parameters takes the others from the version in
        force on its own effective date, never from a later one (RULES.md)."""
        if "values" in attrs:
            in_force = values_in_force(self._versions(), attrs["effective_from"])
            attrs["values"] = {**in_force, **attrs["values"]}
        return attrs

    def _versions(self) -> list[RuleParameter]:
        rule = self.context.get("rule")
        return list(rule.parameter_versions.all()) if rule is not None else []


class RuleSerializer(serializers.ModelSerializer):
    corridor = serializers.CharField(source="corridor.code", read_only=True)
    parameter_versions = RuleParameterSerializer(many=True, read_only=True)

    class Meta:
        model = Rule
        fields = (
            "id",
            "code",
            "corridor",
            "title",
            "category",
            "severity",
            "fires_when",
            "legal_source",
            "enabled",
            "parameter_versions",
        )
        read_only_fields = ("code", "title", "category", "fires_when", "legal_source")


class MinimumWageSerializer(serializers.ModelSerializer):
    amount_rub = serializers.DecimalField(
        max_digits=12, decimal_places=2, min_value=0, max_value=10_000_000
    )

    class Meta:
        model = MinimumWage
        fields = ("id", "region", "effective_from", "amount_rub", "source")
