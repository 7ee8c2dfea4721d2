"""The production engines on one machine: a PostgreSQL database, a Redis database and an S3
emulator (moto in server mode), set up and torn down for `make run-prod-like`, the scale-out
tests and bench/scaling.py. Nothing here runs in production itself.
"""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
import time
import urllib.request
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from project.devstack import ROOT, free_port, stop_process

POSTGRES_ADMIN_URL = os.environ.get(
    "POSTGRES_ADMIN_URL", "postgresql://postgres@127.0.0.1:5432/postgres"
)
REDIS_HOST_URL = os.environ.get("REDIS_HOST_URL", "redis://127.0.0.1:6379")
# Test credentials for the emulator: moto accepts any.
S3_TEST_KEY, S3_TEST_SECRET, S3_TEST_REGION = "unveiled-local", "unveiled-local-secret", "us-east-1"


def postgres_answers() -> bool:
    import psycopg

    try:
        with psycopg.connect(POSTGRES_ADMIN_URL, connect_timeout=3):
            return True
    except psycopg.Error:
        return False


def postgres_recreate(name: str) -> str:
    """Drop and create database `name`; returns its URL."""
    import psycopg
    from psycopg import sql

    with psycopg.connect(POSTGRES_ADMIN_URL, autocommit=True, connect_timeout=5) as conn:
        conn.execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
        )
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    return POSTGRES_ADMIN_URL.rsplit("/", 1)[0] + f"/{name}"


def postgres_drop(name: str) -> None:
    import psycopg
    from psycopg import sql

    with psycopg.connect(POSTGRES_ADMIN_URL, autocommit=True, connect_timeout=5) as conn:
        conn.execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
        )


def redis_flush(url: str) -> None:
    import redis

    redis.Redis.from_url(url, socket_connect_timeout=3).flushdb()


def redis_empty(url: str) -> None:
    """Delete every key but a test run's claim (see `redis_claim_database`)."""
    import redis

    client = redis.Redis.from_url(url, socket_connect_timeout=3)
    for key in client.scan_iter(count=500):
        if key != CLAIM_KEY.encode():
            client.delete(key)


CLAIM_KEY = "unveiled:claimed-by"
# What an idle Celery broker database holds once its workers are gone.
_BROKER_LEFTOVERS = (b"_kombu.", b"unacked")


def redis_claim_database(*, first: int = 3, last: int = 15, ttl: int = 1800) -> str:
    """An empty Redis database for one test run or benchmark, claimed with a key so parallel
    runs don't share it. Databases 0-2 are left to the dev stack and `make run-prod-like`.
    The caller empties it afterwards (`redis_flush`). A run killed before its teardown leaves
    a claim that expires after `ttl` s and broker bookkeeping that is cleared here, so dead
    runs cannot use up the databases."""
    import redis

    owner = f"{os.getpid()}-{uuid.uuid4().hex[:8]}"
    for number in range(first, last + 1):
        client = redis.Redis.from_url(f"{REDIS_HOST_URL}/{number}", socket_connect_timeout=3)
        keys = client.keys("*")
        if (
            keys
            and CLAIM_KEY.encode() not in keys
            and all(key.startswith(_BROKER_LEFTOVERS) for key in keys)
        ):
            client.flushdb()
            keys = []
        if keys:
            continue
        if client.set(CLAIM_KEY, owner, nx=True, ex=ttl):
            return f"{REDIS_HOST_URL}/{number}"
    raise RuntimeError(f"no free Redis database between {first} and {last}")


@dataclass
class MotoServer:
    """moto's S3 emulator in its own process, stopped by `stop()` (or leaving a `with`)."""

    port: int = 0
    log_path: Path | None = None
    process: subprocess.Popen | None = field(default=None, repr=False)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self, *, timeout: float = 30) -> MotoServer:
        self.port = self.port or free_port()
        out = open(self.log_path, "ab") if self.log_path else subprocess.DEVNULL  # noqa: SIM115
        self.process = subprocess.Popen(
            [sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(self.port)],
            cwd=ROOT,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
        self.process.log = out  # type: ignore[attr-defined]
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"moto server exited with code {self.process.returncode}")
            try:
                with urllib.request.urlopen(self.url + "/moto-api/", timeout=2):
                    return self
            except OSError:
                time.sleep(0.2)
        self.stop()
        raise TimeoutError(f"moto server did not answer on {self.url} within {timeout} s")

    def stop(self) -> None:
        if self.process is not None:
            stop_process(self.process, grace=5)
            self.process = None

    def client(self):
        import boto3

        return boto3.client(
            "s3",
            endpoint_url=self.url,
            aws_access_key_id=S3_TEST_KEY,
            aws_secret_access_key=S3_TEST_SECRET,
            region_name=S3_TEST_REGION,
        )

    def create_bucket(self, name: str) -> str:
        self.client().create_bucket(Bucket=name)
        return name

    def object_names(self, bucket: str) -> list[str]:
        pages = self.client().get_paginator("list_objects_v2").paginate(Bucket=bucket)
        return [item["Key"] for page in pages for item in page.get("Contents", [])]

    def storage_env(self, bucket: str) -> dict[str, str]:
        """The settings a web process or worker needs to use `bucket` on this server."""
        return {
            "S3_BUCKET": bucket,
            "S3_ENDPOINT_URL": self.url,
            "S3_ACCESS_KEY_ID": S3_TEST_KEY,
            "S3_SECRET_ACCESS_KEY": S3_TEST_SECRET,
            "S3_REGION": S3_TEST_REGION,
            "S3_ADDRESSING_STYLE": "path",
        }

    def __enter__(self) -> MotoServer:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()


@dataclass
class Services:
    moto: MotoServer
    bucket: str
    database_url: str
    broker_url: str

    def env(self) -> dict[str, str]:
        """What every web process and worker of this deployment shares."""
        return {
            "DATABASE_URL": self.database_url,
            "CELERY_BROKER_URL": self.broker_url,
            **self.moto.storage_env(self.bucket),
        }


@contextlib.contextmanager
def scratch_services(log_dir: Path, *, prefix: str = "unveiled_scratch"):
    """A throwaway PostgreSQL database, claimed Redis database and bucket on a private moto
    server; all three are removed on exit, whatever happened inside."""
    database = f"{prefix}_{uuid.uuid4().hex[:10]}"
    moto = MotoServer(log_path=log_dir / "moto.log")
    broker = None
    try:
        moto.start()
        bucket = moto.create_bucket(f"{prefix.replace('_', '-')}-{uuid.uuid4().hex[:8]}")
        broker = redis_claim_database()
        yield Services(moto, bucket, postgres_recreate(database), broker)
    finally:
        try:
            if broker is not None:
                redis_flush(broker)  # also drops the claim key
        finally:
            try:
                postgres_drop(database)
            finally:
                moto.stop()
