from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
        CREATE TABLE IF NOT EXISTS "mileage_vehicle" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "name" VARCHAR(100) NOT NULL,
    "is_enabled" BOOL NOT NULL,
    "category_id" INT NOT NULL REFERENCES "category" ("id") ON DELETE RESTRICT,
    "org_id" INT NOT NULL REFERENCES "organization" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_mileage_veh_org_id_5c5e7f" UNIQUE ("org_id", "name")
);
COMMENT ON TABLE "mileage_vehicle" IS 'A vehicle type of the organisation (Car, Motorcycle, Bicycle), shared by all users.';
        CREATE TABLE IF NOT EXISTS "mileage_rate" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "effective_from" DATE NOT NULL,
    "effective_to" DATE,
    "unit" VARCHAR(8) NOT NULL,
    "currency" VARCHAR(3) NOT NULL,
    "rate_per_unit" DECIMAL(16,6) NOT NULL,
    "org_id" INT NOT NULL REFERENCES "organization" ("id") ON DELETE CASCADE,
    "vehicle_id" INT NOT NULL REFERENCES "mileage_vehicle" ("id") ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS "idx_mileage_rat_org_id_b3fcdc" ON "mileage_rate" ("org_id", "vehicle_id", "effective_from");
COMMENT ON COLUMN "mileage_rate"."unit" IS 'KM: KM\nMILE: MILE';
COMMENT ON TABLE "mileage_rate" IS 'The rate of a vehicle from ``effective_from`` to ``effective_to`` (inclusive; open-ended';
        CREATE TABLE IF NOT EXISTS "mileage_detail" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "unit" VARCHAR(8) NOT NULL,
    "distance_hundredths" BIGINT NOT NULL,
    "odometer_start_hundredths" BIGINT,
    "odometer_end_hundredths" BIGINT,
    "claimed_before_hundredths" BIGINT NOT NULL,
    "fiscal_year_start" DATE NOT NULL,
    "org_id" INT NOT NULL REFERENCES "organization" ("id") ON DELETE CASCADE,
    "rate_id" INT NOT NULL REFERENCES "mileage_rate" ("id") ON DELETE RESTRICT,
    "vehicle_id" INT NOT NULL REFERENCES "mileage_vehicle" ("id") ON DELETE RESTRICT,
    "expense_id" INT NOT NULL UNIQUE REFERENCES "expense" ("id") ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS "idx_mileage_det_org_id_6b0de7" ON "mileage_detail" ("org_id", "vehicle_id");
