"""The app's API resources; mobility/urls.py registers them under /api/v1/."""

routes = []
