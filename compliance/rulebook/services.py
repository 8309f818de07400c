"""Officials' edits of the rulebook. Every edit lands in the history (pghistory triggers on the
rulebook models, with the acting user from the request context)."""

from datetime import date
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from compliance.findings.services import close_findings_of_disabled_rule
from compliance.rulebook.models import MinimumWage, Rule, RuleParameter
from mobility.access import Actor
from mobility.errors import ActionForbidden


def ensure_may_edit_rules(actor: Actor) -> None:
    """Officials of either side edit the rules; everyone signed in reads them."""
    if not actor.is_official:
        raise ActionForbidden(_("Only officials edit the rulebook."))


def ensure_may_edit_minimum_wage(actor: Actor, region: str) -> None:
    """A region-limited official edits the figures of their regions only, never the federal
    MROT."""
    if not actor.is_official or (actor.is_region_limited and region not in actor.regions):
        raise ActionForbidden(_("Only officials covering the region edit its minimum wage."))


def set_rule_parameters(
    *, actor: Actor, rule_id: int, effective_from: date, values: dict
) -> RuleParameter:
    """Add the version of a rule's parameters in force from `effective_from`, or correct the
    version already starting that day; earlier versions keep applying to earlier dates."""
    ensure_may_edit_rules(actor)
    with transaction.atomic(durable=True):
        rule = Rule.objects.select_for_update().get(pk=rule_id)
        version, created = RuleParameter.objects.select_for_update().get_or_create(
            rule=rule, effective_from=effective_from, defaults={"values": values}
        )
        if not created and version.values != values:
            version.values = values
            version.save(update_fields=["values"])
    return version


def update_rule(*, actor: Actor, rule_id: int, **fields: Any) -> Rule:
    """Officials switch a rule on or off and set its severity; its text and source stay.
    Switching it off closes its open findings ("rule disabled"); switched on again, the next
    evaluation opens what still holds."""
    ensure_may_edit_rules(actor)
    with transaction.atomic(durable=True):
        rule = Rule.objects.select_for_update().get(pk=rule_id)
        was_enabled = rule.enabled
        for name in ("enabled", "severity"):
            if name in fields:
                setattr(rule, name, fields[name])
        rule.full_clean()
        rule.save()
        if was_enabled and not rule.enabled:
            close_findings_of_disabled_rule(actor=actor, rule_id=rule.pk)
    return rule


def save_minimum_wage(*, actor: Actor, minimum_wage: MinimumWage) -> MinimumWage:
    """Officials add or correct a minimum wage; a region-limited official, and a correction
    that moves a figure to another region, stay within the official's regions."""
    ensure_may_edit_minimum_wage(actor, minimum_wage.region)
    with transaction.atomic(durable=True):
        if minimum_wage.pk:
            stored = MinimumWage.objects.select_for_update().get(pk=minimum_wage.pk)
            ensure_may_edit_minimum_wage(actor, stored.region)
        minimum_wage.full_clean()
        minimum_wage.save()
    return minimum_wage


def delete_minimum_wage(*, actor: Actor, minimum_wage: MinimumWage) -> None:
    """Officials covering its region remove a minimum wage entered in error."""
    ensure_may_edit_minimum_wage(actor, minimum_wage.region)
    with transaction.atomic(durable=True):
        minimum_wage.delete()
