"""The 17 SDGs: official German short titles and the UN colour scheme."""

from __future__ import annotations

TITLES = {
    1: "Keine Armut",
    2: "Kein Hunger",
    3: "Gesundheit und Wohlergehen",
    4: "Hochwertige Bildung",
    5: "Geschlechtergleichheit",
    6: "Sauberes Wasser und Sanitäreinrichtungen",
    7: "Bezahlbare und saubere Energie",
    8: "Menschenwürdige Arbeit und Wirtschaftswachstum",
    9: "Industrie, Innovation und Infrastruktur",
    10: "Weniger Ungleichheiten",
    11: "Nachhaltige Städte und Gemeinden",
    12: "Nachhaltige/r Konsum und Produktion",
    13: "Maßnahmen zum Klimaschutz",
    14: "Leben unter Wasser",
    15: "Leben an Land",
    16: "Frieden, Gerechtigkeit und starke Institutionen",
    17: "Partnerschaften zur Erreichung der Ziele",
}

COLOURS = {
    1: "#E5243B", 2: "#DDA63A", 3: "#4C9F38", 4: "#C5192D", 5: "#FF3A21", 6: "#26BDE2",
    7: "#FCC30B", 8: "#A21942", 9: "#FD6925", 10: "#DD1367", 11: "#FD9D24", 12: "#BF8B2E",
    13: "#3F7E44", 14: "#0A97D9", 15: "#56C02B", 16: "#00689D", 17: "#19486A",
}
