from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
        CREATE TABLE IF NOT EXISTS "card" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "kind" VARCHAR(16) NOT NULL,
    "name" VARCHAR(100) NOT NULL,
    "last_four" VARCHAR(4) NOT NULL,
    "currency" VARCHAR(3) NOT NULL,
    "is_active" BOOL NOT NULL,
    "csv_mapping" JSONB,
    "holder_id" INT NOT NULL REFERENCES "user" ("id") ON DELETE RESTRICT,
    "org_id" INT NOT NULL REFERENCES "organization" ("id") ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS "idx_card_org_id_159cfc" ON "card" ("org_id", "holder_id");
COMMENT ON COLUMN "card"."kind" IS 'CORPORATE: CORPORATE\nPERSONAL: PERSONAL';
COMMENT ON TABLE "card" IS 'A card held by one user. The CSV column mapping is remembered per card (banks differ).';
        CREATE TABLE IF NOT EXISTS "card_settings" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "auto_match" BOOL NOT NULL,
    "auto_create" BOOL NOT NULL,
    "auto_create_category_id" INT REFERENCES "category" ("id") ON DELETE SET NULL,
    "org_id" INT NOT NULL UNIQUE REFERENCES "organization" ("id") ON DELETE CASCADE
);
COMMENT ON TABLE "card_settings" IS 'The organisation''s card preferences; an organisation without a row has both off.';
        CREATE TABLE IF NOT EXISTS "statement_import" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "file_name" VARCHAR(255) NOT NULL,
    "format" VARCHAR(8) NOT NULL,
    "row_count" INT NOT NULL,
    "imported_count" INT NOT NULL,
    "duplicate_count" INT NOT NULL,
    "matched_count" INT NOT NULL,
    "created_expense_count" INT NOT NULL,
    "undone_at" TIMESTAMPTZ,
    "card_id" INT NOT NULL REFERENCES "card" ("id") ON DELETE CASCADE,
    "imported_by_id" INT NOT NULL REFERENCES "user" ("id") ON DELETE RESTRICT,
    "org_id" INT NOT NULL REFERENCES "organization" ("id") ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS "idx_statement_i_org_id_c53f19" ON "statement_import" ("org_id", "card_id");
