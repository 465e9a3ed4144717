"""LatestMailbox: newest value per key, drops counted per key, the key bound, thread safety."""

from __future__ import annotations

import threading

import pytest

from core.mailbox import LatestMailbox, MailboxStats


def test_take_returns_the_newest_value_per_key_and_empties() -> None:
    box: LatestMailbox[str, int] = LatestMailbox()
    box.put("cam01", 1)
    box.put("cam02", 10)
    box.put("cam01", 2)
    assert len(box) == 2
    assert box.take() == {"cam01": 2, "cam02": 10}
    assert box.take() == {}
    assert len(box) == 0


def test_overwritten_values_count_as_drops_of_their_key() -> None:
    box: LatestMailbox[str, int] = LatestMailbox()
    for i in range(5):
        box.put("cam01", i)
    box.put("cam02", 0)
    assert box.drops == 4
    assert box.drops_for("cam01") == 4
    assert box.drops_for("cam02") == 0
    assert box.drops_for("never-seen") == 0
    assert box.drops_by_key() == {"cam01": 4}
    box.take()
    box.put("cam01", 9)  # the slot was emptied by take: no drop
    assert box.drops_for("cam01") == 4
    assert box.stats() == MailboxStats(puts=7, taken=2, drops=4, refused=0, pending=1, keys=2)


def test_a_new_key_beyond_the_bound_is_refused_and_counted_as_dropped() -> None:
    box: LatestMailbox[int, str] = LatestMailbox(max_keys=2)
    assert box.put(1, "a")
    assert box.put(2, "b")
    assert not box.put(3, "c")
    assert box.put(1, "a2")  # known keys are still accepted
    assert box.take() == {1: "a2", 2: "b"}
    assert not box.put(3, "c")  # the bound is on known keys, not on pending ones
    assert box.refused == 2
    assert box.drops == 3  # two refusals and one overwrite
    assert sorted(box.keys()) == [1, 2]
    assert box.stats().keys == 2


def test_forget_releases_a_key_and_drops_its_pending_value() -> None:
    box: LatestMailbox[int, str] = LatestMailbox(max_keys=1)
    box.put(1, "a")
    assert box.forget(1)
    assert not box.forget(1)
    assert box.drops == 1
    assert box.put(2, "b")  # room again
    assert box.take() == {2: "b"}
    s = box.stats()
    assert s.puts == s.taken + s.drops + s.pending


def test_clear_starts_afresh() -> None:
    box: LatestMailbox[int, int] = LatestMailbox(max_keys=1, name="tags")
    box.put(1, 1)
    box.put(1, 2)
    box.put(2, 1)
    box.clear()
    assert box.take() == {}
    assert box.stats() == MailboxStats(puts=0, taken=0, drops=0, refused=0, pending=0, keys=0)
    assert box.put(2, 1)
    assert "tags" in repr(box)


def test_max_keys_must_be_positive() -> None:
    with pytest.raises(ValueError, match="max_keys"):
        LatestMailbox(max_keys=0)


def test_take_hands_over_a_dict_the_mailbox_no_longer_touches() -> None:
    box: LatestMailbox[int, int] = LatestMailbox()
    box.put(1, 1)
    batch = box.take()
    box.put(1, 2)
    assert batch == {1: 1}


def test_concurrent_producers_every_put_is_taken_or_dropped() -> None:
    """Several producers and a concurrent consumer: nothing is lost uncounted, order is kept."""
    producers, keys_each, rounds = 6, 8, 3000
    box: LatestMailbox[tuple[int, int], int] = LatestMailbox(
        max_keys=producers * keys_each - 4, name="stress"
    )
    start = threading.Barrier(producers + 1)
    done = threading.Event()
    seen: dict[tuple[int, int], list[int]] = {}
    taken = 0

    def produce(p: int) -> None:
        start.wait()
        for seq in range(rounds):
            for k in range(keys_each):
                box.put((p, k), seq)

    def consume() -> None:
        nonlocal taken
        start.wait()
        while True:
            finished = done.is_set()  # read before the take: a last take follows the producers
            batch = box.take()
            taken += len(batch)
            for key, seq in batch.items():
                seen.setdefault(key, []).append(seq)
            if finished:
                return

    threads = [
        threading.Thread(target=produce, args=(p,), name=f"put:{p}") for p in range(producers)
    ]
    consumer = threading.Thread(target=consume, name="take")
    for t in [*threads, consumer]:
        t.start()
    for t in threads:
        t.join(timeout=30)
    done.set()
    consumer.join(timeout=30)
    assert not any(t.is_alive() for t in [*threads, consumer])

    s = box.stats()
    assert s.puts == producers * keys_each * rounds
    assert s.pending == 0
    assert s.puts == taken + s.drops
    assert s.taken == taken
    assert s.keys == producers * keys_each - 4
    assert s.refused == 4 * rounds  # the four keys that came too late, every time
    assert s.drops - s.refused == sum(box.drops_by_key().values())
    for key, seqs in seen.items():
        assert seqs == sorted(set(seqs)), f"{key}: values out of order or repeated"
        assert seqs[-1] == rounds - 1, f"{key}: the newest value was not delivered"
