from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
        CREATE TABLE IF NOT EXISTS "integration_deletion" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "mode" VARCHAR(24) NOT NULL,
    "status" VARCHAR(12) NOT NULL,
    "requested_by_id" INT,
    "converted_customers" INT NOT NULL,
    "converted_potentials" INT NOT NULL,
    "deleted_customers" INT NOT NULL,
    "deleted_potentials" INT NOT NULL,
    "finished_at" TIMESTAMPTZ,
    "error_message" TEXT NOT NULL,
    "org_id" INT NOT NULL REFERENCES "organization" ("id") ON DELETE CASCADE
);
COMMENT ON COLUMN "integration_deletion"."mode" IS 'CONVERT_ALL: CONVERT_ALL\nKEEP_WITH_TRANSACTIONS: KEEP_WITH_TRANSACTIONS';
COMMENT ON COLUMN "integration_deletion"."status" IS 'QUEUED: QUEUED\nRUNNING: RUNNING\nSUCCEEDED: SUCCEEDED\nFAILED: FAILED';
COMMENT ON TABLE "integration_deletion" IS 'One request to delete the organisation''s integration, run as a job.';
        CREATE TABLE IF NOT EXISTS "notification" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "kind" VARCHAR(48) NOT NULL,
    "title" VARCHAR(200) NOT NULL,
    "body" TEXT NOT NULL,
    "read_at" TIMESTAMPTZ,
    "org_id" INT NOT NULL REFERENCES "organization" ("id") ON DELETE CASCADE,
    "user_id" INT NOT NULL REFERENCES "user" ("id") ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS "idx_notificatio_user_id_9f8ad4" ON "notification" ("user_id", "read_at");
