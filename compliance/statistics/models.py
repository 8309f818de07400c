from django.db import models


class StatisticsSnapshot(models.Model):
    """The pact's public figures as taken once a day, already suppressed: the page shows what
    a snapshot holds and computes nothing, so a public page costs one indexed read."""

    taken_at = models.DateTimeField(db_index=True)
    figures = models.JSONField()

    class Meta:
        app_label = "compliance"
        ordering = ["-taken_at", "-pk"]

    def __str__(self) -> str:
        return f"statistics of {self.taken_at:%Y-%m-%d %H:%M}"
