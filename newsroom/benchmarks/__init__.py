"""What `make bench` and `make bench-admin` share: the generated releases, a
production-like server, an HTTP client that signs in and posts forms as a browser
does, and the report written into docs/performance.md. Not used by the site."""
