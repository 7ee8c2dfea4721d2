"""Scratch Redis databases for tests and benchmarks are claimed, never shared, never leaked."""

import pytest
import redis

from project.localservices import CLAIM_KEY, redis_claim_database, redis_flush
from tests.e2e.conftest import require_redis


def number_of(url: str) -> int:
    return int(url.rsplit("/", 1)[1])


def test_two_runs_never_get_the_same_database():
    require_redis()
    first = redis_claim_database()
    try:
        second = redis_claim_database()
        try:
            assert first != second
        finally:
            redis_flush(second)
    finally:
        redis_flush(first)


def test_broker_leftovers_of_a_killed_run_do_not_use_up_a_database():
    require_redis()
    url = redis_claim_database()
    n = number_of(url)
    client = redis.Redis.from_url(url)
    try:
        # What a run killed before its teardown leaves once its claim has expired.
        client.sadd("_kombu.binding.analysis", "analysis\x06\x16\x06\x16analysis")
        client.hset("unacked", "tag", "message")
        client.delete(CLAIM_KEY)
        assert redis_claim_database(first=n, last=n) == url
        assert client.keys("*") == [CLAIM_KEY.encode()]
    finally:
        redis_flush(url)


def test_a_database_holding_someone_elses_data_is_left_alone():
    require_redis()
    url = redis_claim_database()
    n = number_of(url)
    client = redis.Redis.from_url(url)
    try:
        client.delete(CLAIM_KEY)
        client.set("someone:else", "keep me")
        with pytest.raises(RuntimeError, match="no free Redis database"):
            redis_claim_database(first=n, last=n)
        assert client.get("someone:else") == b"keep me"
    finally:
        redis_flush(url)
