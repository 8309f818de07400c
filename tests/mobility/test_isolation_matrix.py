"""The isolation matrix: every route of the URL conf that takes an object's id, tried by every
persona on every object of someone else (agency A on agency B's, employer A on employer B's,
the Moscow official on St Petersburg's, an employer on its agency's drafts), with every method
the route takes: the answer is 404 (405 for a method the route does not take), never 200 or
403, and the database is as it was. Then every list, page, export and related-data read of
each persona: nothing of another's in it (their names, references, or their ids in JSON).

The routes and their models come from tests/isolation.py, which reads the URL conf; the
figures (routes, personas, probes) are printed at the end of the run."""

import json

import pytest
from django.core.cache import cache
from django.test import Client, TestCase, override_settings

from compliance.models import Finding
from employers.models import Employer, JobOrder
from tests import figures
from tests.isolation import (
    PERSONAS,
    build_isolation_world,
    changed,
    id_filters,
    routes,
    snapshot,
    snapshot_sql,
)
from workers.models import Agency, Document, Grievance, Placement, Worker

REFUSED = (404, 405)
MADE_UP_ID = 2_000_000_000
# JSON keys that hold the id of an object of this model.
ID_KEYS = {
    "placement": Placement,
    "worker": Worker,
    "employer": Employer,
    "agency": Agency,
    "job_order": JobOrder,
    "finding": Finding,
    "grievance": Grievance,
    "document": Document,
}


@pytest.fixture(scope="module")
def iso_media(tmp_path_factory):
    return tmp_path_factory.mktemp("isolation-media")


@pytest.fixture(autouse=True)
def media(settings, iso_media):
    """The world's uploads stay where the module stored them (tests/conftest.py gives each
    test a folder of its own)."""
    settings.MEDIA_ROOT = iso_media
    return iso_media


@pytest.fixture(scope="module")
def iso(django_db_setup, django_db_blocker, iso_media):
    """One world for the module, rolled back after it (each test's own writes are rolled back
    by its `db` savepoint)."""
    with django_db_blocker.unblock(), override_settings(MEDIA_ROOT=iso_media):
        atomics = TestCase._enter_atomics()
        try:
            cache.clear()
            yield build_isolation_world()
        finally:
            TestCase._rollback_atomics(atomics)
            cache.clear()


def _client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _request(client, method: str, url: str, is_api: bool):
    if method == "GET":
        return client.get(url)
    if is_api:
        return client.generic(method, url, data="{}", content_type="application/json")
    return client.generic(method, url, data="", content_type="application/x-www-form-urlencoded")


def _body(response) -> str:
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content).decode(errors="replace")
    return response.content.decode(errors="replace")


def test_every_route_with_an_id_names_a_model_the_matrix_knows():
    """A new route with an id kwarg is mapped to its model (or the run fails in `routes()`
    saying which route to map)."""
    with_ids = [r for r in routes() if r.id_kwarg]
    assert with_ids and all(r.model is not None for r in with_ids)
    names = {r.name for r in with_ids}
    assert {"placement-transition", "document-download", "case-move", "agency-decide"} <= names


def test_the_api_has_no_format_suffix_routes():
    # `.json` twins of every route would double what the matrix and the schema must cover.
    assert not [r.path for r in routes() if "format" in r.kwargs]


def test_nobody_reaches_another_personas_object(iso, db):
    all_routes = [r for r in routes() if r.id_kwarg]
    sql = snapshot_sql()
    failures, probes = [], 0
    for persona in PERSONAS:
        client = _client(iso.users[persona])
        before = snapshot(sql)
        for owned in iso.hidden_from(persona):
            about = f"{owned.model.__name__} {owned.obj.pk}"
            reads = []
            for route in (r for r in all_routes if r.model is owned.model):
                for url in route.urls(owned.obj):
                    for method in route.methods:
                        probes += 1
                        probe = f"{persona} {method} {url} ({route.name}) on {about}"
                        try:
                            status = _request(client, method, url, route.is_api).status_code
                        except Exception as error:  # noqa: BLE001 - reported with the probe
                            status = repr(error)
                        if status not in REFUSED:
                            failures.append(f"{probe}: {status}")
                        # A read changes nothing either; the reads of one object share a
                        # snapshot, every other request is checked on its own.
                        if method == "GET":
                            reads.append(probe)
                            continue
                        after = snapshot(sql)
                        if after != before:
                            failures.append(f"{probe} changed {changed(before, after)}")
                        before = after
            after = snapshot(sql)
            if after != before:
                failures.append(f"one of {reads} changed {changed(before, after)}")
            before = after
    figures.add("isolation", "routes with an id", len(all_routes))
    figures.add("isolation", "personas", len(PERSONAS))
    figures.add("isolation", "probes", probes)
    assert not failures, f"{len(failures)} of {probes} probes got through:\n" + "\n".join(failures)


