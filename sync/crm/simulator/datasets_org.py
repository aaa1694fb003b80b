"""The organisation and its currencies in a generated dataset (``GET /org``, ``/org/currencies``).

Keys follow org.json (every ``required`` key, v8 additions included) and reference doc §9.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from sync.crm.simulator.meta import stable_id

CURRENCIES = (
    ("USD", "US Dollar", "$", "1.000000000"),
    ("EUR", "Euro", "€", "0.920000000"),
    ("GBP", "Pound Sterling", "£", "0.790000000"),
    ("INR", "Indian Rupee", "₹", "83.120000000"),
    ("JPY", "Japanese Yen", "¥", "148.500000000"),
)


def org_row(multi_currency: bool, now: datetime) -> dict[str, Any]:
    return {
        "id": stable_id("org", 1),
        "company_name": "Spendsync Demo Inc.",
        "alias": None,
        "primary_email": "admin@spendsync-demo.test",
        "primary_zuid": "60000000",
        "zgid": "70000001",
        "domain_name": "org70000001",
        "time_zone": "Asia/Kolkata",
        "country": "India",
        "country_code": "IN",
        "currency": "US Dollar - USD",
        "currency_symbol": "$",
        "currency_locale": "en_US",
        "iso_code": "USD",
        "mc_status": multi_currency,
        "type": "Production",
        "employee_count": "50",
        "phone": "+91 44 6744 7000",
        "mobile": None,
        "fax": None,
        "website": "https://www.spendsync-demo.test",
        "street": None,
        "city": None,
        "state": None,
        "zip": None,
        "description": None,
        "photo_id": None,
        "zia_portal_id": None,
        "ezgid": "80000001",
        "zia_zgid": 90000001,
        "call_icon": "default",
        "oauth_presence": True,
        "checkin_preferences": {"restricted_event_types": None},
        "gapps_enabled": False,
        "translation_enabled": False,
        "privacy_settings": False,
        "hipaa_compliance_enabled": False,
        "lite_users_enabled": False,
        "deletable_org_account": False,
        "max_per_page": 200,
        "license_details": {
            "paid": True,
            "paid_type": "enterprise",
            "paid_expiry": (now + timedelta(days=200)).isoformat(timespec="seconds"),
            "users_license_purchased": 50,
            "trial_type": None,
            "trial_expiry": None,
            "trial_action": "none",
            "portal_users_license_purchased": 0,
        },
        "hierarchy_preferences": {"type": "Role_Hierarchy", "strictly_reporting": False},
        "created_time": now - timedelta(days=500),
    }


def currency_rows(multi_currency: bool, now: datetime, admin_id: str) -> list[dict[str, Any]]:
    rows = CURRENCIES if multi_currency else CURRENCIES[:1]
    return [
        {
            "id": stable_id("currency", i + 1),
            "name": f"{name} - {code}",
            "iso_code": code,
            "symbol": symbol,
            "exchange_rate": rate,
            "is_base": code == "USD",
            "is_active": True,
            "prefix_symbol": True,
            "format": {
                "decimal_separator": "Period",
                "thousand_separator": "Comma",
                "decimal_places": "0" if code == "JPY" else "2",
            },
            "created_by": admin_id,
            "created_time": now - timedelta(days=400),
            "modified_by": admin_id,
            "modified_time": now - timedelta(days=400),
        }
        for i, (code, name, symbol, rate) in enumerate(rows)
    ]
