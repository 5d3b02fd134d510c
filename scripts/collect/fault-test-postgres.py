#!/usr/bin/env python3
"""Fault test of the province's setup: two `junheng serve` processes on one PostgreSQL database (a throwaway
cluster) under concurrent submissions; one server is killed with SIGKILL, then PostgreSQL itself is restarted
with `pg_ctl restart -m immediate` (a crash: no shutdown checkpoint), then the killed server is started again.
Every acknowledged response must be stored exactly once, and forms acknowledged before the faults, posted again
to the other server, must be recognised and store nothing new (one response per form token, by the unique key,
across processes).

Usage: scripts/collect/fault-test-postgres.py [--binary .build/debug/junheng] [--clients 16] [--seconds 1.5]
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
from harness import AGAIN, ROOT, THANKS, PostgresCluster, Server, open_form, post_form, teacher_answers  # noqa: E402

NOTE = "15、您对本县义务教育工作的意见和建议"


class Load:
    """Clients submitting to whichever of the servers answers, until stopped."""

    def __init__(self, servers, clients):
        self.servers = servers
        self.acknowledged = {}
        self.lock = threading.Lock()
        self.stop = threading.Event()
        self.errors = 0
        self.threads = [threading.Thread(target=self.client, args=(n,)) for n in range(clients)]

    def client(self, number):
        sent = 0
        which = number % len(self.servers)
        connection = None
        cookie = None
        while not self.stop.is_set():
            server = self.servers[which]
            try:
                if connection is None:
                    connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=10)
                token, cookie = open_form(server.port, "/s/teacher", cookie, connection)
                note = f"client{number}-{sent}"
                sent += 1
                status, body = post_form(server.port, "/s/teacher", token, cookie, teacher_answers(note), connection)
                if status == 200 and THANKS in body:
                    with self.lock:
                        self.acknowledged[note] = (token, cookie)
            except (OSError, http.client.HTTPException, AssertionError):
                # The server is down, or the database is: try the other server.
                connection = None
                cookie = None
                which = (which + 1) % len(self.servers)
                with self.lock:
                    self.errors += 1
                time.sleep(0.01)

    def start(self):
        for thread in self.threads:
            thread.start()

    def finish(self):
        self.stop.set()
        for thread in self.threads:
            thread.join()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build/debug/junheng"))
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--seconds", type=float, default=1.5)
    args = parser.parse_args()

    cluster = PostgresCluster()
    failures = []
    servers = []
    try:
        secret_folder = None
        for _ in range(2):
            server = Server(args.binary, folder=secret_folder, extra=["--store", cluster.url])
            secret_folder = server.folder  # one folder: one secret and one password for both
            servers.append(server)
        for server in servers:
            server.start()
        print(f"two servers on {cluster.url}: ports {servers[0].port} and {servers[1].port}")
        load = Load(servers, args.clients)
        load.start()
        time.sleep(args.seconds)
        servers[0].kill()
        print(f"{len(load.acknowledged)} acknowledged; kill -9 the first server")
        time.sleep(args.seconds)
        cluster.restart_immediate()
        print(f"{len(load.acknowledged)} acknowledged; pg_ctl restart -m immediate")
        time.sleep(args.seconds)
        servers[0].start()
        print(f"{len(load.acknowledged)} acknowledged; the first server started again")
        time.sleep(args.seconds)
        load.finish()
        acknowledged = load.acknowledged
        print(f"{len(acknowledged)} submissions acknowledged in all ({load.errors} failed requests during the faults)")

        rows = list(csv.reader(io.StringIO(servers[1].export("teacher"))))
        column = rows[0].index(NOTE)
        counts = {}
        for row in rows[1:]:
            counts[row[column]] = counts.get(row[column], 0) + 1
        missing = [note for note in acknowledged if note not in counts]
        twice = [note for note, count in counts.items() if count > 1]
        print(f"stored {len(rows) - 1}; acknowledged {len(acknowledged)}; "
              f"stored but never acknowledged (in flight at a fault) {len(counts) - len(acknowledged) + len(missing)}")
        if missing:
            failures.append(f"{len(missing)} acknowledged responses are missing, e.g. {missing[:3]}")
        if twice:
            failures.append(f"{len(twice)} responses are stored twice, e.g. {twice[:3]}")
        if not acknowledged:
            failures.append("no submission was acknowledged: the load did not run")
        # Forms acknowledged by either server, posted again to the other: recognised, nothing new.
        samples = list(acknowledged.items())[:: max(1, len(acknowledged) // 20)][:20]
        again = 0
        for index, (note, (token, cookie)) in enumerate(samples):
            status, body = post_form(servers[index % 2].port, "/s/teacher", token, cookie, teacher_answers(note))
            again += status == 200 and AGAIN in body
        after = cluster.count("SELECT count(*) FROM collected_responses WHERE survey = 'teacher'")
        if again != len(samples) or after != len(rows) - 1:
            failures.append(f"re-posted forms: {again} of {len(samples)} recognised, {after - (len(rows) - 1)} stored anew")
        print(f"re-posted {len(samples)} acknowledged forms across the servers: {again} recognised, "
              f"{after - (len(rows) - 1)} stored anew")
    finally:
        for server in servers:
            server.stop()
        cluster.stop()
    for failure in failures:
        print("✘ " + failure)
    print("postgres fault test: " + ("every acknowledged response is stored exactly once" if not failures else "FAILED"))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
