"""Settings → expense policies as an admin drives them: the organisation profile, categories, a
per diem policy from the German preset (a rate typed in, one imported from a CSV file, assigned
to a user), a mileage vehicle with a rate and a slab, a corporate card with its CSV columns."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from playwright.sync_api import Browser, Page, expect

from orm import models
from tests.browser.conftest import ADMIN_EMAIL, ADMIN_PASSWORD, LiveServer
from tests.browser.support import (
    assert_clean,
    check_a11y,
    new_page,
    screenshot,
    sign_in,
    with_database,
)
from tests.factories import make_user

pytestmark = pytest.mark.browser


def _admin_page(live_server: LiveServer, browser: Browser) -> Page:
    page = new_page(browser)
    page.on("dialog", lambda dialog: dialog.accept())  # hx-confirm
    sign_in(page, live_server.url, ADMIN_EMAIL, ADMIN_PASSWORD)
    return page


async def _add_sam() -> None:
    admin = await models.User.get(email=ADMIN_EMAIL)
    await make_user(await admin.org, email="sam@acme.example", name="Sam Submitter")


def test_organization_profile_and_categories(live_server: LiveServer, browser: Browser) -> None:
    page = _admin_page(live_server, browser)

    # the time zone changes; a bad currency is refused next to its field, nothing saved
    page.goto(f"{live_server.url}/settings/organization")
    expect(page.get_by_role("heading", name="Organization profile")).to_be_visible()
    check_a11y(page)
    page.get_by_label("Base currency").fill("XYZ")
    page.get_by_label("Time zone").select_option("America/New_York")
    page.get_by_role("button", name="Save").click()
    error = page.locator('#organization-form [data-code="INVALID_CURRENCY"]')
    expect(error).to_be_visible()
    expect(page.get_by_label("Base currency")).to_be_focused()
    check_a11y(page)
    page.get_by_label("Base currency").fill("EUR")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Saved the organization profile.")).to_be_visible()
    expect(page.get_by_label("Time zone")).to_have_value("America/New_York")
    check_a11y(page)
    screenshot(page, "policies-organization")

    # a category is added, renamed and deactivated
    page.get_by_role("navigation", name="Settings").get_by_role("link", name="Categories").click()
    expect(page.get_by_role("heading", name="Categories", exact=True)).to_be_visible()
    check_a11y(page)
    page.get_by_label("Category name").fill("Lodging")
    page.get_by_role("button", name="Add category").click()
    expect(page.locator('#category-add-form [data-code="UNIQUE"]')).to_be_visible()
    page.get_by_label("Category name").fill("Trade fairs")
    page.get_by_label("Category name").press("Enter")  # by keyboard
    expect(page.get_by_text("Added the category Trade fairs.")).to_be_visible()

    row = page.locator('tr[data-category="Trade fairs"]')
    row.get_by_label("Name of Trade fairs").fill("Trade shows")
    row.get_by_role("button", name="Rename").click()
    expect(page.get_by_text("Renamed the category to Trade shows.")).to_be_visible()
    page.get_by_role("button", name="Deactivate Trade shows").click()
    expect(page.get_by_text("Deactivated the category Trade shows.")).to_be_visible()
    row = page.locator('tr[data-category="Trade shows"]')
    expect(row).to_contain_text("Inactive")
    expect(row.get_by_role("button", name="Reactivate Trade shows")).to_be_visible()
    check_a11y(page)
    screenshot(page, "policies-categories")
    assert_clean(page)

    async def stored() -> tuple[str, bool, bool]:
        org = await models.Organization.get(name="Acme Sales")
        category = await models.Category.get(org_id=org.id, name="Trade shows")
        fairs = await models.Category.filter(org_id=org.id, name="Trade fairs").exists()
        return org.time_zone, category.is_enabled, fairs

    assert with_database(live_server.database_url, stored) == ("America/New_York", False, False)


def test_per_diem_policy_from_the_german_preset(
    live_server: LiveServer, browser: Browser, tmp_path: object
) -> None:
    with_database(live_server.database_url, _add_sam)
    page = _admin_page(live_server, browser)

    page.goto(f"{live_server.url}/settings/per-diem")
    expect(page.get_by_role("heading", name="Per diem", exact=True)).to_be_visible()
    check_a11y(page)
    page.get_by_label("Policy name").fill("Germany 2026")
    page.get_by_label("Germany (§9 EStG)").check()
    page.get_by_role("button", name="Create policy").click()
    expect(
        page.get_by_text("Created the per diem policy Germany 2026 from the Germany")
    ).to_be_visible()
    expect(page.get_by_role("heading", name="Germany 2026")).to_be_visible()
    # the preset's rules: more than 8 h → 0.5, 24 h → 1; meals 0.2 / 0.4 / 0.4
    expect(page.get_by_label("Tier 1 hours")).to_have_value("8")
    expect(page.get_by_label("Tier 1 share")).to_have_value("0.5")
    expect(page.get_by_label("Breakfast deduction")).to_have_value("0.2")
    check_a11y(page)

    # a location and a rate typed in; a bad amount is refused next to its field first
    page.get_by_label("Location name").fill("Berlin")
    page.get_by_role("button", name="Add location").click()
    expect(page.get_by_text("Added the location Berlin.")).to_be_visible()
    rate_form = page.locator("#rate-form")
    rate_form.get_by_label("Full day").fill("28.001")
    rate_form.get_by_label("Effective from").fill("2026-01-01")
    rate_form.get_by_role("button", name="Add rate").click()
    expect(page.locator('#rate-form [data-code="INVALID_AMOUNT"]')).to_be_visible()
    expect(page.locator("#rate-form").get_by_label("Full day")).to_be_focused()
    check_a11y(page)
    page.locator("#rate-form").get_by_label("Full day").fill("28.00")
    page.locator("#rate-form").get_by_role("button", name="Add rate").click()
    expect(page.get_by_text("Added the rate from 2026-01-01.")).to_be_visible()
    expect(page.locator('table[data-location="Berlin"]')).to_contain_text("28.00 EUR")

    # a CSV file: a line at fault refuses the file, the corrected file imports
    bad = b"location,currency,full_day,effective_from\nParis,EUR,abc,2026-01-01\n"
    page.get_by_label("CSV file").set_input_files(
        {"name": "rates.csv", "mimeType": "text/csv", "buffer": bad}
    )
    page.get_by_role("button", name="Import file").click()
    expect(page.locator("#import-form .field-error").first).to_contain_text("Line 2")
    good = b"location,currency,full_day,breakfast,lunch,dinner,effective_from\nParis,EUR,58.00,11.60,23.20,23.20,2026-01-01\n"
    page.get_by_label("CSV file").set_input_files(
        {"name": "rates.csv", "mimeType": "text/csv", "buffer": good}
    )
    page.get_by_role("button", name="Import file").click()
    expect(page.get_by_text("Imported 1 rate and 1 new location.")).to_be_visible()
    expect(page.locator('table[data-location="Paris"]')).to_contain_text("58.00 EUR")

    # assigned to a user
    page.locator("#assign-form").get_by_label("User").select_option(
        label="Sam Submitter (sam@acme.example)"
    )
    page.get_by_role("button", name="Assign").click()
    expect(
        page.get_by_text("Sam Submitter now claims per diems under Germany 2026.")
    ).to_be_visible()
    expect(page.locator('#assigned-users li[data-user="sam@acme.example"]')).to_be_visible()
    check_a11y(page)
    screenshot(page, "policies-per-diem-policy")

    # the list, in a narrow window
    page.set_viewport_size({"width": 390, "height": 844})
    page.get_by_role("link", name="Per diem", exact=True).first.click()
    expect(page.locator('tr[data-policy="Germany 2026"]')).to_contain_text("2")
    check_a11y(page)
    screenshot(page, "policies-per-diem-list-narrow")
    assert_clean(page)

    async def stored() -> tuple[list[tuple[str, int, int | None]], str]:
        policy = await models.PerDiemPolicy.get(name="Germany 2026")
        rates = (
            await models.PerDiemRate.filter(location__policy_id=policy.id)
            .order_by("full_day_minor")
            .prefetch_related("location")
        )
        assignment = await models.PerDiemAssignment.get(policy_id=policy.id).prefetch_related(
            "user"
        )
        return (
            [(r.location.name, r.full_day_minor, r.breakfast_minor) for r in rates],
            assignment.user.email,
        )

    rates, assigned = with_database(live_server.database_url, stored)
    assert rates == [("Berlin", 2800, None), ("Paris", 5800, 1160)]
    assert assigned == "sam@acme.example"


def test_mileage_vehicle_and_card_mapping(live_server: LiveServer, browser: Browser) -> None:
    with_database(live_server.database_url, _add_sam)
    page = _admin_page(live_server, browser)

    # a vehicle, then a rate with a slab (a slab below zero is refused next to it first)
    page.goto(f"{live_server.url}/settings/mileage")
    expect(page.get_by_role("heading", name="Mileage", exact=True)).to_be_visible()
    check_a11y(page)
    page.get_by_label("Vehicle name").fill("Car")
    page.get_by_role("button", name="Add vehicle").click()
    expect(page.get_by_text("Added the vehicle Car.")).to_be_visible()
    rate_form = page.locator("#mileage-rate-form")
    rate_form.get_by_label("Distance unit").select_option("MILE")
    rate_form.get_by_label("Rate per unit", exact=True).fill("0.45")
    rate_form.get_by_label("Currency").fill("GBP")
    rate_form.get_by_label("Effective from").fill("2026-01-01")
    rate_form.get_by_label("Slab 1 above distance").fill("-5")
    rate_form.get_by_label("Slab 1 rate per unit").fill("0.25")
    rate_form.get_by_role("button", name="Add rate").click()
    expect(page.locator('#mileage-rate-form [data-code="INVALID_DISTANCE"]')).to_be_visible()
    check_a11y(page)
    page.locator("#mileage-rate-form").get_by_label("Slab 1 above distance").fill("10000")
    page.locator("#mileage-rate-form").get_by_role("button", name="Add rate").click()
    expect(page.get_by_text("Added a rate for Car.")).to_be_visible()
    vehicle = page.locator('section[data-vehicle="Car"]')
    expect(vehicle).to_contain_text("0.45 GBP per mile")
    expect(vehicle).to_contain_text("above 10000 miles: 0.25 GBP")
    check_a11y(page)
    screenshot(page, "policies-mileage")

    # a corporate card for Sam, then its CSV columns
    page.get_by_role("navigation", name="Settings").get_by_role(
        "link", name="Corporate cards"
    ).click()
    expect(page.get_by_role("heading", name="Corporate cards", exact=True)).to_be_visible()
    check_a11y(page)
    form = page.locator("#card-form")
    form.get_by_label("Card holder").select_option(label="Sam Submitter (sam@acme.example)")
    form.get_by_label("Card name").fill("Company Visa")
    form.get_by_label("Last four digits").fill("4242")
    form.get_by_role("button", name="Add card").click()
    expect(page.get_by_text("Added the card Company Visa ending 4242.")).to_be_visible()
    expect(page.get_by_role("heading", name="Company Visa ···· 4242")).to_be_visible()
    check_a11y(page)

    mapping = page.locator("#mapping-form")
    mapping.get_by_label("Date column").fill("Booking date")
    mapping.get_by_label("Description column").fill("Text")
    mapping.get_by_role("textbox", name="Amount column").fill("Amount")
    mapping.get_by_label("The bank writes charges as negative amounts").check()
    mapping.get_by_label("Date format").fill("%d.%m.%Y")
    mapping.get_by_label("Decimal separator").select_option(",")
    mapping.get_by_label("Delimiter").select_option("comma")
    mapping.get_by_role("button", name="Save mapping").click()
    expect(page.locator('#mapping-form [data-code="INVALID"]')).to_contain_text(
        "delimiter cannot be the decimal separator"
    )
    check_a11y(page)
    page.locator("#mapping-form").get_by_label("Delimiter").select_option("semicolon")
    page.locator("#mapping-form").get_by_role("button", name="Save mapping").click()
    expect(page.get_by_text("Saved the CSV column mapping")).to_be_visible()
    expect(page.locator("#mapping-form").get_by_label("Date column")).to_have_value("Booking date")
    check_a11y(page)
    screenshot(page, "policies-card")
    assert_clean(page)

    async def stored() -> tuple[Decimal, list[Decimal], dict[str, object] | None, date]:
        rate = await models.MileageRate.get(vehicle__name="Car").prefetch_related("slabs")
        card = await models.Card.get(last_four="4242")
        return (
            rate.rate_per_unit,
            [s.rate_per_unit for s in rate.slabs],
            card.csv_mapping,
            rate.effective_from,
        )

    per_unit, slabs, mapping_json, start = with_database(live_server.database_url, stored)
    assert (per_unit, slabs, start) == (Decimal("0.45"), [Decimal("0.25")], date(2026, 1, 1))
    assert mapping_json is not None
    assert mapping_json["delimiter"] == ";" and mapping_json["date_format"] == "%d.%m.%Y"
