"""`tally serve` keeps its embedded PostgreSQL running: when the postmaster dies (kill -9, or a fast
shutdown by SIGINT), serve starts it again on the same folder and requests are answered again."""

import signal

import pytest

from interfaces.database import running_postgres
from tests.cli.processes import eventually


@pytest.mark.long
@pytest.mark.parametrize("how", [signal.SIGKILL, signal.SIGINT])
def test_serve_starts_its_embedded_postgresql_again_when_it_dies(embedded_serve, scratch_folder, how):
    data = scratch_folder / "d"
    served = embedded_serve(data)
    key = (data / "demo-key").read_text().strip()
    [postmaster] = running_postgres(data / "pg")
    postmaster.send_signal(how)
    postmaster.wait(30)

    def answering() -> bool:
        again = running_postgres(data / "pg")
        return bool(again) and served.call("POST", "/customers", key, {"customer_id": "cus_after"})[0] in (200, 201)

    eventually(answering, 90, "a new PostgreSQL answers serve's requests")
    [again] = running_postgres(data / "pg")
    assert again.pid != postmaster.pid
    assert served.process.poll() is None
    assert "starting it again" in served.log.read_text()
