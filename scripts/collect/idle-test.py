#!/usr/bin/env python3
"""Idle-connection test: `junheng serve` started with Debian's default soft limit of open files (1,024) holds
1,500 idle or trickling connections while real requests are still answered in under a second (issue 26: 1,100
idle sockets made every real request time out for more than 30 s).

The server raises its own soft limit to the hard limit at start; half the held connections send nothing, the
other half trickle a request header a byte every 2 seconds. Meanwhile 20 respondents open a form and submit it,
each on a fresh connection, and every one of those requests must be answered within a second. Then a held
connection is checked to be closed by the 10-second header deadline. Loopback only; about 20 seconds.

Usage: scripts/collect/idle-test.py [--binary .build/debug/junheng] [--held 1500]
"""
import argparse
import os
import resource
import socket
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from harness import ROOT, THANKS, Server, open_form, post_form, teacher_answers  # noqa: E402


def soft_limit_1024():
    _, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (1024, hard))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build/debug/junheng"))
    parser.add_argument("--held", type=int, default=1500)
    args = parser.parse_args()
    _, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if hard < args.held + 200:
        print(f"idle test: the hard limit of open files ({hard}) is below {args.held + 200}; nothing to show")
        return 1
    # This process holds the client ends: its own soft limit goes up to the hard one.
    resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))

    server = Server(args.binary, rate_limit=0)
    server.preexec = soft_limit_1024
    server.start()
    failures = []
    held = []
    try:
        with open(f"/proc/{server.process.pid}/limits") as f:
            line = next(line for line in f if line.startswith("Max open files"))
        soft = int(line.split()[3])
        print(f"server started with a soft limit of 1024; it raised it to {soft}")
        if soft <= args.held:
            failures.append(f"the server's soft limit stayed at {soft}")
        header = b"GET /s/teacher HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: " + b"x" * 64
        for number in range(args.held):
            connection = socket.create_connection(("127.0.0.1", server.port), timeout=5)
            held.append(connection)
        print(f"holding {len(held)} connections: {len(held) // 2} idle, {len(held) - len(held) // 2} trickling")
        slowest = 0.0
        started = time.monotonic()
        respondent = 0
        position = 0
        while time.monotonic() - started < 8:
            # The trickle: one more header byte on every second connection.
            for connection in held[1::2]:
                try:
                    connection.send(header[position:position + 1])
                except OSError:
                    pass
            position += 1
            # A real respondent: open the form, submit it; each request timed.
            for _ in range(2):
                t0 = time.monotonic()
                token, cookie = open_form(server.port, "/s/teacher")
                t1 = time.monotonic()
                status, body = post_form(server.port, "/s/teacher", token, cookie, teacher_answers(f"idle {respondent}"))
                t2 = time.monotonic()
                respondent += 1
                slowest = max(slowest, t1 - t0, t2 - t1)
                if status != 200 or THANKS not in body:
                    failures.append(f"respondent {respondent}: {status}")
            time.sleep(max(0.0, 2 - (time.monotonic() - started) % 2))
        print(f"{respondent} respondents served while the connections were held; slowest request {slowest * 1000:.0f} ms")
        if slowest >= 1.0:
            failures.append(f"a real request took {slowest:.2f} s")
        # The header deadline (10 s) closes the idle ones.
        time.sleep(max(0.0, 11.5 - (time.monotonic() - started)))
        idle = held[0]
        idle.settimeout(2)
        try:
            closed = idle.recv(1) == b""
        except OSError:
            closed = True
        print(f"an idle connection {'was' if closed else 'was NOT'} closed by the 10-second header deadline")
        if not closed:
            failures.append("an idle connection outlived the header deadline")
    finally:
        for connection in held:
            connection.close()
        server.stop()
    for failure in failures:
        print("✘ " + failure)
    print("idle test: " + ("real requests answered under a second" if not failures else "FAILED"))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
