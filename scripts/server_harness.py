"""Starting and stopping the release server, timing a request, and percentiles, for the measuring scripts."""

import http.client
import signal
import statistics
import subprocess
import sys
import time
import urllib.request


def start(binary, root, env, port):
    """Starts `cityweave serve` and waits until /healthz answers; returns the process and the seconds it took."""
    try:
        http.client.HTTPConnection("127.0.0.1", port, timeout=1).request("GET", "/healthz")
        sys.exit(f"something already answers on port {port}: stop it, or choose another port")
    except OSError:
        pass
    began = time.monotonic()
    process = subprocess.Popen([binary, "serve"], cwd=root, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    while True:
        if process.poll() is not None:
            sys.exit("the server stopped before answering")
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=1)
            connection.request("GET", "/healthz")
            if connection.getresponse().status == 200:
                return process, time.monotonic() - began
        except OSError:
            pass
        if time.monotonic() - began > 600:
            process.kill()
            sys.exit("no answer within 600 s")
        time.sleep(0.05)


def stop(process):
    process.send_signal(signal.SIGINT)
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()


def percentile(sorted_values, share):
    return sorted_values[min(len(sorted_values) - 1, int(round(share * (len(sorted_values) - 1))))]


def fetch(url):
    """Milliseconds to fetch `url` whole; anything but a 200 stops the script."""
    started = time.perf_counter()
    with urllib.request.urlopen(url) as response:
        response.read()
        if response.status != 200:
            raise SystemExit(f"{url} answered {response.status}")
    return (time.perf_counter() - started) * 1000


def summary(values):
    """The median and the 95th percentile."""
    ordered = sorted(values)
    return statistics.median(ordered), percentile(ordered, 0.95)
