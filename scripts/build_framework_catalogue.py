"""Derive bnk_lib/catalogue/frameworks.yaml from ../shared/research/bnk-catalogue.yaml (run once, committed).

The research holds English paraphrases of the aspects (status mostly `inferred`, nothing is a quotation
of the RNE Handreichung). The German working texts below are our translations of those paraphrases and
keep the research's status; consultants add the official wording as `official_text` in their own file.
Unknown BNK 2.0 content becomes explicit `placeholder` entries.
"""

from __future__ import annotations

import sys
from pathlib import Path

import yaml

RESEARCH = Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/research")
ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "bnk_lib" / "catalogue" / "frameworks.yaml"

STATUS = {"verified": "verified", "secondary": "secondary", "inferred": "inferred",
          "candidate": "candidate", "unknown": "placeholder"}

GERMAN = {
    "bnk1.c01.a1": "Nachhaltigkeitsstrategie oder gleichwertiger Rahmen und ihr Beschluss durch den Rat",
    "bnk1.c01.a2": "Bezug zu den SDGs/der Agenda 2030 sowie zur Deutschen und zur Landes-Nachhaltigkeitsstrategie",
    "bnk1.c01.a3": "Verankerung in anderen Planungen und im Verwaltungshandeln",
    "bnk1.c01.a4": "Einbeziehung der kommunalen Unternehmen (Eigenbetriebe, Beteiligungen)",
    "bnk1.c02.a1": "Ausgangslage vor Ort: wesentliche Herausforderungen und Chancen",
    "bnk1.c02.a2": "Gesetzte thematische Schwerpunkte und wie sie bestimmt wurden",
    "bnk1.c02.a3": "Nachhaltigkeitsrisiken und -chancen kommunalen Handelns (Inside-out / Outside-in)",
    "bnk1.c03.a1": "Qualitative und quantitative, terminierte Ziele und ihre Operationalisierung",
    "bnk1.c03.a2": "Monitoring und Evaluation der Zielerreichung, Rückkopplung in die Steuerung",
    "bnk1.c03.a3": "Priorisierung und Umgang mit Zielkonflikten",
    "bnk1.c04.a1": "Bestimmung der relevanten Anspruchsgruppen",
    "bnk1.c04.a2": "Beteiligungsformate und -regeln im Nachhaltigkeitsprozess",
    "bnk1.c04.a3": "Nutzung der Beteiligungsergebnisse; Förderung bürgerschaftlichen Engagements",
    "bnk1.c05.a1": "Zuständigkeiten für Nachhaltigkeit in Verwaltungsspitze und Rat",
    "bnk1.c05.a2": "Organisatorische Verankerung (Koordinierungsstelle, Arbeitsgruppen, Beirat)",
    "bnk1.c05.a3": "Steuerung der kommunalen Unternehmen in Richtung Nachhaltigkeit "
    "(Beteiligungsmanagement, DNK-Berichte)",
    "bnk1.c06.a1": "Regeln und Prozesse, die Nachhaltigkeit im Verwaltungshandeln verankern "
    "(z. B. Nachhaltigkeitscheck, EMAS)",
    "bnk1.c06.a2": "Ressourcenverbrauch und Emissionen der Verwaltung (Gebäude, Fuhrpark, Dienstreisen, IT)",
    "bnk1.c06.a3": "Beschäftigte: Chancengerechtigkeit, Gesundheit, Qualifizierung, Anreize",
    "bnk1.c07.a1": "Verbindliche Regeln für nachhaltige Beschaffung",
    "bnk1.c07.a2": "Angewandte ökologische und soziale Kriterien (Siegel, ILO-Kernarbeitsnormen, fairer Handel)",
    "bnk1.c07.a3": "Organisation, Schulung und Monitoring der nachhaltigen Beschaffung",
    "bnk1.c08.a1": "Nachhaltigkeitsziele in der Haushaltsplanung",
    "bnk1.c08.a2": "Maßnahmen gegen (übermäßige) Verschuldung, Generationengerechtigkeit",
    "bnk1.c08.a3": "Wirkungsorientierter Haushalt (Verknüpfung des Haushalts mit Zielen/SDGs)",
    "bnk1.c08.a4": "Nachhaltige Ausrichtung von Investitionen und Finanzierungsinstrumenten",
    "bnk1.c09.a1": "Innovationsansatz und sektorübergreifende Zusammenarbeit für Nachhaltigkeitslösungen",
    "bnk1.c09.a2": "Digitalisierung/Smart City, Reallabore, Zusammenarbeit mit Wissenschaft und Start-ups",
    "bnk1.c10.a1": "Klimaziele, Klimaschutzkonzept und -management, Treibhausgasbilanz",
    "bnk1.c10.a2": "Energieeffizienz, Ausbau erneuerbarer Energien, Wärmeplanung, Rolle der Stadtwerke",
    "bnk1.c10.a3": "Klimaneutrale Verwaltung",
    "bnk1.c11.a1": "Flächensparen, Boden-, Wasser- und Luftschutz",
    "bnk1.c11.a2": "Biologische Vielfalt, Naturschutz, Stadtgrün",
    "bnk1.c11.a3": "Abfallvermeidung und Kreislaufwirtschaft",
    "bnk1.c11.a4": "Klimafolgenanpassung (Hitze, Starkregen, Trockenheit)",
    "bnk1.c12.a1": "Mobilitätsstrategie und Ziele der Verkehrswende (Fuß, Rad, ÖPNV)",
    "bnk1.c12.a2": "E-Mobilität, Ladeinfrastruktur, kommunaler Fuhrpark",
    "bnk1.c12.a3": "Verkehrssicherheit und Barrierefreiheit",
    "bnk1.c13.a1": "Frühkindliche Bildung und Betreuung",
    "bnk1.c13.a2": "Schulische Bildung, Schulabbrüche, Inklusion",
    "bnk1.c13.a3": "Bildung für nachhaltige Entwicklung, Erwachsenenbildung, Bibliotheken",
    "bnk1.c14.a1": "Armutsprävention (Kinder, Ältere) und soziale Infrastruktur",
    "bnk1.c14.a2": "Gleichstellung, Inklusion, Integration und Vielfalt",
    "bnk1.c14.a3": "Demografischer Wandel, sozialer Zusammenhalt, Sicherheit",
    "bnk1.c15.a1": "Angebot an bezahlbarem und sozialem Wohnraum",
    "bnk1.c15.a2": "Integrierte Quartiersentwicklung und nachhaltiges Bauen",
    "bnk1.c15.a3": "Nahversorgung und öffentlicher Raum",
    "bnk1.c16.a1": "Wirtschaftsförderung mit Nachhaltigkeitskriterien",
    "bnk1.c16.a2": "Arbeitsmarkt: Beschäftigung, Langzeitarbeitslosigkeit, Fachkräfte",
    "bnk1.c16.a3": "Nachhaltiges Wirtschaften in Unternehmen und digitale Infrastruktur",
    "bnk1.c17.a1": "Förderung nachhaltigen Konsums (regional, bio, fair; Reparieren, Teilen)",
    "bnk1.c17.a2": "Gesundheitsförderung, Gesundheitsversorgung, Sport",
    "bnk1.c17.a3": "Umweltbezogener Gesundheitsschutz (Lärm, Luft)",
    "bnk1.c18.a1": "Kommunale Entwicklungspolitik: Strategie, Personal, Budget",
    "bnk1.c18.a2": "Partnerschaften mit Kommunen im Globalen Süden",
    "bnk1.c18.a3": "Fairer Handel und globales Lernen",
}

