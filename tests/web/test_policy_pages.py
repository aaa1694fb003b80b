"""Settings → expense policies over HTTP: each form refuses a bad input next to its field and
writes nothing, a post without the CSRF token is refused, and non-admins get the 403 page with
none of the data."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

import httpx
import pytest
from starlette.applications import Starlette

from gql.ids import encode_id
from orm import models
from tests.factories import make_category, make_expense, make_user
from tests.web.conftest import BASE_URL, sign_in

FRAGMENT = {"HX-Request": "true", "HX-Target": "settings-page"}


@dataclass
class Acme:
    admin: models.User
    sam: models.User
    policy: models.PerDiemPolicy
    location: models.PerDiemLocation
    vehicle: models.MileageVehicle
    card: models.Card
    category: models.Category


@pytest.fixture
async def acme(admin: models.User) -> Acme:
    org = await admin.org
    sam = await make_user(org, email="sam@acme.example", name="Sam Submitter")
    category = await make_category(org, "Lodging")
    policy = await models.PerDiemPolicy.create(org=org, name="Germany 2026")
    location = await models.PerDiemLocation.create(org=org, policy=policy, name="Berlin")
    vehicle = await models.MileageVehicle.create(org=org, name="Car", category=category)
    card = await models.Card.create(
        org=org, holder=sam, kind=models.CardKind.CORPORATE, name="Company Visa",
        last_four="4242", currency="USD",
    )  # fmt: skip
    return Acme(admin, sam, policy, location, vehicle, card, category)


def _id(kind: str, pk: int) -> str:
    return encode_id(kind, pk)


async def _counts() -> dict[str, int]:
    return {
        "categories": await models.Category.all().count(),
        "policies": await models.PerDiemPolicy.all().count(),
        "locations": await models.PerDiemLocation.all().count(),
        "rates": await models.PerDiemRate.all().count(),
        "tiers": await models.PerDiemTier.all().count(),
        "assignments": await models.PerDiemAssignment.all().count(),
        "vehicles": await models.MileageVehicle.all().count(),
        "mileage_rates": await models.MileageRate.all().count(),
        "cards": await models.Card.all().count(),
        "card_settings": await models.CardSettings.all().count(),
    }


async def _snapshot() -> tuple[object, ...]:
    """Counts plus the values a refused update could have changed."""
    org = await models.Organization.get(name="Acme Sales")
    category = await models.Category.get(name="Lodging")
    policy = await models.PerDiemPolicy.get(name="Germany 2026")
    vehicle = await models.MileageVehicle.get(name="Car")
    card = await models.Card.get(last_four="4242")
    return (
        await _counts(),
        (org.name, org.time_zone, org.base_currency, org.fiscal_year_start_month),
        (category.name, category.is_enabled),
        (policy.name, policy.first_last_day_share, policy.incidentals_floor),
        (vehicle.name, vehicle.is_enabled),
        (card.name, card.last_four, card.is_active, card.csv_mapping),
    )


def _next_to(html: str, field: str, code: str) -> bool:
    """The error with ``code`` sits in the label of the control named ``field``."""
    label = re.compile(r"<label\b(?:(?!</label>).)*</label>", re.S)
    for match in label.finditer(html):
        text = match.group(0)
        if f'name="{field}"' in text and f'data-code="{code}"' in text:
            return True
    return False


Forms = Callable[[Acme], tuple[str, dict[str, str], str, str]]

# (url, form, the field refused, its code) — one refused input per form
REFUSED: dict[str, Forms] = {
    "organization currency": lambda a: (
        "/settings/organization",
        {"name": "Acme", "timeZone": "Europe/Berlin", "baseCurrency": "XYZ",
         "fiscalYearStartMonth": "1"},
        "baseCurrency", "INVALID_CURRENCY",
    ),
    "organization time zone": lambda a: (
        "/settings/organization",
        {"name": "Acme", "timeZone": "Mars/Olympus", "baseCurrency": "USD",
         "fiscalYearStartMonth": "4"},
        "timeZone", "INVALID_TIME_ZONE",
    ),
    "category add": lambda a: ("/settings/categories", {"name": "Lodging"}, "name", "UNIQUE"),
    "category rename": lambda a: (
        f"/settings/categories/{_id('Category', a.category.id)}", {"name": " "}, "name",
        "REQUIRED",
    ),
    "per diem create": lambda a: (
        "/settings/per-diem", {"name": "Germany 2026", "preset": "GERMANY"}, "name", "UNIQUE"
    ),
    "per diem rename": lambda a: (
        f"/settings/per-diem/{_id('PerDiemPolicy', a.policy.id)}", {"name": "x" * 101}, "name",
        "TOO_LONG",
    ),
    "per diem preset": lambda a: (
        f"/settings/per-diem/{_id('PerDiemPolicy', a.policy.id)}/preset", {"preset": "MARS"},
        "preset", "INVALID",
    ),
    "per diem rules": lambda a: (
        f"/settings/per-diem/{_id('PerDiemPolicy', a.policy.id)}/rules",
        {"tiers.0.minHours": "8", "tiers.0.share": "0.5", "tiers.0.exclusive": "on",
         "tiers.1.minHours": "24", "tiers.1.share": "1.5", "firstLastDayShare": "0.5"},
        "tiers.1.share", "INVALID",
    ),
    "per diem bands": lambda a: (
        f"/settings/per-diem/{_id('PerDiemPolicy', a.policy.id)}/rules",
        {"tiers.0.minHours": "24", "tiers.0.share": "1",
         "bands.0.startsAfter": "00:00", "bands.0.endsAt": "12:00", "bands.0.share": "1",
         "bands.1.startsAfter": "", "bands.1.endsAt": "", "bands.1.share": "",
         "bands.2.startsAfter": "12:00", "bands.2.endsAt": "25:00", "bands.2.share": "0.5"},
        "bands.2.endsAt", "INVALID",
    ),
    "per diem location": lambda a: (
        f"/settings/per-diem/{_id('PerDiemPolicy', a.policy.id)}/locations", {"name": "Berlin"},
        "name", "UNIQUE",
    ),
    "per diem rate": lambda a: (
        f"/settings/per-diem/{_id('PerDiemPolicy', a.policy.id)}/rates",
        {"locationId": _id("PerDiemLocation", a.location.id), "currency": "EUR",
         "fullDay": "28", "breakfast": "5", "lunch": "5", "dinner": "5",
         "effectiveFrom": "2026-01-01"},
        "breakfast", "COMPONENTS_MISMATCH",
    ),
    "per diem import": lambda a: (
        f"/settings/per-diem/{_id('PerDiemPolicy', a.policy.id)}/import",
        {"csv": "location,currency,full_day,effective_from\nParis,EUR,58,2026-02-30\n"},
        "csv", "INVALID_CSV",
    ),
    "per diem assign": lambda a: (
        f"/settings/per-diem/{_id('PerDiemPolicy', a.policy.id)}/assign",
        {"userId": _id("User", 999_999)}, "userId", "NOT_FOUND",
    ),
    "mileage vehicle": lambda a: ("/settings/mileage/vehicles", {"name": "Car"}, "name", "UNIQUE"),
    "mileage vehicle rename": lambda a: (
        f"/settings/mileage/vehicles/{_id('MileageVehicle', a.vehicle.id)}",
        {"name": "", "categoryId": _id("Category", a.category.id)}, "name", "REQUIRED",
    ),
    "mileage rate": lambda a: (
        "/settings/mileage/rates",
        {"vehicleId": _id("MileageVehicle", a.vehicle.id), "unit": "MILE", "currency": "GBP",
         "ratePerUnit": "0.45", "effectiveFrom": "2026-01-01",
         "slabs.0.fromDistance": "10000", "slabs.0.ratePerUnit": "0"},
        "slabs.0.ratePerUnit", "INVALID_AMOUNT",
    ),
    "card create": lambda a: (
        "/settings/cards",
        {"holderId": _id("User", a.sam.id), "kind": "CORPORATE", "name": "Visa",
         "lastFour": "42", "currency": "USD"},
        "lastFour", "INVALID",
    ),
    "card preferences": lambda a: (
        "/settings/cards/preferences", {"autoMatch": "on", "autoCreate": "on"},
        "autoCreateCategoryId", "REQUIRED",
    ),
    "card details": lambda a: (
        f"/settings/cards/{_id('Card', a.card.id)}", {"name": "Visa", "lastFour": "abcd"},
        "lastFour", "INVALID",
    ),
    "card mapping": lambda a: (
        f"/settings/cards/{_id('Card', a.card.id)}/mapping",
        {"dateColumn": "Date", "descriptionColumn": "Text", "amountStyle": "single",
         "amountColumn": "Amount", "dateFormat": "dd/mm/yyyy", "decimalSeparator": ".",
         "delimiter": "comma"},
        "dateFormat", "INVALID",
    ),
}  # fmt: skip


@pytest.mark.parametrize("case", REFUSED, ids=list(REFUSED))
async def test_a_refused_input_is_shown_next_to_its_field_and_writes_nothing(
    client: httpx.AsyncClient, acme: Acme, case: str
) -> None:
    url, form, field, code = REFUSED[case](acme)
    csrf = await sign_in(client, acme.admin.email)
    before = await _snapshot()
    response = await client.post(url, data=form, headers=FRAGMENT | {"X-CSRF-Token": csrf})
    assert response.status_code == 200, response.text
    assert response.text.lstrip().startswith('<div id="settings-page">')
    assert "<html" not in response.text
    assert _next_to(response.text, field, code), response.text
    assert re.search(rf'name="{re.escape(field)}"[^>]*aria-invalid="true"', response.text)
    assert await _snapshot() == before


async def test_the_import_names_the_line_at_fault(client: httpx.AsyncClient, acme: Acme) -> None:
    csrf = await sign_in(client, acme.admin.email)
    url = f"/settings/per-diem/{_id('PerDiemPolicy', acme.policy.id)}/import"
    csv = b"location,currency,full_day,effective_from\nParis,EUR,58,2026-02-01\nRome,EUR,x,2026-02-01\n"
    response = await client.post(
        url,
        files={"file": ("rates.csv", csv, "text/csv")},
        data={"csv": ""},
        headers=FRAGMENT | {"X-CSRF-Token": csrf},
    )
    assert response.status_code == 200
    assert "Line 3" in response.text
    assert await models.PerDiemRate.all().count() == 0
    assert not await models.PerDiemLocation.filter(name="Paris").exists()


async def test_the_pages_write_through_their_forms(client: httpx.AsyncClient, acme: Acme) -> None:
    """The happy paths a browser test does not cover: preset on create, time bands and the
    incidentals floor, an upload, unassigning, card preferences, deactivations."""
    csrf = await sign_in(client, acme.admin.email)
    headers = FRAGMENT | {"X-CSRF-Token": csrf}

    created = await client.post(
        "/settings/per-diem", data={"name": "Hawaii", "preset": "HAWAII"}, headers=headers
    )
    assert created.status_code == 204
    hawaii = await models.PerDiemPolicy.get(name="Hawaii")
    assert created.headers["HX-Location"] == f"/settings/per-diem/{_id('PerDiemPolicy', hawaii.id)}"
    assert await models.PerDiemTimeBand.filter(policy_id=hawaii.id).count() == 4

    policy_url = f"/settings/per-diem/{_id('PerDiemPolicy', acme.policy.id)}"
    rules = {
        "tiers.0.minHours": "24", "tiers.0.share": "1", "tiers.1.minHours": "",
        "tiers.1.share": "", "incidentalsFloor": "on", "breakfastShare": "",
        "bands.0.startsAfter": "00:00", "bands.0.endsAt": "12:00", "bands.0.share": "1",
        "bands.1.startsAfter": "12:00", "bands.1.endsAt": "23:59", "bands.1.share": "0.5",
    }  # fmt: skip
    saved = await client.post(f"{policy_url}/rules", data=rules, headers=headers)
    assert saved.status_code == 204, saved.text
    await acme.policy.refresh_from_db()
    assert acme.policy.incidentals_floor is True
    assert await models.PerDiemTimeBand.filter(policy_id=acme.policy.id).count() == 2

    csv = b"location,currency,full_day,effective_from\nParis,EUR,58.00,2026-02-01\n"
    imported = await client.post(
        f"{policy_url}/import", files={"file": ("rates.csv", csv, "text/csv")}, headers=headers
    )
    assert imported.status_code == 204
    page = await client.get(policy_url)
    assert "Imported 1 rate and 1 new location." in page.text
    assert 'data-location="Paris"' in page.text and "58.00 EUR" in page.text

    paris = await models.PerDiemLocation.get(name="Paris")
    removed = await client.post(
        f"{policy_url}/locations/{_id('PerDiemLocation', paris.id)}/delete",
        data={"confirmed": "yes", "name": "Paris"},
        headers=headers,
    )
    assert removed.status_code == 204
    assert not await models.PerDiemLocation.filter(name="Paris").exists()
    assert not await models.PerDiemRate.filter(location_id=paris.id).exists()

    sam_id = _id("User", acme.sam.id)
    await client.post(f"{policy_url}/assign", data={"userId": sam_id}, headers=headers)
    assert await models.PerDiemAssignment.filter(user_id=acme.sam.id).exists()
    await client.post(f"{policy_url}/unassign/{sam_id}", headers=headers)
    assert not await models.PerDiemAssignment.filter(user_id=acme.sam.id).exists()

    lodging = _id("Category", acme.category.id)
    prefs = {"autoMatch": "on", "autoCreate": "on", "autoCreateCategoryId": lodging}
    assert (
        await client.post("/settings/cards/preferences", data=prefs, headers=headers)
    ).status_code == 204
    stored = await models.CardSettings.get(org_id=acme.admin.org_id)
    assert (stored.auto_match, stored.auto_create) == (True, True)

    card_url = f"/settings/cards/{_id('Card', acme.card.id)}"
    details = {"name": "Travel Visa", "lastFour": "4242", "holderId": _id("User", acme.admin.id)}
    assert (await client.post(card_url, data=details, headers=headers)).status_code == 204
    await acme.card.refresh_from_db()
    assert (acme.card.name, acme.card.holder_id) == ("Travel Visa", acme.admin.id)
    await client.post(f"{card_url}/deactivate", headers=headers)
    vehicle_url = f"/settings/mileage/vehicles/{_id('MileageVehicle', acme.vehicle.id)}"
    await client.post(f"{vehicle_url}/disable", headers=headers)
    await acme.card.refresh_from_db()
    await acme.vehicle.refresh_from_db()
    assert (acme.card.is_active, acme.vehicle.is_enabled) == (False, False)
    page = await client.get(card_url)
    assert "Deactivated the card Travel Visa ending 4242." in page.text


async def test_the_base_currency_is_locked_once_expenses_exist(
    client: httpx.AsyncClient, acme: Acme
) -> None:
    await make_expense(acme.sam, acme.category)
    csrf = await sign_in(client, acme.admin.email)
    page = await client.get("/settings/organization")
    assert "Expenses are recorded in USD, so it can no longer change." in page.text
    form = {"name": "Acme Sales", "timeZone": "UTC", "baseCurrency": "EUR",
            "fiscalYearStartMonth": "1"}  # fmt: skip
    response = await client.post(
        "/settings/organization", data=form, headers=FRAGMENT | {"X-CSRF-Token": csrf}
    )
    assert _next_to(response.text, "baseCurrency", "BASE_CURRENCY_LOCKED")
    org = await models.Organization.get(name="Acme Sales")
    assert org.base_currency == "USD"


async def test_deleting_a_rate_asks_first_without_scripts(
    client: httpx.AsyncClient, acme: Acme
) -> None:
    rate = await models.PerDiemRate.create(
        org_id=acme.admin.org_id, location=acme.location, currency="EUR", full_day_minor=2800,
        effective_from=date(2026, 1, 1),
    )  # fmt: skip
    csrf = await sign_in(client, acme.admin.email)
    policy_url = f"/settings/per-diem/{_id('PerDiemPolicy', acme.policy.id)}"
    url = f"{policy_url}/rates/{_id('PerDiemRate', rate.id)}/delete"
    form = {"csrf_token": csrf, "label": "the rate of Berlin from 2026-01-01"}
    asked = await client.post(url, data=form)  # a plain form post: the confirmation page
    assert asked.status_code == 200
    assert "Delete the rate of Berlin from 2026-01-01?" in asked.text
    assert 'name="confirmed" value="yes"' in asked.text
    assert await models.PerDiemRate.filter(id=rate.id).exists()
    deleted = await client.post(url, data=form | {"confirmed": "yes"})
    assert deleted.status_code == 303 and deleted.headers["location"] == policy_url
    assert not await models.PerDiemRate.filter(id=rate.id).exists()
    gone = await client.post(url, data=form | {"confirmed": "yes"})  # already deleted
    assert 'data-code="NOT_FOUND"' in gone.text


async def test_a_mileage_rate_that_priced_nothing_is_deleted(
    client: httpx.AsyncClient, acme: Acme
) -> None:
    rate = await models.MileageRate.create(
        org_id=acme.admin.org_id, vehicle=acme.vehicle, effective_from=date(2026, 1, 1),
        unit=models.DistanceUnit.KM, currency="USD", rate_per_unit=Decimal("0.30"),
    )  # fmt: skip
    csrf = await sign_in(client, acme.admin.email)
    response = await client.post(
        f"/settings/mileage/rates/{_id('MileageRate', rate.id)}/delete",
        data={"confirmed": "yes", "label": "the Car rate from 2026-01-01"},
        headers=FRAGMENT | {"X-CSRF-Token": csrf},
    )
    assert response.status_code == 204
    assert not await models.MileageRate.filter(id=rate.id).exists()


def _no_token_posts(a: Acme) -> list[tuple[str, dict[str, str]]]:
    """One write per route group."""
    return [
        ("/settings/organization", {"name": "Renamed", "timeZone": "UTC", "baseCurrency": "USD"}),
        ("/settings/categories", {"name": "Trade fairs"}),
        (f"/settings/categories/{_id('Category', a.category.id)}/deactivate", {}),
        ("/settings/per-diem", {"name": "US", "preset": "US_FEDERAL"}),
        (f"/settings/per-diem/{_id('PerDiemPolicy', a.policy.id)}/locations", {"name": "Rome"}),
        ("/settings/mileage/vehicles", {"name": "Bicycle"}),
        ("/settings/cards/preferences", {"autoMatch": "on"}),
        (f"/settings/cards/{_id('Card', a.card.id)}/deactivate", {}),
    ]


async def test_posts_without_the_csrf_token_are_refused(
    client: httpx.AsyncClient, acme: Acme
) -> None:
    await sign_in(client, acme.admin.email)
    before = await _snapshot()
    for url, form in _no_token_posts(acme):
        response = await client.post(url, data=form, headers={"HX-Request": "true"})
        assert response.status_code == 403, url
        wrong = await client.post(url, data=form | {"csrf_token": "forged"})
        assert wrong.status_code == 403, url
    assert await _snapshot() == before


PAGES: dict[str, Callable[[Acme], str]] = {
    "organization": lambda a: "/settings/organization",
    "categories": lambda a: "/settings/categories",
    "per diem list": lambda a: "/settings/per-diem",
    "per diem policy": lambda a: f"/settings/per-diem/{_id('PerDiemPolicy', a.policy.id)}",
    "mileage": lambda a: "/settings/mileage",
    "cards": lambda a: "/settings/cards",
    "card": lambda a: f"/settings/cards/{_id('Card', a.card.id)}",
}
SECRETS = ("Lodging", "Germany 2026", "Berlin", "Company Visa", "4242", "Europe/Berlin")


@pytest.mark.parametrize("role", [models.UserRole.SUBMITTER, models.UserRole.APPROVER])
async def test_non_admins_get_the_403_page_and_no_data(
    app: Starlette, acme: Acme, role: models.UserRole
) -> None:
    await make_user(await acme.admin.org, email="member@acme.example", role=role)
    before = await _snapshot()
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url=BASE_URL) as member:
        csrf = await sign_in(member, "member@acme.example")
        for name, url in PAGES.items():
            page = await member.get(url(acme))
            assert page.status_code == 403, name
            assert "Not allowed" in page.text
            assert not [secret for secret in SECRETS if secret in page.text], name
        headers = FRAGMENT | {"X-CSRF-Token": csrf}
        for url, form in _no_token_posts(acme):
            refused = await member.post(url, data=form, headers=headers)
            assert refused.status_code == 403, url
            assert not [secret for secret in SECRETS if secret in refused.text], url
        for case, forms in REFUSED.items():  # the pre-checked inputs too
            url, form, _, _ = forms(acme)
            refused = await member.post(url, data=form, headers=headers)
            assert refused.status_code == 403, case
    assert await _snapshot() == before


async def test_an_unknown_policy_or_card_is_404(client: httpx.AsyncClient, acme: Acme) -> None:
    await sign_in(client, acme.admin.email)
    for url in ("/settings/per-diem/bm9wZQ==", "/settings/cards/bm9wZQ=="):
        response = await client.get(url, headers={"Accept": "text/html"})
        assert response.status_code == 404
