"""Waiting for the page from the test side."""

import time


def wait_until(page, expression, timeout=15):
    """Poll a JavaScript expression from the test side.

    Playwright's wait_for_function polls with eval inside the page, which the admin's
    Content-Security-Policy (rightly) forbids; evaluate() goes through the debugging
    protocol instead.
    """
    deadline = time.monotonic() + timeout
    while not page.evaluate(expression):
        if time.monotonic() > deadline:
            raise AssertionError(f"Timed out waiting for: {expression}")
        page.wait_for_timeout(50)


def wait_for_editor(page, field):
    wait_until(
        page,
        f"!!(window.CKEDITOR && CKEDITOR.instances.{field}"
        f" && CKEDITOR.instances.{field}.status === 'ready')",
    )


def sign_in(page, username, password):
    """Sign in to the admin through its login form."""
    page.goto("/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.click("input[type=submit]")
    page.wait_for_url("**/admin/")
