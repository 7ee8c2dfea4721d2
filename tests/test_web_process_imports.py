"""The web process never pays for torch: serving pages must not import it."""

import subprocess
import sys

SCRIPT = """
import os, sys
os.environ["DJANGO_SETTINGS_MODULE"] = "project.test_settings"
import django
django.setup()
from django.test import Client
from django.test.utils import setup_test_environment
setup_test_environment()
from django.db import connection
connection.creation.create_test_db(verbosity=0)
client = Client()
for url in ["/", "/learn/faq/", "/learn/glossary/", "/analyze/", "/api/schema/"]:
    assert client.get(url).status_code == 200, url
print("torch" in sys.modules, "cv2" in sys.modules)
"""


def test_serving_pages_does_not_import_torch_or_opencv():
    out = subprocess.run(
        [sys.executable, "-c", SCRIPT], capture_output=True, text=True, check=True, timeout=120
    )
    assert out.stdout.split() == ["False", "False"], out.stderr[-2000:]
