"""The app's pages, one list per topic package; mobility/urls.py includes them at the root."""

from employers.job_orders.urls import urlpatterns as job_orders
from employers.sponsorship.urls import urlpatterns as sponsorship

app_name = "employers"

urlpatterns = [*sponsorship, *job_orders]
