"""The collector's pauses: off while a command starts, back on (or as it was) afterwards."""

import gc

import pytest

from cds_cli.collector import collector_paused, start_up, started


@pytest.fixture(autouse=True)
def _collector_as_it_was():
    enabled = gc.isenabled()
    yield
    gc.unfreeze()  # what started() froze goes back where collections walk it
    (gc.enable if enabled else gc.disable)()


def test_start_up_pauses_the_collector_until_the_data_is_read():
    gc.enable()
    with start_up():
        assert not gc.isenabled()  # imports, options, the plan: nothing collected
        started()
        assert gc.isenabled() and gc.get_freeze_count() > 0  # start-up's objects out of every walk
        with collector_paused():  # reading pauses it again, and gives it back on
            assert not gc.isenabled()
        assert gc.isenabled()
        started()  # a second call changes nothing
        assert gc.isenabled()
    assert gc.isenabled()


def test_a_command_that_reads_no_data_ends_with_the_collector_as_it_was():
    gc.enable()
    with start_up():
        assert not gc.isenabled()
    assert gc.isenabled()


def test_a_collector_turned_off_by_the_caller_stays_off():
    gc.disable()
    with start_up():
        started()
        assert not gc.isenabled() and gc.get_freeze_count() == 0
    assert not gc.isenabled()


def test_started_outside_start_up_does_nothing():
    gc.enable()
    started()
    assert gc.isenabled() and gc.get_freeze_count() == 0
