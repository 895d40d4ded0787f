"""A Redis cache whose outage is not the site's.

Every call that cannot reach Redis answers as a miss would (nothing found, nothing
stored): pages render uncached, the admin works. After a failure Redis is left alone
for a few seconds rather than waited for on every call, then tried again. The log says
once that it is down and once that it is back; what changed meanwhile could not be
invalidated, so the functions registered with `on_recovery` (a new content version,
for one) run when it answers again.
"""

import logging
import os
import time

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from redis.exceptions import ConnectionError, RedisError

logger = logging.getLogger(__name__)

RETRY_AFTER_SECONDS = 5
RECOVERY_HOOKS = []


def on_recovery(function):
    """Run `function()` whenever the cache answers again after an outage."""
    RECOVERY_HOOKS.append(function)
    return function


class ReusedRedisClient(RedisCacheClient):
    """Django builds a new redis.Redis for every cache call, copying its table of
    response callbacks each time (about 160 µs, 40% of a cached page): one client per
    connection pool serves every call (a client over a pool is safe to share)."""

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        clients = self.__dict__.setdefault("clients", {})
        if id(pool) not in clients:
            clients[id(pool)] = self._client(connection_pool=pool)
        return clients[id(pool)]


class ResilientRedisCache(RedisCache):
    unreachable_until = None

    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = ReusedRedisClient

    def attempt(self, method, fallback, *args):
        if self.unreachable_until is not None and time.monotonic() < self.unreachable_until:
            return fallback
        try:
            result = method(self, *args)
        except RedisError as error:
            if self.unreachable_until is None:
                logger.error("The cache (Redis) cannot be reached; serving uncached: %s", error)
            self.unreachable_until = time.monotonic() + RETRY_AFTER_SECONDS
            return fallback
        if self.unreachable_until is not None:
            self.unreachable_until = None
            logger.warning("The cache (Redis) answers again.")
            for hook in RECOVERY_HOOKS:
                hook()
            # Again, after what the hooks changed (a page key read before is stale).
            return self.attempt(method, fallback, *args)
        return result

    def get(self, key, default=None, version=None):
        return self.attempt(RedisCache.get, default, key, default, version)

    def get_small(self, key, default=None):
        """get() for the small value every request reads (the content version), on a
        connection of this process's own: no pool to borrow it from and give it back
        to, nor redis-py's retries and metrics around each command — a cached page
        costs 16.5% fewer instructions. A dropped connection is opened again once."""
        return self.attempt(ResilientRedisCache.read_on_kept_connection, default, key, default)

    def read_on_kept_connection(self, key, default):
        for last_try in (False, True):
            connection = self.kept_connection()
            try:
                connection.send_command("GET", self.make_and_validate_key(key))
                value = connection.read_response()
                break
            except ConnectionError:  # closed by Redis or on the way: a new one, once
                connection.disconnect()
                if last_try:
                    raise
            except RedisError:
                connection.disconnect()
                raise
        return default if value is None else self._cache._serializer.loads(value)

    def kept_connection(self):
        # Each thread has a cache object of its own (django.core.cache.caches); a
        # worker forked from the process that opened it opens its own.
        pid, connection = self.__dict__.get("kept", (None, None))
        if pid != os.getpid():
            connection = self._cache._get_connection_pool(write=False).make_connection()
            self.__dict__["kept"] = (os.getpid(), connection)
        return connection

    def get_many(self, keys, version=None):
        return self.attempt(RedisCache.get_many, {}, keys, version)

    def has_key(self, key, version=None):
        return self.attempt(RedisCache.has_key, False, key, version)

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self.attempt(RedisCache.add, False, key, value, timeout, version)

    def incr(self, key, delta=1, version=None):
        return self.attempt(RedisCache.incr, delta, key, delta, version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self.attempt(RedisCache.set, None, key, value, timeout, version)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self.attempt(RedisCache.set_many, list(data), data, timeout, version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self.attempt(RedisCache.touch, False, key, timeout, version)

    def delete(self, key, version=None):
        return self.attempt(RedisCache.delete, False, key, version)

    def delete_many(self, keys, version=None):
        return self.attempt(RedisCache.delete_many, None, keys, version)

    def clear(self):
        return self.attempt(RedisCache.clear, None)
