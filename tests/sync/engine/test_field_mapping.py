"""Custom fields of customers and the CRM field mapping, through GraphQL, synced from the CRM."""

from __future__ import annotations

from typing import Any

from orm import models
from sync.service import SyncService
from tests.conftest import dotted, execute
from tests.factories import make_user, viewer_for
from tests.sync.engine.conftest import Crm
from tests.sync.engine.test_integration_api import CONNECT, CONNECT_INPUT, SAVE, gql

MAPPING_SAVE = """
mutation($input: IntegrationFieldMappingInput!) {
  integrationFieldMappingSave(input: $input) { integration { state } errors { field code message } }
}
"""
CUSTOM_FIELD = """
mutation($input: CustomFieldCreateInput!) {
  customFieldCreate(input: $input) { customField { apiName dataType options } errors { field code } }
}
"""


async def test_a_crm_field_lands_in_a_compatible_custom_field(
    crm: Crm, org: models.Organization, service: SyncService
) -> None:
    admin = await make_user(org, role=models.UserRole.ADMIN)
    await gql(CONNECT, admin, service, input=CONNECT_INPUT)
    for label, kind in (("Industry", "TEXT"), ("Employees", "NUMBER"), ("Uses Expense", "BOOLEAN")):
        created = await gql(CUSTOM_FIELD, admin, service, input={"label": label, "dataType": kind})
        assert created["customFieldCreate"]["errors"] == []
    picklist = await gql(
        CUSTOM_FIELD, admin, service, input={"label": "Tier", "dataType": "PICKLIST"}
    )
    assert picklist["customFieldCreate"]["errors"] == [{"field": ["options"], "code": "INVALID"}]

    targets = await gql(
        "{ integrationFieldTargets(module: ACCOUNTS) { target label crmTypes required } }",
        admin, service,
    )  # fmt: skip
    listed = targets["integrationFieldTargets"]
    assert listed[0] == {"target": "name", "label": "Name", "crmTypes": ["text"], "required": True}
    assert {"target": "custom:employees", "label": "Employees", "required": False,
            "crmTypes": ["bigint", "currency", "decimal", "double", "integer"]} in listed  # fmt: skip
    assert [t["target"] for t in listed].index("billing_city") < [
        t["target"] for t in listed
    ].index("custom:employees")  # built-in fields first
    contact_targets = await gql(
        "{ integrationFieldTargets(module: CONTACTS) { target required } }", admin, service
    )
    assert {"target": "last_name", "required": True} in contact_targets["integrationFieldTargets"]

    default = await gql(
        "{ integrationFieldMapping(module: ACCOUNTS) { target crmField } }", admin, service
    )
    assert {"target": "name", "crmField": "Account_Name"} in default["integrationFieldMapping"]
    crm_fields = await gql(
        "{ integrationCrmFields(module: ACCOUNTS) { apiName dataType } }", admin, service
    )
    types = {f["apiName"]: f["dataType"] for f in crm_fields["integrationCrmFields"]}
    assert types["Annual_Revenue"] == "currency"

    def mappings(extra: dict[str, str]) -> dict[str, Any]:
        base = {"name": "Account_Name", "phone": "Phone"}
        return {"module": "ACCOUNTS",
                "mappings": [{"target": t, "crmField": c} for t, c in (base | extra).items()]}  # fmt: skip

    refused = await gql(MAPPING_SAVE, admin, service, input=mappings({
        "custom:industry": "Annual_Revenue",   # currency into text
        "custom:employees": "No_Such_Field",
        "custom:nothing": "Industry",
    }))  # fmt: skip
    assert {
        (dotted(e["field"]), e["code"]) for e in refused["integrationFieldMappingSave"]["errors"]
    } == {
        ("mappings.2.crmField", "INCOMPATIBLE_FIELD_TYPE"),
        ("mappings.3.crmField", "NOT_FOUND"),
        ("mappings.4.target", "NOT_FOUND"),
    }
    no_name = await gql(MAPPING_SAVE, admin, service, input={"module": "ACCOUNTS", "mappings": []})
    assert no_name["integrationFieldMappingSave"]["errors"][0]["code"] == "REQUIRED"

    saved = await gql(MAPPING_SAVE, admin, service, input=mappings({
        "custom:industry": "Industry", "custom:employees": "Employees",
        "custom:uses_expense": "Zoho_Expense",
    }))  # fmt: skip
    assert saved["integrationFieldMappingSave"]["errors"] == []
    await gql(SAVE, admin, service, input={"customerModule": "ACCOUNTS", "syncNow": True})
    await service.aclose_when_idle()

    accounts = crm.store.records["Accounts"]
    for customer in await models.Customer.filter(crm_module=models.CrmModule.ACCOUNTS):
        account = accounts[customer.crm_id or ""]
        assert customer.website is None  # not mapped any more
        assert customer.custom_values == {
            "industry": account["Industry"], "employees": str(account["Employees"]),
            "uses_expense": account["Zoho_Expense"],
        }  # fmt: skip
    listed = await execute(
        "{ customers(first: 1) { nodes { customFields { apiName value } } } }",
        viewer=viewer_for(admin),
    )
    values = {
        v["apiName"]: v["value"] for v in listed.data["customers"]["nodes"][0]["customFields"]
    }
    assert values["uses_expense"] in {"true", "false"}
    submitter = await make_user(org)
    forbidden = await execute(
        MAPPING_SAVE, {"input": mappings({})}, viewer=viewer_for(submitter), sync=service
    )
    assert forbidden.errors[0].extensions["code"] == "FORBIDDEN"
