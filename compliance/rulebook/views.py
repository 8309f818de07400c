"""Officials' pages for the rulebook: the rules with their parameter versions, and the
minimum-wage table. Edits go through `compliance.rulebook_services` and land in the history."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from compliance.rulebook import services
from compliance.rulebook.forms import MinimumWageForm, ParameterVersionForm, RuleSettingsForm
from compliance.rulebook.models import Category, MinimumWage, Rule, Severity
from compliance.rulebook.serializers import RuleParameterSerializer
from mobility.access import actor_for
from mobility.errors import DomainError
from mobility.history import history_of


def _require_official(request) -> None:
    if not actor_for(request.user).is_official:
        raise Http404


def _in_force(versions, on):
    """The version in force on `on` from versions sorted newest first (earliest if none yet)."""
    for version in versions:
        if version.effective_from <= on:
            return version
    return versions[-1] if versions else None


@login_required
def rule_list(request):
    _require_official(request)
    category = request.GET.get("category", "")
    rules = Rule.objects.prefetch_related("parameter_versions")
    if category in Category.values:
        rules = rules.filter(category=category)
    today = timezone.localdate()
    rows = [(rule, _in_force(list(rule.parameter_versions.all()), today)) for rule in rules]
    return render(
        request,
        "compliance/rulebook/rule_list.html",
        {"rows": rows, "categories": Category.choices, "category": category},
    )


@login_required
def rule_detail(request, pk):
    _require_official(request)
    rule = get_object_or_404(Rule.objects.select_related("corridor"), pk=pk)
    versions = list(rule.parameter_versions.all())
    current = _in_force(versions, timezone.localdate())
    current_values = dict(current.values) if current else {}
    settings_form = RuleSettingsForm(instance=rule)
    parameter_form = ParameterVersionForm(current=current_values)
    if request.method == "POST":
        try:
            if request.POST.get("form") == "settings":
                settings_form = RuleSettingsForm(request.POST, instance=Rule.objects.get(pk=pk))
                if settings_form.is_valid():
                    services.update_rule(
                        actor=request.user, rule_id=rule.pk, **settings_form.cleaned_data
                    )
                    messages.success(request, _("Rule settings saved."))
                    return redirect("rulebook:rule", pk=pk)
            else:
                parameter_form = ParameterVersionForm(request.POST, current=current_values)
                if parameter_form.is_valid():
                    body = RuleParameterSerializer(
                        data={
                            "effective_from": parameter_form.cleaned_data["effective_from"],
                            "values": parameter_form.values(),
                        },
                        context={"rule": rule},
                    )
                    if body.is_valid():
                        services.set_rule_parameters(
                            actor=request.user, rule_id=rule.pk, **body.validated_data
                        )
                        messages.success(request, _("Parameters saved."))
                        return redirect("rulebook:rule", pk=pk)
                    for problems in body.errors.values():
                        parameter_form.add_error(None, problems)
        except DomainError as error:
            messages.error(request, error.message)
    history = history_of(rule)
    for version in versions:
        history.extend(history_of(version))
    history.sort(key=lambda entry: entry["at"], reverse=True)
    return render(
        request,
        "compliance/rulebook/rule_detail.html",
        {
            "rule": rule,
            "versions": versions,
            "current": current,
            "settings_form": settings_form,
            "parameter_form": parameter_form,
            "severities": Severity.choices,
            "history": history,
        },
    )


@login_required
def minimum_wage_list(request):
    _require_official(request)
    region = request.GET.get("region", "")
    wages = MinimumWage.objects.all()
    if region:
        wages = wages.filter(region="" if region == "federal" else region)
    form = MinimumWageForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.save_minimum_wage(actor=request.user, minimum_wage=form.instance)
        except DomainError as error:
            messages.error(request, error.message)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Minimum wage added."))
            return redirect("rulebook:minimum-wages")
    page = Paginator(wages.order_by("region", "-effective_from"), 50).get_page(
        request.GET.get("page")
    )
    used_regions = sorted(
        set(MinimumWage.objects.exclude(region="").values_list("region", flat=True))
    )
    return render(
        request,
        "compliance/rulebook/minimum_wage_list.html",
        {
            "page": page,
            "form": form,
            "region": region,
            "regions": used_regions,
            "query": f"region={region}" if region else "",
        },
    )


@login_required
def minimum_wage_edit(request, pk):
    _require_official(request)
    wage = get_object_or_404(MinimumWage, pk=pk)
    form = MinimumWageForm(request.POST or None, instance=MinimumWage.objects.get(pk=pk))
    if request.method == "POST" and form.is_valid():
        try:
            services.save_minimum_wage(actor=request.user, minimum_wage=form.instance)
        except DomainError as error:
            messages.error(request, error.message)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Minimum wage saved."))
            return redirect("rulebook:minimum-wage", pk=pk)
    return render(
        request,
        "compliance/rulebook/minimum_wage_form.html",
        {"wage": wage, "form": form, "history": history_of(wage)},
    )