COMMENT ON COLUMN "mileage_detail"."unit" IS 'KM: KM\nMILE: MILE';
COMMENT ON TABLE "mileage_detail" IS 'How a mileage expense was priced; the expense row keeps the total as its amount.';
        CREATE TABLE IF NOT EXISTS "mileage_line" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "position" SMALLINT NOT NULL,
    "from_hundredths" BIGINT NOT NULL,
    "distance_hundredths" BIGINT NOT NULL,
    "rate_per_unit" DECIMAL(16,6) NOT NULL,
    "amount_minor" BIGINT NOT NULL,
    "detail_id" INT NOT NULL REFERENCES "mileage_detail" ("id") ON DELETE CASCADE,
    "org_id" INT NOT NULL REFERENCES "organization" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_mileage_lin_detail__a73ebb" UNIQUE ("detail_id", "position")
);
COMMENT ON TABLE "mileage_line" IS 'One part of a mileage expense priced at one rate (several when it crosses a slab).';
        CREATE TABLE IF NOT EXISTS "mileage_slab" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "from_hundredths" BIGINT NOT NULL,
    "rate_per_unit" DECIMAL(16,6) NOT NULL,
    "org_id" INT NOT NULL REFERENCES "organization" ("id") ON DELETE CASCADE,
    "rate_id" INT NOT NULL REFERENCES "mileage_rate" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_mileage_sla_rate_id_eb5152" UNIQUE ("rate_id", "from_hundredths")
);
COMMENT ON TABLE "mileage_slab" IS 'Above ``from_hundredths`` claimed in the fiscal year, ``rate_per_unit`` applies.';
        ALTER TABLE "organization" ADD "fiscal_year_start_month" SMALLINT NOT NULL DEFAULT 1;"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
        ALTER TABLE "organization" DROP COLUMN "fiscal_year_start_month";
        DROP TABLE IF EXISTS "mileage_line";
        DROP TABLE IF EXISTS "mileage_slab";
        DROP TABLE IF EXISTS "mileage_rate";
        DROP TABLE IF EXISTS "mileage_vehicle";
        DROP TABLE IF EXISTS "mileage_detail";"""


MODELS_STATE = (
    "eJztXWtz2ziW/SsofZlky51K5NiddW9tlSwrHXVsOSvLSc+0p2iagiRUKFBDUnbcM/3fF+"
    "D7AVKERMokdb9YMokLSeeCAO7Bffy7szSmWLfe9FZkYnzHtHOG/t2h6hKzN6l7R6ijrlbh"
    "HX7BVh90p7G6IoodNHuwbFPVbHZjpuoWZpem2NJMsrKJwT+k00MPWDWxiRwZNDNM9ESmc2"
    "xbSKVTZOKVYdqEztl9g30HdE31Z0TY3ZtPvZ+6J6doSubYshGxkGUbJp6+4Z87NTT2wUys"
    "uo9YU/KvNWY/lXW0wCb7oD/+yS4TOsU/sOX/u/quzAjWpzE8yZR34FxX7OeVc21I7Y9OQ/"
    "7tHxTN0NdLGjZePdsLgwatCbX51Tmm2FRtzLu3zTWHl6513VOFj7j7TcMm7leMyEzxTF3r"
    "XElc2v0C4bWOooyuJ8rNYKIonZQCfYkI4N4lzaBc+eyrWs6vn/Ov8FP33fuf3384Pn3/gT"
    "VxvmZw5ee/3I8OgXEFHXhGk85fzn3VVt0WDsYhqJqJORKKaqfBvWB3bLLEYoTjkgmkp57o"
    "G/9NEncf5Tzg/Qsh8uHTsA/o2Q+c8lHtqTwH58nwanAz6V194R+3tKx/6Q5+vcmA3+k6V5"
    "8TV1+dvubXDfagu1NA0An6Npx8Qvxf9I/r0cCB17Dsuel8Ythu8o8O/07q2jYUajwp6jQy"
    "Ov2rPmqsZaj19Wq6pdbjkqD1umjdxyiidu/bh1p3XlP67i9UU6xrv31CywytJup1qf5QdE"
    "zn9oL9++7t2xzFfu2N+59641esVUJbI+9W1733VwxfZ6FU3GVPBuekXDl4v+yyFUP79H0B"
    "sE/fZ2LNb8WhXpl4Rn7IgBxKtHE4nxYZzcmpJzKYT5MA66plK2trqzUiKVvCKuGN3bqg39"
    "xFIb0XwD9WhHW3hZ7jkqDlOmvZxI9sldnmaY5LgpbrrGXDnCtSZnIosNlUbsKqWIq1HLGT"
    "LGzKARqRAEQ9RDmjM/supB/Y+EuD+9EwMZnTz/jZwXjIvpBKNZEp4lFs1+ZcpeRP1flxzc"
    "P4L38Q+VfDSdJUnwImLPKwMgjYD8e2u+ft3fR7F4NOauSWgOyt101LEY08rWJI+dB9ULXv"
    "T6o5VWJjmN8xukbiStA2fWvZXSavqFSdO+DwX8G/s4d6nyE9N8znjoBODu4d5dHJWrTVJj"
    "Y5G1YBW/uH/8w63+ufQN4CeVvHGaChNB6Qt4eodSBvX568JZaCKf/5goXq3DB0rNKMxSom"
    "mID7gUlWhbe/ku3XJj6/vr6MPTLnw0kC5tur8wHD30GfNSLuniptXYG1CrZVXSyBTbZVti"
    "EQY1IxtbAlmEA8yY+fx1gPoBQDPnB7aRHWsYd+SdhUOsfKI14QNmHsCNaV29tXt7M2YVap"
    "fWlQmxmEX7BpGUKfpXiDo1xL022qrMK21dibmrnkTyhYnGBx1vJJbqjtARbnIWq9iMU5I6"
    "ZlK7J2Z1xqf9Znp1OVhqu3PR2HCVmgY0Jg5RdDGi9VosugHAhshXDNjrrjAHdPirhlsVaZ"
    "ADv3Eo5ZDCSpYRwItA/gkyID+CR7/J6ISKqVSZaqe7AjR1JFBPdIUgVXGstSMeiYMUMeBa"
    "N6E+ShHNCCxQH3DD2JOSSUaN8kUr7vrLa2bGMp69iSkAICFghtILRrRBge7eAs5D/bJaDb"
    "j3TVUmQTM+H25wWqbWP2U0UHjvLnBT23s+Y64O6ZAneU+DHFGgtuH+XS305Db3AcFQrdpc"
    "hwpiDLUexPOn7EOnI6QMYM+aPLQq9U1B9feXc0laIHjJbsm2DWjtoGIvZrQdRu2b3nUfI8"
    "aBncwICUr++c3lB6Fkj5Q9R6EVKeQY6lCMxAACjiYhRxsKhJgByVAZyL4ewsZw5KQqAHdL"
    "1M2Rwx0GMd1Bn1zmTw++QM8b931KXBzpD7ekf5pHKG+N87ykm0QW90hrw3d/TLsP/5cnjD"
    "pP13yR1fIf11i6ivm629blJ5hvPbBM47v91cjzK4jlAkueQQzUb/QTqxKiM9Ov8zW1ONfw"
    "H0sCa6Taj1hn/e/1Z1apgDOIcottr4QL+66v2e1EH/8vo8uYzwDs6BegLqqSaG+lFpvpTV"
    "W/yOBZth7rus1SZb32tVnZMb++S168uY4fIWtGbjzV473zG0wsHsBrP7xWeKhhpgYHYfot"
    "aLmN0QfRW6DRUyBrs5xmBXkDprBzuwESbg+e3NcDS4uWG2nffujg5HF8Ovw4vb3uUZCt9v"
    "ZeCVnv8p3Fpso5JQeo8OoL3+ZPh1IGnQeVJnyH3lSvGv+O/qoRDwXATPxQZ7Lj7hB4t7fE"
    "ngGxFpH8Ldk5NCQ/gkZwifJEFeGg9El8I4lGgfxOUPYm1tmphqAufbHN/EiEz7MD4uAPFx"
    "JsLHSYDZYNTZhyvsAzGWyqGalmwf2N1CI7qbM6S76THtA6cRW2pcJ+XaB3clp17hOFXlVs"
    "OUIAAuBbhmTLfC25drH9zHRdA+zgb7OAfrNbVFMSpF4A5E24d4JQPcWpDVartFUyDaPtAr"
    "WTUD5GSXzZRg+wCvepRLLpxpSYBcDnLZpTMl2D7Ay187I6BJL54i2fZhXskgjx+4b8N1x3"
    "uoMeydXr9/fTua3HCy2313R/vXo0mvz6/57+7oxaB3yS44L/UgvyEktOKQUHcME9bhdv4M"
    "KXGoE1Cf0+y0E4P1TDVlSkzR3jU3qD0uCHkEZMLa3UixR1Vfi7LeZTvOpgR3cp/d5qkSec"
    "/yTwXvWfCePQPv2bp4z0bmmlhSxh1zbKaSQbYE+Lh7xZ5zt9Zzc5OPUTCqDBtTm6j6jmh9"
    "8ftpKV6AUzGc3FLSO4I0djppEUJVxkL485QgFCIyhWVHQuBIo1IDIbIiHfxyRtx87LBGwY"
    "3gGYtdDSI1ICQCQiLq8Zw31DkeQiIOUetFQiKmwnM4rm+xrv32eVpuoIZzNMq1lEwusOQn"
    "NMqSUEOQbeuczDOXoKRkm3iH/+52j49/7r49Pv1w8v7nn08+vA0WpvStvBXqfPgrX6Rij4"
    "SIiXsBN87aQV+lHyf+oS1UOseKKZ4ksEaWqp4Rt5CUTU4YrvAbr5OqoH/3AvPFoD+86l2+"
    "6r49evc2wSf7SnifdrpSLaxsP68IxWFy2XpyYVYHH79SflhRmdZlzK8kXjD6zVJAT/CPjM"
    "GeEGsB1nkbysHvk/yTkmA/eXk9+tVvnjw++SvB1cwwXwilHIJiQi0AfT/lCE1Mlg9r03Ig"
    "SM/pG3KPJ6UhA7lUynfuj7wd8FFJOCCXOSBX3ZrVknnJ41Jt2rmUlpf85TK+14xsh4Tv9c"
    "YzYPPlUE2KwVBNQ+sessnhGpMBUNOg8mMpOUgjEjADgOeQzPar1JIP/oHqjsjeWq0u9RB5"
    "WmOQjgc3k/GwP+kIN7Al4NqPdNVSbBMb9yL4vkiZkpotYYXhzalSIoZ3FXUz2hHfFrosJQ"
    "FObjoLIGwGPko7wts2Z6cktrGNZwawRfxgvQo7Jbl1SpTYacqknBieGmZd7+yI5/TSnsEp"
    "54kXOQkiOlbnIgbRk7ymeGKwP5sxvXK7usC2l9OtRcjKuy0Gz2G2+2L0Ud3oxqio0dabCz"
    "ghvi1EholU5LlEI9fRnldYshc4qLKEnhYGsg3jO1qppo0Ide56nyqo3VRix5t9K8EzEjwj"
    "azE7NNRHDjwjD1HrRTwj658susmuH/HYNskjLZEsENtpYtvfGUmhGxcCehsODFt4ANPCBx"
    "/OX/Z//hKJoNsR3OIxx03FNb6u1O1sq2YTwq5HW+IC8bF9UxnnL5I5BRoKsnC/WaeiaGyZ"
    "xHNT9X5/ik2L3j7KY9JIouFGEu2aYs5txYqVv0E3WDOxbSHVxMiy2aCaIkw183nFBgZ6dX"
    "//X0rw7/396yNE8SPrg1DEDAfVTDNqlX0K0GtArzVklW0o0QL02iFqvQi9lpMBuFhlqn2T"
    "bVyf/evRaNCfDC4kmbe48BmK/euk7/TvRK5eDG9655f8ov8uuTIWYe/KT+PpTN8aprYpxY"
    "8mxNqX0LNIPs/sdJ6pbJ6q5uQBtpS1KVUxLCnXPqArqbqkrog00qEIgFwIZE0nbAKQTQIc"
    "FWrf6UqFOFuOiRTaQWnUs4Nsc7pogQ5eIOCWbZ0WzNT8jul2CsnpAhQirRCe7DrrGCc/H3"
    "nmWU4LJv1qcpJzxGRP05Ny7cO6momfwbZVYpyEXPvgLjk3jpMsn31dkgN3boy5uAMINZfO"
    "xY7NXUt/pLvZa71rt4iHLKNQtAyIf1fpjS6UsIHw8jb8QrdQEeecGs6pJYPtgHBW5p3N2g"
    "yl96jEj4NJ/5OsBh2hM+S83NHJt2vlW+/vZ8h7s40uPhRQxYdMTXxIET3rlU54gJeyMtib"
    "jAVls0pE/exROTefh19kdcN2jKMBe4z4yx29/joYfxsPJ+xK8PaO8n7PUNC7LC/XLcLLdb"
    "N5ua7ApW7G4LV31Jagmz0qqz++Ur4NR9LToS/HdOa9Ywr6Mhhd3Px91PfuxP+vB5nqsXXK"
    "I8FPksaIQLR927YKLBLvNH8LxAWigPhmxAnV9PUUM3tutVCp4qEoClDLTcqU3QvsmiV2zS"
    "uifcdTHz82jKXKGIml917LqHqvIJEWKqla5JsfFgd1RuZrU8QL5tuSGV3AcyHxXDhF0bgH"
    "lPmo6srCWJuCByPTxSdDen/u3t33Va0OJTt766plKw5c8g4fSVmoT1gfD4+0Yw9ltvi2mk"
    "7KgqbrrGnfFHF/zFJdyWwphMJQHbH0fYa3ZdtKR0Jh0FHZOnLWtxn7Kgp3/Nt2gUx2AHNn"
    "nefOFw8mbLxLeSryTSYKY0OUnJ/dZU8xci+qi7Ii5MoLbIlnzBGEtqRS6mQHt3iJfNgXDt"
    "pujG/5ZDwhFXmSfmYW9KRaaGUSDU9/iWZsQSZr/R3jleVctQ1b1RFrSniQilOaIx3aUsUH"
    "SBTke8QLwqc8KLAHcS71WNkbGvEAcS6HqPUicS4M4q19GXzZOpcq63y+OkOfr+7o1fBycI"
    "b43+Qq9xKuC8SFVFms6dTEU3shOm7KKaiV0UGb0nfsuaSWMTWWbKdoKgxY095aMbndtCgX"
    "yEtpB9Pp7rpJdwKa2VYzmq6yRX2qPOCZYW4/oeV2s79p7W2rdDMjlqbqyjNWvflIvLMTa0"
    "QofNB1dV+cCqvHBFNetRjucylXKyaUAEQFiHqEiRyocSHAtc6ZChvPO0EauP2ngfNp1N3B"
    "9fjsr2GHLYU3PicWqbohTBeyLcDjRm+nNlfeCJfxHepu6ITuWnPDg/uS9dQiuAW1JArkhJ"
    "Q8StwhI2QjThGL5IMs/STRGYjZ54j+ON18iqj7LYvlyOP1HYyZ4KjPPeZDKrvN2nElo1cW"
    "z1Sn6uhpgSkiNtJMw7KwxaQtpvLXGQnySv8IwTniH53w9HRlWMT5jf+EnHlwlljH6buhp0"
    "pwlniIWi9ylhhMuSmd3yxVXc+cS6NybaIfjrs/nwbzKf8nbyq9uepdXgooXNNYbk2qC4Tb"
    "hO+e2XQ4tK2dShxDcoVNRezGcIE1wmaeHC45KptcbFzhN14nDdRJ3unGoD9kE86rd6dHp4"
    "nQsyAXZKoojuvEpywJNQSp7/NGflIShvz2s5Bj4cgx0TGZNmEPJXNqhCdQ+/un9kO+oxzi"
    "uXDx16aCG5sK61QkI8r8ZzOA/sHAZgbQP5DYzABOFh7t5tBz3skH4rYDur/HsxnWbPKIFX"
    "7h/h7ZRuyqbbBrr5zkFxb7/xdkrDD9iRe6naZ4wKo+6I46PCEH9PUb9AWbxJha/EM4oeh/"
    "jFtfw2B/dHX1hnUd2/+xvhmkOsGW+314AMOMmJZ9R/ltvzSu6xODuE/MLw4VaSFtodI55i"
    "Sl+sB6582Iifyt/rYRD+xtHBCIgQDesiZTbUMZLOAtD1HrRXjLxEwr1HyGi09K8qAdJKOr"
    "9XYwunI7glgzv2w5DCEg5yUCcrZKSr1rQuq6PeyVZqQGqnafVC3wWeXyg+BYDTzhnucCcA"
    "F+WXhzXIALUIVJirYcR9XW0bOxQeoQaqXgdMN6ahNKeyCeHciyiWcf0c3Es+W33Eg89xzC"
    "9P4+4aZyf4+8aFBeDjlBux5lM7dpx9MqPkDodhp4/yccbsD3FDjcWs40DWXzgMM9RK0X4X"
    "DBT7I2HkrA9ADT0yxGApISAMdTD0vvaAeOB0KQSwhBrocXmM+uZdvjEf5ts0keYf8KWOWB"
    "yxQfGL7nk+E8b5bzvKFXfW4nXxm2YWrPrOUROifOm9dHyFqobBeFHp6RqutobWFTZJiX/x"
    "l3lFMUgeOVhVgT5GTuZy3ZjsJphlQ6jX30EU9Q++lq3HebOplrl9l2vjd3OSoB2x5s+1pO"
    "gQ218sC2P0StF7HtZYuz71SUvXZ6jVf4fPu2gFsGa5Vd4/NtyoQkloIp//myhd3ignss5+"
    "avZI2t5sbLDc8N81nO0kxIgbUJkVxgvdfYyJSx3v1nuwR0+5GuWopsYibcIYsYuGcUdc/g"
    "v6ccnFrGLVXqnhGbKgV8UHIqzWaDjGTLQpGBNtvhUfsNGjxi89n7z6n0o6mmyePl7u/dae"
    "7+Ps3zbNPB5mg5YFqAaanFhNBQmxuYlkPUOjAtUkxLtxDT0s1hWrpppuVBtbCyTaxRSnB/"
    "iHduby46e4G85IgjPr0ofxpUakTHhPYJ8qS/H5BP3xdA+fR9Jsz8ViItlBu6yc/XFJ0sRT"
    "4/2YmhRLL742G6J7XelEUw1nU2kVtYnylsg28aj6og6UsuV5vRwx5J2+BKY1nblcHMF5uo"
    "umJpxipjXtkcpivoZo8zTe/yUnKm6Vx/G50h9ueOMuEz5PfwsiG7Jl4Zps1GNPvtHspFHb"
    "bSkq2pMFXajJMq/6QsDcr0mII5P7drTjf7w/xdtZhvm+c1RbMX4SvVFVFs4zumO1JxvRWZ"
    "8G4auFEvxFZ6DDHZlbJsIZkex4k9jmwXxp2uLWPXQdV3O/vi9NVaxNaWbQT87W54OV0FM2"
    "d70WIDogykcBN5hUIwedUwdkRph6IsDQJJUW2bJ/4rCa2e11tbUfO9gOGkUxYxqDAlgxac"
    "D8ugBckOZNDyfPbLAax9uUvELNWOaH3x+2krUCbWMOt6R5jGbi/tBYmTZTtjxDtpN0QKfs"
    "S0HKAGvKe2omU9U40fZVrGrjbhDeup73TUaqzYNGWYUwWbZimIjZ3uBry3dsO23pXNctBa"
    "t5bHcuImd0Po1moXIyPlyBnxO6Q2npsBVmI8/fq6m1EdxrtrZLZjMbYSfq/h7lPg9Brbmm"
    "Z7vK5izQpEPvfHV2iKVf0NGtroAesGnVu8EIVKkao5EcLI5zOPkIo87jxyzTDRg2EvRBHP"
    "pfadF52smUvuFg/xyeA1W8vZt6H+k+A1e4haB69ZOa/Zk5MiXrMnJ9les/xe3BXFstkWQQ"
    "bgQGCPblWdveBbSfw3g0uUOaiYM1sgvEesr78MRpJ4OzJniP+9o9+u2Vv2545eXt9MzhD/"
    "m9yxvYBH2wvXV62ZIfEyyQtfpBBI3ZCv0itf0w2LfbgyFc452TWCknKHXCPIeGK/TeF2nu"
    "M4LzLgskerULh9w7b8OAdiKW64gmBu3pAlJZSDJCkSSVJcIkNmJg4kYEBvHtAcLY962gLn"
    "uCTgXQxv391WHu+4JOBdAG8PMZ9ClUy2JJZu0da6tFiRLQEGYDcBC8msdscTklm9QDKriL"
    "f+juhKOP7XbDIonMsqPg9m5LLKW9gA5iIwi9fzHVKH7TtmoyHAv6D7YFMQqjJhmO+PKnCb"
    "iLiqZjtNmJFGm10mKFqvdEOd4inyBNGM8Gzt7CHjOdrXDHkTEdtCN596P3VPTnnWdp7snd"
    "9nPwDxH43pVOAxUWrXm7OKBf4T1kJlnXXY7eDS2vNz8p5417cCnCnAmeLFp5iGHquDM8Uh"
    "ar2IMwWf4hVZj4qYELhVFHOr4BtiTG0XKAmwk3ItxLsaNwvyp0yWGr85EDkCYszbo0mM2l"
    "CiheO1ksPOKdt+E014TL/pvDMmCinGJM48fZNnq11PTBS2PXXZ9hTZ7PqpLaTsx7gQHKDA"
    "AUrVeGb6G2UCmu1kdLiIwpHU/o+kfApvR2RbFvGYRDTytBY4h8Lh0cWOsLbuECQJbHypjm"
    "HLvgIa3V5evlTNWe90RXhe4J+75B0XBG02nRZkg5pbbHW9fGCXkuGMIV1vq/baitH1boJj"
    "90H1bwNjD4x9LWaMFhsxwNi3TetFGHtvgk5pPCcAMpBoIRfXLVY3JKdsSJKLg/jSiquyrC"
    "2e6NFSVmuTPRsCrCf4R8aGQCTbgqjTvOlp8PskNjP52L666v3+OjY7XV6PfvWbR3TRv7w+"
    "T4egmrZ0TFhcaseIsLoNfLmQMEyn0vBFZQ4aPM9GEE6xxSKgXek9PvgX497HieTT7wqdIe"
    "fljt7cnl8NJ5PBxRkK3t7R3pcv4+uv/KL/7o6OB78N+k5D/x2/Nrw6vx3fuFf9950t5vR3"
    "p0XOWpMbnMhR62nqpHX9sCT2djvRpGwJe9F6UhYN3HqmLQ7P0t9G0QlR0HOd9WxisnxYmx"
    "ZTlyjHWvYalxI85LjxAIwl998x8Qyb4tJJ2bZFThftC0msxA2Ih4Ob2oKwqScN/MZA8ogk"
    "+FVI+FX4lLDc4WVCCk7YIfZzb8CC60K5eIZVF6VQTYrBUAWvkGoQBa8Q8AqpJ6JyXiEQlV"
    "xp8HcsqfWO+MqUeGkowMn1uwDCUfeR/UwMDcU2YR5BKH2lofQLwgObBZkpocBMxQH1IWSZ"
    "TnIBops85dwyQU7LjdH11xQjXoMQGTOkIlf+bxbyBsIZeloYaMk5bERsNDONJbtCtAVyT6"
    "R4cQHn/yOk0il7+5wOsq/kEzbH2oMzHjjj1WJCaahbFjjjHaLWizjj8UyzohOy7BOdUKKV"
    "/mJlO+PxRVDZzWEk0UWNz80OxmOEPVC76TTWQZ0fpINRqWYsl95Ou6gzZ0QEfDilfTjZQm"
    "LInq9GROAcAA4BK8fTs8GlII3JAKpwWiUz+5Z6WhXGWu6IbevqcSdRjT2zm4F11iE4B9zI"
    "90eWa2myv0qKNlIJXMDQxuuEZxO0kcrkxfjZT8YTu2UiFbGWWF2ihWqhB4wp4gTDGXIrd1"
    "uIfRZhv2SKVJtXcVVnNjbR/b1/WbEIG1X390g1sSOZommr+qA7hifTN6JsS4w4mYNe8QSq"
    "/fHV3yyebJWLEwsxKX1tkUf8C1qv2BC3LZ5qlRe0JVO0VL9jJ+0qPwnS1RX7buZSx5b1em"
    "OlWvfHQKVaYIfrOS82lCcEdvgQtV6EHfYm3JTG80qp+hJ1JrW2ZIePuwVIp+NudnHDbpJ0"
    "iq+0so9WWhqikurzNKUnUWBngEeoi222iUd4OcNs7BgnA9PMts6iTY42mmiutaPgoHmpia"
    "fAGAFjpI4TQUO3pWCMHKLWixgjbHpf61LBx6EEGCMFjJG910+uN8DlJ8lfYsti+540wtku"
    "BhGRVkC8bycDMLlKPhBfU8nT8EAA8AQTVmaOKPcofC1wcpUG1rE9123GNHxca0cLrGkniw"
    "5wVbKJBvBaVWn9p7JMAx0AdEAtJoCGGoZABxyi1oudTTYuCef/3Q5uPXd3CQd8V+oMua93"
    "dHw7Gg1Hv54h7w13yu/3B4ML1ynfe3tHP/aGl/yS+3pH+71Rf3DpXAredoqNorjrfRHi4V"
    "028fAuRTywT5/P5VKCR0T2qMCr3ui2dympwC3phwrSnPL0x9slOY1JwiFzfabF9Go4I5RY"
    "i63UnBAFPddZz9hiOnB2L7Zhi7K7ZJcBTEvuj5t5W2vTIpI2xzQ0bFmipJvZud+iMgBpKv"
    "Wja2NJABqRADjTpV+nknBGJADO1OjUDSo3OAMBADMJ5hKbcykwQwEAM1W8/DtZraTQjEgA"
    "nEk4p5insHiUnDsTUgBrEtaZSnQpREMBADO1+1xzO0xm6xkIAJipld2gM51otoAszF7coz"
    "IAaRJSx5dW2cKfJSUIiTPApwV8MGqHcfVhBNE0BaF//o4ZXQXBAS0BvtKUpU4eAoFzhZ+f"
    "INuzwk+IXlExb7xkm8RYrW7ucurnF99U45sPVoN9T/DCAC+MejzdDT2PBy+MQ9R6ES8Md4"
    "JOKTz74D4QaIU7eyJ76EmRkAHWKjt/6EkqaACqeVdbzdvZIQjx3exF5Mvu0Yj1s26OJa3Z"
    "Tu/iajg6Q85LkLFzHGTsHIe5Pcdhbk/3U+rgudI0X69efzL8OpBWkiPFlOK83tHhyL/iv6"
    "uHQlaqZT1xo22hWguZ2SklWONsxluvAieFVoGTnFXgRBSbl1k2LT9AL7t2WgvALj9IT1ct"
    "W9GNOaFbbGVTwuBDVZ/Na9pmASYVmNQ2Manqiii28R3THWnU3opMeDctgjtute65fFgjQV"
    "JtG7OvJ5getwCp53bW3PUuHysTa5h1veOAGru9tHVAuUmWLTZDKV4lwF3hKpiVupkjygFr"
    "Twg1eDy5BfJKAQrKHEqcGfawSbRFR3Bq6N05yjs3VMM2kI2tSdv9o5yDv0dsWpLVxCIibS"
    "Ssq6CC+EMlgbDXvIXovit0HPAu5zjgXfo4gH2iLSwD9dvN9SjTV9AWl4GaEs1G/0E6sRq8"
    "rIjA5WDESJ6UX1vShe0ozt7wDs5F7ME+E4z89f+T7duC"
)
