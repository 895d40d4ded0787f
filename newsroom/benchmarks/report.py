from pathlib import Path


def write_report(path, report, name="make bench"):
    """Replace what stands between the `name` markers of the page at `path` (added at its
    end when missing) with `report`; the rest of the page is kept."""
    start, end = f"<!-- {name}: start -->", f"<!-- {name}: end -->"
    path = Path(path)
    page = path.read_text() if path.exists() else "# Performance\n"
    if start not in page:
        page = f"{page.rstrip()}\n\n{start}\n{end}\n"
    before, rest = page.split(start, 1)
    after = rest.split(end, 1)[1] if end in rest else "\n"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"{before}{start}\n{report.strip()}\n{end}{after}")
