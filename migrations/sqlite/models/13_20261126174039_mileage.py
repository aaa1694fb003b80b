from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
        CREATE TABLE IF NOT EXISTS "mileage_vehicle" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "created_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL,
    "name" VARCHAR(100) NOT NULL,
    "is_enabled" INT NOT NULL,
    "category_id" INT NOT NULL REFERENCES "category" ("id") ON DELETE RESTRICT,
    "org_id" INT NOT NULL REFERENCES "organization" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_mileage_veh_org_id_5c5e7f" UNIQUE ("org_id", "name")
) /* A vehicle type of the organisation (Car, Motorcycle, Bicycle), shared by all users. */;
        CREATE TABLE IF NOT EXISTS "mileage_rate" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "created_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL,
    "effective_from" DATE NOT NULL,
    "effective_to" DATE,
    "unit" VARCHAR(8) NOT NULL /* KM: KM\nMILE: MILE */,
    "currency" VARCHAR(3) NOT NULL,
    "rate_per_unit" VARCHAR(40) NOT NULL,
    "org_id" INT NOT NULL REFERENCES "organization" ("id") ON DELETE CASCADE,
    "vehicle_id" INT NOT NULL REFERENCES "mileage_vehicle" ("id") ON DELETE CASCADE
) /* The rate of a vehicle from ``effective_from`` to ``effective_to`` (inclusive; open-ended */;
CREATE INDEX IF NOT EXISTS "idx_mileage_rat_org_id_b3fcdc" ON "mileage_rate" ("org_id", "vehicle_id", "effective_from");
        CREATE TABLE IF NOT EXISTS "mileage_detail" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "created_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL,
    "unit" VARCHAR(8) NOT NULL /* KM: KM\nMILE: MILE */,
    "distance_hundredths" BIGINT NOT NULL,
    "odometer_start_hundredths" BIGINT,
    "odometer_end_hundredths" BIGINT,
    "claimed_before_hundredths" BIGINT NOT NULL,
    "fiscal_year_start" DATE NOT NULL,
    "org_id" INT NOT NULL REFERENCES "organization" ("id") ON DELETE CASCADE,
    "rate_id" INT NOT NULL REFERENCES "mileage_rate" ("id") ON DELETE RESTRICT,
    "vehicle_id" INT NOT NULL REFERENCES "mileage_vehicle" ("id") ON DELETE RESTRICT,
    "expense_id" INT NOT NULL UNIQUE REFERENCES "expense" ("id") ON DELETE CASCADE
) /* How a mileage expense was priced; the expense row keeps the total as its amount. */;
CREATE INDEX IF NOT EXISTS "idx_mileage_det_org_id_6b0de7" ON "mileage_detail" ("org_id", "vehicle_id");
        CREATE TABLE IF NOT EXISTS "mileage_line" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "created_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL,
    "position" SMALLINT NOT NULL,
    "from_hundredths" BIGINT NOT NULL,
    "distance_hundredths" BIGINT NOT NULL,
    "rate_per_unit" VARCHAR(40) NOT NULL,
    "amount_minor" BIGINT NOT NULL,
    "detail_id" INT NOT NULL REFERENCES "mileage_detail" ("id") ON DELETE CASCADE,
    "org_id" INT NOT NULL REFERENCES "organization" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_mileage_lin_detail__a73ebb" UNIQUE ("detail_id", "position")
) /* One part of a mileage expense priced at one rate (several when it crosses a slab). */;
        CREATE TABLE IF NOT EXISTS "mileage_slab" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "created_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL,
    "from_hundredths" BIGINT NOT NULL,
    "rate_per_unit" VARCHAR(40) NOT NULL,
    "org_id" INT NOT NULL REFERENCES "organization" ("id") ON DELETE CASCADE,
    "rate_id" INT NOT NULL REFERENCES "mileage_rate" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_mileage_sla_rate_id_eb5152" UNIQUE ("rate_id", "from_hundredths")
) /* Above ``from_hundredths`` claimed in the fiscal year, ``rate_per_unit`` applies. */;
        ALTER TABLE "organization" ADD "fiscal_year_start_month" SMALLINT NOT NULL DEFAULT 1;"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
        ALTER TABLE "organization" DROP COLUMN "fiscal_year_start_month";
        DROP TABLE IF EXISTS "mileage_line";
        DROP TABLE IF EXISTS "mileage_rate";
        DROP TABLE IF EXISTS "mileage_slab";
        DROP TABLE IF EXISTS "mileage_vehicle";
        DROP TABLE IF EXISTS "mileage_detail";"""


MODELS_STATE = (
    "eJztfWt34riW9l/RypdOvYuuVUUuVSc9a9YihO7idEJqCKnqM52zHMeIoImRGdsklTOn//"
    "sr+YYvsrGMTWyzvwRiawt4tixpP9qX/ztYGFOsW+97SzIxnjA9OEP/d0DVBWZvEvc66EBd"
    "Ltd3+AVbfdCdxuqSKHbQ7MGyTVWz2Y2ZqluYXZpiSzPJ0iYG/5CDHnrAqolN5MigmWGiFz"
    "J9xLaFVDpFJl4apk3oI7tvsO+Arqn+igi7e/Ol93P35BRNySO2bEQsZNmGiafv+edODY19"
    "MBOr7iNWlPzvCrOfyjqaY5N90J//ZJcJneIf2PL/XT4pM4L1aQRPMuUdONcV+3XpXBtS+1"
    "enIf/2D4pm6KsFXTdevtpzgwatCbX51UdMsanamHdvmysOL13puqcKH3H3m66buF8xJDPF"
    "M3WlcyVxafcLrK8dKMroeqLcDCaKcpBQoC8RAty7pBmUK599Vcv59Y/8K/zc/Xj86fjz0e"
    "nxZ9bE+ZrBlU9/uR+9BsYVdOAZTQ7+cu6rtuq2cDBeg6qZmCOhqHYS3At2xyYLLEY4KhlD"
    "euqJvvffxHH3Uc4C3r+wRn79NOwCevYDp3xUeyrPwHkyvBrcTHpXX/nHLSzrf3UHv95kwO"
    "90nauvsauHp+/4dYM96O4UEHSCvg8nXxD/F/339WjgwGtY9qPpfOK63eS/D/h3Ule2oVDj"
    "RVGnodHpX/VRYy3XWl8tpwW1HpUErddF6z5GIbV7336tdec1oe/+XDXFuvbbx7TM0GqiXh"
    "fqD0XH9NGes38/fviQodhvvXH/S298yFrFtDXybnXde39F8HUWSsVd9mRwjsuVg/fbLlsR"
    "tE+Pc4B9epyKNb8VhXpp4hn5IQPyWqKNw/k0z2iOTz2hwXwaB1hXLVtZWYXWiLhsCauEN3"
    "brgn5zF4XkXgD/WBLWXQE9RyVBy3XWsomf2SpT5GmOSoKW66xlw3xUpMzktcBmU7kJq2Ip"
    "1nLITrKwKQdoSAIQ9RDljM7sSUg/sPGXBPdXw8Tkkf6OXx2Mh+wLqVQTmSIexXZtPqqU/E"
    "t1flzzMP7LH0T+1fUkaaovARMWelgZBOyHY9vd8/Zu+r2LwUFi5JaA7K3XTUsRDT2tYkj5"
    "0H1QtacX1ZwqkTHM7xhdI3YlaJu8tegu4ldUqj464PBfwb+zh3qfIf1omK8HAjo5uNfJop"
    "O1cKtNbHI6rAK29k//mXW+1z+BvAXyto4zQENpPCBv91HrQN6+PXlLLAVT/vMFC9W5YehY"
    "pSmLVUQwBvcDk6wKb38l261NfH59fRl5ZM6HkxjMt1fnA4a/gz5rRNw9VdK6AmsVbKu6WA"
    "KbbKt0QyDCpGJqYUswgXiSv/4+xnoApRjwgdtLi7COPPQLwqbSR6w84zlhE8aWYF25vX1z"
    "O2sTZpXalwa1mUH4FZuWIfRZijboZFqablNluW5bjb2pmQv+hILFCRZnLZ/khtoeYHHuo9"
    "bzWJwzYlq2Imt3RqV2Z30eHFSl4eptT8dhQhboiBBY+fmQxguV6DIoBwKFEK7ZUXcU4O5J"
    "Hrcs1ioVYOdezDGLgSQ1jAOB9gF8kmcAn6SP3xMRSbU0yUJ1D3bkSKqQ4A5JquBKY1kqBh"
    "0zZsizYFRvgnwtB7RgfsA9Q09iDllLtG8SKd93VltZtrGQdWyJSQEBC4Q2ENo1Igw7WzgL"
    "+c92Cej2Q121FNnYTFj8vEC1bcx+qujAUf68oOd21lwH3B1T4I4Sf02wxoLbnUz622noDY"
    "5OrtBdigxnCrIcxf6s42esI6cDZMyQP7osdKii/vjKu6OpFD1gtGDfBLN21DYQsd8JonbL"
    "7j2LkudBy+AGBqR8fef0htKzQMrvo9bzkPIMcixFYAYCQBHno4iDRU0C5LAM4JwPZ2c5c1"
    "ASAj2gq0XC5oiAHumgzqgfTAZ/TM4Q/3tHXRrsDLmvd5RPKmeI/72jnEQb9EZnyHtzR78O"
    "+79fDm+YtP8uvuPLpb9uHvV107XXjSvPcH6bwHnn7zfXoxSuYy0SX3KIZqN/I51YlZEeB/"
    "8xW1GNfwH0sCK6Taj1nn/ef1Z1apgBOIcostr4QB9e9f6I66B/eX0eX0Z4B+dAPQH1VBND"
    "vVOaL2X1Fr9jwaaY+y5rtcnW91pV5+TGPnnl+jKmuLwFrdl4s1fOd1xb4WB2g9n95jNFQw"
    "0wMLv3Uet5zG6Ivlq7DeUyBrsZxmBXkDprCzuwESbg+e3NcDS4uWG2nffujg5HF8Nvw4vb"
    "3uUZWr8vZOCVnv9pvbUoopK19A4dQHv9yfDbQNKg86TOkPvKleJf8d/VQyHguQieiw32XH"
    "zBDxb3+JLANyTSPoS7Jye5hvBJxhA+iYO8MB6ILoXxWqJ9EJc/iLWVaWKqCZxvM3wTQzLt"
    "w/goB8RHqQgfxQFmg1FnH66wD8RYKodqUrJ9YHdzjehuxpDuJse0D5xGbKlxHZdrH9yVnH"
    "qtx6kqtxomBAFwKcA1Y1oIb1+ufXAf5UH7KB3sowysV9QWxajkgTsQbR/ilQxwa06Wy2KL"
    "pkC0faBXsmoGyMkumwnB9gFe9SiXXDiTkgC5HOSyS2dCsH2Al792hkCTXjxFsu3DvJJBHj"
    "1wL8J1R3uoMewHvX7/+nY0ueFkt/vujvavR5Nen1/z393Ri0Hvkl1wXupBfkNIaMUhoe4Y"
    "JqzDYv4MCXGoE1Cf0+ykE4P1SjVlSkzR3jUzqD0qCHkEZMLa3UixZ1VfibLepTvOJgS3cp"
    "8t8lSJvGf5p4L3LHjPnoH3bF28Z0NzTSQp45Y5NhPJIFsCfNS9Yse5W+u5ucnGKBhVho2p"
    "TVR9S7S++v20FC/AKR9ObinpLUEaO520CKEqYyH8eUoQChGawtIjIXCoUamBEGmRDn45I2"
    "4+HrBGwY3gGYtcDSI1ICQCQiLq8Zw31DkeQiL2Uet5QiKmwnM4rm+xrv32WVpuoIYzNMq1"
    "FE8usOAnNMqCUEOQbeucPKYuQXHJNvEOf+t2j44+dT8cnX4+Of706eTzh2BhSt7KWqHOh7"
    "/xRSrySIiYuDdw46wd9FX6ceIf2lylj1gxxZME1shC1VPiFuKy8QnDFX7vdVIV9B/fYL4Y"
    "9IdXvcvD7ofOxw8xPtlXwnHS6Uq1sFJ8XhGKw+RSeHJhVgcfv1J+WGGZ1mXMryReMPzNEk"
    "BP8I+UwR4TawHWWRvKwR+T7JOSYD95eT36zW8ePz75K8bVzDBfCKUcgiJCLQB9N+UITUwW"
    "DyvTciBIzukbco/HpSEDuVTKd+6PXAz4sCQckMsckKtuzWrJvORRqTbtXErLS/52Gd9rRr"
    "ZDwvd64xmw+XKoxsVgqCahdQ/Z5HCNyACoSVD5sZQcpCEJmAHAc0hm+1VqyQf/QHVLZG+t"
    "Vpd6CD2tEUjHg5vJeNifHAg3sCXg2g911VJsYxv3PPi+SZmSmi1hueHNqFIihncZdjPaEt"
    "8WuizFAY5vOnMgbAY+SlvC2zZnpzi2kY1nCrB5/GC9CjsluXVKlNhpyqQcG54aZl1v7Yjn"
    "9NKewSnniRc6CSI6Vh9FDKIneU3xxGB/NmN65XZ1gW0vp1tLkI0sP2ytmhK8KAOvr9i8YF"
    "21Dq9ibp7BvJXu7hme2ja6fSpquPXmgleIb6ORYSIVeS7kyA1M4BWp7DkOqlKhl7mBbMN4"
    "QkvVtBGhzl3vUwW1rkrseLMvKniSgidpLWaHhvoUgifpPmo9jydp/ZNrN9lVJhoLKHkEKJ"
    "KFg4DkQYC/M5JCNyoExwFwwNrCA6sWPvhwXrX786pQxOGW4OaP0W4qrtF1pW5ngTWbELY9"
    "ChQiGt03lXFeJZmDoaEgC/ebdSoix5ZJ/Giq3u9PsGnh250sJo3EGm4k0a4p5txWpLj7e3"
    "SDNRPbFlJNjCybDaopwlQzX5dsYKDD+/v/pwT/3t+/6yCKn1kfhCJmOKhmklGr7FOAXgN6"
    "rSGrbEOJFqDX9lHreei1jIzJ+Sp57Zps4/rsX49Gg/5kcCHJvEWFz1DkXyfdqX8ndPVieN"
    "M7v+QX/XfxlTEPe1d+2lNn+tYwtU0pfjQm1r4EqHnyn6anP01kP1U1J2+ypaxMqQprcbn2"
    "AV1JlSp1SaSRXosAyLlA1nTCJgDZpMlhofadrlSIs+WYSGs7KIl6elByRhct0MEbBCizrd"
    "OcmZpPmBZTSEYXoBBphfDk4GnHONn521PPclow6VeTw50jJnuaHpdrH9bVTPwMtkKJhGJy"
    "7YO75FxCTnEB9nVJBtyZMfniDiA0Xzp3PTa3LZWS7Gan9cHdoieyjELesin+XaU3ulDWDY"
    "SXi/AL3VxFrzNqXieWDLYDwmmZijZrcy29QyX+Opj0v8hq0BE6Q87LHZ18v1a+9/5xhrw3"
    "RXTxOYcqPqdq4nOC6FktdcID4pSlwd6kLCibVSLqZ4fKufl9+FVWN2zHOBqwx4i/3NHrb4"
    "Px9/Fwwq4Eb+8o7/cMBb3L8nLdPLxcN52X6wpc6mYMXntLbQm62aGy+uMr5ftwJD0d+nJM"
    "Z947pqCvg9HFzT9Gfe9O9P96kKkeW6c8E/wiaYwIRNu3bavAIvFO8wsgLhAFxDcjTqimr6"
    "aY2XPLuUoVD0VRQF9mEqv0XmDXLLFrXhLtCU99/Ngwlir7JJbeee2n6r2CRFqopMqTb35Y"
    "HNQZeVyZIl4w25ZM6QKeC4nnwikixz2gzGdVV+bGyhQ8GKkuPinSu3P37h5XtTqU7Oytq5"
    "atOHDJO3zEZaGeY308PJKOPZTZ4kU1HZcFTddZ074p4v6YhbqU2VIIhaGaZOn7DG/LVkhH"
    "QmHQUdk6cta3GfsqCnf8K7pAxjuAubPOcycP4bDcpQ5TDrfs7l/cAez9Jfb+ThiNyTDmU9"
    "uSfx+JuVEoDBZx8VnQGcruYZwsSRQXhadA4ilgS4au8AXBmUwkkU8KA/YS2L95SHnjA4sS"
    "8c8ysXgbYqX9HF87ipR+U12UFSddSXjjBf+czWGOQbNOznBH9wdIxT2amCnLspFtIPfXO9"
    "m7wjGKP1ko9BEdZK4oUi2kov8xHsRRjiX0CTGNENMI0W0Q0wha331MI19jkvrO53bjy9a5"
    "jOdB/3r0bTCeKL3LS8fH0P/njv4+GHxVOMDKZNwb3fT6k+E197kRX48vfm/jaMijSFcCCz"
    "N/DOpKZGRW6R71X7eDW/noU1fqDLmvd3R8OxoNR7+dIe/NHb257fcHgwveKHh7R3/tDZ34"
    "U/e1iNLK93LztkhshnyQrMklkITcUQKvaoM+Y5PDFLgVSICcIr27c/APjYM5SNlfDOeoOA"
    "AdB9o1pIqNZqEsQJwGcaGRLBYGkOMgzwgl1ryQTREThfPA+tgQSdMRm6ZhKgtsWcIyDekB"
    "wglBCAuWDgt+cxq+BZtJSET6BgT7znINRou+CGj4RFWYdALeq0XDflzQdiP1/sV4QSryJP"
    "1iGehFtdDSJBqe/hIuooFM1voJ46XlXLUNW9U5XU543sAF9zpL8vBVfMBmUv5P/9l4xnPC"
    "J6h/Ak0PNH0t5quGErZA0++j1vPQ9AziwuHlvmytafrfr87Q71d39Gp4OThD/G8R7rbsaH"
    "LiQqrMV3Rq4qk9Fzl3kcd0okDcQZv23X/rdo+OPnU/HJ1+Pjn+9Onk84dgnUveylrwzoe/"
    "8TUvohuB09HUWLBdpakwYE27sGIyu2kRxf5W2sF0ur1ukp2AZopqRtNVtqhPlQc8Y7ZrYd"
    "1kdtMaAnTHupkRS1N15RWr3nwk3tmlEaUC4azNXQOXmgyE+eYMCLFKWXz+0yWPrdcSgKgA"
    "UY8wkQM1KgS41rl4XON5JyDEd1+Zy6dRtwfX47O/rTtsKbzROTEC8XhwMxkP+5ODxFpWHs"
    "DjRm+nNqIbWsZToE0/zwkFCBMqjInzxH79fXMVeg/uS9ZTi+D+KyumJ7VMn2RczxZF+hoR"
    "0pOnRF/pJ4nOQEw/R/TH6eZTRN1vma9sGbPukDETHPW5x3xIZbd5SA5TMjq0ePEwVUcvc0"
    "wRsZFmGpaFedyNxVT+LqVmWekfIThH/PNgfXq6NCzi/MZ/QsgPnCXWcfpu6KkSnCXuo9bz"
    "nCUGU25C5zcLVddT59KwXJvoh6Pup9NgPuX/ZE2lN1e9y0sBhWsai8KkukC4TfjumE2HQ9"
    "vaqcQxJJfYVMRuDBdYI2zmyeCSw7LxxcYVfu910kCdZJ1uDPpDNuEcfjztnMbycQTl+T4k"
    "8nM7TnzKglBDUI08a+THJWHIF5+FHAtHjomOyLQJ+9IIfjjaA2q/LsyTDLW/5jvKIZ7Xnu"
    "otBTcyFdYwlsBh/tMZQP9gYDMD6B9IbGYAJ3OPdnPoOe/kA3HbAd3f49kMazZ5xgq/cH/P"
    "0/GEr9oGu3bo1COw2P+/IGOJ6c+YDYJpgges6oPuqMMTckDfvUdfsUmMqcU/hBOK/sdQTi"
    "kig/3R1eV71nVk/8f6ZpDqBFvu9+EBDDNiWvYd5bd5Z+4l7hODuE/MLw4VaSFtrtJHzElK"
    "9YH1zpsRE/lb/aIRD+xtFBCIgQDesiZTbUMZLOAt91HreXjL2Ewr1HyKi09Ccq8dJMOrdT"
    "EYXbktQayZX7YchhCQ8xYBOYXqBG9bI7huD3ulRYKBqt0lVQt8Vrn8IDhWA0+447kAXIDf"
    "Ft4MF+AcVGGcoi3HUbV19GxkkDqEWik43bCe2oTSDohnB7J04tlHdDPxbPktNxLPPYcwvb"
    "+Puanc3yMvGhQRGqddO+nMbdLxtIoPELqdBt7/MYcb8D0FDreWM01D2TzgcPdR63k4XPCT"
    "rI2HEjA9wPQ0i5GApATA8dTD0utswfFACHIJIcj18ALz2bV0ezzEv202yUPsXw6rPHCZ4g"
    "PD93wK111Dh31uJ18ZtmFqr6xlB50T5827DrLmKttFoYdXpOo6curxCgzz8j/jjnKKInC8"
    "shBrgpxi6qwl21E4zZBKp5GP7vAEtV+uxn23qZO5dpFu53tzl6MSsO3Btq/lFNhQKw9s+3"
    "3Ueh7b3nlN6DvdMcNv30KnjI8fPuRwy2Ct0quIfUiYkMRSMOU/X7BQZda5jgrusMa1v5I1"
    "tsS1xgB5NEzJqm0xKbA2IZILrPcaG5ky1rv/bJeAbj/UVUuRjc2EW2QRA/eMvO4Z/PeUg1"
    "PLuKVK3TNGhk1mRFO9L5vggyL3O1lsEI233EgF3cyNF+oG4nH25P4eGczA+IV7SDBjg9lS"
    "7AqxkIVtN1OXPcevaKGaTzwcjjdJMj/ldJknoo53z9t6/UIAHRA0NZlHGmqqA0Gzj1rPQ9"
    "A8MUhlCBq/fQsJmuM8gUnH6ZFJx4nQJJvYIsftdHQDgRbC283Ff3Uz+K9ukv96MKYCsyu9"
    "uKzfHmrKSteU9TdjkotDSAwKNtdnIUiu/8C+lctmciNGDtCQBCAKfKbMDFQqn+mb31sie+"
    "t101JEQ09rndyQIuNZQDrFx3s66WTEW+ZKR2VjqlL7PRo8Y/PV+88pL62ppsmTNN3fu2Px"
    "/j5JMRXpYDOhBOwRsEe1mFoayiMAe7SPWgf3nhrQG6qFlSIJbhKCOyQ8bm8uquI8Kk1zw6"
    "cX5V8GlWTsQkK7BHnS3w3Ip8c5UD49ToWZ34rlInfzhTn7Z50sRIFm6dnIRbK7M5a7J7Xe"
    "lIUw1nU2kVtYnylsg28az6og03Cmg2BKDzv0FAyuNNZVcGkw88Umqq5YmrFMmVc254YTdL"
    "PDmaZ3eSk50xxcfx+dIfbnjjLhM+T38LZ54ky8NEybjWj22z2U80YJJiVbU9a8tBknUXNc"
    "WRiU6TEBc3ZBoYxudof5x2oxL1pcKMGF5nGSU5dEsY0nTLf0/+otyYR308CNei4XOc8tkW"
    "zrJ9dCD84oTuxxZLswHulvGdsOqr7b2Venr9YitrJsI+Bvt8PL6SqYOduLFhsQZSDVqgOI"
    "CExeCdYtUdqiEnCDQFJU2+bVJkpCq+f11lbU2GX8aDpYuMdaZOt5frju8sLrsa3o+YH7EJ"
    "wgixgUhZdBC0I6ZNCC/KQyaHlpNsoBrH3phqNHYKHQnC0Bi8cDtREuniBuSvBCUS2LPNIF"
    "5sJbocaMxwvWYS/or/XQlbK18GBr99YigEw3SnlCPdAujT15SJeGTrStKTEPta+8s9byYg"
    "FmJWzMPMDavDEL4LLJ1lyPB9eEtJfuCY4At4XK76etQJlYw6zrLWEau720FyR+oLk1RryT"
    "dkOk4OftN6guUIPnFm9NrVeqcXczy9h2Lr9hPfWdjlqNFZumDHOqYNMsBbGx092A99Zu2F"
    "bb7uAdtFat3bk7CVW3Q6hlYTvJmLySRhLHqeWj6UW1tbnCy6RTvO3O8zvvq+921Sa8pGK5"
    "hIds6bheUzwx2B+pA7Yc4NYzilqMrUToW5IJFMS/CenC9CA4AV/pCOSKheO5q7kwcniUV6"
    "Q6max/soIbXqprVddWOlcXeiH2HB0aFAd5r9+Jo+TK6xri5yB+riGTcEMjqSB+bh+17mOU"
    "FT8HOTfKmEvDNClfDOUgjcgAqvXMZNL4FR/ymOw+j8kyOHDcEtu2HmDGwY1MhdKJmZOW8K"
    "aUMr59W3FCmTedPKpJJ7NVipio60e6jbz2DclhH0/XjTfaxt/nqo0W6hQzszUwZD1n7TOn"
    "npQ7EjvOe/6pTvUnQpcr2/JLTjHYlx3nOvsvYSOX/xF39IFtRJ+mPAmyd9/rj1ndU/UVHf"
    "I9dgf5riYdNDdWptVBpnPZKXzVQVM8XWmOJwrreMELV4EVDlZ4o1aThtpjYIXvo9bzWOF8"
    "9k/qO19svi9b54w2B2zr9vUM8b93dDi6GH4bXtz2LpWL3j9uzlDsQnwlTRkN0dJWpzlC9T"
    "/GNRwqbHWaqGvlrMNJpfz95nqUsrAFEvGHj2g2+jfSiZXH8qzn0YgIVw5F5AFLJPmN5/ON"
    "PTm8g3iS32CLIwN9RAjQL44+0IFAB9YfVT+qVgrWqBCQgkAKAinYDHCrIwXxOvvAVrzgFl"
    "kMGkENRufOHbGDQYxTOj8YDoPKwRDqhkQBs3QQhdXd1081FHgH7qy+k25DWRTgzvZR63m4"
    "M8gAXW0GaKAEgBKoJ6pgvILxWntw043XHGV6Sq2f3dKYfqnwl2KWqDdI0+3Q9SjOYYWuH6"
    "HNfio9ZK50zCtanznOHMhJVoAOtTnRp7wmkfXO9R+ZEdOyHUcRXWVvuDeI4+/BHUVUtGCq"
    "ID/zi45DSfyEraKPuaOe48q6jdMHw9hpxEef546Cp2hmmAir2hzxVO+EXUYLrOppril/+l"
    "M8WNtgbdd31mqo3QXW9j5qHaxtOZ+TXNb2xwxr+2PS2nYWWIUvrgpbIhVn4RQ8X1gjC1UX"
    "Q57WRfxBc/t47/WVQx3N8Y24GPSHV73Lw9POcaxESlBFPVnpivuQzDhqRUAXSAPemXjrK6"
    "rNC2EdkwScM3GeEkp5zokCQMdFAelMpIEpBU6vLrTTJk4vD+cECXJl09VAXty8SEE6XBm0"
    "IEVpGko7YH8dwjyd+/X59BzMr+k3zcH7+g/IT5bLk85MY4Hu7/Fsht0KpPzC/T2yjchV22"
    "DXDgnV9JXF/v/F+U1nyFhiKsjjU83H3NErrOpIMxZLg/LVo4Ne5piiR9aSdpA6naLVkvcY"
    "YYPdWMScoYh/HoR9uaLf1mWDgf4F+vfNp62GEoFA/+6j1vPQv0Uqwb9NEfid0cAl14Dn66"
    "HD2y4INQQZK87JY+qKlZRtE6/wt2736OhT98PR6eeT40+fTj5/CFay5K2sJe18+Btf1SIa"
    "SfpprRndApoQCBdSRc0Is7fRhMv3FtBCTBA0UFQDHhFcQAVxSdBBUR3EjBzhpisl8jEhmb"
    "XpauACkcXjs01TKpC2UQxGV25LEGs2qOUw9K1vufOOmFSbNieluYfDIRIcIjXlEEk0I5SA"
    "bntJ/TjAsQlR9qhuB+S3c16QTn77xwk5yG/bb7qR/P7Cs9YhQpHqOBjbPJEeVk3+f8SRmA"
    "+IM8Ru6pg7Ix8aJlqwscYF6Dt0f882nYqTAe/+Pkl9V/UhkEYP2OmGzFIN5SmBnd5Hredh"
    "p4O5WKD0LD+3iNzWTm51U3gOL7eTTje3lxv+4R36Coggw2CrJE0xn8NyMZAfmGBVyAZXdg"
    "vt+fX1ZeSxOR/GKJ7R7dX5YHz4MYZ80iQs4rpZns9mA4czOG1CeHvzUQUWA8Lbaw/uVuHt"
    "lfIXQZ1xEXsRLkKewV1EmuVw2uuPr9CURy2joY0esG7QR4s7uqkUqZrG/duQtrJsY4HNDl"
    "IRQ9dmPYauGSZ6MOy5yFOv1L6zIqo1c8H1CTHVQFvUcmpqqAELtMU+aj0PbQEx1esMZicn"
    "eTKYnZykZzDj92L2s822CDIABwK7Q/jgYCf4VhKzzuCyC5evCIR3iPX118FIEm9H5gzxv3"
    "f0+zV7y/7c0cvrm8kZ4n/jO7Y82vicQxefUzXxOa4HN4KiiJdWXBK8tIp6ab2Jg3TdkK/S"
    "P1rTDYt9uDIVzjnp3ltxuX323jJeuE8mt/NSC6umj1ahcPuG7elxjnF7epw6cPmtWEUhS1"
    "Ed/0HJg5OI3A4PTnxzurHnJh6RITMTBxIwoDcPaI6WRz0VwDkqCXjnw9uj9QrgHZUEvHPg"
    "7SHmU6hyh1op0i3aWpd2ZlgQYAAWnMnhGPatMa7iGNZ/tEtAtx/qqlmTQV5gY/NgSoGsrI"
    "UNYM4Ds3g9l65Hlqg+tmVin/y1xxoCfGSomnhpmNvmHxs7nbQIoSodJ8ZYw+yrHgjcJvxb"
    "nSynCTPUaLPLBEWrpW6oPN27J4hmRGct2UNmsosrhryJiG2hmy+9n7snp+jh1U0pz+6zH4"
    "D4j8Z0KvCYKLXrPCmJvO2ANVdZZwfsdnCJM2X81a83CBmKwJmiHlNMQ4/VwZliH7Wex5mC"
    "T/GKrEdFRAjcKvK5VfANMaa2C5QE2HG5FuJdjZsF+ZcA59TNgd8ciBxxSA3fo0mM2rVEC8"
    "drJYedU7b9JprwmH7TeWdEFGLFJM48fZOn0K4nIgrbnrpse/JsdqMV2nMuEVEhOECBA5Sq"
    "8Uz1N0oFNN3JaH8RhSOp3R9J+RTelsjeWq3Kvx9HNPS05jiHwuujiy1hbd0hSBzY6FIdwZ"
    "Z9BTS6vbx8q0hL73RFeF7gn7tkHRcEbTadFqSDmlkgdrV4YJfi4Yxrut5W7ZUVoevZtzWN"
    "Z/dB9W8DYw+MfS1mjBYbMcDYt03reRh7b4JOaDwjADKQaCEX181DHXfTmeNugjiG+NIQuP"
    "nQzYI3WTl2ZRGKLUtZrkz2bAiwnuAfaYUCBLItiDrNmp4Gf0wiM5OP7eFV7493kdnp8nr0"
    "m988pIv+5fV5MgTVtKVjwqJS+50UnU6l4QvL7DV4no0gnGLzRUCvRKkHq3zwL8a9XyeST7"
    "8rdIaclzt6c3t+NZxMBhdnKHh7R3tfv46vv/GL/rs7Oh78fdB3Gvrv+LXh1fnt+Ma96r8/"
    "KDCnfzzNc9Ya3+CEjlpPEyetq4cFsYvtROOyJexF60lZNHDrmbQ4PEu/iKJjoqDnOuvZxG"
    "TxsDItpi5Rivr0NS4huM9x4wEYvIazYuIZ5nkLpGyLjC7aF5JYiRsQDwc3tTlhU08S+I2B"
    "5CFJ8KuQ8KvwKWG5w8uYFJywQ+znzoAF14Vy8QySgcrmNo6KwVAFr5BqEAWvEPAKqSeicl"
    "4hEJVcafB3JKn1lvhG8mi3E+D4+p0D4bD7yG4mhoZiGzOPIJS+0lD6OeGBzYLMlPKh9INn"
    "3Mht1hsF1K8hS3WSCxDd5Cmn4KDlxuj6a4qRTqhTy1BFrvxPFvIGwhl6mRtowTlsRGzEa0"
    "OzK0SbI/dEihcXcP7vIJVO2dvXZJB9JZ8AJRTBGa8hE0pD3bLAGW8ftZ7HGY9nmhWdkKWf"
    "6KwlWukvVrYzHl8Ele0cRmJd1PjcbG88RtgDtZ1OIx3U+UHaG5VqxmLh7bTzOnOGRMCHU9"
    "qHky0khuz5akgEzgHgELByPD0bXArSiAygCqdVMrNvqadV61jLLbHNnVCzqahGntnNwDrr"
    "EJwDbuT7Q8u1NNlfJUV780q1/sq0DPNAwNCG7nayCFqLtVO0dcON/OwX44XdMpGKWEusLt"
    "BctdADxhRxguGMpy01zKmF2GcR9kumSLV5FVd1ZmMT3d/7lxWLsFF1f49UEzuSCZq2qg+6"
    "Y3gyfSPKtsSIkznokCdQ7Y+vfrJ4slUuTizEpPSVRZ7xL2i1ZEPctniqVV7QlkzRQn3CTt"
    "pVfhKkq0v23cyFji3r3cZKte6PgUq1wA7Xc15sKE8I7PA+aj0PO+xNuAmNZ5VS9SXqTGoV"
    "ZIePujlIp6NuenHDbpx0iq60so9WUhqikurzNCUnUWBngEeoi222iUd4O8Ns7BgnA9NMt8"
    "7CTTobTTTX2lFw0LzUxFNgjIAxUseJoKHbUjBG9lHreYwRNr2vdKng47UEGCM5jJGd10+u"
    "N8DlJ8lfYMti+54kwukuBiGRVkC8aycDMLlKPhBfUcnT8EAA8AQTVmaOKPcofCVwcpUG1r"
    "E9V23GdP241o4WWNGDNDrAVckmGsBrVaX1n8gyDXQA0AG1mAAaahgCHbCPWs93Ntm4JJz/"
    "dTu49dzdJRzwXakz5L7e0fHtaDQc/XaGvDfcKb/fHwwuXKd87+0d/bU3vOSX3Nc72u+N+o"
    "NL51Lw9iDfKIq63uchHj6mEw8fE8QD+/THR7mU4CGRHSrwqje67V1KKrAg/VBBmlOe/rhY"
    "ktOIJBwy12daTK6GM0KJNS+k5pgo6LnOesYW04Gze7ENW5TdJb0MYFJyd9zMh1qbFqG0Oa"
    "ahYcsSJd1Mz/0WlgFIE6kfXRtLAtCQBMCZLP06lYQzJAFwJkanblC5wRkIAJhxMBfYfJQC"
    "cy0AYCaKlz+R5VIKzZAEwBmHc4p5CotnybkzJgWwxmGdqUSXQnQtAGAmdp8rbofJbD0DAQ"
    "AzsbIbdKYTzRaQhemLe1gGII1D6vjSKgX8WRKCkDgDfFrAB6N2GFcfRhBOU7D2z98yo6sg"
    "OKAlwEdNf55g23dq2BIynoMgv19LPQnd3SZ4dbI2CFxR/GwO6X4ofvr4ikqf4wXbUkcqm3"
    "MHXT8b+6aK6PzRNtj3BJ8V8Fmpx9PdUO8F8FnZR63n8VlxJ+iEwtPdHAKBVjj/x3KtnuQJ"
    "sGCt0rOtniRCLKD2ebW1z50dghDfzT5XvuwOTX4/R+lY0vY/6F1cDUdnyHkJ8puOg/ym43"
    "Um1PE6E6r7KXXw82maZ1yvPxl+G0gryZFiSnFe7+hw5F/x39VDIUvVsl64iTtXrbnM7JQQ"
    "rHHu58KrwEmuVeAkYxU4EUUyphaZyw5nTK801wKwyw9p1FXLVnTjkdACW9mEMHic1Wfzmr"
    "RZgHcG3rlNvLO6JIptPOFtGdTekkx4Ny2CO2q17rjYWiNBUm0bs68nmB4LgNRzO2vuepeN"
    "FTVsMiOag8WWo2oU6qqtQ8vEGmZdb4nU2O2lvSDxDN4Wm9AVr8zktnDlTHnexAfQA2tHCD"
    "V4PLnVF0sBar9raIbIEGZfTwleKKplsZ2tuOaOD+81xROD/dkM8ldsXrBee5FOW/LoFjif"
    "zsiYEDvwzz6tVqRSJzj1QbmYhbjcGSKOvWKjQ4MiTFnH7Pc7meatJzx911knnVeRX9nakU"
    "TeJyaKj5bV+R09vL/3f9v9PbKw/e496hsrpgtkqa/oZa7aaM7AYUNoyguX3rB3U0fc+Q45"
    "K5eGTuKDw1o4YIcD9nrMOA09aoUD9n3Uep4DdsgkACeMYsC9ZBmyR4ztT74B+QL24/Rmhm"
    "1NLqYoJAERMCnB7IoTFSjgmjbFtIcEAdw0cAktDG9YFACOA8xM5SepuWAtAGBCQPFOYIWw"
    "91LhhJBNCNlstOtMZG7wmFs5UGNShZCtmYUCPknN8UkSDeAS0G1d8GYc19hjGwGXfQc0ur"
    "28fKvM5N9VZiP35yqlWD8QHLZF7neyTtteeEtFCzXdeNrWc2oqh71pkCd/hry6zOjr9c3E"
    "QsS2nFuP2OJnWcbKRJqq6xwDdDu+RC/EnnORxJlb+R9xR70OfuLtnjDtoJc50ea8cPQTXv"
    "JDN84pocObL72fuyen75BB9decx21wsgYna7WY2xp6xgIna/uo9Twna96kLRtRE5Eqx3B8"
    "2ym14hpszoooHScWlWphLGv5gUtpjn1/v7kepfAggUR85iKajf6NdGJVZpof/MdsRTVn+/"
    "WwIrpNqPWef95/vgFBwhHKJkjiXEhsNuIdxAkS/GNJ2O0Ci0pUsoWLSnMXkeTeAXgwoGvq"
    "QivUswJ6D5vMGD4QUAnenU4WiaCu20CR8yY91J0MM/sZm5b3KObdEIZEWrgbrCRnAH+oJB"
    "D2mrcQ3Y+58sZ8zMgb8zGZN4Z9oi2M9Ejfb4dEdr/hfpv9XGlb68QeYZeL2V//H/X/2i4="
)
