"""Domain errors raised by services; the API handler and page helper translate them."""

from collections.abc import Iterable


class DomainError(Exception):
    status_code = 400

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message

    def as_data(self) -> dict:
        return {"detail": self.message}


class MoveNotAllowed(DomainError):
    """The object's current state does not allow this move (HTTP 409)."""

    status_code = 409

    def __init__(self, message: str, allowed: Iterable[str] = ()):
        super().__init__(message)
        self.allowed = sorted(allowed)

    def as_data(self) -> dict:
        return {"detail": self.message, "allowed": self.allowed}


class RequirementsUnmet(DomainError):
    """One or more business requirements are not met (HTTP 400), each named."""

    def __init__(self, problems: Iterable[str]):
        self.problems = list(problems)
        super().__init__("; ".join(self.problems))

    def as_data(self) -> dict:
        return {"detail": "Requirements not met.", "requirements": self.problems}


class ActionForbidden(DomainError):
    """The caller sees the object but its role may not take this action (HTTP 403)."""

    status_code = 403
