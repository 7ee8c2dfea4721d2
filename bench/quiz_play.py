"""Requests per second of the quiz play page against a trivial "hello" view, same process.

Starts gunicorn on loopback (a throwaway database with the starter quizzes), opens an attempt
for a session, then hammers each URL for a few seconds with a few client threads and prints
both rates and their ratio (the target is a play page at least half as fast as "hello").

    .venv/bin/python bench/quiz_play.py [--seconds 5] [--rounds 5] [--workers 2] [--clients 4]
"""

from __future__ import annotations

import argparse
import http.client
import os
import secrets
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HELLO_PATH = "/bench/hello/"


# --- the WSGI app gunicorn serves: the site plus one trivial view ----------------------------


def hello(request):
    from django.http import HttpResponse

    return HttpResponse("hello", content_type="text/plain")


def __getattr__(name: str):
    # The URLconf of the benchmarked process, built only once Django is set up.
    if name == "urlpatterns":
        from django.urls import include, path

        return [path(HELLO_PATH.strip("/") + "/", hello), path("", include("project.urls"))]
    raise AttributeError(name)


_wsgi = None


def application(environ, start_response):
    global _wsgi
    if _wsgi is None:
        from django.conf import settings
        from django.core.wsgi import get_wsgi_application

        _wsgi = get_wsgi_application()
        settings.ROOT_URLCONF = __name__
    return _wsgi(environ, start_response)


# --- the driver -------------------------------------------------------------------------------


def bench_env(var: Path) -> dict[str, str]:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "project.settings",
        "DEBUG": "0",
        "SECRET_KEY": secrets.token_urlsafe(40),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "UNVEILED_VAR_DIR": str(var),
        "DATABASE_URL": f"sqlite:///{var / 'db.sqlite3'}",
        "MEDIA_ROOT": str(var / "media"),
        "CELERY_BROKER_URL": "memory://",
        "LOG_LEVEL": "WARNING",
        "SECURE_SSL_REDIRECT": "0",  # plain HTTP on loopback
        "DB_CONN_MAX_AGE": "600",  # persistent connections, as production runs
    }


def prepare(env: dict[str, str]) -> tuple[str, str]:
    """Migrate, load the starter quizzes, and open an attempt: (play path, session cookie)."""
    python = sys.executable
    for args in (["migrate", "--noinput", "-v", "0"], ["load_starter_content"]):
        subprocess.run([python, "manage.py", *args], cwd=ROOT, env=env, check=True,
                       stdout=subprocess.DEVNULL)  # fmt: skip
    os.environ.update(env)
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.conf import settings
    from django.contrib.sessions.backends.db import SessionStore

    from quiz.models import Quiz
    from quiz.services import attempt_start

    session = SessionStore()
    session["quiz_player"] = True
    session.create()
    quiz = Quiz.objects.get(slug="spot-the-edit")
    attempt = attempt_start(quiz=quiz, session_key=session.session_key)
    path = f"/quizzes/play/{attempt.public_id}/1/"
    return path, f"{settings.SESSION_COOKIE_NAME}={session.session_key}"


