from rest_framework import serializers

from workers.imports.services import written_rows
from workers.models import Import, ImportKind


class ImportProblemSerializer(serializers.Serializer):
    row = serializers.IntegerField(
        help_text="Row number as a spreadsheet shows it; 1 is the header."
    )
    column = serializers.CharField()
    message = serializers.CharField()


class ImportSerializer(serializers.ModelSerializer):
    status_label = serializers.CharField(source="get_status_display", read_only=True)
    imported_rows = serializers.SerializerMethodField()
    errors = ImportProblemSerializer(many=True, read_only=True)

    class Meta:
        model = Import
        fields = (
            "id",
            "kind",
            "status",
            "status_label",
            "total_rows",
            "processed_rows",
            "imported_rows",
            "error_count",
            "errors",
            "created_at",
            "finished_at",
        )
        read_only_fields = fields

    def get_imported_rows(self, record) -> int:
        return written_rows(record)


class ImportListSerializer(ImportSerializer):
    class Meta(ImportSerializer.Meta):
        fields = tuple(f for f in ImportSerializer.Meta.fields if f != "errors")


class ImportUploadSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=ImportKind.choices)
    file = serializers.FileField(help_text="CSV, UTF-8 with or without BOM, at most 50 MB.")
