"""The compatibility matrix as one interactive HTML table (standalone page and docs page).

Readable on a laptop screen with many server columns: the table scrolls inside its own box
with the header row and the endpoint column kept in view, every mark has its colour, and
a small inline script filters rows by API area and columns by server. No external assets.
"""

from __future__ import annotations

import html

from ..compat_matrix import LEGEND, MARKS, Cell, Matrix, Row

#: Background per cell state (the legend uses the same).
COLOURS: dict[str, str] = {
    "recorded": "#b7e4b7",
    "available": "#e3ecf7",
    "gated": "#f4c0c0",
    "n/a": "#dcdcdc",
    "unknown": "#fbe7a1",
}

STYLE = """
#mf-matrix{font-size:13px;line-height:1.3}
#mf-matrix .mf-controls{display:flex;flex-wrap:wrap;gap:.4em 1em;align-items:center;margin:.5em 0}
#mf-matrix .mf-controls label{white-space:nowrap}
#mf-matrix .mf-legend{display:flex;flex-wrap:wrap;gap:.3em .8em;margin:.3em 0 .6em;padding:0;list-style:none}
#mf-matrix .mf-legend li{margin:0}
#mf-matrix .mf-swatch{display:inline-block;min-width:1.6em;text-align:center;border:1px solid #bbb;border-radius:3px;margin-right:.3em}
#mf-matrix .mf-scroll{max-height:80vh;overflow:auto;border:1px solid #ccc}
#mf-matrix table{border-collapse:separate;border-spacing:0;margin:0;width:100%}
#mf-matrix th,#mf-matrix td{border-right:1px solid #ddd;border-bottom:1px solid #ddd;padding:2px 4px;margin:0}
#mf-matrix thead th{position:sticky;top:0;z-index:2;background:#f7f7f7;font-weight:600;vertical-align:bottom;text-align:center;font-size:12px}
#mf-matrix thead th small{font-weight:normal;display:block}
#mf-matrix .mf-name{position:sticky;left:0;z-index:1;background:#fff;text-align:left;max-width:19em;overflow-wrap:anywhere}
#mf-matrix thead th.mf-name{z-index:3;background:#f7f7f7}
#mf-matrix .mf-name code{font-size:12px;background:none;border:0;padding:0}
#mf-matrix tbody th.mf-area{position:sticky;left:0;background:#eee;text-align:left;text-transform:capitalize;font-size:12px;padding:3px 4px}
#mf-matrix td.mf-mark{text-align:center;min-width:3.2em}
#mf-matrix tbody tr:hover td,#mf-matrix tbody tr:hover .mf-name{outline:1px solid #888}
div.document:has(#mf-matrix){width:auto;max-width:1400px}
div.body:has(#mf-matrix){max-width:none}
""" + "".join(f"#mf-matrix .{css}{{background:{colour}}}" for css, colour in (("mf-" + s.replace("/", ""), c) for s, c in COLOURS.items()))

SCRIPT = """
(function(){
  var root=document.getElementById('mf-matrix');
  var area=root.querySelector('select[name=area]');
  function showArea(){
    root.querySelectorAll('tbody[data-area]').forEach(function(body){
      body.hidden=!(area.value==='' || body.getAttribute('data-area')===area.value);
    });
  }
  function showColumn(box){
    root.querySelectorAll('[data-col="'+box.value+'"]').forEach(function(cell){cell.hidden=!box.checked;});
  }
  area.addEventListener('change',showArea);
  root.querySelectorAll('input[name=server]').forEach(function(box){
    box.addEventListener('change',function(){showColumn(box);});
  });
  root.querySelector('.mf-controls').hidden=false;
})();
"""


def _state_class(state: str) -> str:
    return "mf-" + state.replace("/", "")


def _cell_html(cell: Cell, column: int) -> str:
    tip = "; ".join(x for x in (cell.reason, f"route {cell.route}" if cell.route else None) if x)
    title = f' title="{html.escape(tip)}"' if tip else ""
    return f'<td class="mf-mark {_state_class(cell.status)}" data-col="{column}"{title}>{html.escape(MARKS[cell.status])}</td>'


def _row_html(row: Row, keys: list[str]) -> str:
    name = f'<th class="mf-name" scope="row" title="{html.escape(row.method)} {html.escape(row.path)}"><code>{html.escape(row.name)}</code></th>'
    return "<tr>" + name + "".join(_cell_html(row.cells[key], i) for i, key in enumerate(keys)) + "</tr>"


def _controls_html(matrix: Matrix) -> str:
    """Area select and server checkboxes; hidden until the script runs (no script, no controls)."""
    esc = html.escape
    areas = "".join(f'<option value="{esc(area)}">{esc(area)}</option>' for area, _ in matrix.areas())
    boxes = "".join(
        f'<label><input type="checkbox" name="server" value="{i}" checked> {esc(c.server)} {esc(c.version)}</label>'
        for i, c in enumerate(matrix.columns)
    )
    return (
        '<div class="mf-controls" hidden>'
        f'<label>Area <select name="area"><option value="">all areas</option>{areas}</select></label>'
        f"<span>Servers:</span>{boxes}</div>"
    )


def _legend_html() -> str:
    items = "".join(
        f'<li><span class="mf-swatch {_state_class(state)}">{html.escape(MARKS[state])}</span>{html.escape(meaning)}</li>'
        for state, meaning in LEGEND.items()
    )
    return f'<ul class="mf-legend">{items}</ul>'


def render_html_table(matrix: Matrix) -> str:
    """The matrix as a self-contained HTML fragment (its style and script inline)."""
    esc = html.escape
    keys = [c.key for c in matrix.columns]
    head = "".join(
        f'<th scope="col" data-col="{i}" title="{esc(c.detail)}">{esc(c.server)}<small>{esc(c.version)}</small></th>'
        for i, c in enumerate(matrix.columns)
    )
    parts = [
        f'<div id="mf-matrix"><style>{STYLE}</style>',
        _legend_html(),
        _controls_html(matrix),
        '<div class="mf-scroll"><table>',
        f'<thead><tr><th class="mf-name" scope="col">Endpoint</th>{head}</tr></thead>',
    ]
    for area, rows in matrix.areas():
        parts.append(f'<tbody data-area="{esc(area)}"><tr><th class="mf-area" colspan="{len(keys) + 1}">{esc(area)}</th></tr>')
        parts.extend(_row_html(row, keys) for row in rows)
        parts.append("</tbody>")
    parts.append(f"</table></div><script>{SCRIPT}</script></div>")
    return "\n".join(parts) + "\n"


__all__ = ["COLOURS", "render_html_table"]
