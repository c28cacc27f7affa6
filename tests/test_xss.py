"""No inventory or indicator-set text runs as script in an HTML output, CSP or no CSP.

Every vector of the OWASP XSS Filter Evasion Cheat Sheet (``tests/data/xss-payloads.txt``:
128 vectors, and 26 of Markdown syntax for the Markdown tests) goes into every text field
the outputs can show (``payloads.py`` builds the workbooks and the set: each register
column, Profil, unknown headers and labels, file names, every text of an indicator set).
The CLI renders every HTML output it has: ``score --format html`` in Indonesian and
English, the roll-up of several workbooks and ``diff --format html``. One headless
Chromium launch opens each output twice, as frames of one page:

- as written, with its Content-Security-Policy: Chromium must log nothing at all (no CSP
  violation, no console message), so nothing even tried to run;
- with the CSP removed and a probe script first in ``<head>`` that replaces ``alert``,
  ``confirm``, ``prompt``, ``print`` and ``eval`` by recorders (a vector that ran would
  call one with its marker): no call may be recorded.

In both, the DOM after loading (and after ten seconds of virtual time for timers) must
hold no element or attribute a vector brings: no script but the probe, no ``on*``
attribute, no URL-bearing attribute (``href``, ``src``, ``srcdoc``, ``action``, ``style``…),
no ``javascript:`` value, and no element but those the templates and the chart builder
write (so no iframe, object, embed, base, meta refresh, img, svg script, math…).

The frames are not laid out (``display: none``: layout of several megabytes of tables
takes most of a minute on a small machine). Scripts, event handlers and loads still run;
a handler that needs layout to fire (autofocus, marquee) is caught by the DOM check,
since its element or attribute would be there. Control frames carry the vectors
unescaped: they must trip every check, so the checks can fail.
"""

from __future__ import annotations

import html as htmllib
import json
import re
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

import smartserang
from payloads import (
    FIELDS,
    VECTORS,
    found_markers,
    hostile_inputs,
    marked,
    render_outputs,
)
from payloads import field as text_field

from builders import require_tool

PACKAGE = Path(smartserang.__file__).parent
CSP_META = re.compile(r'<meta http-equiv="Content-Security-Policy" content="[^"]*">\n?')
HOOKED = ("alert", "confirm", "prompt", "print", "eval")
URL_ATTRIBUTES = frozenset(
    {"href", "src", "srcdoc", "srcset", "action", "formaction", "data", "background"}
    | {"dynsrc", "lowsrc", "poster", "codebase", "xlink:href", "style", "ping", "manifest"}
)
"""Attributes that load, navigate or style: the outputs write none of them."""
NOT_SHOWN = frozenset(
    {
        "Set: indicator question",
        "Set: source",
        "Set: scale name (id)",
        "Set: scale name (en)",
        "Aplikasi.Catatan (unknown column)",
        "Aplikasi.Catatan (unknown column) (old)",
        "Penilaian.Catatan (unknown column)",
        "Penilaian.Catatan (unknown column) (old)",
        "Target.Catatan (unknown column)",
        "Target.Catatan (unknown column) (old)",
        "Perangkat Daerah: unknown column header (old)",
        "Profil: unknown label (old)",
    }
)
"""Fields no HTML output prints: a set's question, source and scale names, the values of
unknown columns, and the old workbook's unknown header and label (``diff`` does not warn
about them). Their vectors are in the inputs all the same."""

PROBE = (
    "<script>(function(){var d=document.documentElement,t=null;"
    "try{t=window.top.__xss}catch(e){}"
    "function hook(n){window[n]=function(){var a=[].slice.call(arguments).join(' ');"
    "d.setAttribute('data-xss-calls',(d.getAttribute('data-xss-calls')||'')+n+'('+a+') ');"
    "if(t){t(n,location.pathname,a)}return null}}"
    + "".join(f"hook('{name}');" for name in HOOKED)
    + "d.setAttribute('data-probe','on')})()</script>"
)
"""First in ``<head>``: replaces the dialog and eval functions by recorders that write to
the frame's root element and to the parent page."""
PROBE_ATTRIBUTES = frozenset({"data-probe", "data-xss-calls"})

