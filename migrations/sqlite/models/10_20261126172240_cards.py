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
    "org_id" INT NOT NULL REFERENCES "organization" ("id") ON DELETE CASCADE,
    "statement_import_id" INT NOT NULL REFERENCES "statement_import" ("id") ON DELETE CASCADE,
    "expense_id" INT UNIQUE REFERENCES "expense" ("id") ON DELETE SET NULL,
    CONSTRAINT "uid_card_transa_card_id_420227" UNIQUE ("card_id", "dedupe_key")
);
CREATE INDEX IF NOT EXISTS "idx_card_transa_org_id_bb948a" ON "card_transaction" ("org_id", "card_id", "status");"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
        DROP TABLE IF EXISTS "card";
        DROP TABLE IF EXISTS "card_transaction";
        DROP TABLE IF EXISTS "card_settings";
        DROP TABLE IF EXISTS "statement_import";"""


MODELS_STATE = (
    "eJztXVlz2zi2/isovUz6ljvlyLGT0dy6VbKsdNRtSxlJTnqmPUXTEmSxTIIaLnbcM/nvF+"
    "BOEKQILjJJ48WiSRxQ+g62s/+np+lrqJpvhztlqT9A1BuA//SQrEF8kXh2BHrybhc+ITcs"
    "+U51Gss7RbKCZnemZcgrCz/YyKoJ8a01NFeGsrMUnbykNwR3UDagARwasNEN8KSs76FlAh"
    "mtgQF3umEp6B4/1/F3ADOkPgMFP118Hv7cPz0Da+UemhZQTGBaugHXb8l71/oKvxiT1fcK"
    "Gyn/tiH+qbijLTTwi/74F76toDX8Dk3/392DtFGguo7hqaxJB859yXreOfcmyPrkNCTf/k"
    "5a6aqtobDx7tna6ihorSCL3L2HCBqyBUn3lmETeJGtqh4rfMTdbxo2cb9ihGYNN7KtEiYR"
    "avcLhPd6kjSdLaXFeClJvQQDfYoI4N6tlY4I8/FXNZ1ff0++ws/9d+8/vP94cvb+I27ifM"
    "3gzocf7qtDYFxCB57psvfDeS5bstvCwTgEdWVAgoQkW0lwL/ATS9EgG+E4JYX02iN961/Q"
    "uPsoZwHv3wiRD2fDIaDHP3BNRrXH8gycl5Or8WI5vPpCXqeZ5r9VB7/hckye9J27z9TdN2"
    "c/kfs6nujuEhB0Ar5Nlp8B+Rf8czYdO/DqpnVvOG8M2y3/2SPfSbYtXUL6kySvI6PTv+uj"
    "hluGXLd364Jcj1MKrjeF6z5GEbZ73z7kuvOZ4PdoKxtsXvvtKS5jtNrIV03+LqkQ3Vtb/O"
    "+74+MMxn4dzkefh/M3uBXFran3qO8++xHD19koJXfb48GZpqsG75fdtmJon73PAfbZ+1Ss"
    "yaM41DsDbpTvPCCHFF0czmd5RjO99EQG8xkNsCqblmSbhfYImraCXcIbu01Bv72bQvIsAL"
    "/vFNxdAT7HKQWXm8xlAz7iXabIbI5TCi43mcu6cS9xickhwX5RuQ27YiXSckROMqHBB2iE"
    "QiDqIUo0OpsHpvoBj78kuJ90Ayr36Df47GA8wV9IRiuWKOKp2GbGvYyUP2Xnx7UP4x/+IP"
    "LvhoukIT8FmrDIZMUQ4B8OLffMO1yMhhfjXmLkVoDstddNRxGNzFY2pGTo3smrhyfZWEux"
    "MUye6H2duhO0TT7S+hp9R0byvQMO+RXkO3uoj3APPYYq2bl/lKVGXvktcmiQSVuwxV8I3D"
    "0DHUFA0HgLllsIRouvwF3TgIZfRrS8igkMqEHtDhpwDXbQcOnf3MnowQRrZbOBxk8sLXJd"
    "r9mvSf7DX162urrGLf4lVMtCtdyI9amlSkahWn6NXM+jWn7AkLK1cWNka4nDRozvPm2T9X"
    "K90Wz+ZTbHSA9AcHmDvozni9l0eDkA/hW9Ab6M9k5o+uvV9Dsazo1uM47Y6SDHiDqIdB4l"
    "f7qOP6HiX9mGAdHqmQfiKE0HET7JgfBJKsInNMKKKWERQXlkLBXnuq5CGaUcgKN0FMx3mL"
    "AunP3D8WGVgOez2WVsFz6fLCmIr6/Ox3gNcZDHjRRXiEyqk1bmo+QJOknIf8X7R8qojpPR"
    "JyNlZYH/AlUx8+iX2qN8JXjEcPdH8pur4e/0IB9dzs7pYw3p4JzigCsJ8qn0YjRCqccY10"
    "LtLJSkTVHp8ShJPb1QeWw7riaNrYAxWOdYcJxPRsssTWnEQcaQkUmODviFjDOHR/3ptzlU"
    "g2HKBpxoQpdhbx3CPn5C04iTbUmsFhZGRYPImji9dQmrupXwC2gRF2d3rWYo44PnR/uU8p"
    "IZbbpXO0+047qzYJsOd/9iunpw4sUEiYgDzb8BGcXagCcFs9+2gAwM/QlsZRPc6dYW6JtN"
    "Ui9fxwuEb7dQwLdkRWmpKlYo4F8j1/Mo4J1nmmyttpzKnDjhAbU5wZ3WqnMc6NylsgjoIa"
    "VAvRjq0gr/udeNZz7tQ0YPhdQRDdOpdU670/pDWoZuhzUWK1BIjCJdtWv05tVJZEzimIYC"
    "fx8wvb685PPl2qN8myG41PGfA6neXnQCVKV4q1Yyjyp/UoRzSj+0Rz63qNb7RPR0/Bhi8B"
    "+BY94aru0dlB7gs+uOxnJX89viYWXZpnBbE1JzQ9bmlspPQmp+jVzPIzXD7xY0kKwyz7fp"
    "biYUWSFPk4Ydu+KOJv3T0xyuJrhVqrOJ84yK2cW8w/NkzRSXyRxLCdyNk2VNsBZOrgyYyQ"
    "ShZV9Nt5ElaQrSGWbLc+U+XealKLtkd/9rv39y8qF/fHL28fT9hw+nH4+DM0HyUdbh4Hzy"
    "CzkfxIY0w4tHOKbV7JgW/U4cIFNkh8O51zsIyqe5XFlPM1xZT5OurBGBhAvqKFUHR/RZLq"
    "zPMrA+S2LtCXRMnPf7yYfUBxzZ19Or4XL0eXzBOcRDwgEILm9QcC+4M/59dHl9QW75V70C"
    "7Krehd4X5uD3HUQmr4KfQS2U/DyeskQlw6XeiFB06WzTHS1+x/A0fa8qyXXS4gM3hVogzU"
    "DaW0P5AI4TVWLWa73WU7gYH97F2Nfll7bnud10FNHI5r0fUnrtrADe7rrI0kinbDzls18k"
    "1uvSVtNx2E+bVuq8nIjvUHls1iWNpp5HANNaGnoLZJlJI60qNo96+4/zvWi7qDB/CvNnI9"
    "bYlhrChPnzNXI9j/lTpImoN02EYkoQkZ/P2Kj2RdhHCEWIfX7FoVBzCT1BU074XB6RKYAn"
    "YgfLxcxGAxbb5aCSK17Wk6lKApVf8GzLyKw3UFZHFhYFv0DDTHHGjTU4ypQx3abSLmxbj6"
    "S5MjQyN4WsKWTNRs7klkodQtZ8jVzPI2tuFMO0JF6JM07VOY+u+pIT8gIdIxLyfT6koSYr"
    "Kg/KAUEXXcbz5H/ErTJcxpNlnjBIXMM4IOgewKf5nD8zfD8Z6qmdoWgyK+J0n3oqQigc2z"
    "j0UyLn5qE9CV1Bj2MNCSm6t4hUX4lvZZuWrvHm1KSohOpVqLKFKrtBCsOjMi5v3tyuAN1R"
    "pKuOIkuthMUtBbJlQfxTWaZGft330O2sveX8DqwCd5j4KaE1Zjw+ylR/Ow29wXGUq4xTPE"
    "Xjzyp8hCpwOgD6BvijywRvZDCaX3lPVjICd9ApugRxO2TpQLFY1Zuq7j1LJS/vFEk4gAml"
    "fHPX9JaqZ4VS/jVyPY9SHkMOuRSYAYFQEedTEQebGgfIURqBcz6cne3MQYkJ9P7o6lgHTU"
    "a9txz/vhwA8vcGuWqwAXA/b9CFU6HswilORpRo4+F0ALyLG/RlMvrtcrLA1P4VfeLLxb9+"
    "Hvb107nXp5mn71JKAqTXxImQlKqHU8w6+L8bGzmp4sCdraiWgsy35H3/V5fVMAPwWsrkCN"
    "WTUD01RUFS3IuyfonfkWBTxH1Xa7VP1vda1efkht9sq9D/j+HyFrQO84uEUrgQu4XY/eIr"
    "RUsFMCF2v0aui7grPrehXMJgP0MY7CeFwTJyYCtEwPPrxWQ6XiywbOdd3aDJ9GLydXJxTa"
    "pRh9eFBLzKk2m1MPHZcLScfB1zCnQe1QC4n4Qp/h3/qhkMEZ6LwnOxxZ6LT/DOVFhphNPx"
    "jZB0D+Fa8jVr+p2icmEcUnQP4uoH8YvkEW40xhWnEcaDUcUvl/ALIWQIWOkwJym7B3Y/14"
    "juZwzpfnJM+8CtFItrXNN03YO7FqtXOE6ZSfXzDHB2Wn0BeDbgK31dCG+frntwn+RB+yQd"
    "7JMMrG1ksWJU8sAdkHYP8VoGuLlVdrtimyaDtHug17JrBsjxbpsJwu4BXvco59w4k5QCcj"
    "7IebfOBGH3AK9+74yAxr15smi7h3ktgzxucC+i64730GDYe8PRaHY9XS6Istu9ukGj2XQ5"
    "HJF7/tUNuhgPL/EN56MZym8RElpzSKg7hhXcYTF/hgR5BebthvGgvdbspBOD+YxW0loxWG"
    "fXzKD2OKHII8AT1u5Gij3Kqs1Kd5fuOJsgLOU+W2RWsbxnyVuF96zwnh0I79mmeM9G1ppY"
    "UsayWUjpZJAdAT7uXnHgPKTNPNxkYxSMKt2CyFJktSRaX/x+OoqXwCkfTgYkdW1KgjSHOe"
    "sAtQWhOmMh/HWKEQoRWcLSIyEiBYOqDYRIi3SwTTfswqkZjhsFD4I5FrsbRGqIkAgREtGM"
    "ed5S53gREvEauZ4nJGLNtMMRfrN57bfP4nILOZzBUcIlOrmARiw0kqYgnZFt61y5T92CaM"
    "ou6R3+2u+fnHzoH5+cfTx9/+HD6cfjYGNKPsraoc4nv5BNKjYlWJq4F3DjbBz0dfpxwu+r"
    "rYzuoWSwFwm4UjRZTYlboGnpBcMlfut1Uhf0715gvRiPJlfDyzf946N3x5Q+2WfC+6TTlW"
    "xCqfi6wiQXi0vhxQVLHWT8cvlhRWk6lzG/lnjB6DdLAL2E31MGO0XWAayzDpTj35fZlpLg"
    "PHk5m/7iN6fNJz8oXc0Gko2QyyEoRtQB0A9TiNCAinZnG6YDQXJN35N7nKYWGci5Ur4Tf+"
    "RiwEcphYGcx0Auu9WqOfOSx6m6dHKpLC/5y2V8b5iyXSR8bzaegTafD1WaTAzVJLSukY0P"
    "1xiNADUJKjFL8UEaoRArgPAc4jl+VVrywTeolkT22ux0qYfIbI1BOh8vlvPJaNljHmArwH"
    "UU6aqj2FIH9zz4vkiZkoZtYbnhzahSwoZ3F3UzKolvB12WaIDpQ2cOhI3AR6kkvF1zdqKx"
    "jR08U4DN4wfrVdipyK2To8ROWxZlaniuIO66tCOe00t3BiefJ170OIAf4p6QKa/Yhgof1h"
    "mCSx3/yeGLjVsv4112CGR+D8ZgSqZ7MkZn7V6PRkmOtt5fywmQEyLQDSADzzsauD73pNiS"
    "tYVBwSXwtNWBpesPYCcbFlCQ89R7K6OMU4Ud73ezFE6SwkmyEatDS93lhJPka+R6HifJ5u"
    "eNbrMXSDzMjdO6xaIVOu6kjts/GXGhGycSmm5hO+ygLaaDE1+YYg5viokE05UEN3/4cVtx"
    "je8rTTNzNWxBKGvlYteKj52bqjDFcKYXaCnIzPNmk+qj4W0S3huy9/sT2rTo46MsTZpCNd"
    "yrRJshSHRbsbrlb8ECrgxomUA2IDAtPKjWAKKV8bzDAwO8ub39Hyn49/b2pyOA4CPuQ0EA"
    "Cw6ykdSo1fYWoV4T6rWW7LItVbQI9dpr5Hoe9VpGMuB8RaoOrWwj/BzNptPxaDm+4NS8xY"
    "kHIPavk8nTfxK5ezFZDM8vyU3/it4Z82jvqs/o6SzfK4gsg0s/SpF1L7dnntSe6Zk9E4k9"
    "5ZWTEtiUbIOreBhN1z2gaynAJO8UbqRDEgFyLpBXqoIXAN58wFGi7llXasTZdESkUA5Kop"
    "4eb5vRRQd48AKxt/jotMWi5gNExRiS0YVgCDdDSN7rNDNOdmryVFtOBxb9etKTE8R4rek0"
    "Xfewrmfhx7AVypFD0XUP7orT5Dh58/HXVTLgzgw3Z3cgos6507JDo2wVkGQ3By197dbz4N"
    "Uo5K0I4j+VhtMLKWzAvF1Ev9DPVc85o5xzYsvAJyCYloRnPzdD6gMy8dN4OfrMy0GHaACc"
    "jxu0/DaTvg3/MQDeRRFefMzBio+pnPiYUPTYO1UhsV7STscXKRvKfpaw+jkgcxa/Tb7w8g"
    "afGKdjPI3Ixw2afR3Pv80nS3wnuLxBpN8BCHrn1cv18+jl+ul6uT7DpW6D4bVKcovRzQGZ"
    "NZpfSd8mU+7l0KfDPPOuMIO+jKcXi39MR96T+P/NUKZ62jrpUYFPnMIIg7R7x7YaJBLPml"
    "8AcQapQHw/4gpaqfYaYnlut5WR5KHIilXLzM+U3os4NXOcmnfK6gGuffzwMOaqaMSmPnhZ"
    "o/q9glhcqKWAkS9+mATUjXJvGyy9YLYsmdKFmBcc88Kpj0Y8oIxHWZW2um0wJkaqi08K9e"
    "Hcvfvv69odKnb2VmXTkhy4+B0+aFpRqrA5Hh5Jxx6EZfGinKZpBaebzGlfFHF/jCbveI4U"
    "TGJRKLHyc4Z3ZCvEIyax4FHVPHL2tw3+KhJx/Cu6QdIdiLWzyWvniwcTtt6lPBH5xhOFsS"
    "dKzs/vcqAYuRflRVURctUFtsTgZES20HCnh7bodMu9sS3LLQQWRDKy3oLxIzSevf+AoT+B"
    "lWwYCjTB7a0Lxu1tMmylSAciIkVEpIjYBBGRIrguEr68pG9aHSlfnHJVRZzTEoQHtEdfL3"
    "hjfZrhn0aWF+lPHXGN6BjRIUFejg4DcvW2TZLM8RFKThy+qmgKY8dIrwvJoj2gxeC00Yey"
    "CMaqihdyE6obCR/wDf2Rlec400CW0oOwj/HYjYOkyeZK3xX2tmR0c0hvy8tLzpWmN/s2HQ"
    "D85wZh4gHwe3hZ1zwvy7IJ8W9nVnTbVxgkSnm4Jee4wSsOhxYpHjXoBOSUzLw83ClL0k0L"
    "T45pWqO48QHjUBIikj+5y/BE801XABVfqumWouaUoVDK5ojvYMWOjLxPZcHizPnUTsQchy"
    "p/xS+Hl9NVsBd3Fy3I8pfiR6pTRYlYyQKrKWjRcZAkUf6DB7VAqCoJF0/tn1YCdeg6KS0F"
    "iYiIpTHKWeeoxRBJ8BGiaoAaP8JWpoLOhZaTrktzkrhoFQythd/dROvyGHO8X1c2PmeXPV"
    "ktcE8jp6NOY4UXdx3L0dAwKkFs7nQ3Jr11Gza7rEzooGV3VhokBpqSCHWs2GqpumomtCz8"
    "0gxE+YqqLSL9tdKNNXv0UUmZyyJGJYPuCGCcfoWhnMNwKowJQekehbGaq3nqzY3mV2ANZf"
    "UtmFjgDqo6HrPA0oGMgBcCEVSGO4rUjgvv6Qa4060tq+RcpX0znBD/8L1jSdoaZd37l/BK"
    "FF6JTdyxWuqfJrwSXyPXhVcin1diHRnzTAsfEXgADgg6kHWTym6Ty+vzXYbX57uk12fr8r"
    "zPvoynnHg7NANA/t6gbzN8if/coMvZYjkA5C99YnsBjyFZc4JsNQXpjLJK58p9upsiRdmh"
    "gmt/7fdPTj70j0/OPp6+//Dh9ONxcFRLPso6s51PfiHHthgzWAkLC2TmFFk5ObJyqrqJXy"
    "6tmWsOOSSlgEzRZR2R2gd5BsbkhEMXt3zCv00icl5qWcb00cok7t6wrSFHlim57uCMtTkz"
    "K1aU7oD+zL443Vp3Zk+RwbMSBxRiQOdL/O1n9uDHOU4p8M6Hd5iVjRfvOKXAO38aySB7dK"
    "ES5hR1h47WlUX/FARYALsP2BdPPNIBPBNBI6Lodu1Ft1cRP+GS6HK4HDdsMcgLLLUOxtCd"
    "jxfL+WS0ZFeJFjDzwMzez1PgzhNZdmhv8ZYA/4KOqm1BiMs3h9Nxwvd8ZrhNRJyi050mjE"
    "ij/S4TCNg7VZfXcA08QrBRVNzSq/dtY+QNoFgmWHwe/tw/PQN3z8DauvXA8Q8A5EdDtGZ4"
    "TFTa9f6sTYH/hLmVcWc9/Di4ZXu+Yd6Md30rhDOFcKZ48SWmpWZ14UzxGrmex5mCLPHcpQ"
    "hjRMKtImchQnwgJgEfDlAcYNN0HcS7HjcL5U+eLCB+c6HIYVWCcM9oHKM2pOjgeK3F2BnU"
    "hOO3d8ZIRQonDpunL/IUOvXESMWxpynHnjyHXT+onkt+jBMJA4owoNSNZ6q/USqg6U5Grx"
    "dRYZI6vEnKV+GVRLZjUaI0opHZmsMOBUPTRUlYO2cEoYGNb9UxbPFXANPry8sso1O9BgPH"
    "usK0F/h2lyxzQdBmn7UgHdSscEZka3f4Fh3OGKrrLdmyzZi63k0g605U/7HQ2AuNfSNWjA"
    "4LMUJj3zWu59HYewt0guMZAZABRQd1cf18dRkyyjLQujgRX1pz1QvbVBA0TWlnG3huMLBe"
    "wu8pBwIWbQeiTrOWp/Hvy9jKlKiqGKxOl7PpL35zutRiIgTVsLhjwuJUJSPCmjbw+ULCIF"
    "pzwxeledXgeTICc4nNFwFts0qJ1znxL+bDT0vO2e8SDYDzcYMW1+dXk+VyfDEAweUNGn75"
    "Mp99JTf9qxs0H/86HjkN/Styb3J1fj1fuHf9616BNf3dWR5bK33AiZhazxKWVvtOU6xiJ1"
    "GaVlRmbc7RMylxeJJ+EUZTpILPTeazARXtzjZMzC5WjrX0PS5B+JrjxgMwnESvBtxAg12a"
    "Jl22yOiieyGJtbgBkXBwY7VV8NKTBH5vIHmEUvhVcPhV+CphPuMlRSUs7CL282DACteFav"
    "EMq9pxoUqTiaEqvELqQVR4hQivkGYiyucVIqKSaw3+jiW1LokvTzGhlgJM7985EI66jxxm"
    "YWgptpR4JELpaw2l3yoksJmRmVKUMqo5oD6ELNVJLkB0n6ecW5DKabk3un6GIFAV/EffAB"
    "m49H8xgTcQBuBpqwON6LCBYoGNoWv4jrLaAtciRYoLOP8fARmt8eVzMsi+ljfsj7UXznjC"
    "Ga8RC0pL3bKEM95r5HoeZ7ywnHhei05I0Ul/saqd8cgmKJVzGKG6aLDd7NV4jOAJVY6nsQ"
    "6aPJFeDUtXuqZ5J+28zpwREuHDye3DiTcSnde+GiERdgBhBKwdT08G54I0RiNQFdYqntW3"
    "UmtVGGtZEtvOVX6nUY3N2f3AOvuQsAPu1fdHtmtuZX+dKlq63DxDTcuoSJ+uqjX9xpKi5Q"
    "5vdpSpbnu4BkEXTtLSv4Hb21CZdnsLFBM8bSEiatUn2QzI2BraKjrlSIBKSkCLgGmho23I"
    "6tRSbZ3Q0b5GrufR0YoUp4dKcbrRDY01t3LqaQPqJuPdGy2+DgD+c4Nmn34fAPyniAKu4l"
    "qmBp4RTn0wHkE7SnM4Qfu40UeGyLnLO85x45okFODS4AYZS7nRZVAKeGl48Tq62hYYugk6"
    "AW2ySqZ7/vczjPFCnEovoE7EOaC1jmCR03qUUEQaN+dsnhTJiPKDM5YtpBDWgaxzy90zH7"
    "BJQoGvsBEKa1aDLQRcRSKJmrk8siOvm44iGtld9kMaWTGFNWsfssntpUQAC34TMl1XypJB"
    "LGQ8L8PeOsSAWqM0Fs9oNbINUzd6LOtf+PQo0/CH20mrsOFem99n/Qk/MoAMcEsoa2Arm+"
    "AOQgSI/npAKhfqxtoE+F0K/iVrIFtAx803FjTA7a1/WzIVPBVvb4FsQIcyYQes60U3GE/M"
    "I4DgdwsQ8QO8ITUUR/Orv5jEykjIFRNgKtU2lUf4N2Dv8LpgmaTaIm4FlDXQ5AfoVF4kwW"
    "CqvMPfzdBUaJo/pZkeI9mbyY9JZHcWxkdhfGzEWtZSM5QwPr5GrucxPnoLboLjGZXTAoom"
    "m8EKmh1P+jnsXif9VMMXeUSpumM7Le/USlILdWFzZlNyERXKF6F8aYpAu0/58kK+mVikmj"
    "vCydgw0qWzaJOjvSKaK+1IMGheae0ZIYwIYaSJC0FLj6VCGHmNXM8jjODl3Va53CBDCiGM"
    "5BBGVobGPJ5mVHcPKDoIcPV1sjVomvjck0Q4Pco4QtIJiA8dZyxErmr9BwwbcQbEBgQCTy"
    "HC8qwR1UbD2ow8N9zAOrKn3WVMw+naOLWAjXpp6gCXJfvUAF6rOqX/RKFZoQ4Q6oBGLAAt"
    "FQyFOuA1cj2fbbJ1dfj+fj2+9jJecYTsuVQD4H7eoPn1dDqZ/jIA3gXJyzUajccXbl4u7/"
    "IGfRpOLskt9/MGjYbT0fjSuRVc9vKNonj2rTyKh3fpiod3CcUDfvv9PV9V4AjJARl4NZxe"
    "Dy85GVhQ/VBDpUNSAbVYncMYpTAyN2dZTO6GGwUp5rYQmylSwecm8xmamAfO6cXSLVaBh1"
    "RpgkEpwvcSFaAMfQVNE3KVf4rSCEhTgk85AI1QCDgTAaau8MIBZ4RCwJkYnaqO+AZnQCDA"
    "TITwQ+OeC8yQQIBJg2k+KLsdF5oRCgFnInsHJMFSj5xrJ0UlYKVh3ciKyoVoSCDATJw+bS"
    "KH8Rw9AwIBZmJn19FGVVYWQ1mYvrlHaQSkNKSOL61UwJ8lQShy5wufFuGD0TiM6w8jiGYq"
    "D/3zS8bDM4IDOgJ8rfHwTvIGhnOFn9Qh3bPCr4lcrVdF4EYBNXxI7OHvHuabNjTJLzFMB4"
    "LT3hdksOr4ewovDOGF0YzZ3VJ7vPDCeI1cz+OF4S7QCYanG+4Dgk64s9NpqfOEDOBWGWmp"
    "E0EDvLm/u5z2+zhfhcasEo2JGo3OCYGJ734vIp/2gEKsX3hvzinN9oYXV5PpADgfQdG+eV"
    "C0bx6W95uH5f3ctzTBc6Vtvl7D0XLydczNJIcKM8X5vEGTqX/Hv2oGQ3ayaT4RoW0rm1ue"
    "1SlB2OCCpoV3gRqKE0TFHg64KbLugV19kJ4qm5ak6vcKKnCUTRALH6rmHF6TMovQpApNap"
    "c0qfJOkSz9AZZNKzrcKUvSTYfgju+mGIcKMq92FR6vukNJhMZuL10FSbYsiL8eY/coANLQ"
    "7ay9x4FsrAy4grjrkgNq7vbS1QHllqE18QIuybudoT8y1BJ8cOWs29vOEeWAdSCEWjyeJP"
    "gIUTVAjUlPXUWLruJb1hCdrCDcFdTqNEQPoaGsiFyfMEV7T46yjNFy2Eak+DvUOKnbmvwI"
    "DdObanm1XhGSLlpB6tAvkknFgbDXvIPovstlY3qXYWN6l7Qx4TdakFVo79fFbJrqgOqT0D"
    "pEZWWB/wJVMVu8rbDAJWDENIcJZ0naL/IorhIkHZyzVFKHzFrz4/8BklcZeg=="
)
