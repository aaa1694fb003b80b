from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
        CREATE TABLE IF NOT EXISTS "per_diem_policy" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "created_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL,
    "name" VARCHAR(100) NOT NULL,
    "first_last_day_share" VARCHAR(40),
    "breakfast_share" VARCHAR(40),
    "lunch_share" VARCHAR(40),
    "dinner_share" VARCHAR(40),
    "org_id" INT NOT NULL REFERENCES "organization" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_per_diem_po_org_id_eb5739" UNIQUE ("org_id", "name")
) /* A rule set: hour tiers (child rows), the first and last day share of a multi-day trip, */;
        CREATE TABLE IF NOT EXISTS "per_diem_assignment" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "created_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL,
    "org_id" INT NOT NULL REFERENCES "organization" ("id") ON DELETE CASCADE,
    "policy_id" INT NOT NULL REFERENCES "per_diem_policy" ("id") ON DELETE RESTRICT,
    "user_id" INT NOT NULL UNIQUE REFERENCES "user" ("id") ON DELETE CASCADE
) /* The per diem policy a user's per diems are calculated with (one per user). */;
        CREATE TABLE IF NOT EXISTS "per_diem_detail" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "created_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL,
    "mode" VARCHAR(16) NOT NULL /* TRIP: TRIP\nINDIVIDUAL_DAYS: INDIVIDUAL_DAYS */,
    "inputs" JSON,
    "breakdown" JSON,
    "org_id" INT NOT NULL REFERENCES "organization" ("id") ON DELETE CASCADE,
    "policy_id" INT NOT NULL REFERENCES "per_diem_policy" ("id") ON DELETE RESTRICT,
    "expense_id" INT NOT NULL UNIQUE REFERENCES "expense" ("id") ON DELETE CASCADE
) /* What made a per diem expense: the policy, the mode and inputs of the trip, and the */;
        CREATE TABLE IF NOT EXISTS "per_diem_location" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "created_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL,
    "name" VARCHAR(200) NOT NULL,
    "org_id" INT NOT NULL REFERENCES "organization" ("id") ON DELETE CASCADE,
    "policy_id" INT NOT NULL REFERENCES "per_diem_policy" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_per_diem_lo_policy__b5ab48" UNIQUE ("policy_id", "name")
);
        CREATE TABLE IF NOT EXISTS "per_diem_rate" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "created_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL,
    "currency" VARCHAR(3) NOT NULL,
    "full_day_minor" BIGINT NOT NULL,
    "breakfast_minor" BIGINT,
    "lunch_minor" BIGINT,
    "dinner_minor" BIGINT,
    "effective_from" DATE NOT NULL,
    "effective_to" DATE,
    "location_id" INT NOT NULL REFERENCES "per_diem_location" ("id") ON DELETE CASCADE,
    "org_id" INT NOT NULL REFERENCES "organization" ("id") ON DELETE CASCADE
) /* A location's rate from ``effective_from`` to ``effective_to`` (inclusive; null: open). */;
CREATE INDEX IF NOT EXISTS "idx_per_diem_ra_locatio_15bf92" ON "per_diem_rate" ("location_id", "effective_from");
        CREATE TABLE IF NOT EXISTS "per_diem_tier" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "created_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL,
    "min_hours" VARCHAR(40) NOT NULL,
    "exclusive" INT NOT NULL,
    "share" VARCHAR(40) NOT NULL,
    "org_id" INT NOT NULL REFERENCES "organization" ("id") ON DELETE CASCADE,
    "policy_id" INT NOT NULL REFERENCES "per_diem_policy" ("id") ON DELETE CASCADE
) /* Hours in a day that earn a share of the rate: at least (or more than) ``min_hours``. */;"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
        DROP TABLE IF EXISTS "per_diem_rate";
        DROP TABLE IF EXISTS "per_diem_tier";
        DROP TABLE IF EXISTS "per_diem_location";
        DROP TABLE IF EXISTS "per_diem_detail";
        DROP TABLE IF EXISTS "per_diem_policy";
        DROP TABLE IF EXISTS "per_diem_assignment";"""


MODELS_STATE = (
    "eJztXW132jq2/itafDnpXZyuljRph7nrrkUIPWVOAr2EtGfuySzHMSJ41ciMbZJ2Zvrfry"
    "S/4BfZWAYT2+wvCdjaAp4tS9qP9su/W0tzhg37dW+lT81vmLS66N8toi4xfZG410YtdbXa"
    "3GEXHPXB4I3Vla44QbMH27FUzaE35qphY3pphm3N0leObrIPafXQA1YtbCEug+amhZ712S"
    "N2bKSSGbLwyrQcnTzS+yb9DmhMjB9Ip3dvPvV+7Zydo5n+iG0H6TayHdPCs9fsc2emRj+Y"
    "ipX3EWui/3ON6U+lHS2wRT/oz3/QyzqZ4e/Y9t+uvilzHRuzCJ76jHXAryvOjxW/NiTOR9"
    "6QffsHRTON9ZJsGq9+OAuTBK114rCrj5hgS3Uw696x1gxesjYMTxU+4u433TRxv2JIZobn"
    "6tpgSmLS7hfYXGspymg8VW4GU0VpJRToS4QA9y5pJmHKp1/V5r/+kX2FXztv371/9+H0/N"
    "0H2oR/zeDK+5/uR2+AcQU5PKNp6ye/rzqq24JjvAFVszBDQlGdJLiX9I6jL7EY4ahkDOmZ"
    "J/rafxHH3Uc5C3j/wgb5zdNwCOjpD5yxUe2pPAPn6fB6cDPtXX9mH7e07X8aHL/edMDudP"
    "jVH7GrJ+ev2HWTPujuFBB0gr4Op58Qe4v+bzwacHhN23m0+Cdu2k3/r8W+k7p2TIWYz4o6"
    "C41O/6qPGm250fp6NSuo9agkaL0qWvcxCqnd+/YbrfP/CX33F6ol1rXfPqZlilYd9bpUvy"
    "sGJo/Ogr59++ZNhmK/9Cb9T73JCW0V09bIu9Vx7/2M4MsXSsVd9mRwjsvtB++XXbYiaJ+/"
    "ywH2+btUrNmtKNQrC8/17zIgbySaOJzP84zm+NQTGszncYAN1XaUtV1ojYjL7mGV8MZuVd"
    "Cv76KQ3Avg7yuddldAz1FJ0HKVtWzhJ7rKFHmao5Kg5Spr2bQeFSkzeSOw3VSuw6q4F2s5"
    "ZCfZ2JIDNCQBiHqIMkZn/k1IP9DxlwT3o2lh/ZH8jn9wjIf0C6lEE5kiHsU2th5Vov9L5T"
    "+ufhj/9AeRf3UzSVrqc8CEhR5WCgH94dhx97y9m37vctBKjNw9IHvrddNQRENPqxhSNnQf"
    "VO3bs2rNlMgYZnfMjhm7ErRN3lp2lvErKlEfOTjsV7Dv7KHep0g/mtaPloBODu61s+hkLd"
    "xqG5ucDquArf3Tf2b59/oHkLdA3lZxBqgpjQfk7TFqHcjblydvdVvBhP18wUJ1YZoGVknK"
    "YhURjMH9QCXLwttfyQ5rE1+Mx1eRR+ZiOI3BfHt9MaD4c/RpI93dUyWtK7BWwbaqiiWwzb"
    "ZKNwQiTComNrYFE4gn+fH3CTYCKMWAD9xeGoT1z1JtJZM41Lj5jC3bFPrfRBu0M60mt6my"
    "2rQtx3bSrCUbbWA9gfVUySe5pvtosJ6OUet5rKe5btmOImtDRaUOZ0m1WmVpuHw7ih/+yw"
    "IdEQKLNR/SeKnqhgzKgUAhhCt2bBsFuHOWx8WItkoFmN+LORlRkKSGcSDQPIDP8gzgs/Tx"
    "eyYiXFaWvlTdQwo5wiUkeEDCJbhSW8aFQkeNGf1JMKq3Qb6RA4orP+CeoScxh2wkmjeJ7N"
    "8PVFvbjrmUddKISQGZCOQskLMVIgzbOzi++M/2HtDth7pqKLKxmbA49606DqY/VXR4Js99"
    "99zO6utMemAKnCvxY4I1FtxuZ9LfvKE3ONq5wlAJMvkUZHPF/mrgJ2wg3gEy58gfXTY6UV"
    "F/cu3d0VSCHjBa0m+CaTvimEh3XgkiUPfdexYlzwJwwaUJSPnqzuk1pWeBlD9Grech5Snk"
    "WIrADASAIs5HEQeLmgTIYRnAOR/OfDnjKAmBHpD1MmFzRECPdFBl1FvTwR/TLmJ/74hLg3"
    "WR+/+OsEmli9jfO8JItEFv1EXeizvyedj//Wp4Q6X9V/EdXy79dfKor5OuvU5ceSb/bQKv"
    "nb/djEcpXMdGJL7k6JqD/oMM3S6N9Gj993xNNPYF0MNaNxyd2K/Z5/1PWaeGGYAziCKrjQ"
    "/0yXXvj7gO+lfji/gywjq4AOoJqKeKGOrtvfkFlm/xcws2xdx3Watttr7XqjwnN/rJawP7"
    "7wQub0FrOt6cNf+OGysczG4wu198pqipAQZm9zFqHSKJ5NyGchmDnQxjsCNIA7WDHVgLE/"
    "Di9mY4GtzcUNvOe3VHhqPL4Zfh5W3vqos2rwsZeHvPZbTZWhRRyUb6gA6gvf50+GUgadB5"
    "Ul3k/mdK8a/4r6qhEPBcBM/FGnsuPuMHm3l8SeAbEmkewp2zs1xD+CxjCJ/FQV6aD7ohhf"
    "FGonkQ738Qa2vLwkQTON9m+CaGZJqH8WkOiE9TET6NA0wHo0E/XKEfiLFUPtCkZPPA7uQa"
    "0Z2MId1JjmkfOE13pMZ1XK55cJdy6rUZp6rcapgQBMClANfMWSG8fbnmwX2aB+3TdLBPM7"
    "BeE0cUo5IH7kC0eYiXMsDthb5aFVs0BaLNA72UVTNATnbZTAg2D/CyR7nkwpmUBMjlIJdd"
    "OhOCzQN8/2tnCDTpxVMk2zzMSxnk0QP3Ilx3tIcKw97q9fvj29H0hpHd7qs70h+Ppr0+u+"
    "a/uiOXg94VvcD/VYP8hpDQkkNC3TGs0w6L+TMkxCHnfXVOs5NODPYPoikz3RLtXTOD2qOC"
    "kEdAJqzdjRR7Uo21KN1duuNsQnAn99kiT5XIe5Z9KnjPgvdsF7xnq+I9G5prIkkZd0yumU"
    "gG2RDgo+4VB85DWs3NTTZGwagyHUwcXTV2ROuz309D8QKc8uHklkXeEaQJ76RBCJUZC+HP"
    "U4JQiNAUlh4JgUON9hoIkRbp4JfmYeZjizYKbgTPWORqEKkBIREQElGN57ymzvEQEnGMWs"
    "8TEjETnsMxfYt17bfP0nINNZyhUaaleHKBJTuhUZY6MQXZti70x9QlKC7ZJN7hL53O6en7"
    "zpvT8w9n796/P/vwJliYkreyVqiL4W9skYo8EiIm7gXcOCsHfZl+nPi7tlDJI1Ys8SSBNX"
    "2pGilxC3HZ+IThCr/2OikL+rcvMF8M+sPr3tVJ50377ZsYn+wr4V3S6Uq1sVJ8XhGKw+RS"
    "eHKhVgcbv1J+WGGZxmXMLyVeMPzNEkBP8feUwR4TawDWWRvKwR/T7JOSYD95NR795jePH5"
    "/8jHE1c8wWQimHoIhQA0A/TGk9C+vLh7VlcwiSc/qW3ONxachALpXynfkjFwM+LAkH5DIH"
    "5Kpbf1kyL3lUqkk7l73lJX+5jO8VI9sh4Xu18QzYfDlU42IwVJPQuodscrhGZADUJKjsWE"
    "oO0pAEzADgOSSz/dpryQf/QHVHZG/tRpd6CD2tEUgng5vpZNiftoQb2D3g2g911VBsYxv3"
    "PPi+SJmSii1hueHNqFIihncVdjPaEd8GuizFAY5vOnMgbAU+SjvC2zRnpzi2kY1nCrB5/G"
    "C9Cjt7cuuUKLFTl0k5Njw1TLve2RGP99KcwSnniReaT+nkO9PxMh3OMcFTk/7J4QKKrUva"
    "1SV2vKRuDYJW3m8xeBDT/RfDz+pWP0ZFDbfeXsEJsX0hMi2kIs8nGrme9qzEkrPAQZkl9L"
    "wwkWOa39BKtRykE37X+1RB8aY9drzduRJcI8E1shKzQ02d5MA18hi1nsc1svrZouvs+xEN"
    "bpM80xLJArOdZLb9nZEUulEh4LfhxLCBJzANfPDhAObwBzChELodwc0fdFxXXKPrStUOty"
    "o2Iex6tiWuEB/ZN+3jAEYyqUBNQRbuN6tUFY0uk/jRUr3fn2DTwrfbWUyaHmu4lUQbE8y4"
    "rUi18tfoBmsWdmykWhjZDh1UM4SJZv1Y0YGBTu7v/0sJ3t7fv2ojgp9oHzpB1HBQrSSjVt"
    "qnAL0G9FpNVtmaEi1Arx2j1vPQaxkpgPOVpjo02cb02R+PRoP+dHApybxFhbso8pbn7/Tv"
    "hK5eDm96F1fsov8qvjLmYe/2n8eTT98aJo4lxY/GxJqX0TNPQs/0fJ6JdJ6qxhMB28raki"
    "oZFpdrHtCllF1SV7o00hsRADkXyJqh0wlANgtwWKh5pysl4mxzE2ljByVRT4+yzeiiATp4"
    "gYhbunVaUFPzGybFFJLRBShEWiEs23XaMU52QvLUs5wGTPrlJCVniMmepsflmod1ORM/ha"
    "1QZpyYXPPg3nNyHJ4tn35dPQPuzCBzcQcQay6djB1bu9b+SHZz0ILXbhUPWUYhbx0Q/67S"
    "G10qmwbCy0X4hU6uKs4ZRZwTSwbdAeG01DvbtbmRPqASPw6m/U+yGuRCXcT/3ZHp17Hytf"
    "f3LvJeFNHFhxyq+JCqiQ8Jome9MnQW4aWsTPoiZUHZrhJRPwdUzs3vw8+yuqE7xtGAPkbs"
    "3x0ZfxlMvk6GU3oleHlHWL9dFPQuy8t18vBynXReriNwqZtTeJ0dtSXo5oDK6k+ula/Dkf"
    "R06MtRnXmvqII+D0aXN38f9b070ffVIFM9tk550vGzpDEiEG3etq0Ei8Q7zS+AuEAUEN+O"
    "uE40Yz3D1J5bLVSieCiKItQyszKl9wK7Zold80rXvuGZjx8dxlJ1jMTSBy9mVL5XkEgLpZ"
    "Qt8s0Pm4E61x/XlogXzLYlU7qA50LiueBV0ZgHlPWkGsrCXFuCByPVxSdF+nDu3p13Za0O"
    "e3b2NlTbUThc8g4fcVkoUFgdD4+kYw+htnhRTcdlQdNV1rRvirg/ZqmuZLYUQmEoj7j3fY"
    "a3ZSukI6Ew6GjfOuLr25x+FYU5/hVdIOMdwNxZ5bnzxYMJa+9Snoh8k4nC2BIl52d3OVCM"
    "3IvqYl8RcvsLbInAKYhsicOdHtpixltujW2ZLjByMFGJ8xoNnrD1w3uHLPMZaapl6dhG9/"
    "cuGPf3ybCVIh1ARApEpEBsAkSkgNYh4ctL+qaVkfKFF6kq4pyWEDzgefTtjWysTzX809j0"
    "ovzLJFIjOiJ0SJCn/cOAvP+zTbqF1J+wwuPwDX2pC1aM9GqQItkDnhicVXpTFsLYMOhEbm"
    "NjrtANvmU+ibIbZx6QpfQA52My58ZBqmRbM1eFvS0F3RzS2/LqSnKmaY2/jrqI/rkjVLiL"
    "/B5e1jXPy61sY/rbhXXctpUDCUsebsp5U+EZR4JFikYN8oCcHfMt91b6lHVTw51jGmsUPX"
    "xw6wTouybxbmBJhYwUPbuCJZmep56Icd8X/+HcDS/eVTBtNhctLHJtkUeqUVVjRHnd9lNx"
    "oOEgKVCfQQY1v6CAotq2/kiWmOxaq8ErK9AL+ms8dDNeQWE/sOWuxlBvyAxT43jsB7Qrr7"
    "fGw8ZjYHbetXqofQ4CahqNGfth+wFs4mV5ajRcjr7zdsyDa6o3d0cW0Ea7QiVR06yWQB26"
    "/lNNQWIk2M4Y5azfVmOIFPy0+wbVBWrw1OCtKfdU19aWbe46l9/Qnvq8o0ZjRacp05op2L"
    "L2gtiEdzdgvTUbtvWuO3iO1rqxO3d2mLojQg0rh1y08mEsGbgYz/zFD2NJyGvpb75z6cMk"
    "VSNwahXyOemerQJCiQvkcnBladWZMHKTPSCVFy/8xQ5uuPnVNdXQ1gZTF3rWnQU6Mb2U7K"
    "z1K7Hr6/66BqdYcIqtySRcU/dIcIo9Rq3ncYp98eikl1btnn3Z3MVQDtKIDKBaiQJyzVvx"
    "E/5PUD+u9PpxaZnapLFt6glTHNzIVBjBd0JXusmwP5WrwbWt3Jxk+GdR6qAWYZ9ba83tL+"
    "4zejafbiNvDu9z2MezTeOttvHXheqgpTrD1GwNDFnP4YWiw8xbPhLb/DX7VKSSGdLJau3Y"
    "yJzzyxT2VZtfp+8SNvL+P+KOPNCN6LeZ+Uz8+15/1OqeqT/QCdtjt5HvC9BGPE9RG1n8sr"
    "2g9ngbzfBszXMs0BvqkmXmACscrPBarSY1tcfACj9Greexwtnsn9R3voAbX7bKYaotunX7"
    "3EXs7x0Zji6HX4aXt70r5bL395suil2Ir6Qpo6HkxL3uOpxUSnoOpY0EpMssniIp2OLIQB"
    "8RAvSLow90INCB1Uc1Wmo+J6xRISAFgRQEUrAe4JZHCuJNBNdOvOAOkWC1oAajc+eB2MEg"
    "CCWdHwzHqeRgCI1w820cYTqIAqbsz9BTzb/qP4A7A+6sipNuTVkU4M6OUet5uDNI61ZuWj"
    "egBIASqCaqYLyC8Vp5cNONV7HllDKgIeg6BW+58Jdilqg3SNPt0M0ozmGFbh6h7X4qPWSt"
    "DYxs7HS5Mwfi0eToRFvoxowlGrdfuf4jc92yHe4owkpEcG8Q7u/BHEVUxAtR/8oucoeS+A"
    "lbSR9zRzzHlU0b3gfFmDdio89zR8EzNDcthFVtgVj+Rp1eRkusGmmuKX/6UzxY22BtV3fW"
    "qqndBdb2MWodrG05n5Nc1vbbDGv7bdLa5guswss80SVS4Qun4PnCmr5UDTHkaV3EHzS3j9"
    "deXznUUR/fiMtBf3jduzo5b7+L5T321fIumb6e+ZDMeQHKAqALpAHvTLyNNdEWhbCOSQLO"
    "mTjPdEJ/fSGg46KAdCbSwJQCp1cV2kmqhlta8nPIYCqZnQYSl+ZFCvKVyqAFOSTTUDoA+8"
    "sJ83Tu1+fTczC/lt80B+/rPyC/2C5POrfMJbq/x/M5dssKsQv398gxI1cdk1470YlmrG36"
    "/q/8N3WRucJEkMennI+5I9dYNZBmLlcmYatHGz0vMEGPtCVpI3U2Q+sV6zHCBruxiDlDEf"
    "9shX25ot/WZYOB/gX698WnrZoSgUD/HqPW89C/Rco7vkxlx4PRwHsu7MjWQ87bLnViCjJW"
    "XOiPqStWUrZJvMJfOp3T0/edN6fnH87evX9/9uFNsJIlb2UtaRfD39iqFtFI0k9rw+gW0I"
    "RAuJAqKkaYvYwmXL63gBZigqCBohrwiOACKohLgg6K6iBm5Ag3XSmRjwnJrE1XDReILB6f"
    "bppSgXTMYjC6cjuCWLFBLYehb33LnXfEpJq0OdmbezgcIsEhUl0OkUQzwh7QbS6pHwc4Ni"
    "HKHtUdgPzm5wXp5Ld/nJCD/Hb8plvJ708sax3SCVK5g7HDEulh1WLvI47EbEB0Eb1pYOaM"
    "fGJaaEnHGhMgr9D9Pd10KjwD3v19kvou60MgjR6w0zWZpWrKUwI7fYxaz8NOB3OxQOlZfm"
    "4RuZ2d3Kqm8BxebmftTm4vN/zdO/QVEEGmSVdJkmI+h+ViID9QwbKQDa4cFtqL8fgq8thc"
    "DGMUz+j2+mIwOXkbQz5pEhZx3dyfz2YNhzM4bUJ4e/1RBRYDwtsrD+5O4e2l8hdBIWgRex"
    "GuEp3BXUSa5XDa60+u0YxFLaOhgx6wYZJHmzm6qQSpmsb825C2th1zia02UhFF16E9hq6Z"
    "FnownYXIU2+vfWdFVGvWkukTYqqBtqjk1FRTAxZoi2PUeh7aAmKqNxnMzs7yZDA7O0vPYM"
    "buxexnh24RZAAOBA6HcKt1EHxLiVmncDmFy1cEwgfEevx5MJLEm8t0Eft7R76O6Uv6545c"
    "jW+mXcT+xndsebTxIYcuPqRq4kNcD24ERREvrbgkeGkV9dJ6EQfpqiFfpn+0Zpg2/XBlJp"
    "xz0r234nLH7L1lPjOfTGbnpRZWTR+tQuHmDdvzdznG7fm71IHLbsUqCtmKyv0HJQ9OInIH"
    "PDjxzenanpt4RIbMTBxIwIDePqAZWh71VADnqCTgnQ9vj9YrgHdUEvDOgbeHmE+hyh1qpU"
    "g3aGu9tzPDggADsOBMDsewL41xGcew/qO9B3T7oa7qNRnkBTY2D6YUyMpa2ADmPDCL13Pp"
    "emSJ6mM7JvbJX3usJsBHhqqFV6a1a/6xCe+kQQiV6TgxwRqmX7UlcJvwb7WznCasUKPtLh"
    "MErVeGqbJ0754gmusGbUkfMoteXFPkLaQ7Nrr51Pu1c3aOHn64KeXpffoDEPvRmMwEHhN7"
    "7TpPSiJvO2AvVNpZi94OLjGmjP336w1ChiJwpqjGFFPTY3VwpjhGredxpmBTvCLrURERAr"
    "eKfG4VbEOMieMCJQF2XK6BeJfjZqH/S4Bz6ubAbw5Ejjikhu3RJEbtRqKB47WUw84Z3X7r"
    "mvCYftt5Z0QUYsUkzjx9k6fQriciCtueqmx78mx2oxXacy4RUSE4QIEDlLLxTPU3SgU03c"
    "noeBGFI6nDH0n5FN6OyN7ajcq/H0c09LTmOIfCm6OLHWFt3CFIHNjoUh3Bln4FNLq9unqp"
    "SEvvdEV4XuCfu2QdFwRttp0WpIOaWSB2vXygl+LhjBu63lGdtR2h6+m3tcwn90H1bwNjD4"
    "x9JWaMBhsxwNg3Tet5GHtvgk5oPCMAMpBoIBfXyUMdd9KZ406COIb40hC4+dDNgjdZOXZt"
    "6wTbtrJaW/TZEGA9xd/TCgUIZBsQdZo1PQ3+mEZmJh/bk+veH68is9PVePSb3zyki/7V+C"
    "IZgmo50jFhUanjTopOZtLwhWWOGjzPRhBOsfkioNei1INlPviXk97HqeTT7wp1Ef93R25u"
    "L66H0+ngsouCl3ek9/nzZPyFXfRf3ZHJ4G+DPm/ov2LXhtcXt5Mb96r/ulVgTn97nuesNb"
    "7BCR21nidOWtcPS90pthONy+5hL1pNyqKGW8+kxeFZ+kUUHRMFPVdZzxbWlw9ry6bqEqWo"
    "T1/jEoLHHDcegMFqOCsWnmOWt0DKtsjoonkhiaW4AbFwcEtb6HTqSQK/NZA8JAl+FRJ+FT"
    "4lLHd4GZOCE3aI/TwYsOC6sF88g2SgsrmNo2IwVMErpBxEwSsEvEKqiaicVwhEJZca/B1J"
    "ar0jvpE82s0EOL5+50A47D5ymImhptjGzCMIpS81lH6hs8BmQWZK+VD6wROu5TbrhQLqN5"
    "ClOskFiG7zlFNw0HJrdP2YYGTohNcyVJEr/4uNvIHQRc8LEy0Zh410B7Ha0PSKri2QeyLF"
    "igvw922kkhl9+SMZZF/KJ0AJRXDGq8mEUlO3LHDGO0at53HGY5lmRSdk6Sc6G4lG+ovt2x"
    "mPLYLKbg4jsS4qfG52NB4j9IHaTaeRDqr8IB2NSjVzufR22nmdOUMi4MMp7cNJFxJT9nw1"
    "JALnAHAIWDqeng0uBWlEBlCF0yqZ2Xevp1WbWMsdsc2dULOuqEae2e3A8nUIzgG38v2h5V"
    "qa7C+Tor35QbT+2rJNqyVgaEN321kErU3bKdqm4VZ+9pP5TG9ZSEW0JVaXaKHa6AFjghjB"
    "0GVpS01rZiP6WTr9JTOkOqyKqzp3sIXu7/3Liq3TUXV/j1QLc8kETVvWB91RPKm+EaFbYs"
    "TIHHTCEqj2J9e/2CzZKhPXbUSljLWtP+G/ovWKDnHHZqlWWUFbfYaW6jfM066ykyBDXdHv"
    "Zi0NbNuvtlaqdX8MVKoFdria82JNeUJgh49R63nYYW/CTWg8q5SqL1FlUqsgO3zayUE6nX"
    "bSixt24qRTdKWVfbSS0hCVVJ2nKTmJAjsDPEJVbLNtPMLLGWYTbpwMLCvdOgs3aW810Vxr"
    "R8FB870mngJjBIyRKk4ENd2WgjFyjFrPY4zQ6X1tSAUfbyTAGMlhjBy8fnK1Ad5/kvwltm"
    "2670kinO5iEBJpBMSHdjIAk2vPB+JrInkaHggAnmDCyswR+z0KXwucXKWB5bbnusmYbh7X"
    "ytECa9JKowNclWyjAbxWZVr/iSzTQAcAHVCJCaCmhiHQAceo9Xxnk7VLwvm/t4Nbz91dwg"
    "Hfleoi9/8dmdyORsPRb13kvWBO+f3+YHDpOuV7L+/Ix97wil1y/9+Rfm/UH1zxS8HLVr5R"
    "FHW9z0M8vE0nHt4miAf66Y+PcinBQyIHVOB1b3Tbu5JUYEH6oYQ0pyz9cbEkpxFJOGSuzr"
    "SYXA3nOtHtRSE1x0RBz1XWM7apDvjuxTEdUXaX9DKAScnDcTNvKm1ahNLmWKaGbVuUdDM9"
    "91tYBiBNpH50bSwJQEMSAGey9OtMEs6QBMCZGJ2GSeQGZyAAYMbBXGLrUQrMjQCAmShe/k"
    "1fraTQDEkAnHE4Z5ilsHiSnDtjUgBrHNa5qhtSiG4EAMzE7nPN7DCZrWcgAGAmVnaTzA1d"
    "cwRkYfriHpYBSOOQcl9apYA/S0IQEmeATwv4YFQO4/LDCMJpCjb++TtmdBUEBzQE+FJTlv"
    "I8BALnCj8/QbpnhZ8QvaRi3nhJN4mRWt3M5dTPL76txjcbrCb9nuCFAV4Y1Xi6a3oeD14Y"
    "x6j1PF4Y7gSdUHj6wX0g0Ah39lj20LM8IQO0VXr+0LNE0ABU8y63mjffIQjx3e5F5Mse0I"
    "j1s25OJK3ZVu/yejjqIv4vyNg5CTJ2Tja5PSeb3J7up1TBc6Vuvl69/nT4ZSCtJC5FlcL/"
    "35HhyL/iv6qGQlaqbT8zo22h2guZ2SkhWOFsxoVXgbNcq8BZxipwJorNSy2blh2gl147rQ"
    "Fg7z9Iz1BtRzHMR50U2MomhMGHqjqb16TNAkwqMKlNYlLVla445jdMdqRReyt9yrppENxR"
    "q/XA5cNqCZLqOJh+PcH0WACknttZfde7bKwsrGHa9Y4DauL20tQB5SZZtukMpXiVAHeFK2"
    "dW6nqOKA7WgRCq8XhyC+TtBajjLnMYsu6pwTjT8VKhxjrdqonLovjwjgmemvTPdpA/Y+uS"
    "9tqLdNqQR1fywLWHLV1btARHrt6ddtahq7ppA6nsDqX6sk9Nn7BlS5ZiC4k0ke0vg0djD5"
    "UEwl7zBqL7NtdZytuMs5S3ybMU+omOcLH42814lOpo6YhraM10zUH/QYZu13hNFoHLwIgw"
    "ZAmnwLj/XztKfbEOLkTUyyGzs/z8f+xbIrQ="
)
