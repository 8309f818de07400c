from django.urls import path

from compliance.watchlist import views

urlpatterns = [
    path("officials/watchlist/", views.watchlist, name="watchlist"),
    path(
        "officials/watchlist/<int:pk>/remove/",
        views.remove,
        name="watchlist-remove",
    ),
]
