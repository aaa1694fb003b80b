"""Every request Zoho documents as rejected (reference §3, §6, §7, §10-§13, §17), sent by the
client's transport to the simulator: Zoho's HTTP status, code and details, and the error class the
client raises. Every answer is also checked against the OAS by the ``sim`` fixture."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest

from sync.crm import (
    CrmError,
    CrmNotFound,
    CrmPaginationError,
    CrmRateLimited,
    CrmScopeError,
    CrmUnavailable,
    CrmValidationError,
    OrgLimiter,
    RetryPolicy,
    ZohoCrmClient,
)
from sync.crm.simulator import SimulatorConfig
from tests.sync.contract.conftest import Sim

MANY = ",".join(str(n) for n in range(101))
FIELDS51 = ",".join(f"F{n}" for n in range(51))
F = {"fields": "Account_Name"}

# fmt: off
# (id, method, path, params, json body, headers, status, code, details, error class)
CASES: list[tuple[str, str, str, dict[str, str], Any, dict[str, str], int, str, Any, type]] = [
    ("no-fields", "GET", "Accounts", {}, None, {}, 400, "REQUIRED_PARAM_MISSING",
     {"param_name": "fields"}, CrmValidationError),
    ("51-fields", "GET", "Accounts", {"fields": FIELDS51}, None, {}, 400, "LIMIT_EXCEEDED",
     {"limit": 50}, CrmValidationError),
    ("page-11", "GET", "Accounts", {**F, "page": "11"}, None, {}, 400,
     "DISCRETE_PAGINATION_LIMIT_EXCEEDED", {"limit": 2000}, CrmPaginationError),
    ("per-page-0", "GET", "Accounts", {**F, "per_page": "0"}, None, {}, 400, "INVALID_DATA",
     {"param_name": "per_page"}, CrmValidationError),
    ("sort-by", "GET", "Accounts", {**F, "sort_by": "Phone"}, None, {}, 400, "INVALID_DATA",
     {"param_name": "sort_by"}, CrmValidationError),
    ("sort-order", "GET", "Accounts", {**F, "sort_order": "up"}, None, {}, 400, "INVALID_DATA",
     {"param_name": "sort_order"}, CrmValidationError),
    ("page-and-token", "GET", "Accounts", {**F, "page": "2", "page_token": "x"}, None, {}, 400,
     "AMBIGUITY_DURING_PROCESSING", {"ambiguity_due_to": ["page", "page_token"]},
     CrmValidationError),
    ("unknown-token", "GET", "Accounts", {**F, "page_token": "nope"}, None, {}, 400,
     "INVALID_DATA", {"param_name": "page_token"}, CrmValidationError),
    ("unknown-cvid", "GET", "Accounts", {**F, "cvid": "1"}, None, {}, 400, "INVALID_DATA",
     {"param_name": "cvid"}, CrmValidationError),
    ("101-ids", "GET", "Accounts", {**F, "ids": MANY}, None, {}, 400, "LIMIT_EXCEEDED",
     {"limit": 100}, CrmValidationError),
    ("bad-if-modified-since", "GET", "Accounts", F, None, {"If-Modified-Since": "yesterday"},
     400, "INVALID_DATA", {"param_name": "If-Modified-Since"}, CrmValidationError),
    ("unknown-module", "GET", "Nope", F, None, {}, 400, "INVALID_MODULE", {}, CrmNotFound),
    ("unknown-url", "GET", "settings/nothing/here/at/all", {}, None, {}, 404,
     "INVALID_URL_PATTERN", {}, CrmNotFound),
    ("wrong-method", "PATCH", "Accounts", {}, None, {}, 405, "INVALID_REQUEST_METHOD", {},
     CrmValidationError),
    ("search-no-param", "GET", "Contacts/search", {}, None, {}, 400, "EXPECTED_PARAM_MISSING",
     {"expected_params": ["criteria", "email", "phone", "word"]}, CrmValidationError),
    ("search-bad-field", "GET", "Contacts/search", {"criteria": "(Nope:equals:x)"}, None, {},
     400, "INVALID_QUERY", {"reason": "invalid field", "api_name": "Nope"}, CrmValidationError),
    ("search-bad-operator", "GET", "Contacts/search",
     {"criteria": "(Last_Name:greater_than:x)"}, None, {}, 400, "INVALID_QUERY",
     {"reason": "invalid operator", "api_name": "Last_Name", "operator": "greater_than"},
     CrmValidationError),
    ("search-11-criteria", "GET", "Contacts/search",
     {"criteria": "and".join(f"(Last_Name:equals:{n})" for n in range(11))}, None, {}, 400,
     "LIMIT_EXCEEDED", {"limit": 10}, CrmValidationError),
    ("search-short-word", "GET", "Contacts/search", {"word": "a"}, None, {}, 400,
     "INVALID_DATA", {"param_name": "word"}, CrmValidationError),
    ("search-past-2000", "GET", "Contacts/search", {"word": "ab", "page": "11"}, None, {}, 400,
     "LIMIT_REACHED", {"limit": 2000}, CrmPaginationError),
    ("related-unknown-list", "GET", "Accounts/{account}/Nope", {"fields": "Last_Name"}, None,
     {}, 400, "INVALID_DATA", {"api_name": "Nope"}, CrmValidationError),
    ("related-unknown-parent", "GET", "Accounts/1/Contacts", {"fields": "Last_Name"}, None, {},
     400, "INVALID_DATA", {"id": "1"}, CrmValidationError),
    ("related-no-fields", "GET", "Accounts/{account}/Contacts", {}, None, {}, 400,
     "REQUIRED_PARAM_MISSING", {"param_name": "fields"}, CrmValidationError),
    ("insert-101", "POST", "Accounts", {}, {"data": [{"Account_Name": str(n)} for n in range(101)]},
     {}, 400, "LIMIT_EXCEEDED", {"limit": 100}, CrmValidationError),
    ("delete-no-ids", "DELETE", "Accounts", {}, None, {}, 400, "REQUIRED_PARAM_MISSING",
     {"param_name": "ids"}, CrmValidationError),
    ("delete-101", "DELETE", "Accounts", {"ids": MANY}, None, {}, 400, "LIMIT_EXCEEDED",
     {"limit": 100}, CrmValidationError),
    ("upsert-bad-check-field", "POST", "Accounts/upsert", {},
     {"data": [{"Account_Name": "x"}], "duplicate_check_fields": ["Phone"]}, {}, 400,
     "INVALID_DATA", {"api_name": "duplicate_check_fields"}, CrmValidationError),
    ("deleted-bad-type", "GET", "Accounts/deleted", {"type": "nope"}, None, {}, 400,
     "INVALID_DATA", {"param_name": "type"}, CrmValidationError),
    ("fields-no-module", "GET", "settings/fields", {}, None, {}, 400, "REQUIRED_PARAM_MISSING",
     {"param_name": "module", "param": "module"}, CrmValidationError),
    ("fields-bad-module", "GET", "settings/fields", {"module": "Nope"}, None, {}, 400,
     "INVALID_MODULE", {"api_name": "module", "param": "module"}, CrmNotFound),
    ("views-no-module", "GET", "settings/custom_views", {}, None, {}, 400,
     "REQUIRED_PARAM_MISSING", {"param_name": "module", "param": "module"},
     CrmValidationError),
    ("related-lists-no-module", "GET", "settings/related_lists", {}, None, {}, 400,
     "REQUIRED_PARAM_MISSING", {"param_name": "module", "param": "module"}, CrmValidationError),
    ("related-lists-bad-module", "GET", "settings/related_lists", {"module": "Nope"}, None, {},
     400, "INVALID_MODULE", {"api_name": "module", "param": "module"}, CrmNotFound),
    ("users-bad-type", "GET", "users", {"type": "Bogus"}, None, {}, 400, "INVALID_DATA",
     {"param_name": "type"}, CrmValidationError),
    ("unwatch-no-ids", "DELETE", "actions/watch", {}, None, {}, 400, "REQUIRED_PARAM_MISSING",
     {"param_name": "channel_ids", "param": "channel_ids"}, CrmValidationError),
]
# fmt: on


@pytest.mark.parametrize(
    ("method", "path", "params", "body", "headers", "status", "code", "details", "kind"),
    [pytest.param(*case[1:], id=case[0]) for case in CASES],
)
async def test_rejected_like_zoho(
    sim: Sim,
    crm: ZohoCrmClient,
    method: str,
    path: str,
    params: dict[str, str],
    body: Any,
    headers: dict[str, str],
    status: int,
    code: str,
    details: Any,
    kind: type,
) -> None:
    account = next(iter(sim.store.records["Accounts"]))
    with pytest.raises(CrmError) as info:
        await crm.transport.request(
            method,
            path.format(account=account),
            params=params,
            json=body,
            headers=headers,
            idempotent=method == "GET",
        )
    error = info.value
    assert (error.status, error.code, dict(error.details)) == (status, code, details)
    assert type(error) is kind
    assert not error.retriable


async def test_token_chain_mismatch_expiry_and_cap_carry_param_name(sim: Sim) -> None:
    crm = sim.make()
    first = await crm.get_page("Accounts", ["Account_Name"], per_page=5, sort_by="id")
    token = first.info.next_page_token
    assert token
    with pytest.raises(CrmPaginationError) as info:
        await crm.get_page("Accounts", ["Phone"], page=None, page_token=token, per_page=5)
    assert (info.value.status, info.value.code, dict(info.value.details)) == (
        400,
        "TOKEN_BOUND_DATA_MISMATCH",
        {"param_name": "page_token"},
    )


async def test_per_record_errors_carry_zoho_details(crm: ZohoCrmClient, sim: Sim) -> None:
    existing = next(iter(sim.store.records["Accounts"].values()))
    results = await crm.insert(
        "Accounts",
        [
            {"Phone": "no name"},
            {"Account_Name": "x", "Employees": "many"},
            {"Account_Name": "y" * 300},
            {"Account_Name": existing["Account_Name"]},
        ],
    )
    assert [r.code for r in results] == [
        "MANDATORY_NOT_FOUND",
        "INVALID_DATA",
        "INVALID_DATA",
        "DUPLICATE_DATA",
    ]
    assert dict(results[0].details) == {
        "api_name": "Account_Name",
        "json_path": "$.data[0].Account_Name",
    }
    assert dict(results[1].details) == {
        "api_name": "Employees",
        "json_path": "$.data[1].Employees",
        "expected_data_type": "integer",
    }
    assert dict(results[2].details)["maximum_length"].isdigit()
    duplicate = dict(results[3].details)
    assert duplicate["api_name"] == "Account_Name"
    assert duplicate["duplicate_record"]["id"] == existing["id"]
    assert set(duplicate["duplicate_record"]["Owner"]) == {"name", "id", "zuid"}
    assert duplicate["duplicate_record"]["module"]["api_name"] == "Accounts"
    unknown = await crm.transport.request(  # the client refuses a missing id itself
        "PUT",
        "Accounts",
        json={"data": [{"Account_Name": "no id"}, {"id": "1"}]},
        per_record_key="data",
    )
    assert unknown.status == 400
    assert unknown.body["data"] == [
        {
            "code": "MANDATORY_NOT_FOUND",
            "details": {"api_name": "id", "json_path": "$.data[0].id"},
            "message": "required field not found",
            "status": "error",
        },
        {
            "code": "INVALID_DATA",
            "details": {"id": "1", "api_name": "id", "json_path": "$.data[1].id"},
            "message": "the id given seems to be invalid",
            "status": "error",
        },
    ]
    gone = await crm.delete("Accounts", ["1"])
    assert (gone[0].code, dict(gone[0].details)) == ("INVALID_DATA", {"id": "1"})


async def test_auth_failures_on_the_wire(sim: Sim) -> None:
    """The client always sends a fresh token, so these go out raw (same app, same recorder)."""
    cases = [
        ({}, 401, "AUTHENTICATION_FAILURE"),
        ({"Authorization": "Basic abc"}, 401, "AUTHENTICATION_FAILURE"),
        ({"Authorization": "Zoho-oauthtoken 1000.stale"}, 401, "INVALID_TOKEN"),
    ]
    for headers, status, code in cases:
        response = await sim.http.get("/crm/v8/org", headers=headers)
        assert response.status_code == status
        assert response.json() == {
            "code": code,
            "details": {},
            "message": response.json()["message"],
            "status": "error",
        }


@pytest.mark.parametrize("sim_config", [SimulatorConfig(scopes=("ZohoCRM.modules.ALL",))])
async def test_scope_mismatch_details(sim: Sim) -> None:
    crm = sim.make()
    with pytest.raises(CrmScopeError) as info:
        await crm.get_org()
    error = info.value
    assert (error.status, error.code) == (401, "OAUTH_SCOPE_MISMATCH")
    with pytest.raises(CrmScopeError) as search:
        await crm.transport.request("GET", "Contacts/search", params={"word": "ab"})
    assert (search.value.status, search.value.code) == (401, "OAUTH_SCOPE_MISMATCH")


@pytest.mark.parametrize("sim_config", [SimulatorConfig(token_grants_per_10_min=1)])
async def test_token_endpoint_throttle_is_rate_limited(sim: Sim) -> None:
    assert (await sim.make().get_org()).id
    second = sim.make(retry=RetryPolicy(max_attempts=1))
    with pytest.raises(CrmRateLimited) as info:
        await second.get_org()
    assert "too many requests" in info.value.message.lower()
    raw = await sim.http.post("/oauth/v2/token", data={"grant_type": "password"})
    assert (raw.status_code, raw.json()) == (200, {"error": "unsupported_grant_type"})


@pytest.mark.parametrize(
    "sim_config", [SimulatorConfig(fault_schedule=tuple((n, "500") for n in range(1, 9)))]
)
async def test_internal_error_status_and_code(sim: Sim) -> None:
    crm = sim.make(retry=RetryPolicy(max_attempts=2, base=0.01, cap=0.01))
    with pytest.raises(CrmUnavailable) as info:
        await crm.get_org()
    assert (info.value.status, info.value.code, dict(info.value.details)) == (
        500,
        "INTERNAL_ERROR",
        {},
    )


@pytest.mark.parametrize("sim_config", [SimulatorConfig(max_concurrency=1, latency_ms=5)])
async def test_concurrency_over_the_cap_is_429(sim: Sim) -> None:
    crm = sim.make(limiter=OrgLimiter(max_in_flight=4), retry=RetryPolicy(max_attempts=1))
    outcomes = await _gather_errors(crm, 4)
    limited = [e for e in outcomes if isinstance(e, CrmRateLimited)]
    assert limited and all((e.status, e.code) == (429, "TOO_MANY_REQUESTS") for e in limited)


async def _gather_errors(crm: ZohoCrmClient, n: int) -> list[BaseException | None]:
    await crm.get_org()  # the token first, so the burst is only API calls

    async def one() -> BaseException | None:
        try:
            await crm.get_org()
        except CrmError as exc:
            return exc
        return None

    return list(await asyncio.gather(*(one() for _ in range(n))))
