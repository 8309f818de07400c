"""The app's admin; each topic registers its models in its own module."""

from compliance import rulebook_admin  # noqa: F401
