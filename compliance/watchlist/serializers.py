from rest_framework import serializers

from compliance.models import WatchlistEntry


class WatchlistEntrySerializer(serializers.ModelSerializer):
    added_by = serializers.CharField(source="added_by.get_username", read_only=True)

    class Meta:
        model = WatchlistEntry
        fields = ("id", "kind", "value", "reason", "added_by", "added_at")
        read_only_fields = ("added_by", "added_at")
        # The service compares the normalised value, so "a1234567" matches "A1234567".
        validators = []
