"""nbconvert exporters `bnk_html` and `bnk_pdf` (entry points), extending HTMLExporter.

An exporter is a chain of preprocessors, a template and a writer: we add a preprocessor that numbers
chapters and fills the table of contents, our own template, and for PDF WeasyPrint as the writer's
engine. Charts: the HTML export picks text/html (plotly), the PDF export image/svg+xml (matplotlib).
"""

from __future__ import annotations

import base64
import re
from importlib import resources as importlib_resources
from pathlib import Path
from typing import Any

from nbconvert.exporters import HTMLExporter
from nbconvert.preprocessors import Preprocessor, TagRemovePreprocessor
from traitlets import default
from traitlets.config import Config

from .. import __version__

HERE = Path(__file__).parent
TEMPLATES = HERE / "templates"
HEADING = re.compile(r'<h([23]) id="([^"]+)"([^>]*) data-toc([^>]*)>(.*?)</h\1>', re.S)
# Print: static charts first; interactive HTML only where no static form exists.
PRINT_PRIORITY = ["image/svg+xml", "image/png", "text/html", "text/markdown", "text/plain"]
OWN_NUMBER = re.compile(r'data-toc-num="([^"]+)"')
TITLE = re.compile(r'<h1 class="bnk-municipality">(.*?)</h1>')
TOC_NAV = re.compile(r"(<nav [^>]*data-bnk-toc[^>]*>.*?)(</nav>)", re.S)


def _static(name: str) -> str:
    return importlib_resources.files("bnk_lib.report").joinpath("static", name).read_text(encoding="utf-8")


def _report_title(nb: Any) -> str:
    """'Nachhaltigkeitsbericht Heidelberg' from the title page's heading (document title, PDF metadata)."""
    for cell in nb.cells:
        for output in cell.get("outputs", []):
            found = TITLE.search(output.get("data", {}).get("text/html", ""))
            if found:
                return f"Nachhaltigkeitsbericht {found.group(1)}"
    return "Nachhaltigkeitsbericht"


class TocPreprocessor(Preprocessor):
    """Numbers the headings marked `data-toc` (h2 → 1, h3 → 1.1) and writes the TOC into the nav."""

    def preprocess(self, nb: Any, resources: dict) -> tuple[Any, dict]:
        entries: list[tuple[int, str, str, str]] = []
        counters = [0, 0]

        def number(match: re.Match[str]) -> str:
            level = int(match.group(1))
            if level == 2:
                counters[0] += 1
                counters[1] = 0
                num = f"{counters[0]}"
            else:
                counters[1] += 1
                num = f"{counters[0]}.{counters[1]}"
            anchor, text = match.group(2), match.group(5)
            own = OWN_NUMBER.search(match.group(3) + match.group(4))
            if own:  # BNK criteria keep their own numbers (01–18) instead of 3.1, 3.2, …
                num = own.group(1)
            entries.append((level, anchor, num, text))
            return (
                f'<h{level} id="{anchor}"{match.group(3)} data-toc{match.group(4)}>'
                f'<span class="bnk-num">{num}</span> {text}</h{level}>'
            )

        nav_outputs = []
        for cell in nb.cells:
            for output in cell.get("outputs", []):
                markup = output.get("data", {}).get("text/html")
                if markup is None:
                    continue
                if "data-bnk-toc" in markup:
                    nav_outputs.append(output)
                output["data"]["text/html"] = HEADING.sub(number, markup)
        toc = self._toc_html(entries)
        for output in nav_outputs:
            output["data"]["text/html"] = TOC_NAV.sub(lambda m: m.group(1) + toc + m.group(2),
                                                      output["data"]["text/html"])
        resources.setdefault("bnk", {})["toc"] = entries
        return nb, resources

    @staticmethod
    def _toc_html(entries: list[tuple[int, str, str, str]]) -> str:
        out = ["<ol>"]
        open_sub = False
        for level, anchor, num, text in entries:
            if level == 3 and not open_sub:
                out.append("<ol>")
                open_sub = True
            elif level == 2 and open_sub:
                out.append("</ol></li>")
                open_sub = False
            elif level == 2 and len(out) > 1:
                out.append("</li>")
            item = f'<li><a href="#{anchor}"><span class="bnk-num">{num}</span> {text}</a>'
            out.append(item + ("</li>" if level == 3 else ""))
        out.append("</ol></li></ol>" if open_sub else ("</li></ol>" if len(out) > 1 else "</ol>"))
        return "".join(out)


