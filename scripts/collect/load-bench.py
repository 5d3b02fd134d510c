#!/usr/bin/env python3
"""Load benchmark of `junheng serve` (a script, not a timed test): N submissions from C concurrent clients on
loopback, each a complete teacher questionnaire (every question type) with its own form token, against a fresh
SQLite file, WAL, synchronous=FULL.

Prints acknowledged durable submissions per second (a submission counts once the thank-you page is back,
which the server sends only after its transaction committed), p50/p99 latency, the server's peak resident
memory (VmHWM), the load average of the machine, and checks that the store holds exactly N responses.

The forms are opened first (not timed); then the N posts are timed. The client is Python asyncio on the same
two cores as the server, so the figure includes the client's share of the CPU.

With `--postgres`, the store is a throwaway PostgreSQL cluster (scripts/postgres/cluster.sh: Debian's server,
fsync and synchronous_commit on) and `--servers 2` runs two `junheng serve` processes on it, the clients split
between them (as nginx would); each process's peak memory is printed.

Usage: scripts/collect/load-bench.py [--binary .build/release/junheng] [-n 20000] [-c 32] [--postgres [--servers 2]]
"""
import argparse
import asyncio
import os
import re
import sqlite3
import sys
import time
import urllib.parse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from harness import ROOT, THANKS, PostgresCluster, Server, open_form, teacher_answers  # noqa: E402


class Connection:
    """One keep-alive HTTP/1.1 connection."""

    def __init__(self, port):
        self.port = port
        self.reader = self.writer = None

    async def request(self, head, body=b""):
        if self.writer is None:
            self.reader, self.writer = await asyncio.open_connection("127.0.0.1", self.port)
        self.writer.write(head + body)
        await self.writer.drain()
        status_line = await self.reader.readline()
        length = 0
        while True:
            line = await self.reader.readline()
            if line in (b"\r\n", b""):
                break
            if line.lower().startswith(b"content-length:"):
                length = int(line.split(b":")[1])
        data = await self.reader.readexactly(length)
        return int(status_line.split()[1]), data


async def fetch_tokens(ports, cookie, n, c):
    """(port, token) pairs: worker i opens its forms on server i mod the servers, and posts them there."""
    tokens = []

    async def worker(index, count):
        port = ports[index % len(ports)]
        head = (f"GET /s/teacher HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nCookie: {cookie}\r\n\r\n").encode()
        connection = Connection(port)
        mine = []
        for _ in range(count):
            status, body = await connection.request(head)
            assert status == 200
            mine.append((port, re.search(rb'name="_token" value="([^"]*)"', body).group(1).decode()))
        tokens.append(mine)

    await asyncio.gather(*(worker(i, n // c + (1 if i < n % c else 0)) for i in range(c)))
    return tokens


async def post_all(cookie, tokens):
    latencies = []
    acknowledged = 0

    async def worker(mine):
        nonlocal acknowledged
        if not mine:
            return
        port = mine[0][0]
        connection = Connection(port)
        for _, token in mine:
            body = urllib.parse.urlencode([("_token", token)] + teacher_answers("load " + token[-8:])).encode()
            head = (f"POST /s/teacher HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nCookie: {cookie}\r\n"
                    f"Content-Type: application/x-www-form-urlencoded\r\nContent-Length: {len(body)}\r\n\r\n").encode()
            start = time.perf_counter()
            status, data = await connection.request(head, body)
            latencies.append(time.perf_counter() - start)
            if status == 200 and THANKS in data:
                acknowledged += 1

    start = time.perf_counter()
    await asyncio.gather(*(worker(mine) for mine in tokens))
    return acknowledged, time.perf_counter() - start, sorted(latencies)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build/release/junheng"))
    parser.add_argument("-n", type=int, default=20000)
    parser.add_argument("-c", type=int, default=32)
    parser.add_argument("--postgres", action="store_true")
    parser.add_argument("--servers", type=int, default=1)
    args = parser.parse_args()

    cluster = PostgresCluster() if args.postgres else None
    servers = []
    try:
        folder = None
        for _ in range(args.servers):
            server = Server(args.binary, folder=folder, rate_limit=0, extra=["--store", cluster.url] if cluster else [])
            folder = server.folder
            servers.append(server)
        for server in servers:
            server.start()
        ports = [server.port for server in servers]
        _, cookie = open_form(ports[0], "/s/teacher")
        tokens = asyncio.run(fetch_tokens(ports, cookie, args.n, args.c))
        acknowledged, seconds, latencies = asyncio.run(post_all(cookie, tokens))
        rss = [server.peak_rss_kib() for server in servers]
        with open("/proc/loadavg") as f:
            loadavg = " ".join(f.read().split()[:3])
        if cluster:
            stored = cluster.count("SELECT count(*) FROM collected_responses")
    finally:
        for server in servers:
            server.stop()
        if cluster:
            cluster.stop()
    if not cluster:
        stored = sqlite3.connect(servers[0].db).execute("SELECT COUNT(*) FROM collected_responses").fetchone()[0]

    def percentile(p):
        return latencies[min(len(latencies) - 1, int(p * len(latencies)))] * 1000

    store = "PostgreSQL (throwaway cluster, fsync on)" if cluster else "SQLite (WAL, synchronous=FULL)"
    print(f"junheng serve load benchmark: {args.n} submissions from {args.c} concurrent clients on loopback, "
          f"{store}, {args.servers} server process(es)")
    print(f"  binary                {args.binary}")
    print(f"  acknowledged          {acknowledged} of {args.n} in {seconds:.2f} s")
    print(f"  durable submissions/s {acknowledged / seconds:.0f}")
    print(f"  latency p50 / p99     {percentile(0.50):.1f} ms / {percentile(0.99):.1f} ms")
    print(f"  server peak RSS       {' + '.join(f'{r / 1024:.1f}' for r in rss)} MiB")
    print(f"  stored                {stored}")
    print(f"  load average          {loadavg} (1, 5, 15 min; {os.cpu_count()} cores)")
    return 0 if acknowledged == args.n == stored else 1


if __name__ == "__main__":
    sys.exit(main())
