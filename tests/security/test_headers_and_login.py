"""Security headers, cookies, the login throttle and Django's deployment checks."""

import subprocess
import sys
from pathlib import Path

import pytest
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.test import Client

from tests.environment import production_environment

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parents[2]


def csp(response):
    return dict(
        part.strip().split(" ", 1) for part in response["Content-Security-Policy"].split(";")
    )


def test_public_pages_forbid_inline_script(client):
    """Public pages get a strict CSP: scripts from our own origin only, no inline."""
    policy = csp(client.get("/fr/"))
    assert policy["script-src"] == "'self'"
    assert "unsafe-inline" not in client.get("/fr/")["Content-Security-Policy"]
    assert policy["object-src"] == "'none'"
    assert policy["frame-ancestors"] == "'none'"


def test_admin_policy_is_weaker_only_under_admin(staff_client):
    """CKEditor 4's inline handlers are allowed in the admin, and only there."""
    policy = csp(staff_client.get("/admin/newsroom/pressrelease/add/"))
    assert "'unsafe-inline'" in policy["script-src"]
    assert "unsafe-inline" not in staff_client.get("/fr/")["Content-Security-Policy"]
    # CKEditor's dialogs frame our own pages: 'self' alone ('none' with it is invalid,
    # and browsers log an error for it).
    assert policy["frame-src"] == "'self'"
    assert csp(staff_client.get("/fr/"))["frame-src"] == "'none'"


def test_security_headers(client):
    """HSTS (over HTTPS), referrer policy, no sniffing, no framing, isolated opener."""
    response = client.get("/fr/", secure=True)
    assert response["Strict-Transport-Security"].startswith("max-age=31536000")
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"


def test_session_and_csrf_cookies_are_locked_down(django_user_model):
    """After signing in, the cookies are Secure, HttpOnly and SameSite=Lax."""
    django_user_model.objects.create_user("ed", password="a-long-password-1", is_staff=True)
    client = Client()
    client.get("/admin/login/", secure=True)
    response = client.post(
        "/admin/login/?next=/admin/",
        {"username": "ed", "password": "a-long-password-1"},
        secure=True,
    )
    assert response.status_code == 302
    for name in ("sessionid", "csrftoken"):
        cookie = client.cookies[name]
        assert cookie["secure"] and cookie["httponly"], name
        assert cookie["samesite"] == "Lax", name


def test_repeated_failed_logins_lock_the_account_out(django_user_model, settings):
    """After five wrong passwords, even the right one is refused for a while."""
    django_user_model.objects.create_user("ed", password="a-long-password-1", is_staff=True)
    client = Client()
    statuses = [
        client.post("/admin/login/", {"username": "ed", "password": "wrong"}).status_code
        for _ in range(settings.AXES_FAILURE_LIMIT)
    ]
    assert statuses == [200] * (settings.AXES_FAILURE_LIMIT - 1) + [429]
    locked = client.post("/admin/login/", {"username": "ed", "password": "a-long-password-1"})
    assert locked.status_code == 429
    assert "Trop de tentatives" in locked.content.decode()


def test_lockout_is_per_client_address_behind_a_proxy(django_user_model, settings):
    """With the proxy header configured, another client address is not locked out."""
    settings.NEWSROOM_CLIENT_IP_HEADER = "HTTP_X_FORWARDED_FOR"
    django_user_model.objects.create_user("ed", password="a-long-password-1", is_staff=True)
    attacker = Client(headers={"x-forwarded-for": "203.0.113.9"})
    for _ in range(settings.AXES_FAILURE_LIMIT):
        attacker.post("/admin/login/", {"username": "ed", "password": "wrong"})
    colleague = Client(headers={"x-forwarded-for": "198.51.100.7"})
    response = colleague.post("/admin/login/", {"username": "ed", "password": "a-long-password-1"})
    assert response.status_code == 302


def test_one_address_trying_many_usernames_is_slowed_too(django_user_model, settings):
    """Password spraying (one password, many accounts) locks the address out after
    NEWSROOM_SIGN_IN_FAILURES_PER_ADDRESS failures, even for a right password; another
    address is not concerned."""
    settings.NEWSROOM_CLIENT_IP_HEADER = "HTTP_X_FORWARDED_FOR"
    settings.NEWSROOM_SIGN_IN_FAILURES_PER_ADDRESS = 6
    django_user_model.objects.create_user("ed", password="a-long-password-1", is_staff=True)
    sprayer = Client(headers={"x-forwarded-for": "203.0.113.9"})
    statuses = [
        sprayer.post(
            "/admin/login/", {"username": f"user{n}", "password": "Spring2026!"}
        ).status_code
        for n in range(6)
    ]
    assert statuses == [200] * 6
    refused = sprayer.post("/admin/login/", {"username": "ed", "password": "a-long-password-1"})
    assert refused.status_code == 429
    colleague = Client(headers={"x-forwarded-for": "198.51.100.7"})
    response = colleague.post("/admin/login/", {"username": "ed", "password": "a-long-password-1"})
    assert response.status_code == 302


def test_weak_passwords_are_refused():
    """Django's password validators are on."""
    for weak in ("password", "12345678", "short"):
        with pytest.raises(ValidationError):
            validate_password(weak)


PRODUCTION = {
    "DJANGO_SECRET_KEY": "x7$kq!v9@Lm2#Rt5^Wz8&Np4*Hs6(Jd3)Fg1_Cb0+Yu-Ei=Ao;Ux:Qw" * 2,
    "DJANGO_ALLOWED_HOSTS": "presse.example.org",
    "NEWSROOM_SITE_URL": "https://presse.example.org",
    "DJANGO_SSL_REDIRECT": "1",
    "DJANGO_SECURE_PROXY_SSL_HEADER": "HTTP_X_FORWARDED_PROTO",
    "EMAIL_URL": "smtp://presse%40example.org:secret@mail.example.org:587/?tls=True",
}


def test_deploy_check_passes_with_production_settings():
    """manage.py check --deploy finds nothing, with only ckeditor.W001 silenced."""
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=production_environment(**PRODUCTION),
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues (1 silenced)" in result.stdout


def test_deploy_check_warns_when_no_mail_server_is_set():
    """Without EMAIL_URL, confirmations and alerts would only be written to files."""
    without_mail = {name: value for name, value in PRODUCTION.items() if name != "EMAIL_URL"}
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy"],
        cwd=ROOT,
        env=production_environment(**without_mail),
        capture_output=True,
        text=True,
    )
    assert "alerts.W001" in result.stdout + result.stderr


def test_only_ckeditor_warning_is_silenced(settings):
    """The out-of-support editor warning is the one check we silence."""
    assert settings.SILENCED_SYSTEM_CHECKS == ["ckeditor.W001"]


def test_policies_written_once_per_process_are_django_csps(client, staff_client, rf):
    """The two policies the middleware keeps once built are those django-csp builds from
    the settings for each request, on the first response and on later ones."""
    from dataclasses import asdict

    from csp.utils import build_policy
    from django.http import HttpResponse

    from config.security import NewsroomCSPMiddleware

    middleware = NewsroomCSPMiddleware(lambda request: HttpResponse())
    for user_client, path in ((client, "/fr/"), (staff_client, "/admin/newsroom/pressrelease/")):
        parts = middleware.get_policy_parts(rf.get(path), HttpResponse())
        expected = build_policy(**asdict(parts))
        for _visit in range(2):
            assert user_client.get(path)["Content-Security-Policy"] == expected
