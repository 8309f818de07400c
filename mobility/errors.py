"""Domain errors raised by services; the API handler and page helper translate them.

A message is a sentence in the reader's language: services build it with `gettext` (and the
figures of `mobility.figures`) while handling the request, so it is already translated when it
is raised.
"""

from collections.abc import Iterable

from django.utils.translation import gettext


class DomainError(Exception):
    status_code = 400

    def __init__(self, message: str) -> None:
        # str() renders a lazy translation now, in the language of the request being handled.
        message = str(message)
        super().__init__(message)
        self.message = message

    def as_data(self) -> dict:
        return {"detail": self.message}


class NotFound(DomainError):
    """The object does not exist for this actor: out of scope reads as absent (HTTP 404)."""

    status_code = 404

    def __init__(self, message: str = "") -> None:
        super().__init__(message or gettext("Not found."))


class MoveNotAllowed(DomainError):
    """The object's current state does not allow this move (HTTP 409)."""

    status_code = 409

    def __init__(self, message: str, allowed: Iterable[str] = ()) -> None:
        super().__init__(message)
        self.allowed = sorted(allowed)

    def as_data(self) -> dict:
        return {"detail": self.message, "allowed": self.allowed}


class RequirementsUnmet(DomainError):
    """One or more business requirements are not met (HTTP 400), each named."""

    def __init__(self, problems: Iterable[str]) -> None:
        self.problems = [str(problem) for problem in problems]
        super().__init__("; ".join(self.problems))

    def as_data(self) -> dict:
        return {"detail": gettext("Requirements not met."), "requirements": self.problems}


class ActionForbidden(DomainError):
    """The caller sees the object but its role may not take this action (HTTP 403)."""

    status_code = 403
