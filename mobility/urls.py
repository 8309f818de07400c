from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
from rest_framework.routers import DefaultRouter

from compliance.api_routes import routes as compliance_routes
from employers.api_routes import routes as employer_routes
from mobility import views
from mobility.auth_api import TokenView
from workers.api_routes import routes as worker_routes

# No `.json` twins of every route: one path per operation, for clients, schema and tests alike.
router = DefaultRouter()
router.include_format_suffixes = False
for prefix, viewset, basename in [*employer_routes, *worker_routes, *compliance_routes]:
    router.register(prefix, viewset, basename=basename)

urlpatterns = [
    path("", views.home, name="home"),
    path("health/", views.health_view, name="health"),
    path("accounts/login/", views.SignInView.as_view(), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
    path("api/v1/auth/token/", TokenView.as_view(), name="api-token"),
    path("api/v1/", include(router.urls)),
    path("api/schema/", SpectacularAPIView.as_view(), name="schema"),
    path("api/docs/", SpectacularSwaggerSplitView.as_view(url_name="schema"), name="api-docs"),
    path("", include("mobility.notifications.urls")),
    path("", include("employers.urls")),
    path("", include("workers.urls")),
    path("", include("compliance.urls")),
]

handler400 = "mobility.views.bad_request"
handler404 = "mobility.views.not_found"
handler500 = "mobility.views.server_error"