PLACEHOLDER_ASPECT = "Aspekte laut Handreichung BNK 2.0 (2024) ergänzen – Wortlaut in den Quellen nicht gefunden"


def _aspect(raw: dict) -> dict:
    return {"id": raw["id"], "text": GERMAN[raw["id"]], "text_en": raw["text"], "status": STATUS[raw["status"]]}


def _criterion(raw: dict, known: set[str]) -> dict:
    linked = raw.get("indicators") or []
    out = {
        "id": raw["id"],
        "number": raw["number"],
        "title": raw["title"],
        "status": STATUS[raw["status"]],
        "sdg": [int(s) for s in raw.get("sdg", [])],
        "indicators": [i for i in linked if i in known],
        "indicators_status": STATUS[raw.get("indicators_status", "inferred")],
        "aspects": [_aspect(a) for a in raw["aspects"]],
    }
    outside = [i for i in linked if i not in known]
    if outside:
        out["note"] = "Research also links indicators outside the 2023 data stand: " + ", ".join(outside)
    return out


def main() -> None:
    research = yaml.safe_load((RESEARCH / "bnk-catalogue.yaml").read_text(encoding="utf-8"))
    shipped = yaml.safe_load((ROOT / "bnk_lib" / "catalogue" / "indicators.yaml").read_text(encoding="utf-8"))
    known = {i["id"] for i in shipped["indicators"]}
    names = {i["id"]: i["name"] for i in research["indicators"]}
    v1, v2 = research["versions"]

    bnk1 = {
        "title": "Berichtsrahmen Nachhaltige Kommune 1.0 (Handreichung, Testversion, 2021)",
        "published": str(v1["published"]),
        "status": "verified",
        "parts": [
            {"id": s["id"], "title": s["title"], "status": STATUS[s["status"]],
             "criteria": [_criterion(c, known) for c in s["criteria"]]}
            for s in v1["sections"]
        ],
        "core_indicators": [],
    }

    steuerung, handlungsfelder = v2["sections"]
    assumed = steuerung["criteria_assumed"]
    bnk2_steuerung = {
        "id": "bnk2.steuerung",
        "title": "Steuerung",
        "status": "placeholder",
        "note": "No source lists the BNK 2.0 governance criteria; titles assumed from BNK 1.0 (research: inferred).",
        "criteria": [
            {"id": f"bnk2.st{n:02d}", "number": f"S{n}", "title": title, "status": STATUS[assumed["status"]],
             "sdg": [], "indicators": [], "indicators_status": "inferred",
             "aspects": [{"id": f"bnk2.st{n:02d}.p1", "text": PLACEHOLDER_ASPECT, "status": "placeholder"}]}
            for n, title in enumerate(assumed["items"], start=1)
        ],
    }
    core = v2["core_indicators"]
    hf_indicators: dict[str, list[str]] = {}
    for entry in core:
        if entry["indicator"] in known:
            hf_indicators.setdefault(entry["handlungsfeld"], []).append(entry["indicator"])
    bnk2_hf = {
        "id": handlungsfelder["id"],
        "title": "Handlungsfelder",
        "status": STATUS[handlungsfelder["status"]],
        "criteria": [
            {"id": c["id"], "number": f"H{int(c['id'][-2:])}", "title": c["title"], "status": STATUS[c["status"]],
             "sdg": [int(s) for s in c["sdg"]], "indicators": hf_indicators.get(c["id"], []),
             "indicators_status": "inferred", "predecessors": c["bnk1_predecessors"],
             "aspects": [{"id": f"{c['id']}.p1", "text": PLACEHOLDER_ASPECT, "status": "placeholder"}]}
            for c in handlungsfelder["criteria"]
        ],
    }
    bnk2 = {
        "title": "Berichtsrahmen Nachhaltige Kommune 2.0 (Handreichung, 2024)",
        "published": str(v2["published"]),
        "status": "verified",
        "note": "62 mandatory aspects and 19 Kernindikatoren (verified counts); their texts were not found.",
        "parts": [bnk2_steuerung, bnk2_hf],
        "core_indicators": [
            {"id": e["id"], "indicator": e["indicator"] if e["indicator"] in known else None,
             "label": names.get(e["indicator"], e["indicator"]),
             # the research attaches one candidate to the whole Steuerung part, not to a criterion
             "criterion": None if e["handlungsfeld"] == "bnk2.steuerung" else e["handlungsfeld"],
             "status": STATUS[e["status"]]}
            for e in core
        ],
    }
    # BNK 2.0 has 19 Kernindikatoren; the research names 19 entries (1 verified, 18 candidates).
    header = (
        "# BNK frameworks as data. Generated by scripts/build_framework_catalogue.py from ../shared/research.\n"
        "# status: verified (primary source) | secondary (second-hand source) | inferred (researcher's\n"
        "# reconstruction) | candidate (placeholder guess) | placeholder (unknown, to be completed).\n"
        "# Aspect `text` is a German working paraphrase, never the official wording; add that as\n"
        "# `official_text` in your own catalogue file (bnk report --catalogue FILE).\n"
    )
    doc = {"frameworks": {"bnk-1.0": bnk1, "bnk-2.0": bnk2}}
    OUT.write_text(header + yaml.safe_dump(doc, allow_unicode=True, sort_keys=False, width=110), encoding="utf-8")
    print(f"-> {OUT}")


if __name__ == "__main__":
    main()
