from django.http import JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from mobility.health import health


def home(request):
    return render(request, "home.html")


@never_cache
@require_GET
def health_view(request):
    state, status = health()
    return JsonResponse(state, status=status)
