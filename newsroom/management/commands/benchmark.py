"""`make bench`: the public pages under load, cold and warm, against a trivial view.

Generates bilingual releases with awards and contacts (bulk, once), serves the site
with the production configuration (gunicorn, debug off) on 127.0.0.1 twice — without
a cache ("cold": every request renders) and with a cache its workers share ("warm") —
and measures each URL with wrk at 16 connections, next to a trivial view that
returns a fixed 20 KB page (the ceiling). Prints the figures and writes
docs/performance.md. Not part of `make test`.

With --instructions it also counts, with valgrind, the CPU instructions one cold
request costs per URL: unlike requests per second, the same figure run after run,
on a busy machine or a slower one, so that a change can be judged by it.
"""

import argparse
import io
import os
import platform
import re
import shutil
import signal
import statistics
import subprocess
import sys
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from django.conf import settings
from django.core.handlers.wsgi import WSGIHandler
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.utils import timezone

from newsroom.benchmarks.data import analyze, generate_releases
from newsroom.benchmarks.peers import CEILING_PATH, PEER_PATHS, Peers
from newsroom.benchmarks.report import write_report
from newsroom.benchmarks.server import prepare_database, start_gunicorn
from newsroom.models import PressRelease

TABLE_HEADER = (
    "| URL | cold req/s | cold ratio | cold ratio, each round | cold p50 ms | cold p99 ms "
    "| warm req/s | warm ratio | warm p50 ms | warm p99 ms | errors |\n"
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
)
TARGETS = {"warm": 0.70, "cold list": 0.10, "cold detail": 0.12, "cold p99 ms": 100}
# The machine serves the trivial view at about 3,200 req/s. On a slower one every
# request takes longer in proportion, so the report also gives p99 at that speed.
REFERENCE_CEILING_RPS = 3200


def parse_duration(text):
    value, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text).groups()
    return float(value) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60000}[unit]


def run_wrk(url, duration, connections):
    output = subprocess.run(
        ["wrk", "-t2", f"-c{connections}", f"-d{duration}s", "--latency", url],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    latency = dict(re.findall(r"^\s+(50|99)%\s+(\S+)\s*$", output, re.M))
    if set(latency) != {"50", "99"}:
        raise RuntimeError(f"Unexpected wrk output for {url}:\n{output}")
    errors = sum(int(n) for n in re.findall(r"(?:connect|read|write|timeout) (\d+)", output))
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
        "p50": parse_duration(latency["50"]),
        "p99": parse_duration(latency["99"]),
        "errors": errors + (int(non_2xx.group(1)) if non_2xx else 0),
    }


def count_instructions(paths, measured=None, requests=0):
    """Instructions valgrind counts for a process that warms up on every path, then
    serves `requests` more of `measured`, in-process and without a cache."""
    command = [sys.executable, "manage.py", "benchmark", "--serve-in-process", *paths,
               "--measured", measured or paths[0], "--requests", str(requests)]  # fmt: skip
    env = {
        **os.environ,
        "DJANGO_DEBUG": "",
        "DJANGO_CACHE_URL": "dummy://",
        "NEWSROOM_BENCHMARK": "1",
        # The same hashes run after run: dictionaries and sets then do the same work.
        "PYTHONHASHSEED": "0",
    }
    output = subprocess.run(
        ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", *command],
        capture_output=True, text=True, check=True, env=env, cwd=settings.BASE_DIR,
    ).stderr  # fmt: skip
    return int(re.search(r"Collected : (\d+)", output).group(1))


def instructions_per_request(urls, requests=10):
    """{name: millions of instructions one cold request costs}: two runs per URL,
    with and without the measured requests, so start-up and warm-up cancel out."""
    paths = list(urls.values())
    with ThreadPoolExecutor(max_workers=os.cpu_count()) as pool:
        baseline = pool.submit(count_instructions, paths)
        totals = {name: pool.submit(count_instructions, paths, path, requests)
                  for name, path in urls.items()}  # fmt: skip
        return {
            name: (total.result() - baseline.result()) / requests / 1e6
            for name, total in totals.items()
        }


