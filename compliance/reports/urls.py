from django.urls import path

from compliance.reports import views

urlpatterns = [
    path("reports/", views.reports_page, name="reports"),
    path("reports/<int:pk>/status/", views.report_status, name="report-status"),
    path("reports/export/", views.export_list, name="report-export"),
]
