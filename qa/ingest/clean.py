"""Raw report text -> clean lines, with counts of what was removed or flagged.

Reports arrive as web pages saved to text, newspaper copies and Word files. Besides the report
they carry page chrome (site header and footer, buttons such as 下载/打印/【字号：大 中 小】,
breadcrumbs, view counters), news datelines (`新华社北京3月12日电`), photo captions
(`…新华社记者 李响 摄`), source and editor lines (`来源：…日报`, `责任编辑：…`), related-link
blocks (`相关报道：`), pinyin annotations after characters (`來(lái)`), HTML remnants (`?/span>`)
and mojibake runs (GBK bytes decoded one byte out of step, `?` where a byte was lost). Each is
recognized by what it is (its shape and the vocabulary of web pages and news wires), never by
this corpus's own strings, and counted. Mojibake runs cannot be repaired from the text, so each
is replaced by a visible GARBLED marker: never shown as report text and never indexed.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field

from qa.common.normalize import PINYIN_LETTERS, strip_pinyin, to_simplified

GARBLED = "〔乱码〕"

# Site footer and header lines: owner, ICP licence, copyright, contact, browser hints.
SITE_LINE = re.compile(r"^(技术支持|联系我们|网站地图|网站标识码)|ICP备|ICP证|公网安备|版权所有|"
                       r"copyright|©|涉密文件|浏览器|分辨率|门户网站提示|建议使用", re.I)
# A site owner line (`主办单位：…人民政府`) is chrome next to the footer's other lines; in an
# appendix (`主办单位：省教育厅`) it is report text.
OWNER_LINE = re.compile(r"^(主办单位|承办单位|协办单位|主管单位)\s*[:：]")
# Page buttons and widgets; a line made only of these (and brackets, separators) is chrome.
UI_WORDS = ("下载", "打印", "打印本页", "打印此页", "关闭", "关闭窗口", "关闭本页", "收藏", "分享", "分享到", "转发",
            "字号", "字体", "大", "中", "小", "默认", "纠错", "我要纠错", "返回", "返回顶部", "回到顶部", "顶部", "扫一扫",
            "手机看", "在手机打开当前页", "微信", "微博", "qq空间", "qq", "首页", "上一篇", "下一篇", "上一页", "下一页",
            "附件", "朗读", "听全文", "视力保护色", "保存", "评论", "点赞", "全文", "放大", "缩小", "恢复", "复制链接",
            "【", "】", "[", "]", "|", "/", ":", "：", "·", "-")
_UI_BY_LENGTH = sorted(UI_WORDS, key=len, reverse=True)
_UI_SPLIT = re.compile(r"[\s【】\[\]|/:：·\-()（）>》<《,，、]+")
BREADCRUMB = re.compile(r"^(当前位置|您的位置|你的位置|所在位置|位置)\s*[:：]|^首页\s*[>›»]|(\S{1,12}\s*[>›»]\s*){2,}")
# Article metadata lines: source, author, editor, dates, counters (short lines only).
META_LINE = re.compile(r"^[【\[(（]?\s*(来源|信息来源|稿源|出处|作者|编辑|责任编辑|责编|审核|审校|校对|签发|发布时间|发布日期|"
                       r"发文日期|更新时间|发布机构|浏览次数|浏览量|访问量|点击数|点击量|阅读量|阅读次数|字号|文章来源)\s*[:：]")
# A news dateline at the start of a line: `新华社北京3月12日电`, `本报讯（记者 张三）`.
DATELINE = re.compile(r"^\s*(?:(?:新华社|中新社|新华网|人民网|央视网|中国新闻网|本报|本刊)[\u4e00-\u9fff]{0,8}"
                      r"(?:\d{1,2}月\d{1,2}日)?电|[\u4e00-\u9fff]{2,8}\d{1,2}月\d{1,2}日电|本报讯)"
                      r"\s*(?:[(（]记者[^)）]{0,30}[)）])?\s*")
# A photo caption: a short line about a picture, or one ending in a photographer's credit.
CAPTION = re.compile(r"^\s*(图为|图片|图：|图:|▲|△|【图】|\(图\)|（图）)|(记者|通讯员|摄影)?\s*[\u4e00-\u9fff·]{2,8}\s*摄\s*[)）]?\s*$"
                     r"|摄影[:：]|图片来源[:：]|^[(（]?\s*(新华社|本报|人民网)?(记者|通讯员)\s*\S{2,4}\s*摄")
RELATED = re.compile(r"^[【\[]?\s*(相关报道|相关新闻|相关链接|相关阅读|延伸阅读|推荐阅读|相关文章|热点推荐|更多)\s*[】\]]?\s*[:：]?\s*$")
# `?/span>`: a tag whose `<` was lost. The `?` stays, so a garbled run it ends is still seen.
HTML_REMNANT = re.compile(r"</?[a-zA-Z][a-zA-Z0-9]*\s*/?>|(?<=\?)/[a-zA-Z]+>|&nbsp;|&amp;|&lt;|&gt;")
# The closing exhortation of a report (`让我们更加紧密地团结…`): what follows it is an appendix.
CLOSING = re.compile(r"(让我们|^各位代表.{0,120}我们要).{0,80}(团结|奋斗|努力|携手|奋进|前进|拼搏|实干|开拓|共同|一道)")

# A mojibake run starts at a `?` (a lost byte) and goes on while, within a few characters,
# another trace of misaligned decoding follows: another `?`, stray Latin letters (a lead
# byte swallowed an ASCII byte), or the tail of a pinyin annotation whose `X(` was lost
# (`?nèi)`). Ordinary punctuation, digits and whitespace end it.
_MARK = rf"(?:\?|[A-Za-z^{PINYIN_LETTERS}]+\)?|!)"
_GAP = rf"[^\s,，。、；;：:“”\"()（）0-9A-Za-z?!{PINYIN_LETTERS}]"
GARBLED_RUN = re.compile(rf"\?(?:{_GAP}{{0,8}}{_MARK})*")
_SENTENCE_END = re.compile(r"[。！？!?]")


@dataclass
class CleanStats:
    """What cleaning removed, kept apart or flagged, for the build summary."""

    chrome_lines: int = 0  # site header/footer, buttons, breadcrumbs, metadata, related-link blocks
    source_lines: int = 0  # `来源：…`
    datelines: int = 0
    captions: int = 0
    appendix_lines: int = 0  # after the closing paragraph: kept, as the report's 附件 part
    pinyin_annotations: int = 0
    html_remnants: int = 0
    garbled_runs: int = 0
    second_copy_lines: int = 0  # the report as a page held it a second time
    removed_examples: list[str] = field(default_factory=list)

    def add(self, other: CleanStats) -> None:
        """Count `other`'s removals too (one per report when several are indexed)."""
        for name, value in asdict(other).items():
            setattr(self, name, getattr(self, name) + value)

    def counts(self) -> dict[str, int]:
        return {k: v for k, v in asdict(self).items() if k != "removed_examples"}

    def summary(self) -> str:
        return (
            f"removed {self.chrome_lines} page-chrome lines, {self.source_lines} source lines, "
            f"{self.datelines} datelines, {self.captions} photo captions, "
            f"{self.pinyin_annotations} pinyin annotations, {self.html_remnants} HTML remnants, "
            f"{self.second_copy_lines} lines of a second copy; "
            f"kept {self.appendix_lines} appendix lines apart; flagged {self.garbled_runs} garbled runs as {GARBLED}"
        )

    def _removed(self, line: str) -> None:
        if len(self.removed_examples) < 20:
            self.removed_examples.append(line[:60])