def serve_in_process(paths, measured, requests):
    """Answer GET requests through Django's WSGI handler, as gunicorn's worker would."""
    application = WSGIHandler()

    def get(path):
        path, _sep, query = path.partition("?")
        environ = {
            "REQUEST_METHOD": "GET", "PATH_INFO": path, "QUERY_STRING": query,
            "SERVER_NAME": "127.0.0.1", "SERVER_PORT": "80", "HTTP_HOST": "127.0.0.1",
            "SCRIPT_NAME": "", "wsgi.url_scheme": "http", "wsgi.input": io.BytesIO(),
            "wsgi.errors": sys.stderr,
        }  # fmt: skip
        statuses = []
        b"".join(application(environ, lambda status, headers: statuses.append(status)))
        if not statuses[0].startswith("200"):
            raise CommandError(f"{path} answered {statuses[0]}")

    for path in paths:
        for _ in range(3):  # compiled templates, translations, connections
            get(path)
    for _ in range(requests):
        get(measured)


def median_round(rounds):
    """Per URL and mode, the round with the median ratio to its ceiling, with every
    round's ratio: this machine's speed drifts by a fifth from one minute to the next."""
    results = {}
    for key in rounds[0]:
        ordered = sorted((measured[key] for measured in rounds), key=lambda r: r["ratio"])
        results[key] = {
            **ordered[len(ordered) // 2],
            "ratios": [measured[key]["ratio"] for measured in rounds],
        }
        # Ratios to the reference servers, each taken within a round: their median.
        for ratio in ("vs_peer", "vs_bare"):
            if ratio in rounds[0][key]:
                results[key][ratio] = statistics.median(m[key][ratio] for m in rounds)
    return results


# Issue 24's targets against the Wagtail peer (cold, same database engine, same run).
PEER_TARGETS = {"news list, page 1": 8, "news list, page 400": 8, "release detail": 2.5,
                "RSS feed": 2}  # fmt: skip
WARM_TARGET_VS_BARE = 0.70


def verdict(met):
    return "met" if met else "**not met**"


PEER_TABLE_HEADER = (
    "| page | Wagtail req/s | newsroom cold req/s | × Wagtail | cold p99 ms "
    "| newsroom warm req/s | warm ÷ bare Django (target 70%) |\n"
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: |"
)


def peer_table(results):
    """Our pages next to the bare Django page and the Wagtail peer, with issue 24's
    targets: ratios are medians of the ratios taken within each round."""
    bare = results["bare", "ceiling"]
    rows = []
    for name, target in PEER_TARGETS.items():
        cold, warm, peer = results["cold", name], results["warm", name], results["peer", name]
        rows.append(
            f"| {name} | {peer['rps']:.0f} | {cold['rps']:.0f} | {cold['vs_peer']:.1f}× "
            f"(target {target}×: {verdict(cold['vs_peer'] >= target)}) | "
            f"{cold['p99']:.0f} | {warm['rps']:.0f} | {warm['vs_bare']:.0%} "
            f"({verdict(warm['vs_bare'] >= WARM_TARGET_VS_BARE)}) |"
        )
    for name in ("home", "search"):
        cold, warm = results["cold", name], results["warm", name]
        rows.append(
            f"| {name} | — | {cold['rps']:.0f} | — | {cold['p99']:.0f} | {warm['rps']:.0f} | "
            f"{warm['vs_bare']:.0%} ({verdict(warm['vs_bare'] >= WARM_TARGET_VS_BARE)}) |"
        )
    search = results["cold", "search"]["rps"]
    slowest = max(results["cold", name]["p99"] for name in PEER_TARGETS | {"home": 0, "search": 0})
    return f"""
Next to the reference servers of `../shared/bench-peers`, measured in the same rounds
(`BENCH_ARGS=--peers`): the bare Django page (`/fixed/`, a fixed 20 KB page of a
`startproject` site) served {bare["rps"]:,.0f} req/s; the Wagtail peer holds as many news
pages, on the same database engine (its page 40 is its deep page: 20 items a page).

{PEER_TABLE_HEADER}
{chr(10).join(rows)}

Cold search: {search:.0f} req/s (target 150: {"met" if search >= 150 else "**not met**"});
slowest cold p99: {slowest:.0f} ms (target 150 ms: {"met" if slowest < 150 else "**not met**"}).
"""


def default_warm_cache():
    """A cache both workers share (each its own would serve stale pages): in files beside
    the benchmark's SQLite database, Redis beside PostgreSQL (the production pair)."""
    if connection.vendor == "postgresql":
        return "redis://127.0.0.1:6379/9"
    return f"file://{Path(settings.MEDIA_ROOT).parent / 'cache'}"


def empty_cache(url):
    if url.startswith("file://"):
        shutil.rmtree(url.removeprefix("file://"), ignore_errors=True)
    elif url.startswith("redis://"):
        import redis

        redis.Redis.from_url(url).flushdb()


def target_verdicts(results, memory):
    """Each target of issue 7 with this run's figure, met or not."""

    def ratio(mode, name):
        return results[mode, name]["ratio"]

    pages = [name for mode, name in results if mode == "cold" and name != "ceiling"]
    weakest_warm = min(pages, key=lambda name: ratio("warm", name))
    errors = sum(result["errors"] for result in results.values())
    checks = [
        (f"warm pages at least {TARGETS['warm']:.0%} of the ceiling (lowest: {weakest_warm}, "
         f"{ratio('warm', weakest_warm):.1%})", ratio("warm", weakest_warm) >= TARGETS["warm"]),
        *((f"cold {name} at least {TARGETS['cold list']:.0%} ({ratio('cold', name):.1%})",
           ratio("cold", name) >= TARGETS["cold list"])
          for name in ("news list, page 1", "news list, page 400")),
        (f"cold release detail at least {TARGETS['cold detail']:.0%} "
         f"({ratio('cold', 'release detail'):.1%})",
         ratio("cold", "release detail") >= TARGETS["cold detail"]),
        *((f"cold {name} p99 under {TARGETS['cold p99 ms']} ms "
           f"({results['cold', name]['p99']:.0f} ms{at_reference_speed(results['cold', name])})",
           results["cold", name]["p99"] < TARGETS["cold p99 ms"]) for name in pages),
        (f"no error ({errors})", errors == 0),
        (f"a worker under 100 MB ({max(memory.values()):.0f} MB)", max(memory.values()) < 100),
    ]  # fmt: skip
    return [f"- {'met' if met else '**not met**'}: {text}" for text, met in checks]


def at_reference_speed(result):
    """On a machine slower than the issue's, its p99 scaled to the issue's speed."""
    ceiling = result["rps"] / result["ratio"]  # the trivial view, in the same round
    if ceiling >= REFERENCE_CEILING_RPS:
        return ""
    return f"; {result['p99'] * ceiling / REFERENCE_CEILING_RPS:.0f} ms at the issue's speed"


def worker_peak_rss_mb(master_pid):
    children = subprocess.run(
        ["ps", "-o", "pid=", "--ppid", str(master_pid)], capture_output=True, text=True
    ).stdout.split()
    peaks = []
    for pid in children:
        status = Path(f"/proc/{pid}/status").read_text()
        peaks.append(int(re.search(r"VmHWM:\s+(\d+) kB", status).group(1)) / 1024)
    return max(peaks, default=0.0)


class Command(BaseCommand):
    help = "Benchmark the public pages with gunicorn and wrk; writes docs/performance.md."

    def add_arguments(self, parser):
        parser.add_argument("--releases", type=int, default=10_000)
        parser.add_argument("--duration", type=int, default=8, help="seconds per URL")
        parser.add_argument("--connections", type=int, default=16)
        parser.add_argument(
            "--rounds", type=int, default=3, help="measure every URL this many times (median)"
        )
        parser.add_argument("--port", type=int, default=8101)
        parser.add_argument("--output", default=str(settings.BASE_DIR / "docs/performance.md"))
        parser.add_argument(
            "--warm-cache",
            help="the cache the warm server's workers share (default: files beside the "
            "database on SQLite, Redis database 9 on 127.0.0.1 on PostgreSQL)",
        )
        parser.add_argument(
            "--peers",
            nargs="?",
            const=str(settings.BASE_DIR.parent / "shared" / "bench-peers"),
            help="also serve and measure the bare Django page and the Wagtail peer of this "
            "folder (default: ../shared/bench-peers), on the same database engine",
        )
        parser.add_argument(
            "--instructions",
            action="store_true",
            help="also count instructions per cold request with valgrind (a few minutes more)",
        )
        parser.add_argument(
            "--only-instructions",
            action="store_true",
            help="count instructions per cold request, print them and stop (no load test)",
        )
        # What each valgrind run does (see count_instructions).
        parser.add_argument("--serve-in-process", nargs="+", help=argparse.SUPPRESS)
        parser.add_argument("--measured", help=argparse.SUPPRESS)
        parser.add_argument("--requests", type=int, default=0, help=argparse.SUPPRESS)

    def handle(self, *args, releases, duration, connections, port, output, **options):
        if options["serve_in_process"]:
            serve_in_process(options["serve_in_process"], options["measured"], options["requests"])
            return
        counting = options["instructions"] or options["only_instructions"]
        if counting and not shutil.which("valgrind"):
            raise CommandError("--instructions needs valgrind (apt-get install valgrind).")
        prepare_database()
        started = time.monotonic()
        created = generate_releases(releases)
        if created:
            analyze()
        self.stdout.write(
            f"Data: {PressRelease.objects.count()} releases on {connection.vendor} ({created} "
            f"created in {time.monotonic() - started:.1f} s)"
        )
        urls = self.urls()
        if options["only_instructions"]:
            for name, millions in instructions_per_request(urls).items():
                self.stdout.write(f"cold  {name:22} {millions:8.1f} M instructions/request")
            return
        warm_cache = options["warm_cache"] or default_warm_cache()
        peers = None
        if options["peers"]:
            peers = Peers(options["peers"], releases, connection.vendor, port + 1)
            peers.prepare(self.stdout.write)
        rounds, memory = [], {"cold": 0.0, "warm": 0.0}
        for number in range(1, options["rounds"] + 1):
            self.stdout.write(f"Round {number} of {options['rounds']}")
            measured = self.measure_round(urls, port, duration, connections, memory, warm_cache)
            if peers:
                measured |= self.measure_peers(peers, duration, connections, measured)
            rounds.append(measured)
        results = median_round(rounds)
        instructions = {}
        if options["instructions"]:
            instructions = instructions_per_request(urls)
            for name, millions in instructions.items():
                self.stdout.write(f"cold  {name:22} {millions:8.1f} M instructions/request")
        self.write(output, results, memory, instructions, releases, duration, connections,
                   warm_cache=warm_cache, peers=bool(peers))  # fmt: skip

    def measure_round(self, urls, port, duration, connections, memory, warm_cache):
        """Every URL without a cache, then with one, each next to the ceiling of the same
        server: {(mode, name): wrk's figures and the ratio to the ceiling}."""
        results = {}
        empty_cache(warm_cache)  # each round starts from an empty cache
        for mode, cache_url in (("cold", "dummy://"), ("warm", warm_cache)):
            server = self.start_server(port, cache_url)
            try:
                base = f"http://127.0.0.1:{port}"
                for path in urls.values():  # warm the cache, and the workers
                    for _ in range(4):
                        urllib.request.urlopen(base + path).read()
                for name, path in urls.items():
                    results[mode, name] = run_wrk(base + path, duration, connections)
                    ceiling = results[mode, "ceiling"]["rps"]
                    results[mode, name]["ratio"] = results[mode, name]["rps"] / ceiling
                    self.report(mode, name, results[mode, name])
                memory[mode] = max(memory[mode], worker_peak_rss_mb(server.pid))
            finally:
                server.send_signal(signal.SIGTERM)
                server.wait(timeout=30)
        return results

    def measure_peers(self, peers, duration, connections, ours):
        """The bare Django page and the peer's pages, in the same round as ours:
        {("bare", "ceiling") or ("peer", name): wrk's figures}, each with its ratio to the
        bare page, and ours with their ratios to them."""
        results = {}
        with peers.serving("limit") as base:
            results["bare", "ceiling"] = run_wrk(base + CEILING_PATH, duration, connections)
        bare = results["bare", "ceiling"]["rps"]
        with peers.serving("peer") as base:
            for name, path in PEER_PATHS.items():
                urllib.request.urlopen(base + path).read()
                results["peer", name] = run_wrk(base + path, duration, connections)
        for (mode, name), result in results.items():
            result["ratio"] = result["rps"] / bare
            self.report(mode, name, result)
        for name in PEER_PATHS:
            ours["cold", name]["vs_peer"] = ours["cold", name]["rps"] / results["peer", name]["rps"]
        for (mode, _name), result in ours.items():
            if mode == "warm":
                result["vs_bare"] = result["rps"] / bare
        return results

    def urls(self):
        release = PressRelease.objects.public("fr").filter(slug_fr__startswith="bench-").first()
        return {
            "ceiling": "/benchmark/ceiling/",
            "home": "/fr/",
            "news list, page 1": "/fr/actualites/",
            "news list, page 400": "/fr/actualites/?page=400",
            "release detail": release.get_absolute_url("fr"),
            "RSS feed": "/fr/actualites/rss/",
            "search": "/fr/recherche/?q=classement",
        }

    def start_server(self, port, cache_url):
        return start_gunicorn(port, DJANGO_CACHE_URL=cache_url)

    def report(self, mode, name, result):
        ratio = f"{result['ratio']:.1%}"
        self.stdout.write(
            f"{mode:5} {name:22} {result['rps']:8.0f} req/s  p50 {result['p50']:6.1f} ms  "
            f"p99 {result['p99']:6.1f} ms  {ratio:>5} of ceiling  errors {result['errors']}"
        )

    def write(self, output, results, memory, instructions, releases, duration, connections,
              warm_cache="files", peers=False):  # fmt: skip
        rows = []
        rounds = len(results["cold", "ceiling"]["ratios"])
        for name in self.urls():
            cold, warm = results["cold", name], results["warm", name]
            every_round = " / ".join(f"{ratio:.1%}" for ratio in cold["ratios"])
            rows.append(
                f"| {name} | {cold['rps']:.0f} | {cold['ratio']:.1%} | {every_round} | "
                f"{cold['p50']:.1f} | {cold['p99']:.1f} | {warm['rps']:.0f} | "
                f"{warm['ratio']:.1%} | {warm['p50']:.1f} | {warm['p99']:.1f} | "
                f"{cold['errors'] + warm['errors']} |"
            )
        counted = ""
        if instructions:
            counted = (
                "\nInstructions one cold request costs, counted by valgrind in-process (the "
                "same figure\nrun after run, whatever the machine's speed or load; the ceiling "
                "is the trivial view):\n\n| URL | M instructions |\n| --- | ---: |\n"
                + "".join(f"| {name} | {count:.1f} |\n" for name, count in instructions.items())
            )
        machine = f"{platform.node()} — {platform.machine()}, {os.cpu_count()} cores, " + (
            f"Python {platform.python_version()}, {settings.DATABASES['default']['ENGINE']}"
        )
        cache_kind = "Redis" if warm_cache.startswith("redis") else "files"
        compared = peer_table(results) if peers else ""
        text = f"""Measured by `make bench` on {timezone.now():%Y-%m-%d %H:%M %Z}, on {machine}.
{releases:,} bilingual releases (one in five French-only), two awards and a contact
each; gunicorn with 2 sync workers, debug off, no access log (as the reference servers
run); wrk, {connections} connections, {duration} s per URL. "Cold" is a server without a
cache (every request renders the page from the database; a worker reuses only the awards
it already read whose versions, read with the links, are unchanged); "warm" is the same
code with the page cache in {cache_kind} both workers share. Ratios are to the trivial
view (a fixed 20 KB page) measured on the same server in the same round; each URL was
measured in {rounds} rounds, and its row is the round with the median ratio. Latencies
depend on the machine's speed: where this one is slower than the issue's (a trivial view
at {REFERENCE_CEILING_RPS:,} req/s), the targets below also
give p99 at that speed (p99 × this round's ceiling ÷ {REFERENCE_CEILING_RPS:,}).

{TABLE_HEADER}
{chr(10).join(rows)}

Peak resident memory of a worker: {memory["cold"]:.0f} MB (cold server),
{memory["warm"]:.0f} MB (warm server, cache included).
{counted}{compared}
Targets (issue 7), in this run:

{chr(10).join(target_verdicts(results, memory))}
"""
        write_report(Path(output), text, name=f"make bench: {connection.vendor}")
        self.stdout.write(f"Written to {output}")