def hammer(port: int, path: str, cookie: str, seconds: float, clients: int) -> dict:
    latencies: list[float] = []
    errors = 0
    sizes: list[int] = []
    lock = threading.Lock()
    deadline = time.perf_counter() + seconds

    def client():
        nonlocal errors
        mine, bad = [], 0
        while time.perf_counter() < deadline:
            started = time.perf_counter()
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
            connection.request("GET", path, headers={"Cookie": cookie})
            response = connection.getresponse()
            body = response.read()
            connection.close()
            if response.status != 200:
                bad += 1
            mine.append(time.perf_counter() - started)
        with lock:
            sizes.append(len(body))
            latencies.extend(mine)
            errors += bad

    threads = [threading.Thread(target=client) for _ in range(clients)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started
    return {
        "rps": len(latencies) / elapsed,
        "p50_ms": statistics.median(latencies) * 1000,
        "requests": len(latencies),
        "errors": errors,
        "bytes": max(sizes),
    }


def workers_cpu_seconds(master: int) -> float:
    """CPU time (user + system) used so far by the gunicorn workers of `master` (Linux /proc)."""
    total = 0.0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue  # a process that just ended
        if int(fields[1]) == master:  # the parent pid
            total += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    return total


def merged(results: list[dict]) -> dict:
    seconds = sum(r["requests"] / r["rps"] for r in results)
    requests = sum(r["requests"] for r in results)
    return {
        "rps": requests / seconds,
        "p50_ms": statistics.median(r["p50_ms"] for r in results),
        "requests": requests,
        "errors": sum(r["errors"] for r in results),
        "bytes": max(r["bytes"] for r in results),
    }


def with_csrf_cookie(port: int, path: str, cookie: str) -> str:
    """The session cookie plus the CSRF cookie the first page sets, kept as a browser keeps it
    (without it every page view would mint a new CSRF secret)."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    connection.request("GET", path, headers={"Cookie": cookie})
    response = connection.getresponse()
    response.read()
    connection.close()
    for header in response.headers.get_all("Set-Cookie") or []:
        name_value = header.split(";", 1)[0]
        if name_value.startswith("csrftoken="):
            return f"{cookie}; {name_value}"
    raise SystemExit("the play page set no CSRF cookie")


def wait_for(port: int, timeout: float = 20) -> None:
    end = time.time() + timeout
    while time.time() < end:
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=1)
            connection.request("GET", HELLO_PATH)
            connection.getresponse().read()
            return
        except OSError:
            time.sleep(0.2)
    raise SystemExit("gunicorn did not start")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=5)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--clients", type=int, default=4)
    parser.add_argument("--rounds", type=int, default=5, help="alternations of the two URLs")
    args = parser.parse_args()

    load_before = os.getloadavg()  # the machine may be shared: say how busy it was
    with tempfile.TemporaryDirectory(prefix="unveiled-bench-") as tmp:
        env = bench_env(Path(tmp))
        (Path(tmp) / "static").mkdir()  # WhiteNoise warns about a missing STATIC_ROOT
        play_path, cookie = prepare(env)
        from project.devstack import free_port

        port = free_port()
        server = subprocess.Popen(
            [str(Path(sys.executable).parent / "gunicorn"), "bench.quiz_play:application",
             "--chdir", str(ROOT), "-b", f"127.0.0.1:{port}", "-w", str(args.workers),
             "--log-level", "warning"],
            env=env,
        )  # fmt: skip
        try:
            wait_for(port)
            cookie = with_csrf_cookie(port, play_path, cookie)
            for path in (HELLO_PATH, play_path):  # warm every worker
                hammer(port, path, cookie, 1, args.clients)
            # Short alternating rounds, so a change in the (shared) machine's load hits both
            # URLs alike instead of whichever ran second.
            rounds = {HELLO_PATH: [], play_path: []}
            cpu = {HELLO_PATH: 0.0, play_path: 0.0}
            for _ in range(args.rounds):
                for path in rounds:
                    before = workers_cpu_seconds(server.pid)
                    rounds[path].append(
                        hammer(port, path, cookie, args.seconds / args.rounds, args.clients)
                    )
                    cpu[path] += workers_cpu_seconds(server.pid) - before
            hello_result, play_result = merged(rounds[HELLO_PATH]), merged(rounds[play_path])
            round_ratios = [
                p["rps"] / h["rps"]
                for h, p in zip(rounds[HELLO_PATH], rounds[play_path], strict=True)
            ]
        finally:
            server.terminate()
            try:
                server.wait(10)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()
    print(f"gunicorn: {args.workers} sync workers; {args.clients} client threads; "
          f"{args.seconds:g} s per URL; CPUs: {os.cpu_count()}; load average before: "
          f"{load_before[0]:.2f} {load_before[1]:.2f} {load_before[2]:.2f}")  # fmt: skip
    for name, result in (("hello", hello_result), ("quiz play page", play_result)):
        print(
            f"{name:>15}: {result['rps']:7.1f} req/s  p50 {result['p50_ms']:6.1f} ms  "
            f"({result['requests']} requests, {result['errors']} errors, "
            f"{result['bytes']} bytes)"
        )
    ratio = play_result["rps"] / hello_result["rps"]
    print("per round: " + ", ".join(f"{r:.2f}" for r in round_ratios))
    # Server CPU per request does not depend on how busy the rest of the machine is.
    per_request = {
        path: cpu[path] / result["requests"] * 1e6
        for path, result in ((HELLO_PATH, hello_result), (play_path, play_result))
    }
    print(
        f"server CPU per request: hello {per_request[HELLO_PATH]:.0f} us, play "
        f"{per_request[play_path]:.0f} us (hello / play = "
        f"{per_request[HELLO_PATH] / per_request[play_path]:.2f})"
    )
    verdict = "meets" if ratio >= 0.5 else "MISSES"
    print(f"play / hello = {ratio:.2f} ({verdict} the target of at least 0.50)")
    if hello_result["errors"] or play_result["errors"]:
        raise SystemExit("some requests failed")


if __name__ == "__main__":
    main()
