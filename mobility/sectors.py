"""The pact's sectors: employers are registered in one, and rules (periodic safety training)
name the sectors they apply to, so the choices live below both apps."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Sector(models.TextChoices):
    CONSTRUCTION = "construction", _("Construction")
    TEXTILES = "textiles", _("Textiles")
    MACHINERY = "machinery", _("Machinery")
    ELECTRONICS = "electronics", _("Electronics")
    ENERGY = "energy", _("Energy")
    AGRICULTURE = "agriculture", _("Agriculture")
    SERVICES = "services", _("Services")
    OTHER = "other", _("Other")
