"""Messages to people: SMS to workers in their language, e-mail to staff now or in a daily
digest as each chooses; every message a `Notification` row, sent by a task that retries with
a growing pause. Apps call `services.notify`."""
