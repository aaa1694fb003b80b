from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
        CREATE TABLE IF NOT EXISTS "organization" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "created_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL,
    "name" VARCHAR(200) NOT NULL,
    "base_currency" VARCHAR(3) NOT NULL,
    "time_zone" VARCHAR(64) NOT NULL,
    "active_user_limit" INT NOT NULL
) /* The tenant. Every tenant row carries ``org_id``. */;
CREATE TABLE IF NOT EXISTS "user" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "created_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL,
    "email" VARCHAR(254) NOT NULL,
    "name" VARCHAR(200) NOT NULL,
    "role" VARCHAR(16) NOT NULL /* ADMIN: ADMIN\nAPPROVER: APPROVER\nSUBMITTER: SUBMITTER */,
    "status" VARCHAR(16) NOT NULL /* ACTIVE: ACTIVE\nINACTIVE: INACTIVE */,
    "password_hash" VARCHAR(255),
    "crm_user_id" VARCHAR(64),
    "last_login_at" TIMESTAMP,
    "org_id" INT NOT NULL REFERENCES "organization" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_user_org_id_bf657d" UNIQUE ("org_id", "email"),
    CONSTRAINT "uid_user_org_id_7dc333" UNIQUE ("org_id", "crm_user_id")
);
CREATE INDEX IF NOT EXISTS "idx_user_org_id_e86ede" ON "user" ("org_id", "status", "role");
CREATE TABLE IF NOT EXISTS "api_token" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "created_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL,
    "name" VARCHAR(100) NOT NULL,
    "token_digest" VARCHAR(64) NOT NULL UNIQUE,
    "prefix" VARCHAR(16) NOT NULL,
    "last_used_at" TIMESTAMP,
    "expires_at" TIMESTAMP,
    "revoked_at" TIMESTAMP,
    "org_id" INT NOT NULL REFERENCES "organization" ("id") ON DELETE CASCADE,
    "user_id" INT NOT NULL REFERENCES "user" ("id") ON DELETE CASCADE
) /* A bearer token for widgets and reporting tools. Only its SHA-256 digest is stored. */;
CREATE TABLE IF NOT EXISTS "aerich" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "version" VARCHAR(255) NOT NULL,
    "app" VARCHAR(100) NOT NULL,
    "content" JSON NOT NULL
);"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
        """


MODELS_STATE = (
    "eJztW11z2jgU/SsaP3Vn0kxLAu3kzUnIhO0GMuBkd9pkHMVWQBMjuZJIQtv895VkG39CMC"
    "UEqJ8wV/dK8jmydc9F/DSG1EUe3zV9bNF7RIwD8NMgcIjkRa5tBxjQ9+MWZRDw1tPO0Me2"
    "mLjdcsGgI2TDHfQ4kiYXcYdhX2CqBjFMcIsgQwzoGHBHGXjEbh8JDiBxAUM+ZQKTvmyncg"
    "6gQ7wxwLK1d2q+r9UbwMV9xAXAHHBBGXJ31bgudeTAMuz1hhgR/H2E5K3KjgaIyYG+XUsz"
    "Ji56Qjz66t/bdxh5bgpP7KoOtN0WY1/bWkScaEc1+1vbod5oSGJnfywGlEy8MRHK2kcEMS"
    "iQ6l6wkYKXjDwvpCJCPJhp7BJMMRHjojs48hRJKjqYQGwzbLvdsexe07JtI0dgFJEAPDQ5"
    "lCjy5VS5vvu+msL72sf9T/uf9xr7n6WLnubE8uk5GDoGJgjU8LQt41m3QwEDD41xDKrDkE"
    "LChiIP7rFsEXiIihFOR2aQdsPQ3egii3uE8izgI0OMfPw0rAJ6eYOuWtUh5TNwtlpnzZ5l"
    "np2r4Yacf/c0fqbVVC01bR1nrO8afyk7lQ968AqYdAL+bVmnQH0FXzvtpoaXctFnesTYz/"
    "pqqDnBkaA2oY82dBOrM7JGqEnPmPWR7y7IejqyYn1dWI8wStAezj5mXX/m+D4aQFbMdeSf"
    "YVmitYm8DuGT7SHSFwP59eOHDzOIvTS7R6dm9530yrDVDptqQdtzCl+9UdrBtlcG52zccv"
    "B+220rhXZjfw6wG/tTsVZNaah9hu7wUxmQ44htXM6NeVZz9tWTWMyNLMAe5MIe8YX2iGzs"
    "EnaJcO2uC/qbuynkcwH05GPZ3QI8pyMrlteZZYYe5C6zyNOcjqxYXmeWKevbpWRyHPCyVN"
    "6EXXEpajmhkzhi5QBNRFSIhoiqis7dfWH5Qa6/PLgnlCHcJ1/QWGPckhOCxCmSImGJrcP6"
    "kOAfUN/c5mH8HC2iyBq/JBl8nFTCEg+rhEDeOBJBzmv2jszjppFbuUtA9iLsZksRTTytxZ"
    "CqpXsLnftHyFw7tYZVC63RjGXim28a1oZZCySwr8FRd6HmXLSeC0rK2fU+vaxMs54vVpat"
    "AQICEUjELmg+IDYOvwFGH4EDGcOIg5ubYC3e3OTrxot0UFWFq6rwhrxaNrQ+WFWF/0TWq6"
    "pwqTJaba6qcG1GVbiWrwrfQo5sZ8QYIs64DNC5wNUhblz0jo2VQL43B+B7U+Hey5Xg5evF"
    "/kFJqRWdClolyNbRakBefv1dppD4Adk6f/bwEBfsGFOTsMLY1YnlWn2Nk7KcVJ4uQBJkRG"
    "dHeJ6FwzD25EsXeRMZUCz2kidVNuw9Pk3w5TTxb0K0ZXr4+TVVrMaqQL1GGE5XrVHx4kW1"
    "Oh2AAkX5Lao2oSHEniHnPrE4bGhHtYDrjPKcOHEBxUhPlFE5z+tKklaSdC2e7g0VJ5Uk/R"
    "NZn0eSBi/oEhn8JGAbRWl9nuxdek0XpfVc/l6J/tcV/TpDKMS3SUbD3I8v6R/cw9gVKtHe"
    "xeFZy7Ka3ZJ61DCPz1rtA6A/roh5ft7tXDa70hBeXZFJ1wcgPcqbH3GK87lFWIqjV8iTeW"
    "S1LpulSdJRkhT9eUVa7cgSXa0HIT7k/JFK2TGAfFDm7ZQLXIiSNTuXkt0F6nPtAvUZu0A9"
    "C3hS9pSAOxO2fWAvv16mj0R6tI/Joucpk8HVIaz1SV6rQ1jVkaH1KejtlDwyVJWXfwvuV6"
    "2fmohhZ2AU/aU0aNmZ+YfS2GepVdTqXM4bFkEfEOPhMzZvspYI2Ubx/hppsXqoSiAcum8h"
    "uq/yLzk5okCkIAn+u9dpTxEccUg29cWOAL+Ah/kmZkozwFVgpBLeCNN3Z+Z/WbiP/ukcZj"
    "NZ1cFhuV+Ul7+ZPf8POOrXtg=="
)