def is_ui_line(simplified: str) -> bool:
    """True when a line is made only of page buttons and widgets (`【字号：大 中 小】【打印】`)."""
    if len(simplified) > 60:
        return False
    tokens = [t for t in _UI_SPLIT.split(simplified.lower()) if t]
    return bool(tokens) and all(_ui_segments(t) for t in tokens)


def _ui_segments(token: str) -> bool:
    """True when a token is made of UI words end to end (`扫一扫在手机打开当前页`)."""
    if not token:
        return True
    return any(token.startswith(w) and _ui_segments(token[len(w):]) for w in _UI_BY_LENGTH)


def chrome_kind(line: str) -> str | None:
    """What kind of debris a whole line is (chrome, source, caption, dateline), or None for report text."""
    s = to_simplified(strip_pinyin(line)[0]).strip()
    if not s:
        return None
    if len(s) <= 200 and SITE_LINE.search(s):
        return "chrome"
    if is_ui_line(s) or (len(s) <= 80 and BREADCRUMB.search(s)) or RELATED.match(s):
        return "chrome"
    if len(s) <= 80 and META_LINE.match(s):
        return "source" if s.lstrip("【[(（ ").startswith(("来源", "信息来源", "稿源", "出处", "文章来源")) else "chrome"
    if len(s) <= 150 and CAPTION.search(s) and not s.startswith(("各位代表", "一、", "二、")):
        return "caption"
    m = DATELINE.match(s)
    if m and not s[m.end():].strip():
        return "dateline"
    return None


