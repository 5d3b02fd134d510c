"""Shared by the collection scripts: start and stop `junheng serve` on a free loopback port, open forms and
submit them over plain HTTP (the standard library only)."""
import base64
import http.client
import os
import re
import signal
import socket
import subprocess
import tempfile
import time
import urllib.parse

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
PASSWORD = "collect-test-password"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """`junheng serve` in a folder of its own (database, secret, password file), on a free port."""

    def __init__(self, binary, folder=None, rate_limit=0, extra=()):
        self.binary = binary
        self.folder = folder or tempfile.mkdtemp(prefix="junheng-collect-")
        self.port = free_port()
        self.rate_limit = rate_limit
        self.extra = list(extra)
        self.process = None
        # Run in the child before exec (e.g. a lower limit of open files).
        self.preexec = None
        with open(os.path.join(self.folder, "admin.txt"), "w") as f:
            f.write(PASSWORD + "\n")

    @property
    def db(self):
        return os.path.join(self.folder, "responses.sqlite")

    @property
    def secret(self):
        return os.path.join(self.folder, "secret.key")

    @property
    def base(self):
        return f"http://127.0.0.1:{self.port}"

    def start(self):
        log = open(os.path.join(self.folder, "serve.log"), "ab")
        self.process = subprocess.Popen(
            [self.binary, "serve", "--port", str(self.port), "--db", self.db, "--secret-file", self.secret,
             "--admin-password-file", os.path.join(self.folder, "admin.txt"), "--rate-limit", str(self.rate_limit),
             "--surveys-dir", os.path.join(ROOT, "surveys")] + self.extra,
            stdout=log, stderr=log, preexec_fn=self.preexec)
        started = time.monotonic()
        while time.monotonic() - started < 10:
            try:
                if get(self.port, "/healthz")[0] == 200:
                    return time.monotonic() - started
            except OSError:
                time.sleep(0.02)
        raise RuntimeError(f"junheng serve did not start; see {self.folder}/serve.log")

    def kill(self):
        self.process.send_signal(signal.SIGKILL)
        self.process.wait()

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.kill()

    def peak_rss_kib(self):
        with open(f"/proc/{self.process.pid}/status") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
        return None

    def export(self, survey):
        auth = "Basic " + base64.b64encode(f"admin:{PASSWORD}".encode()).decode()
        status, _, body = get(self.port, f"/admin/{survey}/export.csv", {"Authorization": auth})
        assert status == 200, status
        return body.decode("utf-8-sig")

    def admin(self):
        auth = "Basic " + base64.b64encode(f"admin:{PASSWORD}".encode()).decode()
        return get(self.port, "/admin", {"Authorization": auth})[2].decode()


def get(port, path, headers=None, connection=None):
    conn = connection or http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    conn.request("GET", path, headers=headers or {})
    reply = conn.getresponse()
    body = reply.read()
    if connection is None:
        conn.close()
    return reply.status, dict(reply.getheaders()), body


def open_form(port, path, cookie=None, connection=None):
    """The token and session cookie of a freshly opened form."""
    status, headers, body = get(port, path, {"Cookie": cookie} if cookie else {}, connection)
    assert status == 200, (status, body[:300])
    token = re.search(rb'name="_token" value="([^"]*)"', body).group(1).decode()
    set_cookie = headers.get("Set-Cookie") or headers.get("set-cookie")
    return token, cookie or set_cookie.split(";")[0]


def post_form(port, path, token, cookie, answers, connection=None):
    """Posts `answers` (name, value pairs) with the token; returns (status, body)."""
    conn = connection or http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    body = urllib.parse.urlencode([("_token", token)] + answers)
    conn.request("POST", path, body=body, headers={
        "Content-Type": "application/x-www-form-urlencoded", "Cookie": cookie})
    reply = conn.getresponse()
    data = reply.read()
    if connection is None:
        conn.close()
    return reply.status, data


# A complete answer to surveys/teacher.yaml (every question type: single, scale, matrix, multiple with the
# "other" fill-in, text).
def teacher_answers(note):
    return [("identity", "教师"), ("stage", "小学"), ("township", "城关镇"), ("school", "城关第一小学"),
            ("gov_funding", "满意"), ("gov_salary", "基本满意"), ("gov_equity", "满意"),
            ("staff.staffing", "满意"), ("staff.training", "非常满意"), ("staff.rotation", "不满意"),
            ("staff.title", "不了解"), ("school_autonomy", "满意"), ("school_quality_ed", "满意"),
            ("school_evaluation", "满意"), ("school_burden", "基本满意"), ("overall", "非常满意"),
            ("priorities", "改善办学条件"), ("priorities", "其他【请注明】"), ("priorities.other", "食堂"),
            ("suggestions", note)]


THANKS = "您的回答已保存".encode()
AGAIN = "已经提交过".encode()


class PostgresCluster:
    """A throwaway PostgreSQL cluster (scripts/postgres/cluster.sh), stopped by `stop()`."""

    def __init__(self):
        script = os.path.join(ROOT, "scripts", "postgres", "cluster.sh")
        out = subprocess.run([script, "start"], check=True, capture_output=True, text=True).stdout
        self.env = {}
        for line in out.splitlines():
            for pair in line.replace("export ", "").split():
                name, _, value = pair.partition("=")
                self.env[name] = value
        self.script = script
        self.folder = self.env["JUNHENG_PG_DIR"]
        self.url = self.env["JUNHENG_TEST_POSTGRES"]

    def restart_immediate(self):
        """`pg_ctl restart -m immediate`: the database crashes (no shutdown checkpoint) and comes back."""
        subprocess.run([self.script, "restart-immediate", self.folder], check=True)

    def count(self, sql):
        out = subprocess.run(["psql", self.url, "-tAc", sql], check=True, capture_output=True, text=True).stdout
        return int(out.strip())

    def stop(self):
        subprocess.run([self.script, "stop", self.folder], check=False)
