"""The production layout, for real: gunicorn with 2 workers, PostgreSQL, Redis, an S3 bucket
(moto's server) and workers on other "machines" that share nothing with the web but those three.

Each worker gets its own empty MEDIA_ROOT and var folder, so it can only reach the upload
through the bucket. Every run uses its own PostgreSQL database, Redis database and bucket, and
removes all three afterwards, whatever happened.
"""

from __future__ import annotations

from pathlib import Path

import psycopg
import pytest
import requests

from project.devstack import Stack, free_port, throwaway_env
from project.localservices import postgres_answers, scratch_services
from tests.conftest import encode, photo_array
from tests.e2e.conftest import require_redis, wait_until_finished

pytestmark = pytest.mark.e2e


def files_under(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if p.is_file()] if folder.exists() else []


@pytest.fixture
def deployment(tmp_path):
    """Yields (stack, services, machines); every process and service is gone afterwards."""
    require_redis()
    if not postgres_answers():
        pytest.fail("PostgreSQL must answer on 127.0.0.1:5432 for this test (.ci/run starts it)")
    with scratch_services(tmp_path, prefix="unveiled_e2e") as services:
        machines = {name: tmp_path / name for name in ("web", "image-host", "video-host")}
        env = throwaway_env(machines["web"], queue_prefix=None) | services.env()
        env["PROMETHEUS_MULTIPROC_DIR"] = str(machines["web"] / "metrics")
        stack = Stack(
            env=env, port=free_port(), log_dir=tmp_path / "logs", web="gunicorn", web_workers=2
        )
        try:
            stack.manage("migrate", "--noinput", "-v", "0")
            stack.start_web()
            hosts = (("image-host", "analysis"), ("video-host", "video"))
            for index, (machine, queue) in enumerate(hosts):
                own = {
                    "MEDIA_ROOT": str(machines[machine] / "media"),
                    "UNVEILED_VAR_DIR": str(machines[machine] / "var"),
                }
                stack.start_worker(index, queues=queue, env=own, name=machine)
            stack.wait_for_web(timeout=90, path="/healthz")
            yield stack, services, machines
        finally:
            stack.stop()


def test_a_photo_is_analysed_by_a_worker_on_another_machine_through_postgres_redis_and_s3(
    deployment,
):
    stack, services, machines = deployment
    photo = encode(photo_array(seed=11), "JPEG", quality=88)
    response = requests.post(
        stack.url + "/api/v1/analyses/", files={"file": ("photo.jpg", photo)}, timeout=15
    )
    assert response.status_code == 202, response.text
    body = wait_until_finished(stack, response.headers["Location"], timeout=120)
    assert body["status"] == "done", body["error"]
    assert body["verdict"] in {"no_signs_found", "inconclusive", "likely_manipulated"}

    with psycopg.connect(services.database_url) as conn:
        row = conn.execute(
            "SELECT status, file, overlays FROM detector_analysis WHERE public_id = %s",
            (body["id"],),
        ).fetchone()
    status, upload_name, overlays = row
    assert status == "done"
    assert overlays, "the worker stored its overlays"

    names = set(services.moto.object_names(services.bucket))
    assert upload_name in names
    assert set(overlays.values()) <= names
    for name in overlays:
        served = requests.get(f"{stack.url}/analyze/{body['id']}/overlays/{name}.png", timeout=10)
        assert served.status_code == 200
        assert served.content.startswith(b"\x89PNG")

    for machine, folder in machines.items():
        assert files_under(folder / "media") == [], f"{machine} wrote to its local media folder"

    image_log = (stack.log_dir / "image-host.log").read_text(errors="replace")
    video_log = (stack.log_dir / "video-host.log").read_text(errors="replace")
    assert "detector.tasks.run_analysis" in image_log and "succeeded" in image_log
    assert ".> video" in video_log, "the second worker consumes the video queue"
    assert "succeeded" not in video_log, "an image job never reaches the video queue"
