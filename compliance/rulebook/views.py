"""Officials' pages for the rulebook: the rules with their parameter versions, and the
minimum-wage table. Edits go through `compliance.rulebook.services` and land in the history."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from compliance.rulebook import services
from compliance.rulebook.examples import parameters_in_words, worked_example
from compliance.rulebook.forms import MinimumWageForm, ParameterVersionForm, RuleSettingsForm
from compliance.rulebook.models import Category, MinimumWage, Rule, Severity
from compliance.rulebook.selectors import version_in_force
from compliance.rulebook.serializers import RuleParameterSerializer
from compliance.rulebook.words import in_words, source_in_words
from mobility.access import Role
from mobility.history import history_in_words
from mobility.web import for_roles, paginate, run_service


@for_roles(Role.OFFICIAL)
def rule_list(request):
    category = request.GET.get("category", "")
    rules = Rule.objects.prefetch_related("parameter_versions")
    if category in Category.values:
        rules = rules.filter(category=category)
    today = timezone.localdate()
    rows = []
    for rule in rules:
        version = version_in_force(list(rule.parameter_versions.all()), today)
        rows.append((rule, parameters_in_words(version.values) if version else []))
    return render(
        request,
        "compliance/rulebook/rule_list.html",
        {"rows": rows, "categories": Category.choices, "category": category},
    )


def _values_in_words(values: dict) -> str:
    return "; ".join(f"{label}: {value}" for label, value in parameters_in_words(values))


@for_roles(Role.OFFICIAL)
def rule_detail(request, pk):
    rule = get_object_or_404(Rule.objects.select_related("corridor"), pk=pk)
    versions = list(rule.parameter_versions.all())
    current = version_in_force(versions, timezone.localdate())
    current_values = dict(current.values) if current else {}
    settings_form = RuleSettingsForm(instance=rule)
    parameter_form = ParameterVersionForm(current=current_values)
    if request.method == "POST" and request.POST.get("form") == "settings":
        settings_form = RuleSettingsForm(request.POST, instance=Rule.objects.get(pk=pk))
        if settings_form.is_valid() and run_service(
            request,
            lambda: services.update_rule(
                actor=request.actor, rule_id=rule.pk, **settings_form.cleaned_data
            ),
            settings_form,
        ):
            messages.success(request, _("Rule settings saved."))
            return redirect("rulebook:rule", pk=pk)
    elif request.method == "POST":
        parameter_form = ParameterVersionForm(request.POST, current=current_values)
        if parameter_form.is_valid():
            body = RuleParameterSerializer(
                data={
                    "effective_from": parameter_form.cleaned_data["effective_from"],
                    "values": parameter_form.values(),
                },
                context={"rule": rule},
            )
            if not body.is_valid():
                for problems in body.errors.values():
                    parameter_form.add_error(None, problems)
            elif run_service(
                request,
                lambda: services.set_rule_parameters(
                    actor=request.actor, rule_id=rule.pk, **body.validated_data
                ),
                parameter_form,
            ):
                messages.success(request, _("Parameters saved."))
                return redirect("rulebook:rule", pk=pk)
    # The catalogue's stored English and the parameters read as everywhere else on the page.
    history = history_in_words(
        rule,
        words={"title": in_words, "fires_when": in_words, "legal_source": source_in_words},
    )
    for version in versions:
        history.extend(history_in_words(version, words={"values": _values_in_words}))
    history.sort(key=lambda entry: entry["at"], reverse=True)
    return render(
        request,
        "compliance/rulebook/rule_detail.html",
        {
            "rule": rule,
            "versions": [(version, parameters_in_words(version.values)) for version in versions],
            "current": current,
            "settings_form": settings_form,
            "parameter_form": parameter_form,
            "severities": Severity.choices,
            "history": history,
        },
    )


@for_roles(Role.OFFICIAL)
def rule_explained(request, code):
    """The rule in words with a worked example from the parameters in force today."""
    rule = get_object_or_404(Rule, code=code)
    today = timezone.localdate()
    current = version_in_force(list(rule.parameter_versions.all()), today)
    values = dict(current.values) if current else {}
    return render(
        request,
        "compliance/rulebook/rule_explained.html",
        {
            "rule": rule,
            "current": current,
            "parameters": parameters_in_words(values),
            "example": worked_example(rule.code, values, today),
        },
    )


@for_roles(Role.OFFICIAL)
def minimum_wage_list(request):
    region = request.GET.get("region", "")
    wages = MinimumWage.objects.all()
    if region:
        wages = wages.filter(region="" if region == "federal" else region)
    form = MinimumWageForm(request.POST or None)
    if (
        request.method == "POST"
        and form.is_valid()
        and run_service(
            request,
            lambda: services.save_minimum_wage(actor=request.actor, minimum_wage=form.instance),
            form,
        )
    ):
        messages.success(request, _("Minimum wage added."))
        return redirect("rulebook:minimum-wages")
    page = paginate(request, wages.order_by("region", "-effective_from"))
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
        },
    )


@for_roles(Role.OFFICIAL)
def minimum_wage_edit(request, pk):
    wage = get_object_or_404(MinimumWage, pk=pk)
    form = MinimumWageForm(request.POST or None, instance=MinimumWage.objects.get(pk=pk))
    if (
        request.method == "POST"
        and form.is_valid()
        and run_service(
            request,
            lambda: services.save_minimum_wage(actor=request.actor, minimum_wage=form.instance),
            form,
        )
    ):
        messages.success(request, _("Minimum wage saved."))
        return redirect("rulebook:minimum-wage", pk=pk)
    return render(
        request,
        "compliance/rulebook/minimum_wage_form.html",
        {
            "wage": wage,
            "form": form,
            "history": history_in_words(wage, words={"source": source_in_words}),
        },
    )
