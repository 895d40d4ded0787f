"""Who is asking, and how often: the client address behind a proxy (the login throttle
and the alert form share it) and counters in the shared cache."""

from django.conf import settings
from django.core.cache import cache


def client_ip(request):
    """The visitor's address: REMOTE_ADDR, or the header the proxy sets when configured.

    With X-Forwarded-For the last address is the one our proxy saw; earlier ones
    are whatever the client chose to send.
    """
    header = settings.NEWSROOM_CLIENT_IP_HEADER
    if header:
        forwarded = request.META.get(header, "")
        addresses = [part.strip() for part in forwarded.split(",") if part.strip()]
        if addresses:
            return addresses[-1]
    return request.META.get("REMOTE_ADDR")


def over_limit(key, limit, seconds):
    """Count one more attempt under `key`: True once there were more than `limit` in the
    window of `seconds` that began with the first. With the cache unreachable nothing is
    counted (the limits behind this one still hold)."""
    key = f"newsroom:throttle:{key}"
    cache.add(key, 0, seconds)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between the two calls
        cache.set(key, 1, seconds)
        count = 1
    return count > limit
