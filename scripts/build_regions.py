"""Reduce the official municipality directory (Destatis GV-ISys) to data/regions.csv (run once, committed).

Keeps Länder (2-digit key), Kreise (5-digit) and Gemeinden (8-digit AGS = land + rb + kreis + gemeinde)
with name, parent keys, area (km²) and population. Values are not edited, only re-formatted
(the source writes '161 485' for 161485 and uses a decimal point for the area).
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

SRC = Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/data/regions/AuszugGV4QAktuell.csv")
OUT = Path(__file__).resolve().parents[1] / "data" / "regions.csv"
LEVELS = {"10": "Land", "40": "Kreis", "60": "Gemeinde"}


def main() -> None:
    rows = []
    with SRC.open(encoding="utf-8-sig", newline="") as fh:
        for r in csv.DictReader(fh):
            level = LEVELS.get(r["satzart"])
            if level is None:
                continue
            land = r["land"]
            kreis = land + r["rb"] + r["kreis"] if level != "Land" else ""
            key = {"Land": land, "Kreis": kreis, "Gemeinde": kreis + r["gemeinde"]}[level]
            rows.append(
                {
                    "ags": key,
                    "name": r["gemeindename"],
                    "level": level,
                    "kreis_ags": kreis if level == "Gemeinde" else "",
                    "land_ags": land,
                    "area_km2": r["flaeche"].strip(),
                    "population": r["bevoelkerung"].replace(" ", "").strip(),
                    "postcode": r["postleitzahl"].strip(),
                }
            )
    OUT.parent.mkdir(exist_ok=True)
    with OUT.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    print(f"{len(rows)} regions -> {OUT}")


if __name__ == "__main__":
    main()