PARENT = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>frames</title><script>
window.__calls = [];
window.__xss = function (name, where, args) { __calls.push(name + " " + where + " " + args); };
["alert", "confirm", "prompt", "print"].forEach(function (n) {
  window[n] = function () { __xss(n, "top", [].slice.call(arguments).join(" ")); };
});
addEventListener("load", function () {
  setTimeout(function () {
    var frames = document.getElementsByTagName("iframe");
    for (var i = 0; i < frames.length; i++) {
      var out = document.createElement("textarea");
      out.hidden = true;
      out.setAttribute("data-frame", frames[i].name);
      try { out.textContent = frames[i].contentDocument.documentElement.outerHTML; }
      catch (e) { out.textContent = "UNREADABLE " + e; }
      document.body.appendChild(out);
    }
    var calls = document.createElement("pre");
    calls.id = "calls";
    calls.textContent = JSON.stringify(__calls);
    document.body.appendChild(calls);
  }, 10000);
});
</script></head><body>
FRAMES
</body></html>
"""
"""The page Chromium opens: every output in an iframe. After load and ten (virtual)
seconds for timers it copies each frame's DOM into a textarea, for --dump-dom."""


# ------------------------------------------------------------------- what may be in a page


def _allowed_tags() -> frozenset[str]:
    """Every element the HTML templates and the chart builder write (lower case)."""
    tags: set[str] = set()
    for template in PACKAGE.joinpath("report", "templates").glob("*.html"):
        tags.update(re.findall(r"<([A-Za-z][A-Za-z0-9]*)", template.read_text("utf-8")))
    charts = PACKAGE.joinpath("report", "svg.py").read_text("utf-8")
    tags.update(re.findall(r'_el\(\s*"(\w+)"', charts))
    tags.update(re.findall(r"<([A-Za-z][A-Za-z0-9]*)", charts))
    return frozenset(t.lower() for t in tags)


def _template_attributes() -> frozenset[str]:
    """Every attribute name the HTML templates write on HTML elements."""
    names: set[str] = set()
    for template in PACKAGE.joinpath("report", "templates").glob("*.html"):
        for tag in re.findall(r"<[A-Za-z][^>]*>", template.read_text("utf-8")):
            names.update(re.findall(r'\s([A-Za-z][A-Za-z:-]*)="', tag))
    return frozenset(n.lower() for n in names)


@dataclass
class Page:
    """What the checks read from one frame's serialised DOM."""

    tags: list[str] = field(default_factory=list)
    attributes: list[tuple[str, str, str]] = field(default_factory=list)
    """(tag, attribute name, value) of every attribute; the tag is ``svg:…`` inside SVG."""
    text: str = ""
    """The text, tags removed and entities decoded (script and style content excluded)."""


# Chromium's serialiser writes every attribute value in double quotes with " as &quot;, and
# escapes < and > in text, so start tags can be read by a regular expression.
_TOKEN = re.compile(r'<([A-Za-z][^\s/>]*)((?:\s+[^\s=/>]+(?:="[^"]*")?)*)\s*/?>|</svg>', re.I)
_ATTRIBUTE = re.compile(r'([^\s=/>]+)(?:="([^"]*)")?')
_RAW_TEXT = re.compile(r"(<(script|style)\b[^>]*>).*?(</\2>)", re.S | re.I)


def read_page(serialised: str) -> Page:
    """The tags, attributes and text of a DOM as Chromium serialises it."""
    serialised = _RAW_TEXT.sub(r"\1\3", serialised)
    page = Page()
    depth = 0
    for match in _TOKEN.finditer(serialised):
        if match.group(1) is None:
            depth = max(depth - 1, 0)
            continue
        tag = match.group(1).lower()
        page.tags.append(tag)
        if tag == "svg" and not match.group(0).endswith("/>"):
            depth += 1
        where = f"svg:{tag}" if depth else tag
        for name, value in _ATTRIBUTE.findall(match.group(2)):
            page.attributes.append((where, name.lower(), htmllib.unescape(value)))
    page.text = htmllib.unescape(re.sub(r"<[^>]*>", " ", serialised))
    return page


def intruders(page: Page, *, probe: bool, csp: bool) -> list[str]:
    """Everything in ``page`` that the templates did not write, as readable lines."""
    found = []
    tags = _allowed_tags() | ({"script"} if probe else set())
    html_attributes = _template_attributes()
    scripts = page.tags.count("script")
    if scripts != (1 if probe else 0):
        found.append(f"{scripts} script elements")
    if page.tags.count("style") != 1:
        found.append(f"{page.tags.count('style')} style elements")
    found += [f"<{t}>" for t in sorted(set(page.tags) - tags)]
    for tag, name, value in page.attributes:
        if tag == "html" and probe and name in PROBE_ATTRIBUTES:
            continue
        if _foreign_attribute(tag, name, value, html_attributes, csp=csp):
            found.append(f"<{tag} {name}={value[:60]!r}>")
    return found


