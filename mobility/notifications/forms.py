from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from mobility.notifications.events import STAFF_EVENTS, Event
from mobility.notifications.models import Delivery


class NotificationSettingsForm(forms.Form):
    """The language of one's messages and, per event one's role hears of, how to hear."""

    language = forms.ChoiceField(label=_("Language of my messages"), choices=settings.LANGUAGES)

    def __init__(self, *args, role: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.events = STAFF_EVENTS.get(role, ())
        for event in self.events:
            self.fields[event] = forms.ChoiceField(
                label=Event(event).label, choices=Delivery.choices, widget=forms.RadioSelect
            )

    def deliveries(self) -> dict[str, str]:
        return {event.value: self.cleaned_data[event] for event in self.events}
