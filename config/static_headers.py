"""WhiteNoise's hook for the headers of static files (imported by the settings, so it
imports nothing)."""

# Static files that a browser would run as a page: none is collected
# (config.static_storage.AppFilesFinder), and any that were would get no script and
# no framing.
STATIC_DOCUMENT_POLICY = (
    "default-src 'none'; img-src 'self'; style-src 'self'; frame-ancestors 'none'"
)


def static_file_headers(headers, path, url):
    """The site's framing and sniffing rules on static documents too."""
    if path.endswith((".html", ".htm", ".svg", ".xml")):
        headers["Content-Security-Policy"] = STATIC_DOCUMENT_POLICY
        headers["X-Frame-Options"] = "DENY"
    headers["X-Content-Type-Options"] = "nosniff"
