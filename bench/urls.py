"""The project's URLs plus a bare Django view doing the status lookup's query and nothing else:
no DRF, no throttling, no translation, no serializer. The ratio of the real endpoint's
requests/s to this view's is what SPEC §11 targets (>= 0.7)."""

import json

from django.http import HttpResponseNotFound, JsonResponse
from django.urls import path
from django.views.decorators.csrf import csrf_exempt

from mobility.urls import urlpatterns as project_urlpatterns
from workers.status.selectors import find_placement


@csrf_exempt
def bare_lookup(request):
    body = json.loads(request.body)
    case = find_placement(body["reference"], body["date_of_birth"])
    if case is None:
        return HttpResponseNotFound()
    return JsonResponse({"reference": case.reference, "status": case.status})


urlpatterns = [path("bench/bare-lookup/", bare_lookup), *project_urlpatterns]