COMMENT ON TABLE "notification" IS 'Shown to ``user`` only; ``read_at`` is set when they mark it read.';
        CREATE TABLE IF NOT EXISTS "watch_channel" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "channel_id" VARCHAR(32) NOT NULL UNIQUE,
    "token_hash" VARCHAR(64) NOT NULL,
    "events" JSONB NOT NULL,
    "expires_at" TIMESTAMPTZ NOT NULL,
    "org_id" INT NOT NULL REFERENCES "organization" ("id") ON DELETE CASCADE
);
COMMENT ON TABLE "watch_channel" IS 'A CRM notification channel: the CRM POSTs its changes to our callback URL with the';
        ALTER TABLE "integration" ADD "real_time_sync" BOOL NOT NULL DEFAULT False;
        ALTER TABLE "integration" ADD "sync_modules" BOOL NOT NULL DEFAULT False;"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
        ALTER TABLE "integration" DROP COLUMN "real_time_sync";
        ALTER TABLE "integration" DROP COLUMN "sync_modules";
        DROP TABLE IF EXISTS "integration_deletion";
        DROP TABLE IF EXISTS "notification";
        DROP TABLE IF EXISTS "watch_channel";"""


MODELS_STATE = (
    "eJztXWtz2kjW/itdfJnkLU8qwbGTZbe2CmMyYeJAFnAyu8OULEMDWosWq4sdz27++9utG7"
    "q0hFpIWJLPFyNLfVrSc1rdfe7/bW20BVaNV92tMtXuMGl10H9bRN5gehC7doJa8na7u8JO"
    "mPKtajeWt4pk+s1uDVOX5ya9sJRVA9NTC2zMdWVrKhq7SauLbrGsYx3ZNGip6ehBWaywaS"
    "CZLJCOt5puKmRFr2v0GdCIqI9IoVcnH7s/t8/O0UJZYcNEioEMU9Px4hW770Kb0xtTsvJu"
    "YRHlPxamr0o7WmOd3uj3P+hphSzwd2x4/27vpKWC1UUIT2XBOrDPS+bj1j43IOYHuyF7+l"
    "tprqnWhuwabx/NtUb81gox2dkVJliXTcy6N3WLwUssVXVZ4SHuPOmuifOIAZoFXsqWypjE"
    "qJ0H2J1rSdJwNJUm/akktWIM9CgCgLun5hphzKePathvv2KP8HP7zdt3b9+fnr99T5vYj+"
    "mfeffDufUOGIfQhmc4bf2wr8um7LSwMd6BOtcxQ0KSzTi4l/SKqWwwH+EwZQTphUv6yjuI"
    "4u6hnAa8d2KH/O5rOAb09AUXbFS7LE/BeTr43J9Mu5+/sNttDOM/qo1fd9pnV9r22cfI2R"
    "fnL9l5jX7ozhTgd4K+DaYfEfsX/Ws07Nvwaoa50u077tpN/9VizyRbpiYR7UGSF4HR6Z31"
    "UKMtd1y3toucXA9TAterwnUPowDb3affcd3+jfG7t5Z1Pq+99hEuU7TqyNeN/F1SMVmZa/"
    "rvm9evUxj7tTvufeyOX9BWEW4N3Utt59qPEL72Qik5y54IzlG6YvB+2mUrhPb52wxgn79N"
    "xJpdCkO91fFS+S4C8o6iicP5PMtojk49gcF8HgVYlQ1Tsoxca0SUtoBVwh27VUG/votCfC"
    "+Av28V2l0OPocpgctV5rKO7+kqk+drDlMCl6vMZU1fSUJi8o5gv6hch1WxEGk5ICcZWBcD"
    "NEABiLqIMo3O8o6rfqDjLw7uB03Hyop8wo82xgP6QDKZ80QRV8U20lcyUf6U7ZerH8Y/vE"
    "Hknd1Nkrr84GvCAh8rhYC+ODadPW930ute9luxkVsAstduNw1FNPC18iFlQ/dWnt89yPpC"
    "Co1hdkVra5Ezftv4pU17Ez0jE3llg8Pegj2zi3qPIr3S9McWR53sXztJUyfPg632aZOTYe"
    "Voa3/3vln7uf4A5S0ob6s4A9RUjQfK2+fIdVDePr3yVjEkTNjrcxaqC01TsUwSFqsQYQTu"
    "W0pZFt7eSnZcmfhiNLoKfTIXg2kE5uvPF32Kv40+baQ4e6q4dAXSKshWVZEE9slWyYJASJ"
    "OKiYENzgTiUn74NMaqDyUf8L7TS4Ow/lGqrKQRkwo3X7BuaFz/m3CDk1SpyWkqbXdty5Gd"
    "5vqGjTaQnkB6quSXXNN9NEhPz5HrWaSnpaIbpiQqQ4WpjidJtVplcbh8Oco2/osCHSICiT"
    "Ub0ngjK6oIyj5BLoQrZrYNA9w+y+JiRFslAmxfizgZUZCEhrFP0DyAz7IM4LPk8XvGU7hs"
    "dWUjO0YKMYVLgPCIChf/TG01LhQ6Kswo95xRvQ/yHR2ouLID7gp6AnPIjqJ5k0jxfqBzyz"
    "C1jaiTRoQKlImgnAXlbIUUhicHOL5433YB6PYCXTUU2chMmF/3LZsmpq/KM56J6767Tmf1"
    "dSY9sgrcZuKHmNaYc/kkVf1tN3QHx0mmMFSCNHsKMmzG/qzie6wiuwOkLZE3ugz0Qka98W"
    "f3ylwm6BajDX0STNsRU0OK+ZITgVp072kqeRaACy5NoJSv7pxeU/UsKOWfI9ezKOUp5FhI"
    "gekTgIo4m4rYX9QEQA7SAM7ZcLaXMxslLtB9Ym1iMkcI9FAHVUa9Ne3/Nu0g9ndGHDVYBz"
    "m/M8ImlQ5if2eEKdH63WEHuQcz8mXQ+3Q1mFBq7yi648vEv3YW9rWTudeOMk+z343jtfPr"
    "ZDRM0HXsSKJLjjI30f+QqhilKT1af1taZM4eAN1aimoqxHjF7vf3sqyGKYAziEKrjQf0i8"
    "/d36I86F2NLqLLCOvgAlRPoHqqiKB+UphfYPkSvy3BJoj7jtZqn6zvtirPyY3e2VKx9x/H"
    "5c1vTcebadnPuJPCQewGsfvJZ4qaCmAgdj9HrkMkkZjbUCZhsJ0iDLY5aaAOkANrIQJeXE"
    "8Gw/5kQmU792hGBsPLwdfB5XX3qoN2x7kEvMJzGe22FnlYsqM+ogNotzcdfO0LCnQuVQc5"
    "v4wp3hnvqBoMAc9F8FyssefiA741mMeXAL4BkuYh3D47yzSEz1KG8FkU5I12q6hCGO8omg"
    "dx8YN4buk6JnOO822Kb2KApnkYn2aA+DQR4dMowHQwqvTmEr0hxkL5QOOUzQO7nWlEt1OG"
    "dDs+pj3g5oopNK6jdM2DuxSr126cymKrYYwQABcCfK4tcuHt0TUP7tMsaJ8mg32agrVFTF"
    "6MSha4fdLmIV7KADfWynabb9HkkDYP9FJWTR850WUzRtg8wMse5YILZ5wSIBeDXHTpjBE2"
    "D/Di184AaMKLJ4+2eZiXMsjDBvc8uu5wDxWGvdXt9UbXw+mEKbudoxnpjYbTbo+d845m5L"
    "LfvaIn7J9qKL8hJLTkkFBnDCu0w3z+DDFyyHlfHWt23InBeCRzaaHovL1ralB7mBDyCIiE"
    "tTuRYveyavHS3SU7zsYID3KfzfNV8bxn2V3Bexa8ZzvgPVsV79nAXBNKynhgcs1YMsiGAB"
    "92rzhyHtJqbm7SMfJHlWZiYiqyeiBaX7x+GooX4JQNJ6cs8oEgje1OGoRQmbEQ3jzFCYUI"
    "TGHJkRA40KjQQIikSAevNA8TH1u0kX/B/8ZCZ/1IDQiJgJCIanznNXWOh5CI58j1LCERC6"
    "4djvGbz2uvfRqXa8jhFI4yLkWTC2yYhUbaKETjZNu6UFaJS1CUskl6h7+026en79qvT8/f"
    "n7199+7s/Wt/YYpfSluhLga/sEUq9EnwNHFP4MZZOejL9OPE3+drmaywpPMnCTxXNrKaEL"
    "cQpY1OGA7xK7eTsqB/8wTzRb83+Ny9etF+ffLmdUSf7DHhbdzpSjawlH9e4ZLD5JJ7cqFS"
    "Bxu/Qn5YQZrGZcwvJV4w+GQxoKf4e8Jgj5A1AOu0DWX/t2m6pcTfT16Nhr94zaPmkx8RXc"
    "0Ss4VQyCEoRNQA0I9TWk/HyubW0g0bgvicvif3eJQaMpALpXxn/sj5gA9SgoFcxEAuO/WX"
    "BfOSh6matHMpLC/502V8r5iyHRK+VxtPX5svhmqUDIZqHFrHyCaGa4gGQI2DysxSYpAGKG"
    "AGAM8hke1XoSUfPIPqgcheG40u9RD4WkOQjvuT6XjQm7a4G9gCcO0FumootpGNexZ8n6RM"
    "ScWWsMzwplQp4cO7DboZHYhvA12WogBHN50ZENZ9H6UD4W2as1MU29DGMwHYLH6wboWdgt"
    "w6BUrs1GVSjgzPOaZdH+yIZ/fSnMF5DE88f2gle+QFR99ezzxJDrbeX5MIsZ0O0nQkI9fL"
    "Fzm+46xokLnGfuEg9LDWkKlpd2gr6yZSiH3VvSunHFGBHe93FwRnP3D2q8RUUlO3L3D2e4"
    "5cz+LsV/38x3X2ZgiHawlaaXi0oKuN62q9nZEQumEi0NiCDayBNoUGfvhgUji+SSEQFHYg"
    "uNnDaOuKa3hdqZq5pmITwqHWGn7N89C+qQiTgmCYfE1B5u43q1Tniy6TeKXL7vvHtGnByy"
    "dpmjQl0nCvEm1EMNNthepvv0ITPNexaSBZx8gw6aBaIEzm+uOWDgz04ubm/yT/35ublyeI"
    "4Hvah0IQFRxkPa5RK+0uoF4D9VpNVtmaKlpAvfYcuZ5FvZaS1DZbsaVjK9sYP3uj4bDfm/"
    "YvBTVvYeIOCv1rZ6T0rgTOXg4m3YsrdtI7iq6MmUI1Cs9MaU/fc0xMXUg/GiFrXo7KLCkq"
    "kzNUxhJUynM7ta0hWbpQEawoXfOALqWQEKtnL4r0jgRAzgTyXFXoBCCa1zZI1DzrSok4G7"
    "aItJOD4qgnx42mdNEAHjxBDCndOq2pqHmHST6GpHQBDBFmCMvfnGTGSU+xnWjLacCkX06a"
    "bYaYqDU9Stc8rMuZ+ClsuXK9ROiaB3fB6V7s/O/0cZUUuFPDpvkdQPS0cHpxrB9azSLezV"
    "FLODt1KUQ1ClkrW3hXpe7wUto14J7Oo19oZ6pLnFKWOLZk0B0QTkoms5+bO+ojMvFDf9r7"
    "KMpBm6iD7J8ZmX4bSd+6/+wg9yAPL95nYMX7RE68jyl6rK2qsJglaavRg4QFZT9LeP0ckT"
    "mTT4MvoryhO8Zhn35G7GdGRl/742/jwZSe8Q9nhPXbQX7vonq5dha9XDtZL9fmuNQtKbzm"
    "gdzidHNEZvXGn6Vvg6HwdOjRUZ65R5RBX/rDy8k/hz33Svj/aihTXW2ddK/gB0FhhEPavG"
    "1bCRKJa83PgTiHFBDfj7hC5qq1wFSe265lIrko8mKuUvMMJfcCu2aBXfNWmd/hhYcfHcZC"
    "lXn41Ecvz1O+VxCPC6UU4vHED4OBulRWls7TC6bLkgldwHch8F3Ydb6YB5R+L6vSWrN0zo"
    "eR6OKTQH08d+/227JWh4KdvVXZMCUbLnGHjygtlNyrjodH3LGHUFk8L6ejtMDpKnPaE0Wc"
    "l9nIW5EtBZcYCv4Vvs9wt2y5eMQlBh4VzSN7fVvSR5GY41/eBTLaAcydVZ47WQiH4Sx1mD"
    "C4RXf//A5g7y+w97fDaHSKMZvaWFl5kbmRSwwScf5Z0B7KjjFOVEkUJYWvQOAroEuGKrEF"
    "wZ5MBJGPEwP2Atg/eUh57QOLYvHPIrF4e2KlRwRPNfrnSJHST8qLouKkSwlvvGT32R/m6D"
    "c7yRju6LyAUNyjjimzDBOZGnLe3s7eFYxR/MlAgVucIN0iSDaQjP6t3fKjHAvoE2IaIaYR"
    "otsgphG4fvyYRrbGxPmdze3Go61ypcVWbzT82h9Ppe7Vle1j6P0zI5/6/S8SA1iajrvDSb"
    "c3HYyYzw3/fHTxexpHQxZFanEkzOwxqBZPyCzTPeof1/1r8ehTh6qDnN8ZGV8Ph4PhLx3k"
    "HszI5LrX6/cvWSP/cEY+dAd2/Knzm4dpxXu5uVskOkPeCpZN4lBC7iiOV7VG7rHOYPLdCg"
    "RATqA+nh38de1g9rOq58M5TA5AR4F2BKl8o5lLCxAnQZxrJPOJAeQoyEuFKMY6l0wRIQV7"
    "YHVkiLjoiHVd06UNNgx5xZEmkgOEY4QQFiwcFvzkavgGbCYhEekTKNiPlmtwqJnKkkVzJW"
    "jhQ9dP0tTvJNpyr9p9stYeCFOO39wwo/vNDdKI+vhX+q/r7ULPKAYysIke1tgup/GINrJ+"
    "hxQTsSZxrXsxXe5Xuv/u5zP1HHP+AD086OErMSHVVCMLevjnyPUsevg7Cilfrcvntde+yr"
    "r3nNF8b7PEhL9NDgp/G4sKNxUzKdcCH12foIHwllIb5VZbcKK3kwU/rz3IeznycuVyswbn"
    "6kouBPH1H+T5YpWQUP0dNCT10ZBA9ffC64k8jdIpNJ45SqfoeE9WOmnRlnuVTtM1RiYmMj"
    "Ffof491h/d/5CuPaC5rOsKNtDNjTMWb27iKqY8HYAXJ2iPajK11FSPANqj58j1LNqj6hd+"
    "rbl6QzZwriS1McIjKjyuJ6JelzkhLzhPrR2R96dGBDV2AaJjgjztHQfk4nOc0S2kco8le/"
    "+sKhuFs2IkbsK4tEfMHHRW6U1ZAGNVpRO5gdWlRDf4unYvc8p1pAapJvQAkaoi+eM8Pz3J"
    "mGvb3PEOnG6OmXX56kpwpmmNvg07iP6ZETv6wevhaVP06nir6axKB313F+XM3vAxSvC5FI"
    "wjDlcPsgtz8BIWuLQfPo2x6ise+Oql7laZsm5quHNMUjGFvd7p+6w0pvE4DKee089jY3EK"
    "lZw9FCzBMr31RMx20fc+zsPwsrvyp83mosUNhhBHqlEa8bAvtlOz/ECUmlfbnQeSJJt0R7"
    "fABaHVdXtrKmq85BMHIpeQAKOJ6AV9hw9ELeqw3ES40gKzRLD64vXTVKB0PMe06wNhGju9"
    "NBckJjoejBHrpNkQSfgek2KA6t/jWrrLZELLzto3t6h4cuiGdEJ76tkdNRorOk1p+kKyI/"
    "4KQGxsd9dnvTUbNuvQzYKNltXYfYKdSvYwhBrmIBX3fixoJDGcGj6aHmRzvpbma5kQfOjO"
    "8xvrq+d01SS8hLzmuNJjMq5e1kohyTEDuNX0V+djK+BkuBNuOB6GIckn2b1wG2q217ewy6"
    "rVoQWW1VdoYKJbrGpkZbBwVJkgty4C8nR1J0hGrl44cE7T0a1mruNuhwX3zfFI/N3zVma1"
    "bJWFE9EKLorgoli12bemzmrgovgcuQ4uimIuimdnWVwUz86SXRTZtVhmSF7unWSAfYIGxG"
    "BGMjhmcgF9k+IC+ibuAspyZ+b2HPKJj4j16Et/KIi3TdNB7O+MfBvRQ/pnRq5Gk2kHsb/R"
    "HdsTuA/JG7vy1kYhGic46kJZJfssRigblEnzL+326em79uvT8/dnb9+9O3v/2t+qxS+l7d"
    "kuBr+wbVuIGZxEkDk8oQ92gq4a8mW6QM9VzaA3lxbcOYdtkhJAjtClbZHqB3kKxmyHE82L"
    "9kDfTWJyXmIEcPJo5RI3b9iWUDjbkBzfcM7cnFoqO0h3ROdmT5yurW+zq8gQmYl9ChjQ+w"
    "c0Q8sr9ymOc5gS8M6G965UuyjeYUrAOwPeLmKeClUsVUYCdYO21sVlT88HMAC7D1hImHM4"
    "npDe5fjpXeYBT/QD0RVwaq/YZJAV2Mg8GEJ33J9Mx4PetJW6sAHMWWDmr+cJcGcJMzt2PE"
    "JNgH9C79S6IFRmdibP3ZnjNhHwhE52mtADjfa7TBBkbVVNXuAFcgnRUlFpS/qR6fSkRZHX"
    "kWIaaPKx+3P77BzdPtplNNl1+gKIvTQmnFzgxXadJSe4ux0w1jLtrEUv+6e8dGXuFw/Zws"
    "GZoiJTTE3N6uBM8Ry5nsWZgk3xkqhHRYgI3CqyuVWwDTEmpgOUANhRugbiXY6bhfKnSEoQ"
    "rzkocjiKMXePJjBqdxQNHK+lGDsXdPvNInFz2DtDpJDPScDm6Yk8uXY9IVLY9lRl25Nls+"
    "ulbRCSH8NEYEABAwpUHKgDomCSgooD1UQ0qeIA3w6Fd6aLA2FtnBEkCmx4qQ5hSx8BDa+v"
    "rp6qnINrXeHaCzy7S5q5wG+zz1qQDGpaOCOxNrf0VDSccaeuN2XTMkLqeiebrPOhepdBYw"
    "8a+0rMGA0WYkBj3zSuZ9HYuxN0jOMpAZA+RQN1ce1sRRpSajREdXEQX1pyCQzLUAg2DGlr"
    "6fTb4GCdUu2TQ9uAqNO06amMyp90l6abwjFhYaoDI8KqNvDFQsIwWQjDF6R51uC5MgJ3is"
    "0WAe1QH/HDvxx3P0wFv36HqIPsnxmZXF98Hkyn/csO8g9npPvly3j0lZ30jmZk3P+137Mb"
    "ekfs3ODzxfV44pz1jls55vQ351lsrdENTsDUeh6ztFq3G8XMtxON0kJF4epsPeMShyvp52"
    "F0hBT4XGU+61jZ3Fq6QdnFy7GWvMbFCJ9z3LgPxob57+h4iXV+nZpk2SKli+aFJJbiBsTC"
    "wfX5WqFTTxz4vYHkAUrwqxDwq/BUwmLGywgVWNgh9vNowILrQrF47krcCaEaJYOhCl4h5S"
    "AKXiHgFVJNRMW8QiAqudTg71BS6wPxFakgVFOAo+t3BoSD7iPHmRhqim1EPIJQ+lJD6dcK"
    "C2zmZKaE+kUlB9TvIEt0kvMR3ecp51Shslvuja4fEYxUhf7RlkhGDv1PBnIHQgc9rDW0YT"
    "pspJhoqWsbekaZr5FjkWLFBez/T5BMFvTwMR5kX8od9sfagzMeOONVYkKpqVsWOOM9R65n"
    "ccZjmWZ5FrJki86OopH+YkU747FFUDrMYSTSRYXtZs/GY4R+UIfxNNRBlT+kZ8PSubbZuD"
    "vtrM6cARLw4RT24aQLiSZqXw2QgB0AjICl4+nK4EKQhmgAVbBWicy+hVqrdrGWB2LbuHLv"
    "UVRD3+x+YO11COyAe/X9geVaWNlfpoo2UGieo6ENl6FPVtAGCt9n089+1B7oJR3JiLbE8g"
    "atZQPdYkwQUzB0kFMY3kD0Xgp9kwWSTVbFVV6aWEc3N95pyVDoqLq5QbKObcqYmrasG80o"
    "npTfiNAtMWLKHPSCJVDtjT//ZLBkq4xcMRClUi1Ducd/RdaWDnHTYKlWWUFbZYE28h2206"
    "4yS5Aqb+mz6RsVG8bLvZVqnZeBSrWgHa7mvFhTPSFoh58j17Noh90JN8bxtFKqHkWVlVo5"
    "tcOn7QxKp9N2cnHDdlTpFF5pRT+tODVEJVXna4pPoqCdAT1CVWSzfXqEpxPMxrZw0tf1ZO"
    "ks2ORkr4jmSDsS9psXmngKhBEQRqo4EdR0WwrCyHPkehZhhE7vlioUfLyjAGEkgzBy9PrJ"
    "1Qa4+CT5G2wYdN8TRzjZxSBA0giIj+1kACJXwQZxiwhaw30CwBNEWJE5olhTuMVxchUG1p"
    "Y9rSZjuvtcK6cWsEgrSR3gsGSfGsBtVab0H8syDeoAUAdUYgKoqWAI6oDnyPVstsnaJeH8"
    "x3X/2nV3F3DAd6g6yPmdkfH1cDgY/tJB7gFzyu/1+v1LxynfPZyRD93BFTvl/M5Irzvs9a"
    "/sU/5hK9soCrveZ1E8vElWPLyJKR7o3VcrsZTgAZIjMvBzd3jdvRJkYE71QwlpTln643xJ"
    "TkOUYGSuzrQYXw2XClGMdS42R0iBz1XmMzYoD+zdi6mZvOwuyWUA45TH0828rrRoEUibo2"
    "tzbBi8pJvJud+CNABpLPWjI2MJABqgADjjpV8XgnAGKADO2OhUNSI2OH0CADMK5gbrKyEw"
    "dwQAZqx4+Z2y3QqhGaAAOKNwLjBLYXEvOHdGqADWKKxLWVGFEN0RAJix3afF5DCRradPAG"
    "DGVnaNLFVlbnKUhcmLe5AGII1CavvSSjn8WWKEkDgDfFrAB6NyGJcfRhBMU7Dzzz8woysn"
    "OKAhwIdFf5Zg23NqOBAyloMgu19LNRW6x03wamdt4LiieNkckv1QvPTxJZU+xxu6pQ5VNm"
    "cOul429n0V0dmnrdHnBJ8V8FmpxtddU+8F8Fl5jlzP4rPiTNAxhie7OfgEjXD+j+RaPcsS"
    "YEFbJWdbPYuFWEDt83Jrn9s7BC6++32uPNojivxejtKxoOzf6l5+Hgw7yP7x85uO/fym41"
    "0m1PEuE6pzlyr4+dTNM67bmw6+9oWZZFNRpti/MzIYeme8o2owZCsbxgMTcdeysRaZnWKE"
    "Fc79nHsVOMu0CpylrAJnvEjGxCJz6eGMyZXmGgB28SGNqmyYkqqtFJJjKxsjBo+z6mxe4z"
    "IL6J1B79wkvbO8VSRTu8OHalC7W2XKumkQ3GGp9cjF1moJkmyamD4eZ3rMAVLX6ay+6106"
    "VkQzlaUyt7E4cFQNA101dWjpeI5p1wciNXZ6aS5ILIO3QSd0yS0zeShcGVOe1/EDdME6Ek"
    "I1Hk9O9cVCgIIamoIm1pSg/4jNOt3gKglF/9slLhmZgRhdByn2lttELzSCMKEdU7DsZOnG"
    "HV68PNnlTZeRV5zZpkTuHWP1M4vqfEZe3Nx473ZzgwxsvnyFeppFGYcM+RE9rGUTrSk4dM"
    "AtWO3NCT1a2OT2M2QsvhkwJvv2RrARg424GtNTTa2FYCN+jlzPYiOGYHgwkvEBd/M9iFrJ"
    "mp8/AkLen4cBYonNuVhYTIACgjgS4rElO7CNoy7ZF5YdIARwk8BVSG54g6QAcBRgKirfCc"
    "0FOwIAE2JijwIrRG4XCidEHULUYa29P0Jzg6u5FQM1QpUL2YpJKOBWUx+3Gt4ALgDdxsUf"
    "RnGNfLYhcOkzoOH11dVTJdf+JlMZubeWCcFqi2NsC10/SbO2PbCW0jzQdK+1rWuXBQ46hC"
    "CXvoPc0sLoy2gyNZBiGvalFTaYLUuzdDSXVZVhgK7HV+hBMdeMJGZzK/4WM+J28BNrd4fJ"
    "CXpYK/M1q318h7fM6MZ0SujF5GP35/bZ+UukEfUxo7kNLGtgWavE3FZTGwtY1p4j17NY1t"
    "xJWzQoJERVjOD4tFNqyWXE7BVRONQpTNXAcMziY2+SfNN+nYyGCXoQnyI6cylzE/0PqYpR"
    "mmje+tvSInN7+3VrKaqpEOMVu9/fn0BBwhBKV5BEdSGR2Yh1EFWQ4O9bhV7OsaiEKRu4qN"
    "R3EYnvHUAPBuqaqqgVqlnEu4t1Kgy3OKoE98pJmhJB3rWBOt11+qhPUsTse6wb7qeYdUMY"
    "IGngbrCUsHf2UQkg7DZvILpvMqU+eZOS+uRNPPUJvaPphnBk3W8HSI6/4X6a/VxhW+vYHu"
    "GYi9mP/wdZl63H"
)
