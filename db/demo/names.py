"""Made-up people and numbers: Chinese names, mobile numbers, licence plates.

Everything is drawn from the caller's random.Random, so a seed gives the same people.
Numbers have the shape of real ones (11-digit mobiles, Beijing plates) but are random:
they are display data for a demo and nothing ever dials or looks them up.
"""

from __future__ import annotations

import random

SURNAMES = (
    "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕"
    "苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史"
)
# Surnames are far from uniform: the common ones get more weight.
_SURNAME_WEIGHTS = [max(1.0, 12.0 - i * 0.25) for i in range(len(SURNAMES))]
GIVEN_CHARS = (
    "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍建国红梅志文云飞海波宁鑫"
    "淑珍凤琴春燕晓东雪梅立新凯旭辉晨阳佳慧欣怡子涵宇浩然博文俊杰雨婷思远振宇德福永"
)
MOBILE_PREFIXES = (
    "130",
    "131",
    "132",
    "135",
    "136",
    "137",
    "138",
    "139",
    "150",
    "151",
    "152",
    "155",
    "156",
    "158",
    "159",
    "176",
    "177",
    "180",
    "185",
    "186",
    "187",
    "188",
    "189",
    "199",
)
PLATE_LETTERS = "ABCEFGHJKLMNPQ"
PLATE_CHARS = "0123456789ABCDEFGHJKLMNPQRSTUVWXYZ"


def person_name(rng: random.Random) -> str:
    surname = rng.choices(SURNAMES, weights=_SURNAME_WEIGHTS)[0]
    given = "".join(rng.choice(GIVEN_CHARS) for _ in range(1 if rng.random() < 0.3 else 2))
    return surname + given


def unique_names(rng: random.Random, count: int, exclude: set[str] | None = None) -> list[str]:
    seen: set[str] = set(exclude or ())
    names: list[str] = []
    while len(names) < count:
        name = person_name(rng)
        if name not in seen:
            seen.add(name)
            names.append(name)
    return names


def unique_mobiles(rng: random.Random, count: int) -> list[str]:
    seen: set[str] = set()
    numbers: list[str] = []
    while len(numbers) < count:
        number = rng.choice(MOBILE_PREFIXES) + f"{rng.randrange(10**8):08d}"
        if number not in seen:
            seen.add(number)
            numbers.append(number)
    return numbers


def landline(rng: random.Random) -> str:
    """A Beijing office number (010, 8 digits starting 6 as in the western districts)."""
    return f"010-6{rng.randrange(10**7):07d}"


def plate(rng: random.Random) -> str:
    """A Beijing plate in the 京A·12345 style (the dot as printed on the plate)."""
    tail = "".join(rng.choice(PLATE_CHARS) for _ in range(4))
    digit = str(rng.randrange(10))
    return f"京{rng.choice(PLATE_LETTERS)}·{digit}{tail}"
