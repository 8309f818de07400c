"""The worker's wage months and answers, by the case key, like the status lookup: no account,
rate-limited, one answer for a wrong reference or date of birth."""

from drf_spectacular.utils import extend_schema
from rest_framework.exceptions import NotFound
from rest_framework.response import Response

from compliance.wage_answers.selectors import month_as_json, wage_months
from compliance.wage_answers.serializers import (
    WageAnswerInputSerializer,
    WageMonthSerializer,
    WageMonthsSerializer,
)
from compliance.wage_answers.services import answer_wage_month
from workers.status.api import PublicStatusView
from workers.status.selectors import find_placement
from workers.status.serializers import CaseKeySerializer
from workers.status.texts import NO_SUCH_PLACEMENT


class WageMonthsView(PublicStatusView):
    @extend_schema(request=CaseKeySerializer, responses={200: WageMonthsSerializer})
    def post(self, request):
        data = self.key(CaseKeySerializer)
        case = find_placement(data["reference"], data["date_of_birth"])
        if case is None:
            raise NotFound(NO_SUCH_PLACEMENT)
        months = [month_as_json(month) for month in wage_months(case.pk)]
        return Response({"reference": case.reference, "months": months})


class WageAnswerView(PublicStatusView):
    @extend_schema(request=WageAnswerInputSerializer, responses={200: WageMonthSerializer})
    def post(self, request):
        data = self.key(WageAnswerInputSerializer)
        case = find_placement(data["reference"], data["date_of_birth"])
        if case is None:
            raise NotFound(NO_SUCH_PLACEMENT)
        month = answer_wage_month(
            placement_id=case.pk,
            month=data["month"],
            answer=data["answer"],
            received_rub=data.get("received_rub"),
            note=data.get("note", ""),
        )
        return Response(month_as_json(month))
