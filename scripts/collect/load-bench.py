#!/usr/bin/env python3
"""Load benchmark of `junheng serve` (a script, not a timed test): N submissions from C concurrent clients on
loopback, each a complete teacher questionnaire (every question type) with its own form token, against a fresh
SQLite file, WAL, synchronous=FULL.

Prints acknowledged durable submissions per second (a submission counts once the thank-you page is back,
which the server sends only after its transaction committed), p50/p99 latency, the server's peak resident
memory (VmHWM), the load average of the machine, and checks that the store holds exactly N responses.

The forms are opened first (not timed); then the N posts are timed. The client is Python asyncio on the same
two cores as the server, so the figure includes the client's share of the CPU.

Usage: scripts/collect/load-bench.py [--binary .build/release/junheng] [-n 20000] [-c 64]
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
from harness import ROOT, THANKS, Server, open_form, teacher_answers  # noqa: E402


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


async def fetch_tokens(port, cookie, n, c):
    tokens = []
    head = (f"GET /s/teacher HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nCookie: {cookie}\r\n\r\n").encode()

    async def worker(count):
        connection = Connection(port)
        for _ in range(count):
            status, body = await connection.request(head)
            assert status == 200
            tokens.append(re.search(rb'name="_token" value="([^"]*)"', body).group(1).decode())

    await asyncio.gather(*(worker(n // c + (1 if i < n % c else 0)) for i in range(c)))
    return tokens


async def post_all(port, cookie, tokens, c):
    latencies = []
    acknowledged = 0
    queue = list(reversed(tokens))

    async def worker():
        nonlocal acknowledged
        connection = Connection(port)
        while queue:
            token = queue.pop()
            body = urllib.parse.urlencode([("_token", token)] + teacher_answers("load " + token[-8:])).encode()
            head = (f"POST /s/teacher HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nCookie: {cookie}\r\n"
                    f"Content-Type: application/x-www-form-urlencoded\r\nContent-Length: {len(body)}\r\n\r\n").encode()
            start = time.perf_counter()
            status, data = await connection.request(head, body)
            latencies.append(time.perf_counter() - start)
            if status == 200 and THANKS in data:
                acknowledged += 1

    start = time.perf_counter()
    await asyncio.gather(*(worker() for _ in range(c)))
    return acknowledged, time.perf_counter() - start, sorted(latencies)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build/release/junheng"))
    parser.add_argument("-n", type=int, default=20000)
    parser.add_argument("-c", type=int, default=64)
    args = parser.parse_args()

    server = Server(args.binary, rate_limit=0)
    server.start()
    try:
        _, cookie = open_form(server.port, "/s/teacher")
        tokens = asyncio.run(fetch_tokens(server.port, cookie, args.n, args.c))
        acknowledged, seconds, latencies = asyncio.run(post_all(server.port, cookie, tokens, args.c))
        rss = server.peak_rss_kib()
        with open("/proc/loadavg") as f:
            loadavg = " ".join(f.read().split()[:3])
    finally:
        server.stop()
    stored = sqlite3.connect(server.db).execute("SELECT COUNT(*) FROM collected_responses").fetchone()[0]

    def percentile(p):
        return latencies[min(len(latencies) - 1, int(p * len(latencies)))] * 1000

    print(f"junheng serve load benchmark: {args.n} submissions from {args.c} concurrent clients on loopback")
    print(f"  binary                {args.binary}")
    print(f"  acknowledged          {acknowledged} of {args.n} in {seconds:.2f} s")
    print(f"  durable submissions/s {acknowledged / seconds:.0f}")
    print(f"  latency p50 / p99     {percentile(0.50):.1f} ms / {percentile(0.99):.1f} ms")
    print(f"  server peak RSS       {rss / 1024:.1f} MiB")
    print(f"  stored in the file    {stored}")
    print(f"  load average          {loadavg} (1, 5, 15 min; {os.cpu_count()} cores)")
    return 0 if acknowledged == args.n == stored else 1


if __name__ == "__main__":
    sys.exit(main())
