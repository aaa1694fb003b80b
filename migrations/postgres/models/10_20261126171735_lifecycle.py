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
        ALTER TABLE "integration" ADD "sync_modules" BOOL NOT NULL DEFAULT False;
        ALTER TABLE "integration" ADD "real_time_sync" BOOL NOT NULL DEFAULT False;"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
        ALTER TABLE "integration" DROP COLUMN "sync_modules";
        ALTER TABLE "integration" DROP COLUMN "real_time_sync";
        DROP TABLE IF EXISTS "integration_deletion";
        DROP TABLE IF EXISTS "watch_channel";
        DROP TABLE IF EXISTS "notification";"""


MODELS_STATE = (
    "eJztXWt32kjS/it9+DKZ93hyEhw7WXbPnoMxmTBjQxZwMrvDHFmGBrQWLVYXO57d/Pe3Wz"
    "d0aQm1kLAk1xeDpa4Gnmp1d1U/VfXf1kZbYNV43d0qU+0ek1YH/bdF5A2mb2L3TlBL3m53"
    "d9gFU75T7cbyVpFMv9mdYery3KQ3lrJqYHppgY25rmxNRWMf0uqiOyzrWEe2DFpqOnpUFi"
    "tsGkgmC6TjraabClnR+xr9DmhE1Cek0LuTT92f2mfnaKGssGEixUCGqel48Zp97kKb0w+m"
    "YuV9hEWU/1iY/lTa0Rrr9IN+/4NeVsgCf8OG9+/2XloqWF2E8FQWrAP7umQ+be1rA2J+tB"
    "uyb38nzTXV2pBd4+2TudaI31ohJru6wgTrsolZ96ZuMXiJpaquKjzEnW+6a+J8xYDMAi9l"
    "S2VKYtLOF9hda0nScDSVJv2pJLViCvQkAoC7l+YaYcqnX9Wwf/2KfYWf2m/fvX/34fT83Q"
    "faxP6a/pX3352P3gHjCNrwDKet7/Z92ZSdFjbGO1DnOmZISLIZB/eS3jGVDeYjHJaMIL1w"
    "RV97b6K4eyinAe9d2CG/exqOAT39gQs2ql2Vp+A8HVz3J9Pu9Wf2cRvD+I9q49ed9tmdtn"
    "31KXL11fmP7LpGH3RnCvA7QV8H00+I/Yv+NRr2bXg1w1zp9ifu2k3/1WLfSbZMTSLaoyQv"
    "AqPTu+qhRlvutG5tFzm1HpYErVdF6x5GAbW7336ndfs1pu/eWtb5uvbaR7RM0aqjXjfyN0"
    "nFZGWu6b9v37xJUeyX7rj3qTt+RVtFtDV0b7Wde99D+NoLpeQseyI4R+WKwft5l60Q2ufv"
    "MoB9/i4Ra3YrDPVWx0vlmwjIO4kmDufzLKM5OvUEBvN5FGBVNkzJMnKtEVHZAlYJd+xWBf"
    "36LgrxvQD+tlVodzn0HJYELVdZyzp+oKtMnqc5LAlarrKWNX0lCZnJO4H9pnIdVsVCrOWA"
    "nWRgXQzQgAQg6iLKPDrLe677gY6/OLgfNR0rK/IrfrIxHtAvJJM5zxRxXWwjfSUT5U/Z/n"
    "H1w/i7N4i8q7tJUpcffU9Y4GGlENAfjk1nz9ud9LqX/VZs5BaA7I3bTUMRDTytfEjZ0L2T"
    "5/ePsr6QQmOY3dHaWuSK3zZ+a9PeRK/IRF7Z4LBfwb6zi3qPIr3S9KcWx53s3ztJcyfPg6"
    "32eZOTYeV4a3/3nln7e/0Bzltw3lZxBqipGw+cty9R6+C8fX7nrWJImLCfz1moLjRNxTJJ"
    "WKxCghG476hkWXh7K9lxbeKL0egq9MhcDKYRmG+uL/oUfxt92khx9lRx6wqsVbCtqmIJ7L"
    "Otkg2BkCcVEwMbnAnElfz46xirPpR8wPtOLw3C+nuptpJGTGrcfMa6oXH5N+EGJ6lWk9NU"
    "2u7almM7zfUNG21gPYH1VMknuab7aLCeXqLWs1hPS0U3TEnUhgpLHc+SarXK0nD5dpR9+C"
    "8KdEgILNZsSOONrKgiKPsCuRCu2LFtGOD2WRaKEW2VCLB9L0IyoiAJDWNfoHkAn2UZwGfJ"
    "4/eM53DZ6spGdg4pxBwuAcEjOlz8K7X1uFDoqDGjPHBG9T7Id3Lg4soOuGvoCcwhO4nmTS"
    "LF80DnlmFqG1GSRkQKnIngnAXnbIUchicHEF+8Z7sAdHuBrhqKbGQmzO/7lk0T05/KOzwT"
    "9313nc7qSyY9sgvcVuLHmNeYc/sk1f1tN3QHx0mmMFSCNHsKMmzF/qTiB6wiuwOkLZE3ug"
    "z0Ska98bV7Zy4TdIfRhn4TTNsRU0OK+SMnArXo3tNc8iwAFyhN4JSv7pxeU/csOOVfotaz"
    "OOUp5FjIgekLgIs4m4vYX9QEQA7KAM7ZcLaXMxslLtB9Ym1iNkcI9FAHVUa9Ne3/Nu0g9n"
    "dGHDdYBzmvM8ImlQ5if2eEOdH63WEHuW9m5POg9+vVYEKlvXfRHV8m/bWzqK+drL12VHma"
    "/ds4rJ1fJqNhgq9jJxJdcpS5if6HVMUozenR+tvSInP2BdCdpaimQozX7PP+XtapYQrgDK"
    "LQauMB/eq6+1tUB72r0UV0GWEdXIDrCVxPFTHUTwrjBZZv8dsWbIK573it9tn6bqvySG70"
    "ky0Ve/9xKG9+azreTMv+jjsrHMxuMLuffaaoqQEGZvdL1DpEEonRhjIZg+0UY7DNSQN1gB"
    "1YCxPw4mYyGPYnE2rbue9mZDC8HHwZXN50rzpo9z6XgVd4LqPd1iKPSnbSRySAdnvTwZe+"
    "oEHnSnWQ88qU4l3x3lVDIcBcBOZijZmLj/jOYIwvAXwDIs1DuH12lmkIn6UM4bMoyBvtTl"
    "GFMN5JNA/i4gfx3NJ1TOYc8m0KNzEg0zyMTzNAfJqI8GkUYDoYVfrhEv1AjIXygcYlmwd2"
    "O9OIbqcM6XZ8THvAzRVTaFxH5ZoHdymnXrtxKouthjFBAFwI8Lm2yIW3J9c8uE+zoH2aDP"
    "ZpCtYWMXkxKlng9kWbh3gpA9xYK9ttvkWTI9o80EtZNX3kRJfNmGDzAC97lAsunHFJgFwM"
    "ctGlMybYPMCLXzsDoAkvnjzZ5mFeyiAPH7jn8XWHe6gw7K1urze6GU4nzNntvJuR3mg47f"
    "bYNe/djFz2u1f0gv1SDec3hISWHBLqjGGFdpiPzxATh5z31TnNjpMYjCcylxaKztu7pga1"
    "hwUhj4BIWLsTKfYgqxYv3V0ycTYmeBB9Ns9TxWPPsk8F9iywZzvAnq0KezYw14SSMh6YXD"
    "OWDLIhwIfpFUfOQ1rNzU06Rv6o0kxMTEVWD0Trs9dPQ/ECnLLh5JRFPhCksd1JgxAqMxbC"
    "m6c4oRCBKSw5EgIHGhUaCJEU6eCV5mHmY4s28m/4z1joqh+pASEREBJRjee8puR4CIl4iV"
    "rPEhKx4J7DMX3zde21T9NyDTWcolGmpWhygQ07oZE2CtE42bYulFXiEhSVbJLf4S/t9unp"
    "+/ab0/MPZ+/evz/78MZfmOK30laoi8HPbJEKPRI8T9wz0DgrB32ZPE78bb6WyQpLOn+SwH"
    "NlI6sJcQtR2eiE4Qi/djspC/q3zzBf9HuD6+7Vq/abk7dvIv5kTwnv4qQr2cBS/nmFKw6T"
    "S+7JhVodbPwK8bCCMo3LmF9KvGDwm8WAnuJvCYM9ItYArNM2lP3fpuknJf5+8mo0/NlrHj"
    "0++R7x1SwxWwiFCEEhoQaAfpzSejpWNneWbtgQxOf0PbnHo9KQgVwo5TvjI+cDPigJB+Qi"
    "B+SyU39ZMC95WKpJO5fC8pI/X8b3ijnbIeF7tfH0vfliqEbFYKjGoXUO2cRwDckAqHFQ2b"
    "GUGKQBCZgBgDkksv0qtOSDd6B6ILI3RqNLPQSe1hCk4/5kOh70pi3uBrYAXHuBrhqKbWTj"
    "ngXfZylTUrElLDO8KVVK+PBugzSjA/FtIGUpCnB005kBYd3nKB0Ib9PITlFsQxvPBGCz8G"
    "DdCjsF0ToFSuzUZVKODM85pl0fTMSze2nO4DwGE88fWsmMvODo28vMk+Rg6/01iRDb6SBN"
    "RzJyWb7I4Y6zokHmGvuFg9DjWkOmpt2jraybSCH2XfdTOeWICux4P10QyH5A9qvEVFJT2h"
    "eQ/V6i1rOQ/aqf/7jObIZwuJbgKQ1PFny1cV+ttzMSQjcsBB5bOANr4JlCAx98OFI4/pFC"
    "ICjsQHCzh9HWFdfwulK145qKTQiHntbwa56H9k1FHCkIhsnXFGTufrNKdb7oMolXuuz+/p"
    "g3LXj7JM2TpkQa7nWijQhmvq1Q/e3XaILnOjYNJOsYGSYdVAuEyVx/2tKBgV7d3v6f5P97"
    "e/vjCSL4gfahEEQNB1mPe9RK+xRwr4F7rSarbE0dLeBee4laz+JeS0lqm63Y0rGdbUyfvd"
    "Fw2O9N+5eCnrewcAeF/rUzUnp3AlcvB5PuxRW76L2LroyZQjUKz0xpT99zTExdyD8aEWte"
    "jsosKSqTM1TGElTKczu1rSFZulARrKhc84AupZAQq2cvivROBEDOBPJcVegEIJrXNijUvN"
    "OVEnE2bBNpZwfFUU+OG03pogE6eIYYUrp1WlNT8x6TfApJ6QIUIqwQlr856RgnPcV24llO"
    "Ayb9ctJsM8RET9Ojcs3DupyJn8KWK9dLRK55cBec7sXO/06/rpICd2rYNL8DiJ4WTi+O9U"
    "OrWcS7OWoJZ6cuhahHIWtlC++u1B1eSrsG3Mt5/AvtTHWJU8oSx5YMugPCSclk9mtzJ31E"
    "JX7sT3ufRDVoC3WQ/TIj068j6Wv3nx3kvsmjiw8ZVPEhURMfYo4ea6sqLGZJ2mr0TcKCsl"
    "8lvH6OqJzJr4PPorqhO8Zhnz5G7GVGRl/646/jwZRe8d/OCOu3g/zeRf1y7Sx+uXayX67N"
    "odQtKbzmgdridHNEZfXG19LXwVB4OvTkqM7cd1RBn/vDy8k/hz33Tvj/ajhTXW+d9KDgR0"
    "FjhCPavG1bCRaJe5qfA3GOKCC+H3GFzFVrgak9t13LRHJR5MVcpeYZSu4Fds0Cu+atMr/H"
    "Cw8/OoyFKvPwpY9enqd8VhBPC6UU4vHMD4OBulRWls7zC6bbkgldwHMh8FzYdb4YA0p/kF"
    "VprVk658FIpPgkSB+P7t1+V9bqUDDZW5UNU7LhEid8RGWh5F51GB5xYg+htnheTUdlQdNV"
    "1rRnijg/ZiNvRbYUXGEo+Ff4PsPdsuXSEVcYdFS0juz1bUm/isSIf3kXyGgHMHdWee60Fz"
    "nn6EHUJI6Kwn5fYL9PHxBVYsPf3mYIIh8XBuwFsH/2ANrah1HEoj1FIo/2RIaOCJ5q9M+R"
    "4kKfVRdFRYWWEsx1yT5nf1CX3+wkY3CX8wOEorx0TJVlmMjUkPPr7VxFwYisHwwU+IgTpF"
    "sEyQaS0b+1O35MVwF9QgQXRHBBLA9EcIHWjx/BxdaYuL6zkQw82SrXlWv1RsMv/fFU6l5d"
    "2Ywq758Z+bXf/ywxgKXpuDucdHvTwYgxDPjXo4vf89CqWMycxbEws0fcWTwjs0wyyD9u+j"
    "fisXaOVAc5rzMyvhkOB8OfO8h9MyOTm16v379kjfy3M/KxO7Cj7ZzXPEorntPjbpHoDHkn"
    "WCSGIwmZcjgcUo08YJ3B5B+iCoCcIH28U783tYPZzyGdD+ewOAAdBdoxpPKNZq4sQJwEca"
    "6RzBcGkKMgLxWiGOtcNkVEFE4/qmNDxE1HrOuaLm2wYcgrjjWRHA4ZE4QgSOEgyGd3wzdg"
    "MwlpF5/BwX60zGpDzVSWLHYlwQsfun+S5n4n0ZZ73e6TtfZImHP89pal+bu9RRpRn/5K/3"
    "XP9ukVxUAGNtHjGtvFA57QRtbvkWIi1iTudS+my/1O99/97I0eDeEP8MODH74SE1JNPbLg"
    "h3+JWs/ih7+nkPLdunxde+2r7HvPGbv0LksE7LvkENh3sRhYUzGTIsv56PoCDYS3lEoQd9"
    "qCE6uabPh57cHey5GFKBepFKiklVwI4us/2PPFOiGh1jV4SOrjIYFa14VXT3gep1NoPHOc"
    "TtHxnux00qIt9zqdpmuMTExkYr5G/QesP7n/IV17RHNZ1xVsoNtbZyze3sZdTHk6ABYneI"
    "9qMrXU1I8A3qOXqPUs3qPql7msuXtDNnCulJwxwSM6PG4moqzLnJAXnJXTjsj7UyOCHruA"
    "0DFBnvaOA3LxGZ3oFlJ5wJK9f1aVjcJZMRI3YVzZI+ZJOav0piyAsarSidzA6lKiG3xde5"
    "A5xQlSg1QTeoBIVZFsWR5PTzLm2jZ3vAOnm2PmmL26EpxpWqOvww6if2bEjn7wenjehKQ6"
    "3mo6q0lAf7uLcmY2fEwSOJeCccThWil2GQJewgJX9uOvY6z6jge+e6m7VaasmxruHJNcTG"
    "HWO/09K415PA7Dqef089RYnEIFNg8FS7AoaT0Rsyn63sN5GF52V/602Vy0uMEQ4kg1yiMe"
    "5mI7FZoPRKl5lax5IEmySXd0C1wQWl23t6aixks+cSByCQkwmohekDt8IGpRwnIT4UoLzB"
    "LB6rPXT1OB0vEc064PhGns9NJckJjpeDBGrJNmQyThB0yKAar/gGtJl8mElp21b25R8+TQ"
    "DemE9tSzO2o0VnSa0vSFZEf8FYDY2O6uz3prNmzWoZsFGy2rsfsEdgRxIEINI0iF4HmUzf"
    "lamq9lQvChW6mvrK+e01WT8BKigXHNoWRcvTSMQqZQBnCrScDmYyvAmtvt1jmUudBWPpkv"
    "tw0120uW67JiU2iBZfU1GpjoDqsaWRksvlImyE1rjjzn0wmSkevoDFzTdHSnmes4j67gvj"
    "kUu989+i0rRaksnBBN4NwB565qs29N2VfAuXuJWgfOnRjnrowq2IbJTSaTDLAv0ICgwkhK"
    "wkycxrcpnMa3cU4jSwaZmwrjCx8R69Hn/lAQb1umg9jfGfk6om/pnxm5Gk2mHcT+Rndsz8"
    "CHkTd24ZyNQjROtM+Fskom4UUkG5Qa8i/t9unp+/ab0/MPZ+/evz/78MbfqsVvpe3ZLgY/"
    "s21bSBm8IuTi1N6DWb1VQ75MTu9c1Qz64dKCO+ewTVICyBG5tC1S/SBPwZjtcKKJvh7pb5"
    "OYnZcY0po8WrnCzRu2JdS9NSSH7MyZm1Mr3QbljsjW9czp2pJ1XUeGyEzsS8CA3j+gGVpe"
    "tT5xnMOSgHc2vHeVlkXxDksC3hnwdhHzXKhiuR8SpBu0tS4uHXg+gAHYfcBCBpjD8YR8Jc"
    "fPVzIPUKsPRFeApV2xySArsJF5MITuuD+Zjge9aSt1YQOYs8DMX88T4M4SN3Vsgn1NgH9G"
    "umVdECoz3ZDH3+XQJgLU3mTShB5otJ8yQZC1VTV5gRfIFURLRaUt6UOm04sWRV5Himmgya"
    "fuT+2zc3T3ZNeFZPfpD0DsR2PCSW5dbNdZkly72wFjLdPOWvS2f8nLv+U+8ZD+GsgUFZli"
    "anqsDmSKl6j1LGQKNsVLooyKkBDQKrLRKtiGGBPTAUoA7KhcA/Euh2ah/CmS48JrDo4cjm"
    "PM3aMJjNqdRAPHaymHnQu6/WahpTnOO0OikKBI4MzTM3ly7XpCorDtqcq2J8tm18tDIGQ/"
    "hoXgAAUOUCCFfh0QhSMpSKFfTUSTUujzz6Hw7ujiQFgbdwgSBTa8VIewpV8BDW+urp6rPo"
    "F7usI9L/DOXdKOC/w2+04LkkFNC2ck1uaOXoqGM+7c9aZsWkbIXe+kR3UeVO82eOzBY1+J"
    "GaPBRgx47Jum9Swee3eCjmk8JQDSl2igL66drepAStGBqC8O4ktLrulgGQrBhiFtLZ0+Gx"
    "ysU8pXcmQbEHWaNj2VUcqS7tJ0UzgmLCx1YERY1Qa+WEgYJgth+IIyLxo810bgTrHZIqAd"
    "6SM++Jfj7sep4NPvCHWQ/TIjk5uL68F02r/sIP/tjHQ/fx6PvrCL3rsZGfd/6ffsht47dm"
    "1wfXEznjhXvfetHHP62/MsZ63RDU7gqPU8dtJq3W0UM99ONCoLJXKrs/WMWxyupZ9H0RFR"
    "0HOV9axjZXNn6QZVFy/HWvIaFxN8yXHjPhgbxt/R8RLr/MIrybZFShfNC0kshQbEwsH1+V"
    "qhU08c+L2B5AFJ4FUI8Co8l7DY4WVECk7YIfbzaMACdaFYPHc124RQjYrBUAVWSDmIAisE"
    "WCHVRFSMFQJRyaUGf4eSWh+Ir0hJnJoCHF2/MyAcpI8cZ2KoKbYR8whC6UsNpV8rLLCZk5"
    "kSCvKUHFC/gyyRJOcjuo8p55RVslvuja4fEYxUhf7RlkhGjvwPBnIHQgc9rjW0YT5spJho"
    "qWsbekWZr5FzIsWKC9j/nyCZLOjbp3iQfSmfsD/WHsh4QMarxIRSU1oWkPFeotazkPFYpl"
    "neCVnyic5OopF8saLJeGwRlA4jjES6qPC52YthjNAH6jCdhjqo8oP0YlQ61zYbd6edlcwZ"
    "EAEOpzCHky4kmuj5akAEzgHgELB0PF0bXAjSkAygCqdVIrNvoadVu1jLA7FtXP3yKKqhZ3"
    "Y/sPY6BOeAe/39geVa2Nlfpos2UDmd46EN11VPdtAGKrln889+0h7pLR3JiLbE8gatZQPd"
    "YUwQczB0kFPp3ED0sxT6SxZINlkVV3lpYh3d3nqXJUOho+r2Fsk6tiVjbtqyPmhG8aT6Ro"
    "RuiRFz5qBXLIFqb3z9g8GSrTJxxUBUSrUM5QH/FVlbOsRNg6VaZQVtlQXayPfYTrvKToJU"
    "eUu/m75RsWH8uLdSrfNjoFIteIerOS/W1E8I3uGXqPUs3mF3wo1pPK2UqidRZadWTu/waT"
    "uD0+m0nVzcsB11OoVXWtFHKy4NUUnVeZrikyh4Z8CPUBXbbJ8f4fkMs7FtnPR1Pdk6CzY5"
    "2WuiOdaOhP3mhSaeAmMEjJEqTgQ13ZaCMfIStZ7FGKHTu6UKBR/vJMAYyWCMHL1+crUBLj"
    "5J/gYbBt33xBFOphgERBoB8bFJBmByFXwgbhHB03BfAPAEE1Zkjij2KNzikFyFgbVtT6vJ"
    "mO4e18q5BSzSSnIHOCrZ5wZwW5Vp/ceyTIM7ANwBlZgAamoYgjvgJWo929lk7ZJw/uOmf+"
    "PS3QUI+I5UBzmvMzK+GQ4Hw587yH3DSPm9Xr9/6ZDy3bcz8rE7uGKXnNcZ6XWHvf6Vfcl/"
    "28o2isLU+yyOh7fJjoe3MccD/fTVSiwleEDkiAq87g5vuleCCszpfighzSlLf5wvyWlIEg"
    "6ZqzMtxlfDpUIUY51LzRFR0HOV9YwNqgN792JqJi+7S3IZwLjk8XwzbyptWgTS5ujaHBsG"
    "L+lmcu63oAxAGkv96NhYAoAGJADOeOnXhSCcAQmAMzY6VY2IDU5fAMCMgrnB+koIzJ0AgB"
    "krXn6vbLdCaAYkAM4onAvMUlg8CM6dESmANQrrUlZUIUR3AgBmbPdpMTtMZOvpCwCYsZVd"
    "I0tVmZscZ2Hy4h6UAUijkNpcWikHnyUmCIkzgNMCHIzKYVx+GEEwTcGOn39gRldOcEBDgC"
    "81Zamdh4BDrvDyEyQzK7yE6CUV88YbukkM1epmlFMvv/i+Gt9ssGr0ewILA1gY1Xi6a3oe"
    "DyyMl6j1LCwMZ4KOKTz54N4XaASdPZI99CxLyABtlZw/9CwWNADVvMut5m3vELj47mcReb"
    "JHNGK9rJtjQWu21b28Hgw7yH7xM3aO/Yyd411uz/Eut6fzKVVgrtSN69XtTQdf+sJKsqWo"
    "UuzXGRkMvSveu2ooZCsbxiMz2taysRaZnWKCFc5mnHsVOMu0CpylrAJnvNi8xLJp6QF6yb"
    "XTGgB28UF6qmyYkqqtFJJjKxsTBg5VdTavcZsFPKngSW2SJ1XeKpKp3WNyoBu1u1WmrJsG"
    "wR22Wo9cPqyWIMmmienX40yPOUDqOp3Vd71Lx4poprJU5jYWB46qYaCrpg4tHc8x7fpApM"
    "ZOL80FieWkNuiELrmFEw+FK2MS7zo+gC5YR0KoxuPJqSdYCFBQFVLgiPWrbM7X1FAnBKst"
    "zlFr6P5J2pHrI2spzQNN9yYe79rJt4OLFHLlO8hN4I0+jyZTAymmYd9aYbtao2bpaC6rKs"
    "MA3Yyv0KNirplI1A1VwkfMiNvBD6wd3Y2euMUkFQPd463Jkpqv8QK9mnzq/tQ+O/8RaUSF"
    "ipJwIlyryaimZ4NwIvwStZ7lRNidtEUd1SGpYs5pnndKLTlZn70iCh+/hKUaeERc/HlA0n"
    "75l8lomEBx8CWiM5cyN9H/kKoYpW2bW39bWsSu0IruLEU1FWK8Zp/3d8GTyCKOAxhCoUkr"
    "Rn6O8pwjsxHrIEp+xt+2Cr2dY1EJSzZwUanvIgInM3AyUx0/wEktUuV3sU6N4RbHleDeOU"
    "lzIsi7NpANv04P9UmKmf2AdUOwmntApIG7wVKoOOyhEkDYbd5AdN9momO+TaFjvo3TMekn"
    "mtwy3Mn77YDI8Tfcz7OfK2xrHdsjHHMx+/7/QQQmPw=="
)
