#!/usr/bin/env python3
"""Fault test: `kill -9` the server under concurrent submissions, restart it, and check that every
acknowledged response is stored and none twice.

C clients submit the teacher questionnaire as fast as they can, each response marked by a unique note; after
a moment of load the server gets SIGKILL (no chance to flush anything), is started again on the same SQLite
file, and the load goes on; after the last round the admin export is read back. Responses in flight at the
kill may or may not be stored (they were never acknowledged); an acknowledged one must be there, exactly once.
Then forms acknowledged before a kill are posted again (a double tap across the crash): each must be
recognised, and nothing new stored.

Usage: scripts/collect/fault-test.py [--binary .build/debug/junheng] [--clients 16] [--rounds 3] [--seconds 1.5]
"""
import argparse
import csv
import http.client
import io
import os
import sys
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from harness import AGAIN, ROOT, THANKS, Server, open_form, post_form, teacher_answers  # noqa: E402

NOTE = "15、您对本县义务教育工作的意见和建议"


def load(server, round_number, clients, seconds):
    """Submits from `clients` threads until the server is killed after `seconds`; returns what was acknowledged."""
    acknowledged = {}
    lock = threading.Lock()
    stop = threading.Event()

    def client(number):
        connection = None
        cookie = None
        sent = 0
        while not stop.is_set():
            try:
                if connection is None:
                    connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=10)
                token, cookie = open_form(server.port, "/s/teacher", cookie, connection)
                note = f"round{round_number}-client{number}-{sent}"
                sent += 1
                status, body = post_form(server.port, "/s/teacher", token, cookie, teacher_answers(note), connection)
                if status == 200 and THANKS in body:
                    with lock:
                        acknowledged[note] = (token, cookie)
            except (OSError, http.client.HTTPException, AssertionError):
                connection = None
                time.sleep(0.005)

    threads = [threading.Thread(target=client, args=(n,)) for n in range(clients)]
    for thread in threads:
        thread.start()
    time.sleep(seconds)
    server.kill()
    stop.set()
    for thread in threads:
        thread.join()
    return acknowledged


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build/debug/junheng"))
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--seconds", type=float, default=1.5)
    args = parser.parse_args()

    server = Server(args.binary)
    acknowledged = {}
    for round_number in range(1, args.rounds + 1):
        server.start()
        got = load(server, round_number, args.clients, args.seconds)
        print(f"round {round_number}: {len(got)} submissions acknowledged, then kill -9")
        acknowledged.update(got)
    server.start()
    try:
        rows = list(csv.reader(io.StringIO(server.export("teacher"))))
        column = rows[0].index(NOTE)
        stored = [row[column] for row in rows[1:]]
        counts = {}
        for note in stored:
            counts[note] = counts.get(note, 0) + 1
        missing = [note for note in acknowledged if note not in counts]
        twice = [note for note, count in counts.items() if count > 1]
        print(f"stored {len(stored)} responses; acknowledged {len(acknowledged)}; "
              f"stored but never acknowledged (in flight at a kill) {len(counts) - len(acknowledged) + len(missing)}")
        failures = []
        if missing:
            failures.append(f"{len(missing)} acknowledged responses are missing, e.g. {missing[:3]}")
        if twice:
            failures.append(f"{len(twice)} responses are stored twice, e.g. {twice[:3]}")
        if not acknowledged:
            failures.append("no submission was acknowledged: the load did not run")

        # Double taps across the crash: forms acknowledged before a kill, posted again.
        again = 0
        samples = list(acknowledged.items())[:: max(1, len(acknowledged) // 20)][:20]
        for note, (token, cookie) in samples:
            status, body = post_form(server.port, "/s/teacher", token, cookie, teacher_answers(note))
            again += status == 200 and AGAIN in body
        after = len(list(csv.reader(io.StringIO(server.export("teacher"))))) - 1
        if again != len(samples) or after != len(stored):
            failures.append(f"re-posted forms: {again} of {len(samples)} recognised, {after - len(stored)} stored anew")
        print(f"re-posted {len(samples)} acknowledged forms after the restarts: {again} recognised, "
              f"{after - len(stored)} stored anew")
    finally:
        server.stop()
    for failure in failures:
        print("✘ " + failure)
    print("fault test: " + ("every acknowledged response is stored exactly once" if not failures else "FAILED"))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
