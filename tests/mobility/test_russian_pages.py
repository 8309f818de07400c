"""Every page each demo persona reaches, read in Russian: no English sentence, no code.

The walk starts at each persona's workspace and follows the links a person would click, one
page per URL route, so a new page is read without anyone adding it here. It fails on text
that is one of our own English messages (a string the catalogue translates, rendered without
its translation), on rule, status and region codes shown as words, and on English region
names. Codes are allowed where the page marks them as codes (`<code>`), since officials and
the API's users look them up.
"""

import csv
import gettext
import re
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urldefrag, urlsplit

import pytest
from django.apps import apps
from django.conf import settings
from django.db.models import CharField, TextField
from django.test import Client
from django.urls import Resolver404, resolve, reverse

from compliance.rulebook.models import Corridor, MinimumWage, Rule
from mobility.access import actor_for
from mobility.regions import DATA as REGION_DATA
from mobility.seed import seed_demo
from mobility.views import WORKSPACES
from workers.models import PlacementStatus

pytestmark = pytest.mark.django_db

OUR_APPS = {"employers", "workers", "compliance", "mobility"}
# The rulebook's own texts are ours to translate, not entered by anyone.
CATALOGUE = {Corridor, Rule, MinimumWage}
PERSONAS = ("agency-a", "employer-a", "official-in", "official-ru", "official-ru-mow")
# Pages that are not read in a browser, or that leave the session.
NOT_PAGES = ("/api/", "/admin/", "/static/", "/media/", "/accounts/logout/", "/i18n/")
# Enough of each list's rows to meet each kind of finding, case and grievance.
PAGES_PER_ROUTE = 4
# Three lowercase Latin words in a row: an English phrase, not a name or a title.
ENGLISH_PHRASE = re.compile(r"\b[a-z]{2,} [a-z]{2,} [a-z]{2,}\b")
SKIPPED_TAGS = {"script", "style", "code", "pre", "template"}
READ_ATTRIBUTES = {"title", "placeholder", "aria-label", "alt"}


class VisibleText(HTMLParser):
    """The text nodes and labelling attributes a reader sees, and the links to follow."""

    def __init__(self):
        super().__init__()
        self.skipping = 0
        self.texts: list[str] = []
        self.links: list[str] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag in SKIPPED_TAGS:
            self.skipping += 1
        if tag == "a" and attributes.get("href"):
            self.links.append(attributes["href"])
        if self.skipping:
            return
        self.texts += [value for name, value in attrs if name in READ_ATTRIBUTES and value]
        if tag == "input" and attributes.get("type") in {"submit", "button"}:
            self.texts.append(attributes.get("value") or "")

    def handle_endtag(self, tag):
        if tag in SKIPPED_TAGS and self.skipping:
            self.skipping -= 1

    def handle_data(self, data):
        if not self.skipping and data.strip():
            self.texts.append(" ".join(data.split()))


def english_messages() -> set[str]:
    """Our English msgids that the Russian catalogue translates to something else."""
    mo = Path(settings.BASE_DIR) / "locale" / "ru" / "LC_MESSAGES" / "django.mo"
    with mo.open("rb") as source:
        catalogue = gettext.GNUTranslations(source)._catalog
    return {
        msgid
        for msgid, msgstr in catalogue.items()
        if isinstance(msgid, str) and msgid and msgstr != msgid and re.search("[A-Za-z]{2}", msgid)
    }


def code_pattern() -> re.Pattern:
    rule_codes = list(Rule.objects.values_list("code", flat=True))
    statuses = [status for status in PlacementStatus.values if "_" in status]
    words = "|".join(re.escape(code) for code in rule_codes + statuses)
    return re.compile(rf"\b(?:{words}|RU-[A-Z]{{2,3}}|IN-[A-Z]{{2}})\b")


def entered_texts() -> list[str]:
    """What people typed (names, titles, reasons, addresses): shown as written, in whatever
    language its writer used, so it is taken out of the text before the checks."""
    texts = set()
    for model in apps.get_models():
        if model._meta.app_label not in OUR_APPS or model in CATALOGUE:
            continue
        for field in model._meta.get_fields():
            if isinstance(field, CharField | TextField) and not field.choices:
                texts |= set(model._base_manager.values_list(field.attname, flat=True))
    return sorted((t for t in texts if t and len(t) >= 3), key=len, reverse=True)


def english_region_names() -> set[str]:
    with (REGION_DATA / "russian_regions.csv").open(encoding="utf-8") as source:
        return {row["en"] for row in csv.DictReader(source)}


def page_route(path: str) -> str | None:
    try:
        return resolve(path).route
    except Resolver404:
        return None


def walk(client: Client, start: str):
    """(path, visible texts) of each HTML page reachable from `start`, a few per route."""
    queue, seen_urls, per_route = [start], set(), Counter()
    while queue:
        url, _ = urldefrag(queue.pop(0))
        parts = urlsplit(url)
        if parts.netloc or not parts.path.startswith("/") or parts.path.startswith(NOT_PAGES):
            continue
        route = page_route(parts.path)
        if route is None or url in seen_urls or per_route[route] >= PAGES_PER_ROUTE:
            continue
        seen_urls.add(url)
        per_route[route] += 1
        response = client.get(url)
        if response.status_code != 200 or "text/html" not in response.get("Content-Type", ""):
            continue
        parser = VisibleText()
        parser.feed(response.content.decode())
        yield url, parser.texts
        queue += parser.links


def test_every_page_of_every_persona_reads_in_russian(django_user_model):
    seed_demo(password="demo-pass")
    messages, codes, regions = english_messages(), code_pattern(), english_region_names()
    entered = entered_texts()
    problems, pages = [], 0
    for username in PERSONAS:
        user = django_user_model.objects.get(username=username)
        client = Client(HTTP_ACCEPT_LANGUAGE="ru")
        client.force_login(user)
        for url, texts in walk(client, reverse(WORKSPACES[actor_for(user).role])):
            pages += 1
            for shown in texts:
                text = shown
                for value in entered:
                    text = text.replace(value, "")
                if text in messages or ENGLISH_PHRASE.search(text):
                    problems.append(f"{username} {url}: English “{text[:100]}”")
                elif match := codes.search(text):
                    problems.append(f"{username} {url}: code {match.group()} in “{text[:80]}”")
                elif any(re.search(rf"\b{re.escape(name)}\b", text) for name in regions):
                    problems.append(f"{username} {url}: English region name in “{text[:80]}”")
    assert pages >= 40, f"the walk reached only {pages} pages"
    assert sorted(set(problems)) == []
