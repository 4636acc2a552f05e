"""Test PDFs made from the shipped texts: one paragraph per line, first lines indented, wrapped to the page,
with a running header and a page-number footer (reportlab's built-in Chinese font, no font file needed)."""

from __future__ import annotations

from pathlib import Path
from xml.sax.saxutils import escape


def text_to_pdf(text: str, out: Path, header: str = "人民政府门户网站 政府工作报告", indent: bool = True) -> Path:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    style = ParagraphStyle("zh", fontName="STSong-Light", fontSize=11, leading=16, wordWrap="CJK",
                           firstLineIndent=22 if indent else 0, spaceAfter=0 if indent else 6)
    paragraphs = [Paragraph(escape(line.strip()), style) for line in text.splitlines() if line.strip()]

    def page_marks(canvas, doc):
        canvas.setFont("STSong-Light", 9)
        canvas.drawString(50, 810, header)
        canvas.drawString(280, 20, f"— {doc.page} —")

    SimpleDocTemplate(str(out), pagesize=A4).build(paragraphs, onFirstPage=page_marks, onLaterPages=page_marks)
    return out


def scanned_pdf(out: Path, pages: int = 2) -> Path:
    """Pages with only a drawing on them: what a scan without a text layer looks like to a text reader."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(out), pagesize=A4)
    for _ in range(pages):
        c.rect(50, 50, 400, 600, fill=1)
        c.showPage()
    c.save()
    return out