COMMENT ON COLUMN "statement_import"."format" IS 'CSV: CSV\nOFX: OFX';
COMMENT ON TABLE "statement_import" IS 'One imported statement file; ``created_at`` is when it was imported.';
        CREATE TABLE IF NOT EXISTS "card_transaction" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "external_id" VARCHAR(255),
    "posted_date" DATE NOT NULL,
    "amount_minor" BIGINT NOT NULL,
    "currency" VARCHAR(3) NOT NULL,
    "description" VARCHAR(500) NOT NULL,
    "dedupe_key" VARCHAR(600) NOT NULL,
    "status" VARCHAR(16) NOT NULL,
    "created_expense" BOOL NOT NULL,
    "card_id" INT NOT NULL REFERENCES "card" ("id") ON DELETE CASCADE,
    "org_id" INT NOT NULL REFERENCES "organization" ("id") ON DELETE CASCADE,
    "statement_import_id" INT NOT NULL REFERENCES "statement_import" ("id") ON DELETE CASCADE,
    "expense_id" INT UNIQUE REFERENCES "expense" ("id") ON DELETE SET NULL,
    CONSTRAINT "uid_card_transa_card_id_420227" UNIQUE ("card_id", "dedupe_key")
);
CREATE INDEX IF NOT EXISTS "idx_card_transa_org_id_bb948a" ON "card_transaction" ("org_id", "card_id", "status");
COMMENT ON COLUMN "card_transaction"."status" IS 'UNMATCHED: UNMATCHED\nMATCHED: MATCHED\nEXCLUDED: EXCLUDED';"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
        DROP TABLE IF EXISTS "card_transaction";
        DROP TABLE IF EXISTS "card";
        DROP TABLE IF EXISTS "card_settings";
        DROP TABLE IF EXISTS "statement_import";"""


MODELS_STATE = (
    "eJztXftT47iW/ldU/DL0VqarOzy6L7O1VSGkp3MHApuE7rk7TBnjKMSLI+faDjR37/zvK/"
    "kVP2TH8iPYzvkFgq0jh+/Iks6n8/i/g6U+w5r5vrdSp/oTJgdn6P8OiLzE9EPsXgcdyKvV"
    "5g67YMkPmt1YXqmS5Td7MC1DVix6Yy5rJqaXZthUDHVlqTp7yEEPPWDZwAayZdBcN9CLOn"
    "vElolkMkMGXumGpZJHel+n3wFdE+0VqfTu5Gvv5+7JKZqpj9i0kGoi09INPHvPnjvTFfpg"
    "KlbdI9ZE/eca03+VdrTABn3QH3/SyyqZ4R/Y9P5cPUlzFWuzEJ7qjHVgX5es15V9bUisL3"
    "ZD9u0fJEXX1kuyabx6tRY68VurxGJXHzHBhmxh1r1lrBm8ZK1prio8xJ1vumnifMWAzAzP"
    "5bXGlMSknS+wuXYgSaPrqTQZTCXpIKZATyIAuHtJ0QlTPv2qpv3fP7Kv8HP34/Gn489Hp8"
    "efaRP7a/pXPv3lPHoDjCNowzOaHvxl35ct2WlhY7wBVTEwQ0KSrTi4F/SOpS4xH+GwZATp"
    "mSv63vsQxd1DOQ1478IG+c3bsAvo6T84Y6PaVXkKztPh1WAy7V3dsMctTfOfmo1fbzpgd7"
    "r21dfI1cPTd+y6Tl90ZwrwO0Hfh9OviP2J/ud6NLDh1U3r0bCfuGk3/Z8D9p3ktaVLRH+R"
    "5FlgdHpXPdRoy43W16tZTq2HJUHrddG6h1FA7e6332jd/h3Td38hG3xde+0jWqZoNVGvS/"
    "mHpGHyaC3onx8/fEhR7LfeuP+1Nz6krSLaGrm3us69v0L42gul5Cx7IjhH5crB+22XrRDa"
    "p8cZwD49TsSa3QpDvTLwXP0hAvJGoo3D+TTLaI5OPYHBfBoFWJNNS1qbudaIqGwJq4Q7du"
    "uCfnMXhfheAP9YqbS7HHoOS4KW66xlAz/TVSbP2xyWBC3XWcu68SgJmckbge2mchNWxVKs"
    "5YCdZGJDDNCABCDqIsoYnfkTl36g4y8O7hfdwOoj+Q2/2hgP6ReSicIzRVyK7dp4lIn6L9"
    "n+55qH8V/eIPKubiZJQ37xmbDAy0ohoP84tpw9b2/S710MDmIjtwRkb91uWopo4G3lQ8qG"
    "7oOsPL3IxkwKjWF2R+/qkSt+2/itZXcZvSIT+dEGh/0X7Du7qPdpDwccKtm+3kmjkRWvRQ"
    "YGmbVFC/qF0MMr0glGDI33aLrAqD/5hpw5DS3pwxjLq5rIwEu8fMAGnqEVNhz5wweZPJlo"
    "ps7n2HjHY5Gresx2JvkPb3pZ6NqMtvgTqGWglmsxPzWUZARqeR+1noVafqKQ8tm4AVkvY5"
    "uNkN492Trzcgf96/HN9ZgifYb8j3fkZjCeXI96l2fI+xRdAN+GvQOmv1qm32Y45/qas8VO"
    "Bjkk1EKks5D8yRx/jOJX1oaBifIqAnFQpoUIH2VA+CgR4aMowqopURNBfeZMFee6rmGZJG"
    "yAg3IRmB+oYFU4e5vj3ZKA59fXl6FV+Hw4jUB8e3U+oHOIjTxtpDpGZJxOUsxnyTV04pD/"
    "na4fCaM6LBbdGamKhf6NNNXMwi81h3xleIRw90by4VXv9+gg719en0e3NayD84gGHEtQjN"
    "ILyQCpxxnXQDsDSVoXSk+EJHV5oeLYtpwmDc2AIVjH1HAcD/vTNKY04CBjyMRkWwf6QM6e"
    "w5X+8tsYa/4w5QPOmNDpprcWYR/eoS2Zk21BrCYWRWWJiTW0e2sTVlWT8BNsMRdnZ67mkP"
    "H+/c42Ul4yg023svOMHdftCdu0tfuT6fDgzIsJMxMHm78gmYTaoBeVqn9tIRkZ+gtayCZ6"
    "0K0F0ufzOC9fxQPAtxsI+IbMKA2lYoGA30etZyHg7XtL2VIWgmROWHCHbI5/pbF0jg2dM1"
    "XmAX0jCajnQ11S6I9H3XgVYx9SeshFR9SMU2sdu9P4TVoKt8MbiyUQEv1AV80avVk5iZSX"
    "OMRQ0O+DRreXl2K+XFvIt2uCpzr9sSPq7U1fgLKIt3It8yD5k2CcR/ihLfa5FWm9zURPxo"
    "9jBv/hO+bN8Gy9wtITfnXc0Xjual5bOqystQlua2A112Rubqj9BFbzPmo9i9WMf1jYILLG"
    "3d8mu5lExHJ5mtRs2xV2NOmenGRwNaGtEp1N7HuRmF2qO/qezLjmMnvHEgJ3w2JpL1gDX6"
    "4UmNkLErV9l/qaWNJSJTrn2PJcfUy2eSOSbTp3/1u3e3T0qfvh6PTzyfGnTyefP/h7gvit"
    "tM3B+fBXtj8IDWmOFw84plXsmBb8TgIgR8R2h/PBwU5QPsnkynqS4sp6EndlDRgkQlAHpV"
    "o4ok8zYX2agvVpHGvXoOPivN1PfiO9w5F9O7rqTftfBxeCQ3wjeIb8j3fEv+ZfGfzev7y9"
    "YJe8Twc51FW+C71nzOEfK0xMUYKfIw0kv4inLKNkhOiNgESb9jbtYfFbhqfpeVVJjpOWGL"
    "gJ0oA0B2l3DhUDOCxUyrFe41lPcDHevYuxx+UXPs9zumkpooHFezuk0bmzBHjb6yIbRTph"
    "4Sme/SI2Xxc+NR1s+mnSTJ1VE+EVKsuZdcFDU9cjgHtauvEWSDsmDbQq+XjUXX/s7xU9F4"
    "XjTzj+rMUc29CDMDj+3EetZzn+hDQR1aaJUE0JE/bvcxaqbRH2AUEIsc9OHALNBTxBXXb4"
    "Qh6RCYDHYgeLxcwGAxab5aCSKV7WtakKApXd8GzKyAyBtFTpwvOIpWe8UOn0WhCsK6e3b0"
    "5nbcKs0uBinVjUfL7BhpngwBxq0Em1y52m0mrTthrrXDGWbD4D+xzs81q+yQ211MA+30et"
    "Z7HP56phWpKolR6Wap0XXHUJHUWBDgkBJ5INabyUVU0EZV+gjW72WXJm0lYpbvbx0lgUJK"
    "Fh7Au0D+CTbA6zKf6yHEpvZahLmRelu43SCwiCM6AApwd5SnftfekYegJzyEaifZNI+dUL"
    "lbVp6UvRPKQRKaCrgf4H+r9GhGGniJug+26XgG4/0FVLkY3MhPlPV2TLwvRf5R3Pip8X9J"
    "zOmlsCcccUuK3ELzHWmHO7k0p/2w3dwdHJVPoqnNbyZw0/Yw3ZHSB9jrzRZaJDGfXHV+4d"
    "RSboAduFqjBtRywdqRav4lXZvadR8vJKlcBpDkj5+s7pDaVngZTfR61nIeUp5FiIwPQFgC"
    "LORhH7i5oAyEEZwDkbzvZyZqPEBXp7RHqogzqjfjAd/D49Q+znHXFosDPk/L4jF3ZVtwu7"
    "oBsj0Qa90RlyP9yRm2H/t8vhhEp7n6I7vkz662ZRXzdZe92o8vRVQhmF5DpCAZFCNYTynQ"
    "7+53xN7PR66GGtapZKzPfsef9V1alhCuCVlBYC6gmop7oQJPk9T6u3+G0LNsHcd1irbba+"
    "26o6Jzf65LXjy5jg8ua33uRk2VjhYHaD2f3mM0VDDTAwu/dR61nMbohV27gNZTIGuynGYD"
    "duDBaxAxthAp7fToajwWRCbTv30x0Zji6G34YXt6yC9+ZzLgOv9ARkDUwW1+tPh98Gggad"
    "K3WGnN9MKd4V71M9FAKei+C52GDPxRf8YKq81MvJ+AZE2odwJTmul/qDqglhvJFoH8TlD+"
    "I3yb1ca4xLTr1MB6NGHy7RB2LMMbCSYY5Ltg/sbqYR3U0Z0t34mPaAU1RLaFxH5doHdyWn"
    "Xptxyi1EkGWA80sRAODpgCv6LBfenlz74D7KgvZRMthHKVivicWLUckCty/aPsQrGeDmQl"
    "2t8i2aHNH2gV7JqukjJ7psxgTbB3jVo1xw4YxLAuRikIsunTHB9gFe/toZAE148eTJtg/z"
    "SgZ5+MA9D9cd7qHGsB/0+v3r29F0wshu59Md6V+Ppr0+u+Z9uiMXg94lvWD/qgf5DSGhFY"
    "eEOmNYpR3m82eIiZdwvF0zHTT3NDvuxGC+EkWaqQZv75oa1B4WhDwCImHtTqTYs6yteVnv"
    "kh1nY4KF3GfzvFU871n2VPCeBe/ZM/CerYv3bGCuCSVlLJq5NZoMsiXAh90rdpy7tZ6bm3"
    "SM/FGlW5hYqqwVROvG66eleAFO2XAyMKsFVBCkMc5YO6kpCFUZC+HNU5xQiMAUlhwJESiy"
    "VG4gRFKkw9p0wi7sOuu0kX/Df8dCV/1IDQiJgJCIerznDXWOh5CIfdR6lpCIGfccjumbr2"
    "uvfZqWG6jhFI0yLUWTCyzZCY20VInOybZ1rj4mLkFRyTbxDn/rdo+OPnU/HJ1+Pjn+9Onk"
    "8wd/YYrfSluhzoe/skUq9ErwmLg3cOOsHfRV+nHiH8pCJo9YMviTBFbUpawlxC1EZaMThi"
    "P83u2kKug/vsF8MegPr3qXh90PnY8fInyyp4TjuNOVbGIp/7zCFYfJJffkQq0ONn6F/LCC"
    "Mq3LmF9JvGDwm8WAnuIfCYM9ItYCrNM2lIPfp+knJf5+8vJ69KvXPHp88leEq5ljthAKOQ"
    "SFhFoA+m6KNxpYXT6sDdOGID6nb8k9HpWGDORCKd+ZP3I+4IOScEAuckAuOxW+BfOSh6Xa"
    "tHMpLS/522V8rxnZDgnf642nz+aLoRoVg6Eah9Y5ZBPDNSQDoMZBZcdSYpAGJGAGAM8hke"
    "1XqSUfvAPVgsjemq0u9RB4W0OQjgeT6XjYnx5wN7Al4NoPdNVSbCMb9yz4vkmZkpotYZnh"
    "TalSwod3FXQzKohvC12WogBHN50ZEDZ8H6WC8LbN2SmKbWjjmQBsFj9Yt8JOSW6dAiV2mj"
    "IpR4angmnXhR3x7F7aMzjFPPGC2wF6k/ZETFnhH1R4sF4TPNXpjwy+2LT1NNxlS0AOnaGp"
    "GpYfedyrMGBXTlcX2HKz4bUQrhVd5WcqXpaB1w02LmhXrcMrn4OsP+MnO8oGF4WtDrOSHG"
    "y9vVQYYgYI0g0kI9f5HjkhHayWl7XAfj0v9LLQkaXrT2glGxZSiX3XfSqnSliJHW/34gUf"
    "XPDBrcXs0FBvTPDB3UetZ/HBrX9a8iY7GYWjKAUPT3mycIQSP0LxdkZC6IaF4CAFjqZbeN"
    "TXwhcfTvp2f9IXiNUsCG726Pam4hpeV+p2ilqzCaHoISoX0fC+qYyTPsHsFQ0FmbvfrFP5"
    "PbpM4kdDdv//GJsWvN1JY9LUSMOtJNo1wYzbQrq9NJi25Hs0wYqBLRPJBkamRQfVDGGiGK"
    "8rOjDQ4f39f0j+n/f37zqI4Gfah0oQNRxkI86oVfYUoNeAXmvIKttQogXotX3UehZ6LSXX"
    "dLYaaLsm25g++9ej0aA/HVwIMm9h4TMU+tNOFOvdCVy9GE5655fsovcpujJmYe/KTxhrT9"
    "8KJpYhxI9GxNqXOjZL5tjkxLGxvLGyYmecNqW1IVSbLirXPqArqe8lr1RhpDciAHImkBVN"
    "pROAaLrpoFD7TlcqxNm0TaSNHRRHPTmcO6WLFujgDUK76dZpQU3NJ0zyKSSlC1CIsEJYWv"
    "WkY5z0zPeJZzktmPSryX7PEBM9TY/KtQ/raiZ+CluuFEwRufbBXXIWJrssA/26agrcqdkM"
    "+B1AUgPhrP/YKFpkJt7NTiurO+ViRBmFrAVnvLtSb3QhbRpwL+fhF7qZyoWnVAuPLRl0B4"
    "STcjxt1+ZGeodK/DKY9r+KatAWOkP2rzsy/X4tfe/94wy5H/Lo4nMGVXxO1MTnGNGzXmkq"
    "CyWUVjr9kLCgbFcJr58dKmfy2/BGVDd0xzga0NeI/boj198G4+/j4ZRe8T/eEdbvGfJ7F+"
    "Xlull4uW4yL9fluNTNKbxWQW1xutmhsvrjK+n7cCQ8HXpyVGfuJ6qgm8HoYvKPUd+9E/67"
    "HmSqy9ZJzyp+ETRGOKLt27ZVYJG4p/k5EOeIAuLbEVeJoq1nmNpzq4VMJBdFXihkavqv5F"
    "5g1yywa16pyhOeefjRYSxUMIsvvfOqWdV7BfG0UEl9LM/8MBmoc/VxbfB4wXRbMqELeC8E"
    "3gu7/B7zgDKeZU1a6GuD82IkuvgkSO/O3bt7XNXqULKztyablmTDJe7wEZWFSpj18fCIO/"
    "YQaovn1XRUFjRdZ017pojzzyzllciWgisMdThL32e4W7ZcOuIKg47K1pG9vs3pV5GY41/e"
    "BTLaAcyddZ47WQiH6Sx1mDC4RXf//A5g7y+w97fDaAyKMZvaVuz7CMyNXGGwiPPPgvZQdg"
    "7jREmiqCi8BQJvAV0yNIktCPZkIoh8XBiwF8D+zUPKGx9YFIt/FonF2xIr7eX42lGk9Jvq"
    "oqw46UrCGy/Yc7aHOfrNOhnDHZ1/QCju0cBUWaaFLB05/72dvSsYo/iTiQKP6CBjTZBsIh"
    "n9r/7Aj3IsoU+IaYSYRohug5hG0PruYxrZGhPXdza3G0+2zgVQD/rXo2+D8VTqXV7aPobe"
    "H3fkt8HgRmIAS9NxbzTp9afDa+Zzw78eXfzextGQRZGuORZm9hjUNc/IrNI96r9vB7fi0a"
    "eO1Blyft+R8e1oNBz9eobcD3dkctvvDwYXrJH/8Y586Q3t+FPndx6lle/l5m6R6Az5IFjN"
    "jCMJuaM4XtU6ecYGg8l3KxAAOUF6d+fgHxoHs1/sIB/OYXEAOgq0Y0jlG81cWYA4CeJcI5"
    "kvDCBHQZ6rRDUXuWyKiCicB9bHhoibjtgwdENaYtPklmlIDhCOCUJYsHBY8JvT8C3YTEIi"
    "0jcg2HeWazBc9IVDw8eqwiQT8G4tGvrP+W23Uu9f9RckI1fSK5aBXmQTrQxVwbNfgkU0kE"
    "FbP2G8Mu2rlm7JGqPLVZY3cMm8zuI8fBUP2E7K/+G9G894obIJ6k+g6YGmr8V81VDCFmj6"
    "fdR6FpqeQpw7vNyTrTVN/9vVGfrt6o5cDS8HZ4j9zMPdlh1NrjqQSos1mRl4Zi14zl3qYz"
    "JRwO+gTfvuv3W7R0efuh+OTj+fHH/6dPL5g7/OxW+lLXjnw1/ZmhfSDcfpaKYv6a7SkCiw"
    "hpVbMandtIhifyvtYDIrrpt4J6CZvJpRNJku6jPpAc+p7ZpbN6ndtIYA3bFu5qqpyJr0im"
    "V3PuLv7JKIUo5w2uaugUtNCsJscwaEWKUsPvvXBY+tNxKAKAdRlzARAzUsBLjWuXhc43kn"
    "IMR3X5nLo1GLg+vy2d82HbYU3vCcGIJ4PJhMx8P+9CC2lpUH8LjR26mt6AaW8QRok89zAg"
    "HCKuHGxLliX37bXoXehfuS9tQiuP9Ki+lJLNMnGNdToEhfI0J6spToK/0k0R6IyeeI3jjd"
    "foqoeS2zlS2j1h3S55yjPueYD8n0NgvJoUpGhyYrHiZr6GWBCVItpBi6aWIWd2NSlb9LqF"
    "lW+iM454h/HGxOT1e6qdr/458Q8gNniXWcvht6qgRnifuo9Sxnif6UG9P5ZClrWuJcGpRr"
    "E/1w1P106s+n7I+0qXRy1bu85FC4hr7MTapzhNuE747ZdDi0rZ1KbENyhQ2J78ZwgRWVzj"
    "wpXHJQNrrYOMLv3U4aqJO0041Bf0gnnMOPp53TSD4Ovzzfh1h+btuJT1qqROdUI08b+VFJ"
    "GPL5ZyHbwhFjokMybcK+NIIfjvaA2q8L8yRC7W/4jnKI542nekvBDU2FNYwlsJn/ZAbQOx"
    "jYzgB6BxLbGcDpwqXdbHrOPflAzHZA9/d4PseKpT5jiV24v2fpeIJXLZ1eO7TrEZj071+Q"
    "vsLkZ0wHwSzGA1b1oDti84QM0Hfv0Q02VH1msocwQtF7DGGUItLpD01evaddh/Z/tG8Kqa"
    "Zi0/k+LIBhrhqmdUfYbdaZc4n5xCDmE/OLTUWaSFnI5BEzklJ+oL2zZqqBvK1+3ogH+jEM"
    "CMRAAG9Zk6m2oQwW8Jb7qPUsvGVkpuVqPsHFJya51w6SwdU6H4yOXEEQa+aXLYYhBOS8RU"
    "BOrjrBRWsE1+1lr7RIMFC1u6Rqgc8qlx8Ex2rgCXc8F4AL8NvCm+ICnIEqjFK05Tiqto6e"
    "DQ1Sm1ArBacJ7alNKO2AeLYhSyaePUS3E8+m13Ir8dyzCdP7+4ibyv09cqNBkUqitGsnmb"
    "mNO55W8QCu26nv/R9xuAHfU+BwaznTNJTNAw53H7WehcMFP8naeCgB0wNMT7MYCUhKABxP"
    "PSy9TgGOB0KQSwhBrocXmMeuJdvjAf5tu0keYP8yWOW+yxQbGJ7nU7DuGjrsMzv5Srd0Q3"
    "mlLTvoXLU/vOsgcyHTXRR6eEWypiG7Hi/HMC//GXeEURS+45WJaBNkF1OnLemOwm6GZDIL"
    "PbrDEtR+vRr3naZ25tplsp3vzl22SsC2B9u+llNgQ608sO33UetZbHv7d0zfyY4ZXvsWOm"
    "V8/PAhg1sGbZVcRexDzIRUTQkT9u9zFqrUOtdhwR3WuPZWssaWuFYoII+6IVi1LSIF1iZE"
    "coH1XmMjU8R6997tEtDtB7pqKbKRmbBAFjFwz8jqnsH+n3Jwahm3VKl7xki31LmqyO6Xjf"
    "FBofudNDaIRFtupYImC/2FOIF4jD25v0c6NTB+YR4S1NigthS9oprIxJaTqcta4Fe0lI0n"
    "Fg7HmsSZn3K6zBJRx7pnbd1+IYAOCJqazCMNNdWBoNlHrWchaJ4opCIEjde+hQTNcZbApO"
    "PkyKTjWGiSpVo8x+1kdH2BFsLbzcR/dVP4r26c/3rQZxyzK7m4rNceasoK15T1NmOCi0NA"
    "DAo212chiK//wL6Vy2YyI0YM0IAEIAp8psgMVCqf6ZnfBZG9dbtpKaKBt7VObkih8cwhna"
    "LjPZl00qMtM6WjsjCRifUeDZ6x8er+ZZeXVmTDYEma7u+dsXh/H6eY8nSwnVAC9gjYo1pM"
    "LQ3lEYA92ketg3tPDegN2cRSngQ3McEdEh63k4uqOI9K09yw6UX6l04EGbuA0C5BnvZ3A/"
    "LpcQaUT48TYWa3IrnInXxh9v5ZU5e8QLPkbOQ82d0Zy92TWm/KAhhrGp3ITazNJbrBN/Rn"
    "mZNpONVBMKGHHXoK+lca6yq40qn5YqmyJpmKvkqYV7bnhuN0s8OZpnd5KTjTHFx/H50h+u"
    "OOUOEz5PXwtnniDLzSDYuOaPq/uyhnjRKMS7amrHlpM06s5ri01AnVYwzm9IJCKd3sDvOP"
    "1WKet7hQjAvN4iQnr1TJ0p8wKej/1VupU9ZNAzfqmVzkFIpDQYj6tF2b4ZHobWKyLZhedD"
    "QxqKab3tqLmu3rqhZ1vmyhW3AYJzrH05HA0keYxceW09mN3VdrEVublu4fChTDy+7KX47b"
    "ixYdEGUg1apTrRBMbl3fgigVKC/dIJAk2bJYCZOS0Oq5vbUVNXoZPxo2Fs5ZafE9xHDT5Y"
    "XbY1vR87JBQMSLKGKsmno5eHkV3NuMFsQJiaAFSW9F0HJzt5QDWPtyWIfPVQPxXgUBiwaZ"
    "tREulnVwpuKlJJum+kiWmAkXQo0ajxe0w57fX+uhK2Vr4cLW7q2FD5mml/KGuqBd6nvykq"
    "50TVUKU2Iuajess9byYj5mJWzMXMDavDHz4bLUwlyPC9dUbS/d458rF4XK66etQBlYwbTr"
    "gjCNnV7aCxI7JS+MEeuk3RBJ+Ln4BtUBavDc4q2padF/iO29JXVZwtCaeN0Nl20eY+YrUZ"
    "jnp6kXXQEntKe+3VGrsaKTu27MJGwYpSA2trsbsN7aDdu6qN1jo7Vurb1j5zYuhlDLIuji"
    "4bEljSSGU8tH04tsKQtJWciE4KL79e+sr77TVZvwEgqrjLg2mdiy6ENTkL0meKrTH9mcmy"
    "aB/hqZ0yDzcW4ZiA3D3bUEMMHI3TjnzAnf5RLTyTG8HGbcFsgUystS7zNhZDN2r0i2E/H/"
    "ZPo33Ez9sqasNaYu9KJaC3SoE+yn7X/HD/Itr2sI/4Xw34YsXA0NBIXw333UuodRWvgvpA"
    "wqYy4NEvJsMRSDNCQDqNYzEVPjV3xIw7T7NEwr/2i7ILZtPSqPghuaCoXzysfZg20ZsTz7"
    "tuJ8WG86eVSTDatQhquwk1GyjbzxQspgH882jbfaxt8XsoWW8gxTs9U3ZN2wgDO7HJ4zEj"
    "v2Z/ZUu3idSlZry/Qq5lHYVx37Ov0rZiOX/4g78kA3ok8zlsPdve/2R63umfyKDtkeu4M8"
    "p6YOWuhrw+wgw75s1+3roBmerZ34P9rxktXdAyscrPBGrSYNtcfACt9HrWexwtnsH9d3tt"
    "QinmydE3Id0K3bzRliP+/IcHQx/Da8uO1dShe9f0zOUORCdCVNGA3hynynGTKNfIxqOFCX"
    "7zRWls9eh+NK+fvkepSwsPkS0ZdPVSz0b6SpZhbLs55HIzxcGRShFyyWozyajjzy5rAOoj"
    "nK/S2OCPQhIUA/P/pABwIdWH9UvfhtIVjDQkAKAikIpGAzwK2OFMSbPBeFeMEC+TIaQQ2G"
    "584dsYN+NF0yPxgMuMvAEGq6QP3FZBA5TNkfgbfa/qp/AncG3FkdJ92GsijAne2j1rNwZ5"
    "DAvtoE9kAJACVQT1TBeAXjtfbgJhuvGaqMBeKOIXsEH2+xkKF8lqg7SJPt0M0ozmCFbl6h"
    "7X4qPWSsNYxMbJ3ZzhzITouBDpWFqs1YSTXzneM/MlcN07IdRTSZfmDeILa/B3MUkdGSqk"
    "L9mV20HUqiJ2wVPeaOuI4rmzZ2HxRjuxEbfa47Cp6huW4gLCsLxCpVqPQyWmJZS3JN+cOb"
    "4sHaBmu7vrNWQ+0usLb3UetgbYv5nGSytj+mWNsf49a2vcBKbHGV6BIp2Qsn5/3CirqUNT"
    "7kSV1EXzSnj/duXxnU0RzfiItBf3jVuzw87RxHKjx5ajmOF+pjPiRzhloe0DnSgHcq3tqa"
    "KItcWEckAedUnGcqISxPRw6go6KAdCrSwJQCp1cX2mkbp5eFc4JUzKI5VSADc1akIPGyCF"
    "qQDDcJpR2wvzZhnsz9enx6BubX8Jpm4H29F+Qn0+FJ54a+RPf3eD7HTgFlduH+Hll66Kql"
    "02uHKlG0tUn//sX+n86QvsKEk8enmsfckSssa0jRlyudsNWjg14WmKBH2pJ0kDybofWK9R"
    "hig51YxIyhiH8cBH25wt/WYYOB/gX6982nrYYSgUD/7qPWs9C/ytowMOE5ACRTwEGZFtLA"
    "RxlI4KNECvgoRgDTR9q87VIlOidjxbn6mLhixWXbxCv8rds9OvrU/XB0+vnk+NOnk88f/J"
    "UsfittSTsf/spWtZBG4n5aG0Y3hyY4wrlUUTPC7G004fC9ObQQEQQN5NWASwTnUEFUEnSQ"
    "VwcRI4e76UqIfIxJpm26GrhApPH4dNOUCKSl54PRkSsIYs0GtRiGnvUtdt4RkWrT5qQ093"
    "A4RIJDpKYcIvFmhBLQbS+pHwU4MiGKHtXtgPy2zwuSyW/vOCED+W15TbeS319Z1jqkEiTb"
    "DsYWS6SHZYP9HXIkZgPiDNGbGmbOyIe6gZZ0rDEB8g7d39NNp2RnwLu/j1PfVT0E0ugBO9"
    "2QWaqhPCWw0/uo9SzstD8Xc5Se5ucWkivs5FY3hWfwcjvpdDN7ueEf7qEvhwjSdbpKkgTz"
    "OSgXAfmBClaFrH9lt9CeX19fhl6b82GE4hndXp0PxocfI8jHTcI8rpvl+Ww2cDiD0yaEtz"
    "cfVWAxILy99uAWCm+vlL/wK9rz2ItgufsU7iLULIPTXn98hWYsahkNLfSANZ08mszRTSZI"
    "VhTm34aUtWnpS2x0kIwouhbtMXBNN9CDbi14nnql9p0WUa0YS6ZPiKkG2qKWU1NDDVigLf"
    "ZR61loC4ip3mQwOznJksHs5CQ5gxm7F7GfLbpFEAHYF9gdwgcHO8G3kph1CpeVu3yFL7xD"
    "rK9vBiNBvG2ZM8R+3pHv1/Qj/XFHLq8n0zPEfkZ3bFm08TmDLj4nauJzVA9OBEUeL62oJH"
    "hp5fXSehMH6bohX6V/tKLpJn24NOPOOcneW1G5ffbe0l+YTyaz8xILqyaPVq5w+4bt6XGG"
    "cXt6nDhw2a1IRSFTkm3/QcGDk5DcDg9OPHO6secmLpEhMhP7EjCgtw9ohpZLPeXAOSwJeG"
    "fD26X1cuAdlgS8M+DtIuZRqGKHWgnSLdpal3ZmmBNgABacyeEY9q0xruIY1nu1S0C3H+iq"
    "WZNBVmAj82BCgay0hQ1gzgIzfz0XrkcWqz5WMLFP9tpjDQE+NFQNvNKNovnHxnYnLUKoSs"
    "eJMVYw/aoHHLcJ71YnzWnCCDTa7jJB0Hql6TJL9+4Kormq0Zb0JTPoxTVF3kCqZaLJ197P"
    "3ZNT9PDqpJSn9+k/gNg/jcmM4zFRatdZUhK52wFzIdPODuht/xJjythvr94gZCgCZ4p6TD"
    "ENPVYHZ4p91HoWZwo2xUuiHhUhIXCryOZWwTbEmFgOUAJgR+VaiHc1bhbqvzg4J24OvOZA"
    "5PBDatgeTWDUbiRaOF4rOeyc0e23qnCP6bedd4ZEIVZM4MzTM3ly7XpCorDtqcu2J8tmN1"
    "yhPeMSERaCAxQ4QKkaz0R/o0RAk52M9hdROJLa/ZGUR+EVRPbWbFX+/Siigbc1wzkU3hxd"
    "FIS1dYcgUWDDS3UIW/oV0Oj28vKtIi3d0xXueYF37pJ2XOC32XZakAxqaoHY9fKBXoqGM2"
    "7oeku21maIrqff1tCfnRfVuw2MPTD2tZgxWmzEAGPfNq1nYezdCTqm8ZQASF+ihVxcNwt1"
    "3E1mjrsx4hjiSwPgZkM3Dd545di1qRJsmtJqbdB3g4P1FP9IKhTAkW1B1Gna9DT4fRqamT"
    "xsD696v78LzU6X16NfveYBXfQvr8/jIaiGJRwTFpba76ToZCYMX1Bmr8FzbQTuFJstAnrN"
    "Sz1Y5Yt/Me59mQq+/Y7QGbJ/3ZHJ7fnVcDodXJwh/+Md6d3cjK+/sYvepzsyHvx90Lcbep"
    "/YteHV+e144lz1Ph/kmNM/nmY5a41ucAJHraexk9b1w1K18u1Eo7Il7EXrSVk0cOsZtzhc"
    "Sz+PoiOioOc669nA6vJhbZhUXbwU9clrXExwn+PGfTBYDWfJwHPM8hYI2RYpXbQvJLESNy"
    "AWDm4oC5VOPXHgtwaSByTBr0LAr8KjhMUOLyNScMIOsZ87AxZcF8rF008GKprbOCwGQxW8"
    "QqpBFLxCwCuknoiKeYVAVHKlwd+hpNYF8Q3l0W4nwNH1OwPCQfeR3UwMDcU2Yh5BKH2lof"
    "QLlQU2czJTiofSD55xI7dZbxRQv4Es0UnOR3Sbp5yE/ZZbo+uvCUaaSuxahjJy5H8ykTsQ"
    "ztDLQkdLxmEj1UKsNjS9oioL5JxIseIC9t8dJJMZ/fgaD7Kv5AlQQhGc8RoyoTTULQuc8f"
    "ZR61mc8VimWd4JWfKJzkailf5iZTvjsUVQKuYwEumixudme+MxQl+oYjoNdVDnF2lvVKro"
    "y6W7087qzBkQAR9OYR9OupDoouerARE4B4BDwMrxdG1wIUhDMoAqnFaJzL6lnlZtYi0LYp"
    "s5oWZTUQ29s9uBtdchOAfcyvcHlmthsr9KinbCipCxrdtwmRTLHG3SSaNqTa+xpC4zhzfb"
    "ZKrTHs+Q34WdtPQXdH+/IdPu75FqopcFJoxWfZFNX4zP0JbRqUACVIXqAwKmgaOtyezUUL"
    "YOONp91HoWjhZSnO4qxelcN5a8dysjT+tL1xnvg/7k2xmiP+7I9ZffzxD9kYeAK7mWqUHf"
    "CLs+mIihHZTZnaH9odZbhsC+y93OCeMaFwRwo+D6GUuF0eVIArxReOk8qixyDN2YHEAbr5"
    "Lp7P+9DGOiECfKA9SxOAcy0wnOs1sPCkKkcX325nGTjJEfgrFsGwk4HUjbtzy8igEbFwR8"
    "4YwQTrNqfEIgVCSS0czFke273bQU0cDqsh3SwIwJp1nbkI0vLwUCWOiTiOm4UhYMYmHjeb"
    "rprUUKqDRKY/JKlP7aMHXjgHf6t7nbST34o+0kZdNw65nfV/2F3jKQjGhLLC/RQjbRA8YE"
    "Mf76jFUu1I2ZieizVPqfzJBsIZ02n1vYQPf33mXJVOmreH+PZAPbkrFzwKoedEfxpDpCBP"
    "+wEDM/0CGrodgfX/1kslNGJq6aiEppa1N9xr+g9YrOC5bJqi3SVkidoaX8hO3KiywYTJNX"
    "9LsZSw2b5ruko8dA9mb2z8SyO8PhIxw+1mIua+gxFBw+7qPWsxw+uhNuTOMpldN8iTofg+"
    "U8djzqZjj3OuomHnyxWxGqO7TSir5acWmgC+vzNsUnUSBfgHypi0G7jXx5I99MalKNbeNk"
    "YBjJ1lmwSWerieZYOxL2m5daewaMETBG6jgRNHRbCsbIPmo9izFCp/e1JuQGuZEAYySDMa"
    "IYS+72NKW6uy/RQoDLr5O9xKZJ9z1xhJOjjAMirYB413HGYHKV6z9grIlgQKwvAHiCCSsy"
    "R5QbDbvm5LkRBta2PddtxnTzutaOFliTgyQ6wFHJNhrAbVWl9R8rNAt0ANABtZgAGmoYAh"
    "2wj1rPdjbZuDp8/307uHUzXgmE7DlSZ8j5fUfGt6PRcPTrGXI/sLxc/f5gcOHk5XI/3pEv"
    "veElu+T8viP93qg/uLQv+R8Pso2icPatLMTDx2Ti4WOMeKBPf3wUqwocENmhAq96o9vepa"
    "ACc9IPFVQ6ZBVQ89U5DEnCIXN9psX4ajhXiWoucqk5Igp6rrOesUl1YO9eLN3iFXhItCY4"
    "khC+F6sAZegKNk0sVP4pKAOQJgSfCgAakAA4YwGmjvEiAGdAAuCMjU5NJ2KD0xcAMGMh/N"
    "h4FAJzIwBgRsE0n9TVSgjNgATAGcvegVmw1LPg3BmRAlijsM5lVRNCdCMAYMZ2n2tmh4ls"
    "PX0BADO2sutkrqmKxSELkxf3oAxAGoXU9qWVcvizxAQhdz74tIAPRu0wrj6MIJipfOOfXz"
    "AenhMc0BLgw6Y/q7HrOTUUhIwlbsju11JPQne32QPsVBccVxQvBUayH4pXQbpcHxTf6QQv"
    "6Zb6gH73TXZuYyl5BZmjYfNRXxX2auv0e4LPCvis1OPtbqj3Avis7KPWs/isOBN0TOHJbg"
    "6+QCuc/6NJvLMEWNBWKUm8YyEWopnS25wk/UO2epZpBS1jFS3tHQIX3+0+V57sDk1+r0zh"
    "WND2P+hdXA1HZ8j+5Zc4HPslDsebYojjTTFE5yl18PNpmmdcrz8dfhsIK8mWokqxf9+R4c"
    "i74n2qh0JWsmm+MBN3IZsLkdkpJljj8q+5V4EKSjkEzR4BuCNi7QO7/JBGTTYtSdMfVZJj"
    "KxsTBo+z+mxe4zYL8M7AO7eJd5ZXqmTpT7gog9pbqVPWTYvgDq+mFIcS8tS2FR63FkZBhA"
    "ZOL20FSbYsTL8eZ/XIAVLP6ay524F0rIhuqXNWJah4fuhRoKu2Di0DK5h2XRCpsdNLe0Fi"
    "+ctNut5J8mpl6M8cFkcMroxFoZv4Arpg7QihBo8nCT9jUg5QA9ZTW9GKlogu6uUQL0/dFt"
    "SEzu0DDBs2pJmKl5JsmtRcWmJeVTMP4muCpzr9sR3oG2xc0F57oU5bMuHlcHpIScMR8SJJ"
    "d4GQhPJx2FXNmZiJmNwZUm0j2EKHOkGY0I7p/2+XLzCf8OxdZ1PJQEbK2rT0Jf3IJJH7xF"
    "jJ9LI6vyOH9/fe/3Z/j0xsvXuP+qxGHu1efkUvC9lCCwoOHUIzZOloQj/NbHH7OwgXX994"
    "AIDXBnht1GPGaej5PXht7KPWs3htQHoKOLbmA+5mYBE9t25/RhdIQrEfR4JzbJfcFthgBi"
    "QgrCqpPLcdasph6LYlSggIArhJ4KokN7xBUQA4CjA1lZ+E5oKNAIAJUeo7gRVyKZQKJ8QB"
    "Qxxwo/2xQnODy9yKgRqRyoVszSwUcHRrjqMbbwCXgG7rIoKjuEZe2xC49Dug0e3l5Vulu/"
    "8uUxu5v5AJwdoB57AtdL+Tdtr2wlpKSqDp1tO2nl2oO+iDhFz5M+QW+0Y315OpiVTLtG89"
    "YpOdZelrAymypjEM0O34Er2o1oKJxM7cyn/EHXE7+Im1e8Kkg14WqrJg1cif8IodujFOCR"
    "1OvvZ+7p6cvkM60V4zHrfByRqcrNVibmvoGQucrO2j1rOcrLmTtmiYVkiqHMPxbafUigv7"
    "2SuicPBhWKqFAdLlR8MluUP+fXI9SuBBfInozKUqFvo30lSzMtP84D/na6LY26+HtapZKj"
    "Hfs+f91xsQJAyhdIIkyoVEZiPWQZQgwT9WKr2dY1EJS7ZwUWnuIhLfOwAPBnRNXWiF/HGJ"
    "VRIKPWxQY/iAQyW4dzppJIK8aVNl7Twws3dpZj9jw3RfxawbwoBIC3eDlSSiYC+VAMJu8x"
    "ai+zFTMqKPKcmIPsaTEdEnWtxIj+T9dkBk9xvut9nPlba1ju0RdrmY/fX/frIK7g=="
)
