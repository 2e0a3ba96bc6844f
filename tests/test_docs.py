"""The documentation covers the code: every hook, every public method, every backend.

Reads the documentation sources, datasette-style. Also runs the plugin author's guide's
example backend and its tests, so the guide cannot rot, and opens the compatibility matrix
page, built by Sphinx, in a headless Chromium at a laptop's screen size.
"""

from __future__ import annotations

import html
import inspect
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import mastodon.hookspecs
from mastodon import Mastodon

DOCS = Path(__file__).resolve().parent.parent / "docs"
sys.path.insert(0, str(DOCS / "_ext"))
sys.path.insert(0, str(DOCS / "examples"))

import mastodon_docs  # noqa: E402
from test_example_backend import (  # noqa: E402, F401 - run the guide's own tests here
    api,
    examplesoft,
    test_detected_from_nodeinfo,
    test_detection,
    test_gates_refuse_before_sending,
    test_health_route,
    test_local_only_post,
    test_version_string,
)

HOOKS = sorted(name for name, value in vars(mastodon.hookspecs).items() if name.startswith("mastodon_") and inspect.isfunction(value))
MEMBERS = sorted(name for name in dir(Mastodon) if not name.startswith("_"))


def _api_sources() -> str:
    return "\n".join(path.read_text(encoding="utf-8") for path in sorted((DOCS / "api").glob("*.rst")))


def test_there_are_hooks_and_members() -> None:
    assert len(HOOKS) >= 10
    assert len(MEMBERS) >= 150


@pytest.mark.parametrize("hook", HOOKS)
def test_hook_is_documented(hook: str) -> None:
    text = (DOCS / "hooks.rst").read_text(encoding="utf-8")
    assert re.search(rf"^{hook}\n\^+\n", text, re.MULTILINE), f"{hook} has no heading in docs/hooks.rst"
    assert f".. autofunction:: mastodon.hookspecs.{hook}\n" in text


@pytest.mark.parametrize("member", MEMBERS)
def test_public_member_is_in_the_api_reference(member: str) -> None:
    text = _api_sources()
    assert re.search(rf"^\.\. auto(method|property):: Mastodon\.{member}$", text, re.MULTILINE), (
        f"Mastodon.{member} is missing from docs/api/: run 'python docs/_ext/mastodon_docs.py'"
    )


def test_api_reference_pages_are_current() -> None:
    stale = mastodon_docs.stale_api_pages()
    assert not stale, f"docs/api pages out of date ({', '.join(stale)}): run 'python docs/_ext/mastodon_docs.py'"


def test_every_api_page_is_in_the_toctree() -> None:
    index = (DOCS / "api" / "index.rst").read_text(encoding="utf-8")
    for page in (DOCS / "api").glob("*.rst"):
        if page.stem != "index":
            assert f"   {page.stem}\n" in index


def test_every_method_documents_its_version_gate() -> None:
    for name in MEMBERS:
        member = getattr(Mastodon, name)
        if hasattr(member, "__endpoint__"):
            assert re.search(r"Added: Mastodon v[\d.]+, last changed: Mastodon v[\d.]+$", member.__doc__ or ""), name


def test_every_backend_has_a_page() -> None:
    root = DOCS.parent
    names = {p.stem for p in (root / "backends" / "mastodon_backends").glob("*.py") if p.stem != "__init__"}
    names |= {p.name for p in (root / "contrib").iterdir() if (p / "pyproject.toml").is_file()}
    index = (DOCS / "backends" / "index.rst").read_text(encoding="utf-8")
    for name in names:
        assert (DOCS / "backends" / f"{name}.rst").is_file(), f"no docs/backends/{name}.rst"
        assert f"   {name}\n" in index
        assert name in mastodon_docs.BACKEND_MODULES


def test_guide_pages_are_linked() -> None:
    index = (DOCS / "index.rst").read_text(encoding="utf-8")
    for page in ("quickstart", "cli", "matrix", "api/index", "backends/index", "plugins", "hooks", "cassettes", "recording"):
        assert f"   {page}\n" in index, page
        assert any((DOCS / f"{page}{suffix}").is_file() for suffix in (".rst", ".md")), page


def test_matrix_page_is_generated_from_the_code_as_one_table() -> None:
    text = mastodon_docs.matrix_page()
    assert text.startswith("```{raw} html\n")
    for name in ("timeline_home", "status_post", "instance_v2"):
        assert f"<code>{name}</code>" in text
    assert "<link" not in text and "src=" not in text  # no external assets


# -----------------------------------------------------------------------------------------
# The matrix page in a real browser
# -----------------------------------------------------------------------------------------

BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
VIEWPORT = (1366, 768)

