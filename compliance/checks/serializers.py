from rest_framework import serializers

from compliance.models import CheckRun


class CheckRunSerializer(serializers.ModelSerializer):
    requested_by = serializers.SlugRelatedField(
        slug_field="username", read_only=True, allow_null=True
    )

    class Meta:
        model = CheckRun
        fields = [
            "id",
            "scope",
            "placement",
            "trigger",
            "requested_by",
            "status",
            "created_at",
            "started_at",
            "finished_at",
            "chunks_total",
            "chunks_done",
            "subjects_evaluated",
            "findings_opened",
            "findings_resolved",
            "error",
        ]
        read_only_fields = fields


class StartCheckSerializer(serializers.Serializer):
    placement = serializers.IntegerField(required=False, min_value=1, max_value=2**63 - 1)
    scope = serializers.ChoiceField(choices=["all"], required=False)

    def validate(self, attrs):
        if "placement" in attrs and "scope" in attrs:
            raise serializers.ValidationError(
                "Give either a case (placement) or the scope all, not both."
            )
        return attrs
