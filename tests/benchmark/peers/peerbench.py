#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 LivyDesk contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""One peer client's lane of `livydesk_bench --real`: pylivy or sparkmagic against a real Livy server.

Started by livydesk_bench (through scripts/bench-peers, inside the venv with the pinned peers). The lane
1. creates its own pyspark session through the peer's own API and waits until it is idle (as the peer does), and
   runs one untimed warm-up statement through it (the workload's "warmup" code, default "1"),
2. prints {"event": "ready", ...} (with the warm-up's text output) and waits for a line "go" on stdin (every
   client starts together),
3. runs the workload's statements one after the other through the peer's public call that returns a finished
   statement (pylivy: LivySession.run; sparkmagic: SparkController.run_command(Command), what its %%spark magic
   calls), noting the wall clock (epoch ms) when each call returns,
4. reads every statement's `started`/`completed` stamps with one separate GET after the run (not counted),
5. deletes its session and prints {"event": "done", ...} with the samples and every request the peer sent
   during the run (counted in the peer's own process, at requests' HTTPAdapter.send, the one place both peers'
   HTTP goes through).
Everything else (diagnostics) goes to stderr. stdout carries one JSON object per line.
"""

import argparse
import json
import os
import re
import sys
import tempfile
import time
import traceback
import urllib.parse
import urllib.request
from importlib import metadata

STATEMENTS_POST = re.compile(r"/sessions/\d+/statements/?$")


def now_ms():
    return time.time() * 1000.0


def emit(obj):
    sys.stdout.write(json.dumps(obj) + "\n")
    sys.stdout.flush()


def log(msg):
    sys.stderr.write("peerbench: %s\n" % msg)
    sys.stderr.flush()


def route_of(method, url):
    """GET /sessions/{id}/statements/{id}: the request's route without ids or query."""
    path = urllib.parse.urlsplit(url).path
    path = re.sub(r"/\d+(?=/|$)", "/{id}", path)
    return "%s %s" % (method, path)


class RequestCounter:
    """Counts the requests of this process while `counting` is on (each one's start time and route), and
    remembers the id the server gave the last submitted statement (from the POST's own answer)."""

    def __init__(self):
        self.counting = False
        self.requests = []  # [epoch ms, route]
        self.last_statement_id = -1

    def install(self):
        import requests.adapters

        original = requests.adapters.HTTPAdapter.send
        counter = self

        def send(adapter, request, *args, **kwargs):
            started = now_ms()
            response = original(adapter, request, *args, **kwargs)
            if counter.counting:
                counter.requests.append([started, route_of(request.method, request.url)])
            if (request.method == "POST" and response.status_code == 201
                    and STATEMENTS_POST.search(urllib.parse.urlsplit(request.url).path)):
                try:
                    counter.last_statement_id = int(response.json()["id"])
                except (ValueError, KeyError, TypeError):
                    pass
            return response

        requests.adapters.HTTPAdapter.send = send


class PylivyLane:
    name = "pylivy"
    package = "livy"

    def __init__(self, url):
        from livy import LivySession, SessionKind

        # What a pylivy user writes: LivySession.create(...), then session.run(code) per statement.
        self.session = LivySession.create(url, kind=SessionKind.PYSPARK, echo=False, check=True)
        self.session.wait()
        self.session_id = self.session.session_id

    def run(self, code):
        output = self.session.run(code)
        return output.text if output is not None else None

    def close(self):
        self.session.close()


class QuietDisplay:
    """sparkmagic writes progress and results to an IPython display; there is no notebook here."""

    def display(self, to_display):
        pass

    def html(self, to_display):
        pass

    def stderr_flush(self):
        pass

    def stdout_flush(self):
        pass

    def write(self, msg):
        pass

    def writeln(self, msg):
        pass

    def send_error(self, error):
        log("sparkmagic: %s" % error)


class SparkmagicLane:
    name = "sparkmagic"
    package = "sparkmagic"

    def __init__(self, url):
        import sparkmagic.utils.configuration as conf
        from sparkmagic.livyclientlib.command import Command
        from sparkmagic.livyclientlib.endpoint import Endpoint
        from sparkmagic.livyclientlib.sparkcontroller import SparkController

        self._command = Command
        # What `%spark add -s bench -l python -u URL` does (the magics' SparkController with the default
        # configuration, heartbeat thread included), then `%%spark` cells: run_command(Command(code)).
        self.controller = SparkController(QuietDisplay())
        self.controller.add_session("bench", Endpoint(url, None), False, conf.get_session_properties("python"))
        self.session_id = self.controller.get_session_id_for_client("bench")

    def run(self, code):
        success, out, _mimetype = self.controller.run_command(self._command(code), "bench")
        if not success:
            raise RuntimeError("statement failed: %s" % out)
        return out

    def close(self):
        self.controller.delete_session_by_name("bench")


def fetch_stamps(url, session_id):
    """Every retained statement's stamps, with one GET outside the counted peer (urllib, not requests)."""
    request = urllib.request.Request(
        "%s/sessions/%d/statements?from=0&size=100000" % (url.rstrip("/"), session_id),
        headers={"Accept": "application/json", "X-Requested-By": "livydesk-bench"})
    with urllib.request.urlopen(request, timeout=60) as reply:
        body = json.load(reply)
    return {int(s["id"]): {"state": s.get("state"), "started": s.get("started", 0), "completed": s.get("completed", 0)}
            for s in body.get("statements", [])}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--client", required=True, choices=["pylivy", "sparkmagic"])
    parser.add_argument("--url", required=True)
    parser.add_argument("--workload", required=True, help='JSON file {"codes": [...], "warmup": "..."}')
    args = parser.parse_args()

    with open(args.workload, encoding="utf-8") as f:
        workload = json.load(f)
    codes = workload["codes"]
    warmup = workload.get("warmup", "1")

    conf_dir = tempfile.TemporaryDirectory(prefix="livydesk-bench-sparkmagic-")
    if args.client == "sparkmagic":
        # The default configuration, whatever ~/.sparkmagic/config.json says on this machine, except the time a new
        # session may take to start (60 s by default): three sessions starting at once on a small loaded machine
        # take longer. It only bounds the start; statements are polled as by default.
        os.environ["SPARKMAGIC_CONF_DIR"] = conf_dir.name
        with open(os.path.join(conf_dir.name, "config.json"), "w", encoding="utf-8") as f:
            json.dump({"livy_session_startup_timeout_seconds": 600}, f)

    counter = RequestCounter()
    counter.install()
    lane_class = PylivyLane if args.client == "pylivy" else SparkmagicLane
    versions = {p: metadata.version(p) for p in (lane_class.package, "requests")}

    lane = None
    try:
        t0 = now_ms()
        lane = lane_class(args.url)
        # One warm-up statement, as every client of the run does (not timed): the first statement of a new
        # session also starts its Python interpreter (with the spark workload: its first Spark job, and it reads
        # the session's task slots into a variable the workload's statements use).
        warmup_output = lane.run(warmup)
        emit({"event": "ready", "client": args.client, "session": lane.session_id,
              "startMs": round(now_ms() - t0), "versions": versions,
              "warmup": str(warmup_output).strip() if warmup_output is not None else ""})
        line = sys.stdin.readline()
        if line.strip() != "go":
            log("no go (%r): deleting the session" % line)
            lane.close()
            return 3

        samples = []
        counter.counting = True
        go = now_ms()
        for index, code in enumerate(codes):
            counter.last_statement_id = -1
            sent = now_ms()
            lane.run(code)
            received = now_ms()
            samples.append({"index": index, "statement": counter.last_statement_id, "sent": sent,
                            "received": received})
        end = now_ms()
        counter.counting = False

        stamps = fetch_stamps(args.url, lane.session_id)
        for s in samples:
            stamp = stamps.get(s["statement"], {})
            s["started"] = stamp.get("started", 0)
            s["completed"] = stamp.get("completed", 0)
            s["state"] = stamp.get("state")
        lane.close()
        lane = None
        emit({"event": "done", "client": args.client, "session": None, "go": go, "end": end,
              "samples": samples, "requests": counter.requests, "versions": versions})
        return 0
    except Exception as e:  # report, clean up, and let the benchmark say which lane failed
        traceback.print_exc()
        emit({"event": "error", "client": args.client, "message": "%s: %s" % (type(e).__name__, e),
              "versions": versions})
        if lane is not None:
            try:
                counter.counting = False
                lane.close()
            except Exception:
                traceback.print_exc()
        return 1


if __name__ == "__main__":
    sys.exit(main())