#: Runs in the page: scrolls, filters, and writes what it measured into <pre id="probe">.
PROBE = """
<pre id="probe"></pre><script>
(function(){
  function rect(el){var r=el.getBoundingClientRect();return {top:r.top,left:r.left,right:r.right,width:r.width};}
  var root=document.getElementById('mf-matrix'), box=root.querySelector('.mf-scroll'), table=box.querySelector('table');
  var out={viewport:[innerWidth,innerHeight], pageWidth:document.documentElement.scrollWidth,
           table:rect(table), boxClientWidth:box.clientWidth, controlsShown:!root.querySelector('.mf-controls').hidden};
  var colours={};
  ['recorded','available','gated','na','unknown'].forEach(function(s){
    var cell=root.querySelector('td.mf-'+s); if(cell){colours[s]=getComputedStyle(cell).backgroundColor;}
  });
  out.colours=colours;
  var area=root.querySelector('select[name=area]');
  area.value='statuses'; area.dispatchEvent(new Event('change'));
  out.areasShown=[].filter.call(root.querySelectorAll('tbody[data-area]'),function(b){return b.getClientRects().length>0;})
    .map(function(b){return b.getAttribute('data-area');});
  area.value=''; area.dispatchEvent(new Event('change'));
  var server=root.querySelector('input[name=server][value="1"]');
  server.checked=false; server.dispatchEvent(new Event('change'));
  var column=root.querySelectorAll('[data-col="1"]');
  out.serverCells=column.length;
  out.serverCellsShown=[].filter.call(column,function(c){return c.getClientRects().length>0;}).length;
  out.otherCellsShown=[].filter.call(root.querySelectorAll('[data-col="0"]'),function(c){return c.getClientRects().length>0;}).length;
  server.checked=true; server.dispatchEvent(new Event('change'));
  window.scrollTo(0, box.getBoundingClientRect().top + window.scrollY);
  box.scrollTop=1500;
  out.scrolled=box.scrollTop;
  out.box=rect(box);
  out.header=rect(table.querySelector('thead th[data-col="0"]'));
  table.style.minWidth='3000px'; box.scrollLeft=800;
  out.scrolledLeft=box.scrollLeft;
  out.firstColumn=rect(table.querySelector('tbody .mf-name'));
  table.style.minWidth=''; box.scrollLeft=0;
  document.getElementById('probe').textContent=JSON.stringify(out);
})();
</script>
"""


def _browser() -> str:
    for name in BROWSERS:
        found = shutil.which(name)
        if found:
            return found
    pytest.skip("no chromium to check the matrix page in (scripts/setup installs Debian's where apt-get is available)")


def _run_browser(browser: str, profile: Path, page: Path, *mode: str) -> subprocess.CompletedProcess[str]:
    flags = [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run", "--hide-scrollbars",
        f"--user-data-dir={profile}", f"--window-size={VIEWPORT[0]},{VIEWPORT[1]}",
    ]  # fmt: skip
    return subprocess.run([browser, *flags, *mode, page.as_uri()], capture_output=True, text=True, timeout=120, check=True)


@pytest.fixture(scope="module")
def matrix_page_html(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The matrix page built by Sphinx with the documentation's theme, in a small project."""
    pytest.importorskip("myst_parser")
    theme = re.search(r'^html_theme = "(\w+)"', (DOCS / "conf.py").read_text(encoding="utf-8"), re.MULTILINE)
    assert theme is not None
    source = tmp_path_factory.mktemp("matrix_docs")
    (source / "conf.py").write_text(
        f'extensions = ["myst_parser"]\nhtml_theme = "{theme.group(1)}"\nroot_doc = "index"\n', encoding="utf-8"
    )
    (source / "index.md").write_text("# Compatibility matrix\n\n" + mastodon_docs.matrix_page(), encoding="utf-8")
    subprocess.run(
        [sys.executable, "-m", "sphinx", "-q", "-W", "-b", "html", str(source), str(source / "_build")],
        check=True, capture_output=True, timeout=300,
    )  # fmt: skip
    return source / "_build" / "index.html"


def test_matrix_page_reads_on_a_laptop_screen(matrix_page_html: Path, tmp_path: Path) -> None:
    browser = _browser()
    page = tmp_path / "matrix.html"
    page.write_text(matrix_page_html.read_text(encoding="utf-8").replace("</body>", PROBE + "</body>"), encoding="utf-8")
    dom = _run_browser(browser, tmp_path / "profile", page, "--dump-dom").stdout
    found = re.search(r'<pre id="probe">(.*?)</pre>', dom, re.DOTALL)
    assert found and found.group(1), "the probe did not run"
    m = json.loads(html.unescape(found.group(1)))
    width, height = m["viewport"]
    assert width == VIEWPORT[0] and 500 < height <= VIEWPORT[1]  # the window, less the browser's own bars
    # fits the screen: no sideways scrolling of the page or of the table
    assert m["pageWidth"] <= width
    assert m["table"]["right"] <= width and m["table"]["width"] <= m["boxClientWidth"]
    # the header row stays in view after scrolling down the table
    assert m["scrolled"] > 0
    assert 0 <= m["header"]["top"] < height
    assert abs(m["header"]["top"] - m["box"]["top"]) <= 2
    # the endpoint column stays in view when a narrower screen scrolls sideways
    assert m["scrolledLeft"] > 0 and abs(m["firstColumn"]["left"] - m["box"]["left"]) <= 2
    # a colour per mark
    assert {"recorded", "available", "gated"} <= set(m["colours"])
    assert len(set(m["colours"].values())) == len(m["colours"])
    # filters: by area and by server
    assert m["controlsShown"]
    assert m["areasShown"] == ["statuses"]
    assert m["serverCells"] > 200 and m["serverCellsShown"] == 0 and m["otherCellsShown"] == m["serverCells"]
    shot = tmp_path / "matrix.png"
    _run_browser(browser, tmp_path / "profile", page, f"--screenshot={shot}")
    assert shot.read_bytes()[16:24] == VIEWPORT[0].to_bytes(4, "big") + VIEWPORT[1].to_bytes(4, "big")  # PNG size