def _foreign_attribute(
    tag: str, name: str, value: str, html_attributes: frozenset[str], *, csp: bool
) -> bool:
    """Whether an attribute could not have come from the templates or the chart builder."""
    if name.startswith("on") or name in URL_ATTRIBUTES:
        return True
    plain = re.sub(r"[\x00-\x20]", "", value).lower()
    # An id may hold an indicator id, which is hostile text here, escaped.
    if plain.startswith(("javascript:", "vbscript:", "data:")) and name != "id":
        return True
    if name == "http-equiv":
        return not (csp and value == "Content-Security-Policy")
    return not tag.startswith("svg:") and name not in html_attributes


# ------------------------------------------------------------------------------ rendering


def with_probe(html: str) -> str:
    """``html`` without its CSP and with the probe first in ``<head>``."""
    stripped, removed = CSP_META.subn("", html)
    assert removed == 1, "the output should carry exactly one CSP meta element"
    assert stripped.count("<head>\n") == 1
    return stripped.replace("<head>\n", "<head>\n" + PROBE + "\n", 1)


def control(html: str) -> str:
    """``html`` with unescaped vectors put into its body: what a failure would look like.

    Vectors that would leave the machine or the page (remote URLs, meta refresh) or open
    a frame of their own (where no probe is) are left out, so the control page loads the
    same way every time and no real dialog blocks the browser.
    """
    where = text_field("Control (unescaped)")
    chosen = [
        marked(v, where)
        for v, vector in enumerate(VECTORS)
        if not re.search(r"refresh|invalid|http|//|frame|object|embed", vector, re.I)
    ]
    assert len(chosen) > 40
    assert html.count("<main>") == 1
    return html.replace("<main>", "<main>\n" + "\n".join(chosen), 1)


@dataclass
class Browsed:
    """What one Chromium launch saw: each frame's DOM, recorded calls, console lines."""

    frames: dict[str, str]
    calls: list[str]
    problems: dict[str, list[str]]
    """Console and CSP lines of Chromium's log, by the frame file that caused them."""


_FRAME_DUMP = re.compile(r'<textarea hidden="" data-frame="([^"]*)">(.*?)</textarea>', re.S)
_CALLS_DUMP = re.compile(r'<pre id="calls">(.*?)</pre>', re.S)
_LOG_PROBLEM = re.compile(r":CONSOLE|Content Security Policy|Uncaught|Refused to")
_LOG_SOURCE = re.compile(r"source: file://\S*/([^/\s]+?)(?: |\(|$)")


