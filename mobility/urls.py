from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
from rest_framework.routers import DefaultRouter

from employers.api import EmployerViewSet
from mobility import views
from mobility.auth_api import TokenView
from workers.api import AgencyViewSet

router = DefaultRouter()
router.register("agencies", AgencyViewSet, basename="agency")
router.register("employers", EmployerViewSet, basename="employer")

urlpatterns = [
    path("", views.home, name="home"),
    path("health/", views.health_view, name="health"),
    path("accounts/login/", auth_views.LoginView.as_view(), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
    path("api/v1/auth/token/", TokenView.as_view(), name="api-token"),
    path("api/v1/", include(router.urls)),
    path("api/schema/", SpectacularAPIView.as_view(), name="schema"),
    path("api/docs/", SpectacularSwaggerSplitView.as_view(url_name="schema"), name="api-docs"),
]
