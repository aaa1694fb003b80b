from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
        CREATE TABLE IF NOT EXISTS "card" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "created_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL,
    "kind" VARCHAR(16) NOT NULL /* CORPORATE: CORPORATE\nPERSONAL: PERSONAL */,
    "name" VARCHAR(100) NOT NULL,
    "last_four" VARCHAR(4) NOT NULL,
    "currency" VARCHAR(3) NOT NULL,
    "is_active" INT NOT NULL,
    "csv_mapping" JSON,
    "holder_id" INT NOT NULL REFERENCES "user" ("id") ON DELETE RESTRICT,
    "org_id" INT NOT NULL REFERENCES "organization" ("id") ON DELETE CASCADE
) /* A card held by one user. The CSV column mapping is remembered per card (banks differ). */;
CREATE INDEX IF NOT EXISTS "idx_card_org_id_159cfc" ON "card" ("org_id", "holder_id");
        CREATE TABLE IF NOT EXISTS "card_settings" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "created_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL,
    "auto_match" INT NOT NULL,
    "auto_create" INT NOT NULL,
    "auto_create_category_id" INT REFERENCES "category" ("id") ON DELETE SET NULL,
    "org_id" INT NOT NULL UNIQUE REFERENCES "organization" ("id") ON DELETE CASCADE
) /* The organisation's card preferences; an organisation without a row has both off. */;
        CREATE TABLE IF NOT EXISTS "statement_import" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "created_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL,
    "file_name" VARCHAR(255) NOT NULL,
    "format" VARCHAR(8) NOT NULL /* CSV: CSV\nOFX: OFX */,
    "row_count" INT NOT NULL,
    "imported_count" INT NOT NULL,
    "duplicate_count" INT NOT NULL,
    "matched_count" INT NOT NULL,
    "created_expense_count" INT NOT NULL,
    "undone_at" TIMESTAMP,
    "card_id" INT NOT NULL REFERENCES "card" ("id") ON DELETE CASCADE,
    "imported_by_id" INT NOT NULL REFERENCES "user" ("id") ON DELETE RESTRICT,
    "org_id" INT NOT NULL REFERENCES "organization" ("id") ON DELETE CASCADE
) /* One imported statement file; ``created_at`` is when it was imported. */;
CREATE INDEX IF NOT EXISTS "idx_statement_i_org_id_c53f19" ON "statement_import" ("org_id", "card_id");
        CREATE TABLE IF NOT EXISTS "card_transaction" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "created_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL,
    "external_id" VARCHAR(255),
    "posted_date" DATE NOT NULL,
    "amount_minor" BIGINT NOT NULL,
    "currency" VARCHAR(3) NOT NULL,
    "description" VARCHAR(500) NOT NULL,
    "dedupe_key" VARCHAR(600) NOT NULL,
    "status" VARCHAR(16) NOT NULL /* UNMATCHED: UNMATCHED\nMATCHED: MATCHED\nEXCLUDED: EXCLUDED */,
    "created_expense" INT NOT NULL,
    "card_id" INT NOT NULL REFERENCES "card" ("id") ON DELETE CASCADE,
    "expense_id" INT REFERENCES "expense" ("id") ON DELETE SET NULL,
    "org_id" INT NOT NULL REFERENCES "organization" ("id") ON DELETE CASCADE,
    "statement_import_id" INT NOT NULL REFERENCES "statement_import" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_card_transa_card_id_420227" UNIQUE ("card_id", "dedupe_key")
);
CREATE INDEX IF NOT EXISTS "idx_card_transa_org_id_bb948a" ON "card_transaction" ("org_id", "card_id", "status");
CREATE INDEX IF NOT EXISTS "idx_card_transa_org_id_62af22" ON "card_transaction" ("org_id", "expense_id");"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
        DROP TABLE IF EXISTS "card_transaction";
        DROP TABLE IF EXISTS "statement_import";
        DROP TABLE IF EXISTS "card";
        DROP TABLE IF EXISTS "card_settings";"""


MODELS_STATE = (
    "eJztXWtz2ki6/itdfNnMKU/KwbGTZU+dKozJhBkbsoCT2R1vyTI0RmXRYnWx49nNfz/duq"
    "vVEmohYandX4ws9duC5+3be/9PZ2MsoW697W+1ufEAUacH/tNB6gbii9SzI9BRt9voCblh"
    "q3e621jdaoodNruzbFNd2PjBStUtiG8tobUwta2tGeQlnT64g6oJTeDSgJVhgidteQ9tC6"
    "hoCUy4NUxbQ/f4uYG/A5gg/Rlo+Onsc//n7ukZWGr30LKBZgHLNky4fEveuzQW+MWYrL5X"
    "OEj7twPxT8UdraGJX/THv/BtDS3hd2gF/24flJUG9WUCT21JOnDvK/bz1r03QvYntyH59n"
    "fKwtCdDYoab5/ttYHC1hqyyd17iKCp2pB0b5sOgRc5uu6zIkDc+6ZRE+8rxmiWcKU6OmES"
    "ofa+QHSvoyjjyVyZDeeK0kkxMKCIAe7fWhiIMB9/Vcv99ffkK/zcfff+w/uPJ2fvP+Im7t"
    "cM73z44b06AsYjdOEZzzs/3OeqrXotXIwjUBcmJEgoqp0G9wI/sbUNZCOcpKSQXvqkb4ML"
    "GvcA5TzggxsR8tFsOAT0+Acuyaj2WZ6D83x0NZzN+1dfyOs2lvVv3cWvPx+SJ1337jN198"
    "3ZT+S+gSe6twSEnYBvo/lnQP4F/5yMhy68hmXfm+4bo3bzf3bId1Id21CQ8aSoy9joDO4G"
    "qOGWEded7bIk15OUkutN4XqAUYzt/rePuO5+pvg9WKsmm9dBe4rLGK028nWjfld0iO7tNf"
    "733fFxDmO/9qeDz/3pG9yK4tbYf9T1nv1I4OtulIq37fHgTNNVg/fLblsJtM/eFwD77H0m"
    "1uRREuqtCVfadx6QIwoRh/NZkdFMLz2xwXxGA6yrlq04Vqk9gqatYJfwx25T0G/vppA+C8"
    "DvWw13V4LPSUrJ5SZz2YSPeJcpM5uTlJLLTeayYd4rXGJyRLBbVG7DrliJtByTkyxo8gEa"
    "o5CI+ogSjc7qgal+wOMvDe4nw4TaPfoNPrsYj/AXUtGCJYr4KraJea8i7U/V/XHtw/hHMI"
    "iCu9EiaapPoSYsNlkxBPiHQ9s78/Zng/7FsJMauRUge+13IyiisdnKhpQM3Tt18fCkmksl"
    "MYbJE6NrUHfCtulHm+6GvqMi9d4Fh/wK8p191Ae4hw5DlezeP8pTIy+CFgU0yKQtWOMvBO"
    "6egYEgIGi8BfM1BIPZV+CtaWCDX0a0vJoFTLiBmztowiXYQtOjf3OnogcLLLXVCpo/sbTI"
    "db1mtyb5j2B5WRv6Erf4l1QtS9VyI9anlioZpWr5NXK9iGr5AUPK1sYNkbNJHTYSfA9om6"
    "yX6wwm0y+TKUa6B8LLG/RlOJ1Nxv3LHgiu6A3wZbR3UtNfr6bf1XCuDIdxxM4GOUEkINJF"
    "lPzZOv6Uin/hmCZEi2ceiOM0AiJ8UgDhk0yET2iENUvBIoL2yFgqzg1DhyrKOADH6SiY7z"
    "BhXTgHh+PDKgHPJ5PLxC58PppTEF9fnQ/xGuIijxtpnhCZVictrEfFF3TSkP+K94+MUZ0k"
    "o09G2sIG/wW6ZhXRL7VH+UrwSOAejOQ3V/3f6UE+uJyc08ca0sE5xQFPEuRT6SVopFKPMa"
    "6l2lkqSZui0uNRkvp6of2xFVxNmlgBE7BOseA4HQ3meZrSmIOMqSKLHB3wCxlnDp/6029T"
    "qIfDlA040YTOo94Ewj55QtsQJ9s9sZrZGJUNRPbI7U0krOpWws+gTVycvbWaoYwPnx/tUs"
    "orVrzpTu080Y4b7oJtudz9i+XpwYkXEyQiDrT+BlSUaAOeNMx+xwYqMI0nsFYtcGfYa2Cs"
    "Vmm9fB0vkL7dUgHfkhWlpapYqYB/jVwvooB3n21Ue7HmVOYkCQ+ozQnvtFad40LnLZVlQI"
    "8oJerlUFcW+M+9YT7zaR9yeiiljmiYTk047U7rD2k5uh3WWKxAITGIddWu0VtUJ5EziRMa"
    "Cvx9wPj68pLPl2uH8m2C4NzAfw6kenvRCVCV4q1ayTyu/MkQzin90A753KZa7xLRs/FjiM"
    "F/hI55S7h0tlB5gM+eOxrLXS1oi4eV7Vgd3Cx8BL9vIbKgdGWTknRD1uuWylRSkn6NXC8i"
    "ScPvNjSRqjPPvNmuJxRZKe+Thh3Fks4n3dPTAu4nuFWmA4r7jIrjxbzD82TJFKHJHMsI5k"
    "2S5U2wFk6uHJjJBKHl4Y3hIFvZaMhgmDLPtftsOZiiFMkW/9du9+TkQ/f45Ozj6fsPH04/"
    "HodngvSjvMPB+egXcj5IDGmGZ490VqvZWS3+nThApsgOh3OncxCUTwu5t57muLeept1bY0"
    "IKF9RxKgFH9FkhrM9ysD5LY+0LeUycd/vOR9QHHNnX46v+fPB5eME5xCPCHggvb1B4L7wz"
    "/H1weX1BbgVXnRLsqt6tPhDmAik8vdvmKf0Z1FLxz+M9S9Q0XOqNGIVIZ5vKNPv+SOQDNU"
    "kkDSYNNJgIhqcVOLApnj8cH7gZ1BJp6XjMs7lV6ngcaPj3tvJ53QiKaGz73g0pPc0rgFdc"
    "x1ka6Yw1cjfqmSdhbrCHUU/tOj0UxTh5bqrARl2lQdX3FmBaUiNPgjwTaqxVxaZTfxdyvx"
    "dtM5VmUGkGbcQq0FKDmDSDvkauFzGDyhQS9aaQ0CwFIvLzGRvVruj7GKEMvy+uQJR6Gakt"
    "aIo0wOUtmQF4Kq5wv3jaeDCjGCIYS1TdE6jiYmpbRma9QbQGsrEo+AWaVoajbqLBUa6M6T"
    "VVtlHbeiTNhbkhc1PKmlLWbORMbqnUIWXN18j1IrLmSjMtW+GVOJNUwnl21Ze4kBfoBJGU"
    "74shDTeqpvOgHBKI6DpeJDckbpXjOp4uAYVB4hrGIYF4AJ8WcwLN8QFlqKe2prZRWdGou9"
    "RTMULp4Mahn5L5OA/tUegJehxrSEQh3iJSfZW+hWPZxoY33yZFJVWvUpUtVdkNUhge7eP4"
    "5s/tCtAdxLoSFFlqJSxvKVBtG+KfyjI18uu++15nArlq1asCd5n4KaU1Zjw+ylV/uw39wX"
    "FUqMRTMn3jzzp8hDpwOwDGCgSjywJvVDCYXvlPFioCd9AtyARxO2QbQLNZlZ2q7j1PJa9u"
    "NUU6gEmlfHPX9JaqZ6VS/jVyvYhSHkMOuRSYIYFUERdTEYebGgfIcRqJczGc3e3MRYkJ9O"
    "4o60QHTUa9Mx/+Pu8B8vcGeWqwHvA+b9CFW73swi1cRpRow/64B/yLG/RlNPjtcjTD1MEV"
    "feIrxL9uEfZ1s7nXpZlnbDPKBWTXy4mR7FUrp5x18H9XDnLTyIE7R9NtDVlvyfv+ry6rYQ"
    "7gtZTQkaonqXpqioKkvBdl/RK/K8FmiPue1mqXrO+3qs/JDb/Z0WHwH8PlLWwd5RmJpHAp"
    "dkux+8VXipYKYFLsfo1cl3FXfG5DhYTBbo4w2E0Lg/vIga0QAc+vZ6PxcDbDsp1/dYNG44"
    "vR19HFNalUHV2XEvAqT6rVwgRo/cF89HXIKdD5VD3gfRKmBHeCq2YwRHouSs/FFnsuPsE7"
    "S2OlE87GN0YiHsK15G3eGHeazoVxRCEexNUP4hfJJ9xojCtOJ4wHo45fruAXQsgQsLJhTl"
    "OKB3a30Iju5gzpbnpMB8AtNJtrXNN04sFdi9UrGqfM5PpFBjg7vb4EPB/whbEshXdAJx7c"
    "J0XQPskG+yQHawfZrBiVInCHpOIhXssAt9badltu02SQigd6LbtmiBzvtpkiFA/wukc558"
    "aZppSQ80HOu3WmCMUDvPq9MwYa9+bJohUP81oGedLgXkbXneyhwbB3+oPB5Ho8nxFlt3d1"
    "gwaT8bw/IPeCqxt0Mexf4hvuRzOU3zIktOaQUG8Ma7jDcv4MKfIKzNsN40F7rdlpJwbrGS"
    "2UpWayzq65Qe1JQplHgCes3YsUe1R1h5XuLttxNkW4l/tsmVnF8p4lb5Xes9J7tie9Z5vi"
    "PRtbaxJJGffNQkongxQE+KR7xYHzkDbzcJOPUTiqDBsiW1P1PdH6EvQjKF4Sp2I4mZBUt9"
    "kTpCksWA2oLQjVGQsRrFOMUIjYEpYdCRErMFRtIERWpINjeWEXbu1w3Ch8EM6xxN0wUkOG"
    "RMiQiGbM85Y6x8uQiNfI9SIhEUumHY7wm83roH0el1vI4RyOEi7RyQU2xEKjbDRkMLJtnW"
    "v3mVsQTSmS3uGv3e7JyYfu8cnZx9P3Hz6cfjwON6b0o7wd6nz0C9mkElOCpYl7ATfOxkFf"
    "px8n/L5Yq+geKiZ7kYALbaPqGXELNC29YHjEb/1O6oL+3QusF8PB6Kp/+aZ7fPTumNInB0"
    "x4n3a6Ui2olF9XmORycSm9uGCpg4xfLj+sOI1wGfNriReMf7MU0HP4PWOwU2QCYJ13oBz+"
    "Ps+3lITnycvJ+JegOW0++UHpalaQbIRcDkEJIgFAP0whQhNqmzvHtFwI0mv6jtzjNLXMQM"
    "6V8p34I5cDPk4pDeQ8BnLVq1bNmZc8SSXSyaWyvOQvl/G9Ycp2mfC92XiG2nw+VGkyOVTT"
    "0HpGNj5cEzQS1DSoxCzFB2mMQq4A0nOI5/hVacmHwKC6J7LXltClHmKzNQHpdDibT0eDeY"
    "d5gK0A10GsK0GxpQ7uRfB9kTIlDdvCCsObU6WEDe827ma0J74CuizRANOHzgIIm6GP0p7w"
    "iubsRGObOHhmAFvID5Y8w29ClrrISFjN5QmL282j3sTBP2mj9isJVeMLy1GXqC07GTWnFx"
    "B3vbf3otuLQCPqAO6L4dDKdmOMj76d7oyKGm+9u5ATIMdDYJhABb5rNPAc7kmlJXsNw2pL"
    "4GltANswHsBWNW2gIfep/1ZGDacKO97tYyk9JKWHZCOWkpb6ykkPydfI9SIeks1PGt1mF5"
    "BkjBunaYtFKxXcaQV3cDLiQjdJJNXc0nAooCFGwIkv7TCHt8PEIun2BLd47HFbcU3uK02z"
    "cTVsQdjXxMUuFJ84N1Vhh+HMLdBSkJnnzSYVR8PbJLw3Vf/3p7Rp8cdHeZo0jWq4U4k2QZ"
    "DothJFy9+CGVyY0LaAakJg2XhQLQFEC/N5iwcGeHN7+z9K+O/t7U9HAMFH3IeGABYcVDOt"
    "UavtLVK9JtVrLdllW6pokeq118j1Iuq1nEzAxSpUHVrZRvg5mIzHw8F8eMGpeUsS90DiXz"
    "eNZ/AkdvdiNOufX5KbwRW9MxbR3lWfztNdvhcQ2SaXfpQiEy+xZ5G8ntlpPVNZPdWFmw/Y"
    "UhyTq3IYTSce0LVUX1K3GjfSEYkEuRDIC13DCwBvMuA4kXjWlRpxtlwRKZKD0qhnB9vmdC"
    "EAD14g8BYfndZY1HyAqBxDcrqQDOFmCEl6nWXGyc9LnmnLEWDRryc3OUGM15pO04mHdT0L"
    "P4atVIIcik48uCvOkeMmzcdfV8uBOzfWnN2BDDnnzskOzX1LgKS7OWjda6+YB69GoWg5kO"
    "Cp0h9fKFED5u0y+oVuoWLOObWcU1sGPgHBrAw8u7kZUR+QiZ+G88FnXg66RD3gftyg+beJ"
    "8q3/jx7wL8rw4mMBVnzM5MTHlKLH2eoaCfRStga+yNhQdrOE1c8BmTP7bfSFlzf4xDge4m"
    "lEPm7Q5Otw+m06muM74eUNIv32QNg7r16uW0Qv183Wy3UZLnUrDK+9J7cY3RyQWYPplfJt"
    "NOZeDgM6zDP/CjPoy3B8MfvHeOA/Sf7fDGWqr61THjX4xCmMMEjFO7bVIJH41vwSiDNIJe"
    "K7EdfQQneWEMtz27WKFB9FVsxVbnKm7F7kqZnj1LzVFg9wGeCHhzFXOSM29cFrGtXvFcTi"
    "Qi3ViwLxwyKgrrR7x2TpBfNlyYwu5LzgmBducTTiAWU+qrqyNhyTMTEyXXwyqA/n7t19X9"
    "fuULGzt65atuLCxe/wQdPKOoXN8fBIO/YgLIuX5TRNKzndZE4Hooj3YzbqludIwSSWVRIr"
    "P2f4R7ZSPGISSx5VzSN3f1vhr6IQx7+yGyTdgVw7m7x2vngwYetdylORbzxRGDui5CYIzg"
    "3850Axci/Ki6oi5KoLbEnAyYhsoeHODm0x6JY7Y1vmawhsiFRkvwXDR2g++/8B03gCC9U0"
    "NWiB21sPjNvbdNhKmQ5kRIqMSJGxCTIiRXJdJnx5Sd+0OlK+uLWqyjinpQgPaI++nvHG+j"
    "TDP40sL8qfBuIa0QmiQ4I8HxwG5OptmySX6CNU3Dh8XdtojB0juygki/aAFoPTRh/KYhjr"
    "Ol7ILaivFHzAN41HVpLjXANZRg/SPsZjNw4zJlsLY1va25LRzSG9LS8vOVeazuTbuAfwnx"
    "uEiXsg6OFlXfP8FMsWxL+dWc5tV1WQOOXhlpzjBq84HFqkZNSgG5CzZwbh/labk25aeHLM"
    "0holjQ8YhwrSd4sMz4tmOm8pam4NCm3fXOcCluvIyfu0L1icOZ/aiZjrUBWs+Pvh5XYV7s"
    "XiogVZ/lL8SAlVkYiVLLCawgyCg6TIMhY8qIVC1Z5w8RT+aSVQh6730VKQiIi4N0YFixy1"
    "GCIFPkJUDVDDR9jKVNCF0HLTdW3cJC6bCobWLOhutBF5jLnerwsHn7P3PVnNcE8DtyOhsc"
    "KLu4HlaGialSA2dbsbkt7Ehs3ZVyZ00XKElQaJgWZPhASrtMpXH4zSc1nQtvFLcxANnO6K"
    "abpmsf5a6caaP/qopMz7IkYlgxYEME6/wkjOYTgVJoSgbI/CRMHVIvXmBtMrsISq/haMbH"
    "AHdQOPWWAbQEXAD4EIK8MdxWrHRfcME9wZ9ppVcq7SvhlOiH8E3rEkbY227PxLeiVKr8Qm"
    "7lgt9U+TXomvkevSK5HPK7GOjHmWjY8IPACHBAJk3aSy2xTy+nyX4/X5Lu312bo875Mvwz"
    "En3i5ND5C/N+jbBF/iPzfocjKb9wD5S5/YXsBjSN24QbYbDRmMskrn2n22myJFKVDBtb92"
    "uycnH7rHJ2cfT99/+HD68Tg8qqUf5Z3Zzke/kGNbghmshIUlMnPKrJwcWTl1w8IvV5bMNY"
    "cckjJApujyjkjtgzwHY3LCoYtbPuHfphA5L7MsY/ZoZRKLN2xryJFlKZ47OGNtzs2KFac7"
    "oD9zIE631p3ZV2TwrMQhhRzQxRJ/B5k9+HFOUkq8i+EdZWXjxTtJKfEunkYyzB5dqoQ5RS"
    "3Q0bqy6J+SAEtgdwH74olHBMAzFTQii27XXnR7EfMT3hNdDpfjhi0GRYGl1sEEutPhbD4d"
    "DebsKtESZh6Y2ft5BtxFIssO7S3eEuBf0FG1LQhx+eZwOk4Ens8Mt4mYU3S204QZa7TbZQ"
    "IBZ6sb6hIugU8IVpqOW/r1vh2MvAk02wKzz/2fu6dn4O4Z2GuvHjj+AYD8aIiWDI+JSrve"
    "nbUp9J+w1irurIMfh7cc3zfMn/Geb4V0ppDOFC++xLTUrC6dKV4j14s4U5AlnrsUYYJIul"
    "UULESID8Qk4MMFigNsmk5AvOtxs9D+5MkCEjSXihxWJQjvjMYxaiMKAcdrLcbOsCYcv70z"
    "QSpTOHHYPAORp9SpJ0Eqjz1NOfYUOewGQfVc8mOSSBpQpAGlbjwz/Y0yAc12Mnq9iEqT1O"
    "FNUoEKb09kBYsSpRGNzdYCdigYmS72hFU4IwgNbHKrTmCLvwIYX19e5hmd6jUYuNYVpr0g"
    "sLvkmQvCNrusBdmg5oUzImdzh2/R4YyRut5WbcdKqOu9BLLeRA0eS4291Ng3YsUQWIiRGn"
    "vRuF5EY+8v0CmO5wRAhhQC6uK6xeoy5JRloHVxMr605qoXjqUhaFnK1jHx3GBgPYffMw4E"
    "LFoBok7zlqfh7/PEypSqqhiuTpeT8S9Bc7rUYioE1bS5Y8KSVHtGhDVt4POFhEG05IYvTv"
    "OqwfNlBOYSWywC2mGVEq9z4l9M+5/mnLPfI+oB9+MGza7Pr0bz+fCiB8LLG9T/8mU6+Upu"
    "Blc3aDr8dThwGwZX5N7o6vx6OvPuBtedEmv6u7Mitlb6gBMztZ6lLK3O3Uazy51EaVpZmb"
    "U5R8+0xOFL+mUYTZFKPjeZzybUNneOaWF2sXKsZe9xKcLXHDceguEmejXhCprs0jTZskVO"
    "F+KFJNbiBkTCwc3FWsNLTxr4nYHkMUrpV8HhVxGohPmMlxSVtLDL2M+DAStdF6rFM6pqx4"
    "UqTSaHqvQKqQdR6RUivUKaiSifV4iMSq41+DuR1HpPfHmKCbUUYHr/LoBw3H3kMAtDS7Gl"
    "xCMZSl9rKP1aI4HNjMyUspRRzQH1EWSZTnIhors85byCVG7LndH1EwSBruE/xgqowKP/iw"
    "X8gdADT2sDbIgOG2g2WJnGBt/RFmvgWaRIcQH3/yOgoiW+fE4H2dfyht2x9tIZTzrjNWJB"
    "aalblnTGe41cL+KMF5UTL2rRiSiE9Ber2hmPbILKfg4jVBcNtpu9Go8RPKH242migyZPpF"
    "fD0oWx2fgn7aLOnDES6cPJ7cOJNxKD174aI5F2AGkErB1PXwbngjRBI1GV1iqe1bdSa1UU"
    "a7kntsJVfqdRTczZ3cC6+5C0A+7U98e2a25lf50qWrrcPENNy6hIn62qtYLGirYpHN7sKl"
    "O99nAJwi7cpKV/A7e3kTLt9hZoFnhaQ0TUqk+qFZKxNbRVdMqRAJWUgJYB01JH25DVqaXa"
    "OqmjfY1cL6KjlSlOD5XidGWYG9bcKqinDambjHdnMPvaA/jPDZp8+r0H8J8yCriKa5maeE"
    "a49cF4BO04zeEE7eNGHxli5y7/OMeNa5pQgkuDG2Ys5UaXQSnhpeHF6+hiXWLopugktOkq"
    "md75P8gwxgtxJr2EOhXngJYGgmVO63FCGWncnLN5WiQjyg/OWLaIQloH8s4td898wKYJJb"
    "7SRiitWQ22EHAViSRq5v2RHfjdCIpobHfZDWlsxZTWrF3IpreXPQJY8JuQ5blS7hnEQsbz"
    "POpNIAbUGqUxe0aLgWNahtlhWf+ip0e5hj/cTllEDXfa/D4bT/iRCVSAW0J1A9aqBe4gRI"
    "Dor3ukcqFhLi2A36XhX7IEqg0M3HxlQxPc3ga3FUvDU/H2FqgmdClTdsC6XnSD8cQ8Agh+"
    "twERP8AbUkNxML36i0WsjIRcswCm0h1Le4R/A84Wrwu2Raot4lZAW4KN+gDdyoskGExXt/"
    "i7mRsdWtZPWabHWPZm8mNS2Z2l8VEaHxuxlrXUDCWNj6+R60WMj/6Cm+J4TuW0kKLJZrCS"
    "ZseTbgG710k30/BFHlGq7sROyzu10tRSXdic2ZReRKXyRSpfmiLQ7lK+vJBvJhappq5wMj"
    "TNbOks3uRop4jmSTsKDJtXWntGCiNSGGniQtDSY6kURl4j14sII3h5d3QuN8iIQgojBYSR"
    "hblhHk9zqruHFAICXH2d7A20LHzuSSOcHWUcIxEC4kPHGUuRq1r/AdNBnAGxIYHEU4qwPG"
    "tEtdGwDiPPDTewruzpiIxpNF0bpxZwUCdLHeCxZJcawG9Vp/SfKjQr1QFSHdCIBaClgqFU"
    "B7xGrhezTbauDt/fr4fXfsYrjpA9j6oHvM8bNL0ej0fjX3rAvyB5uQaD4fDCy8vlX96gT/"
    "3RJbnlfd6gQX88GF66t8LLTrFRlMy+VUTx8C5b8fAupXjAb7+/56sKHCM5IAOv+uPr/iUn"
    "A0uqH2qodEgqoJarc5iglEbm5iyL6d1wpSHNWpdiM0Uq+dxkPkML88A9vdiGzSrwkClNMC"
    "hl+F6qApRpLKBlQa7yT3EaCWlG8CkHoDEKCWcqwNQTXjjgjFFIOFOjUzcQ3+AMCSSYqRB+"
    "aN5zgRkRSDBpMK0HbbvlQjNGIeFMZe+AJFjqkXPtpKgkrDSsK1XTuRCNCCSYqdOnQ+Qwnq"
    "NnSCDBTO3sBlrp2sJmKAuzN/c4jYSUhtT1pVVK+LOkCGXufOnTIn0wGodx/WEE8UzlkX/+"
    "nvHwjOAAQYCvNR7eTd7AcK4Ikjpke1YENZGr9aoI3SjgBh8SO/i7R/mmzY0SlBimA8Fp7w"
    "syWA38PaUXhvTCaMbsbqk9XnphvEauF/HC8BboFMOzDfchgRDu7HRa6iIhA7hVTlrqVNAA"
    "b+5vkdN+Hxer0JhXojFVo9E9ITDx3e1FFNAeUIgNCu9NOaXZTv/iajTuAfcjLNo3DYv2Ta"
    "PyftOovJ/3liZ4rrTN16s/mI++DrmZ5FJhprifN2g0Du4EV81gyFa1rCcitK1Va82zOqUI"
    "G1zQtPQuUENxgrjYwwE3RSYe2NUH6emqZSu6ca+hEkfZFLH0oWrO4TUts0hNqtSkiqRJVb"
    "eaYhsPcN+0ov2tNifdCAR3cjfFOFSQeVVUePzqDnsiNPR6ERUk1bYh/nqM3aMESH2vs/Ye"
    "B/KxMuEC4q73HFBTrxdRB5RXhtbCC7iibrem8chQS/DBVbBubztHlAvWgRBq8XhS4CNE1Q"
    "A1JD2JihZdxXdfQ3S6grAoqNVpiO5DU1sQuT5livafHOUZo9WojUzxd6hxUrc1+RGalj/V"
    "imq9YiQiWkHq0C+SScWBsN9cQHTfFbIxvcuxMb1L25jwG23IKrT362wyznRADUhoHaK2sM"
    "F/ga5ZLd5WWOASMBKaw5SzJO0XeZRUCZIOzlkqqUNmrfnx/+fQID8="
)