def _leaks(body: str, foreign, content_type: str) -> list[str]:
    found = [m for o in foreign for m in o.markers if m in body]
    if "json" in content_type:
        ids = {}
        for o in foreign:
            ids.setdefault(o.model, set()).add(o.obj.pk)
        found += [
            f"{key}={value}"
            for key, value in _id_pairs(json.loads(body))
            if value in ids.get(ID_KEYS[key], ())
        ]
    return found


def _id_pairs(data):
    if isinstance(data, dict):
        for key, value in data.items():
            if key in ID_KEYS and isinstance(value, int):
                yield key, value
            else:
                yield from _id_pairs(value)
    elif isinstance(data, list):
        for item in data:
            yield from _id_pairs(item)


def test_lists_pages_exports_and_related_data_show_nothing_of_another_persona(iso, db):
    """Every list, page and export without an id, and every read of an object the persona
    sees (its history, timeline, findings, downloads), carries nothing of what it may not
    see: no name, reference or receipt of it, and no id of it in JSON."""
    all_routes = routes()
    failures, reads = [], 0
    for persona in PERSONAS:
        client = _client(iso.users[persona])
        foreign, found = iso.unknown_to(persona), set()
        urls = [
            (r, url)
            for r in all_routes
            if not r.id_kwarg and "GET" in r.methods
            for url in r.urls(every_value=True)
        ]
        for owned in iso.seen_by(persona):
            urls += [
                (r, url)
                for r in all_routes
                if r.model is owned.model and "GET" in r.methods
                for url in r.urls(owned.obj)
            ]
        for route, url in urls:
            reads += 1
            response = client.get(url)
            if response.status_code >= 500:
                failures.append(f"{persona} GET {url}: {response.status_code}")
                continue
            if response.status_code != 200:
                continue
            body = _body(response)
            leaks = _leaks(body, foreign, response.get("Content-Type", ""))
            if leaks:
                failures.append(f"{persona} GET {url} ({route.name}) shows {sorted(set(leaks))}")
            found |= {m for o in iso.seen_by(persona) for m in o.markers if m in body}
        # The search is not blind: the persona's own cases and workers are found by it.
        own = {o.markers[0] for o in iso.seen_by(persona) if o.model in (Placement, Worker)}
        if own - found:
            failures.append(f"{persona} never sees its own {sorted(own - found)}")
    figures.add("isolation", "reads searched", reads)
    assert not failures, "\n".join(failures)


def test_the_history_of_a_case_is_the_officials_page_and_404_for_an_agency(iso, db):
    """Another agency's case and its own case answer alike: the history is the officials'
    page, and the answer does not tell an agency that another agency's case exists."""
    client = _client(iso.users["agency_a"])
    assert client.get(f"/api/v1/placements/{iso.named['case_b'].pk}/history/").status_code == 404
    assert client.get(f"/api/v1/placements/{iso.named['case_a'].pk}/history/").status_code == 404
    official = _client(iso.users["official"])
    assert official.get(f"/api/v1/placements/{iso.named['case_b'].pk}/history/").status_code == 200


def test_an_officials_tool_names_no_object_to_anyone_else(iso, db):
    """A check run is none of an agency's business: its id answers 404 like any object out
    of scope; the list itself is refused (403)."""
    client = _client(iso.users["agency_a"])
    for run in (iso.named["check_run_a"], iso.named["check_run_b"]):
        assert client.get(f"/api/v1/check-runs/{run.pk}/").status_code == 404
    assert client.get("/api/v1/check-runs/").status_code == 403
    official = _client(iso.users["official_mow"])
    assert official.get(f"/api/v1/check-runs/{iso.named['check_run_a'].pk}/").status_code == 200
    assert official.get(f"/api/v1/check-runs/{iso.named['check_run_b'].pk}/").status_code == 404


def test_a_list_filtered_by_another_personas_id_answers_as_for_no_such_id(iso, db):
    """A filter that said "no such agency" for a made-up id but listed nothing for another
    agency's would tell which ids exist: both answer alike."""
    failures, filters = [], 0
    lists = [r for r in routes() if r.is_api_list]
    for persona in PERSONAS:
        user = iso.users[persona]
        client = _client(user)
        for route in lists:
            url = next(route.urls())
            for name, model in id_filters(route, user).items():
                hidden = [o.obj for o in iso.unknown_to(persona) if o.model is model]
                if not hidden:
                    continue
                filters += 1
                made_up = client.get(url, {name: MADE_UP_ID})
                foreign = client.get(url, {name: hidden[0].pk})
                if (foreign.status_code, foreign.content) != (made_up.status_code, made_up.content):
                    failures.append(
                        f"{persona} {url}?{name}=: {foreign.status_code} for another's "
                        f"{model.__name__}, {made_up.status_code} for no such id"
                    )
    figures.add("isolation", "filters by another's id", filters)
    assert not failures, "\n".join(failures)
