"""Shared fixtures: the cast (visitor, admin) and small media made in code."""

import io

import numpy as np
import pytest
from PIL import Image

# Hooks that keep a run from hanging (see tests/hygiene.py); a conftest's hooks are registered.
from tests.hygiene import pytest_configure, pytest_sessionfinish, pytest_unconfigure  # noqa: F401


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Rate-limit counters live in the cache: every test starts with none."""
    from django.core.cache import cache

    cache.clear()
    yield


@pytest.fixture
def visitor(client):
    """An anonymous visitor's browser."""
    return client


@pytest.fixture
def admin(db, django_user_model, client):
    user = django_user_model.objects.create_superuser("admin", "admin@example.org", "pw-admin-1")
    client.force_login(user)
    return client


def photo_array(width: int = 320, height: int = 240, seed: int = 0) -> np.ndarray:
    """A smooth gradient with sensor-like noise: a stand-in for an ordinary photo."""
    rng = np.random.default_rng(seed)
    y, x = np.mgrid[0:height, 0:width]
    base = np.stack([x / width * 200, y / height * 180, (x + y) / (width + height) * 220], -1)
    return np.clip(base + rng.normal(0, 6, base.shape), 0, 255).astype(np.uint8)


def encode(array: np.ndarray, fmt: str = "JPEG", **params) -> bytes:
    buffer = io.BytesIO()
    Image.fromarray(array).save(buffer, format=fmt, **params)
    return buffer.getvalue()


@pytest.fixture
def jpeg_bytes() -> bytes:
    return encode(photo_array(), "JPEG", quality=90)


@pytest.fixture
def png_bytes() -> bytes:
    return encode(photo_array(), "PNG")