def clean_line(line: str, stats: CleanStats) -> str:
    """Clean one content line: dateline prefix, pinyin, HTML remnants, then garbled runs."""
    line, n = strip_pinyin(line)
    stats.pinyin_annotations += n
    line, n = HTML_REMNANT.subn("", line)
    stats.html_remnants += n
    m = DATELINE.match(to_simplified(line))
    if m and m.end() < len(line):
        stats.datelines += 1
        stats._removed(line[: m.end()])
        line = line[m.end():]

    runs = []

    def flag(m: re.Match) -> str:
        runs.append(m.group(0))
        return GARBLED

    line = GARBLED_RUN.sub(flag, line)
    # Two runs split only by a space are one damaged stretch: show one marker.
    line, merged = re.subn(rf"{GARBLED}\s*{GARBLED}", GARBLED, line)
    stats.garbled_runs += len(runs) - merged
    return line.strip()


def clean_text(raw: str) -> tuple[list[str], list[str], CleanStats]:
    """Clean a whole raw report.

    Returns:
        the report's content lines, the appendix lines after its closing paragraph (名词解释,
        附件 …; kept apart, since they are published with the report), and the counts.
    """
    stats = CleanStats()
    lines: list[str] = []
    in_related = False
    raw_lines = [line for line in raw.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    kinds = [chrome_kind(line) for line in raw_lines]
    for i, line in enumerate(raw_lines):
        if not line.strip():
            in_related = False  # a related-links block ends at a blank line
            continue
        kind = kinds[i]
        if kind is None and OWNER_LINE.match(to_simplified(line.strip())):
            near = kinds[max(0, i - 3): i] + kinds[i + 1: i + 4]
            kind = "chrome" if "chrome" in near else None
        if kind is None and in_related and len(line.strip()) <= 60:
            kind = "chrome"  # a link title under `相关报道：`
        if kind:
            in_related = in_related or bool(RELATED.match(to_simplified(line.strip())))
            counter = {"chrome": "chrome_lines", "source": "source_lines", "caption": "captions",
                       "dateline": "datelines"}[kind]
            setattr(stats, counter, getattr(stats, counter) + 1)
            stats._removed(line.strip())
            continue
        in_related = False
        cleaned = clean_line(line, stats)
        if cleaned and any(ch.isalnum() for ch in cleaned):
            lines.append(cleaned)
    lines = rejoin_quotes(lines)
    lines, stats.second_copy_lines = drop_second_copy(lines)
    body, appendix = split_appendix(lines)
    stats.appendix_lines = len(appendix)
    return body, appendix, stats


def rejoin_quotes(lines: list[str]) -> list[str]:
    """Lines a page broke around a quoted name put back together (…与“ | 十四五 | ”规划目标相衔接…): a paragraph does not
    end on an opening quotation mark, nor start on a closing one (a fact of the writing)."""
    out: list[str] = []
    for line in lines:
        if out and (out[-1].endswith(("“", "‘")) or line.startswith(("”", "’"))):
            out[-1] += line
        else:
            out.append(line)
    return out


def drop_second_copy(lines: list[str], run: int = 10, long: int = 40, opening: int = 5) -> tuple[list[str], int]:
    """The lines up to where the report starts over, and how many were dropped: a page scraped with its body twice
    holds the whole report twice. It starts over where one of its first `opening` long paragraphs comes again, the
    `run` long ones from there on are as the first time, and every long one after it was said before (a first copy
    that stops short, a preview, keeps the page whole: nothing of the report is dropped); the short lines before that
    (the page's footer, the second copy's title and salutation) go with the copy, up to the last line that ends a
    sentence."""
    longs = [i for i, line in enumerate(lines) if len(line) >= long]
    if len(longs) < 2 * run:
        return lines, 0
    at: dict[str, int] = {}  # a long line -> where it first stands among the long ones
    for n, i in enumerate(longs):
        first = at.setdefault(lines[i], n)
        if first < n and first < opening and n + run <= len(longs) \
                and all(lines[longs[n + t]] == lines[longs[first + t]] for t in range(run)) \
                and {lines[j] for j in longs[n:]} <= {lines[j] for j in longs[:n]}:
            cut = i
            while cut > longs[first] and len(lines[cut - 1]) < long and not _SENTENCE_END.search(lines[cut - 1][-1:]):
                cut -= 1
            return lines[:cut], len(lines) - cut
    return lines, 0


def split_appendix(lines: list[str]) -> tuple[list[str], list[str]]:
    """Split the lines at the closing exhortation (`…让我们…团结…`): the report, then its appendix."""
    start = len(lines) // 3  # the closing paragraph is never in the first third (an appendix can be long)
    closing = None
    for i in range(len(lines) - 1, start - 1, -1):
        if CLOSING.search(to_simplified(lines[i])):
            closing = i
            break
    if closing is None:
        return lines, []
    return lines[: closing + 1], lines[closing + 1:]