def browse(folder: Path, pages: dict[str, str]) -> Browsed:
    """Open ``pages`` (file name -> HTML) as frames of one page in one Chromium launch."""
    chromium = require_tool("chromium")
    frames = []
    for name, html in pages.items():
        (folder / name).write_text(html, encoding="utf-8")
        frames.append(f'<iframe style="display:none" name="{name}" src="{name}"></iframe>')
    parent = folder / "frames.html"
    parent.write_text(PARENT.replace("FRAMES", "\n".join(frames)), encoding="utf-8")
    result = subprocess.run(
        [
            chromium,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            f"--user-data-dir={folder / 'profile'}",
            # Lets the parent page read its file:// frames' DOM.
            "--allow-file-access-from-files",
            "--enable-logging=stderr",
            "--v=0",
            "--virtual-time-budget=20000",
            "--dump-dom",
            parent.as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    dumped = {name: htmllib.unescape(dom) for name, dom in _FRAME_DUMP.findall(result.stdout)}
    assert set(dumped) == set(pages), "a frame's DOM is missing from the dump"
    calls = _CALLS_DUMP.search(result.stdout)
    assert calls is not None, "the parent page did not finish"
    problems: dict[str, list[str]] = {}
    for line in result.stderr.splitlines():
        if _LOG_PROBLEM.search(line):
            source = _LOG_SOURCE.search(line)
            problems.setdefault(source.group(1) if source else "?", []).append(line)
    return Browsed(dumped, json.loads(htmllib.unescape(calls.group(1))), problems)


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The four HTML outputs of the hostile inputs."""
    return render_outputs(hostile_inputs(tmp_path_factory), "html")


@pytest.fixture(scope="module")
def browsed(rendered: dict[str, Path]) -> Browsed:
    """Every output with its CSP and with the probe, plus the two control frames."""
    pages: dict[str, str] = {}
    for name, path in rendered.items():
        html = path.read_text(encoding="utf-8")
        pages[f"csp-{name}"] = html
        pages[f"probe-{name}"] = with_probe(html)
    smallest = min(rendered.values(), key=lambda p: p.stat().st_size)
    unescaped = control(smallest.read_text(encoding="utf-8"))
    pages["control-csp.html"] = unescaped
    pages["control-probe.html"] = with_probe(unescaped)
    return browse(smallest.parent, pages)


def _outputs(browsed: Browsed, mode: str) -> Iterator[tuple[str, Page]]:
    for name, dom in browsed.frames.items():
        if name.startswith(f"{mode}-"):
            assert not dom.startswith("UNREADABLE"), f"{name}: {dom[:200]}"
            yield name, read_page(dom)


# --------------------------------------------------------------------------------- tests


def test_the_vectors_reach_every_output_through_every_field(browsed: Browsed) -> None:
    """The vectors arrive as visible text, and every field but the unshown ones is shown.

    Counted on the DOM Chromium built: the (vector, field) markers in each output's text.
    Their sum over the outputs is the number of vector x field x output combinations the
    other tests prove inert: 15,175 (154 vectors; 80 fields, of which 63 reach an output
    with every vector, 4 with 125 of them and the file name with the 6 that can name a
    file; 4 outputs, each printing the fields it has).
    """
    fields = {f.code: f.name for f in FIELDS.values() if not f.name.startswith("Control")}
    shown: dict[str, set[int]] = {}
    checked = 0
    for name, page in _outputs(browsed, "probe"):
        pairs = found_markers(page.text)
        shown[name] = {code for _, code in pairs} & set(fields)
        checked += len({p for p in pairs if p[1] in fields})
    never = {fields[c] for c in set(fields) - set().union(*shown.values())}
    assert never <= NOT_SHOWN, f"fields no output shows: {sorted(never - NOT_SHOWN)}"
    assert len(shown) == 4
    assert all(len(codes) >= 5 for codes in shown.values()), shown
    assert checked >= 15_000, f"{checked} vector x field x output combinations reached"


def test_with_the_csp_nothing_tries_to_run(browsed: Browsed) -> None:
    """Opened as written, no output makes Chromium log a CSP violation or a console line,
    and no output's DOM holds an element or attribute the templates did not write."""
    for name, page in _outputs(browsed, "csp"):
        assert browsed.problems.get(name, []) == [], name
        assert intruders(page, probe=False, csp=True) == [], name


def test_without_the_csp_no_vector_runs(browsed: Browsed) -> None:
    """With the CSP removed and the probe in place, no output records a call of alert,
    confirm, prompt, print or eval, and no vector left an element or attribute behind."""
    for name, page in _outputs(browsed, "probe"):
        assert ("html", "data-probe", "on") in page.attributes, f"{name}: no probe ran"
        assert [a for a in page.attributes if a[1] == "data-xss-calls"] == [], name
        assert intruders(page, probe=True, csp=False) == [], name
        assert browsed.problems.get(name, []) == [], name
    assert [call for call in browsed.calls if "/control-" not in call] == []


def test_the_checks_catch_unescaped_vectors(browsed: Browsed) -> None:
    """The control frames, with the vectors unescaped, trip every check above: CSP
    violations with the CSP, recorded calls and foreign elements without it."""
    assert len(browsed.problems.get("control-csp.html", [])) >= 10
    with_csp = intruders(read_page(browsed.frames["control-csp.html"]), probe=False, csp=True)
    assert len(with_csp) >= 40
    found = intruders(read_page(browsed.frames["control-probe.html"]), probe=True, csp=False)
    for sign in ("<img>", "<math>", "<svg:svg onload=", "<img onerror=", "<a href="):
        assert any(line.startswith(sign) for line in found), sign
    calls = [call for call in browsed.calls if "/control-probe.html " in call]
    assert len(calls) >= 10
    assert {call.split()[0] for call in calls} >= {"alert", "confirm"}