class BnkHTMLExporter(HTMLExporter):
    """Self-contained, offline HTML report: one embedded plotly.js, no code, lang="de"."""

    export_from_notebook = "BNK report (HTML)"
    print_layout = False

    @default("template_name")
    def _template_name_default(self) -> str:
        return "bnk"

    @default("extra_template_basedirs")
    def _extra_template_basedirs_default(self) -> list[str]:
        return [str(TEMPLATES)]

    @default("exclude_input")
    def _exclude_input_default(self) -> bool:
        return True

    @default("exclude_input_prompt")
    def _exclude_input_prompt_default(self) -> bool:
        return True

    @default("exclude_output_prompt")
    def _exclude_output_prompt_default(self) -> bool:
        return True

    def __init__(self, **kw: Any) -> None:
        super().__init__(**kw)
        # Cells tagged bnk-internal (usage notes for consultants) never reach the report.
        self.register_preprocessor(
            TagRemovePreprocessor(remove_cell_tags={"bnk-internal"}, enabled=True), enabled=True
        )
        self.register_preprocessor(TocPreprocessor(), enabled=True)
        self.register_filter("bnk_b64", lambda text: base64.b64encode(text.encode("utf-8")).decode("ascii"))

    def _init_resources(self, resources: dict) -> dict:
        resources = super()._init_resources(resources)
        bnk = resources.setdefault("bnk", {})
        bnk.setdefault("title", "Nachhaltigkeitsbericht")
        bnk["version"] = __version__
        bnk["print"] = self.print_layout
        bnk["css"] = _static("report.css")
        bnk["plotly_js"] = "" if self.print_layout else _static("plotly-basic.min.js")
        return resources

    def from_notebook_node(  # type: ignore[override]  # nbconvert's own HTMLExporter returns str too
        self, nb: Any, resources: dict | None = None, **kw: Any
    ) -> tuple[str, dict]:
        resources = dict(resources or {})
        resources.setdefault("bnk", {})["title"] = _report_title(nb)
        return super().from_notebook_node(nb, resources, **kw)


class BnkPDFExporter(BnkHTMLExporter):
    """Paged A4 PDF through WeasyPrint from the print variant of the same HTML (static SVG charts)."""

    export_from_notebook = "BNK report (PDF)"
    output_mimetype = "application/pdf"
    print_layout = True

    @default("file_extension")
    def _file_extension_default(self) -> str:
        return ".pdf"

    @default("template_extension")
    def _template_extension_default(self) -> str:
        return ".html.j2"  # the PDF is printed from the same HTML template

    @property
    def default_config(self) -> Config:
        config = super().default_config
        config.merge(Config({"NbConvertBase": {"display_data_priority": PRINT_PRIORITY}}))
        return config

    def from_notebook_node(self, nb: Any, resources: dict | None = None, **kw: Any) -> tuple[bytes, dict]:  # type: ignore[override]
        # Imported lazily: WeasyPrint needs the Pango system library, the HTML export does not.
        from weasyprint import HTML
        from weasyprint.urls import URLFetcher

        markup, resources = super().from_notebook_node(nb, resources, **kw)
        offline = URLFetcher(allowed_protocols={"data", "file"}, fail_on_errors=True)  # never the network
        pdf = HTML(string=markup, base_url=str(HERE), url_fetcher=offline).write_pdf(
            pdf_variant="pdf/ua-1", uncompressed_pdf=False
        )
        resources["output_extension"] = ".pdf"
        return pdf, resources
