#!/usr/bin/env python3
"""A web service with no Cutover code in it, standard library only, for the third-party end-to-end tests (issue 12).

Listens on 127.0.0.1:$PORT. GET /health/ready and /health/live answer 200; every other GET answers "hello from
$GREETING". Faults, from the environment the manifest's versions declare:
  ERROR_RATE   share of requests (0-1) answered 500, spread evenly (every 1/ERROR_RATE-th request)
  DELAY_MS     milliseconds to sleep before answering a request that is not a health check
"""
import os
import signal
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

PORT = int(os.environ["PORT"])
GREETING = os.environ.get("GREETING", "v1")
ERROR_RATE = float(os.environ.get("ERROR_RATE", "0"))
DELAY = float(os.environ.get("DELAY_MS", "0")) / 1000.0

lock = threading.Lock()
served = 0
errors = 0


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_GET(self):
        global served, errors
        status, body = 200, f"hello from {GREETING}\n"
        if not self.path.startswith("/health/"):
            if DELAY > 0:
                time.sleep(DELAY)
            with lock:
                served += 1
                # Evenly spread: the first request of every 1/ERROR_RATE fails, so a share shows at once under light load.
                if ERROR_RATE > 0 and errors < served * ERROR_RATE:
                    errors += 1
                    status, body = 500, "injected failure\n"
        data = body.encode()
        self.send_response(status)
        self.send_header("Content-Type", "text/plain")
        # Only so the tests' load generator can tell versions apart; Cutover reads nothing from the service.
        self.send_header("X-Cutover-Version", GREETING)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, format, *args):
        pass


server = ThreadingHTTPServer(("127.0.0.1", PORT), Handler)
server.daemon_threads = True
# SIGTERM: stop taking connections and exit once open requests are answered.
signal.signal(signal.SIGTERM, lambda *_: threading.Thread(target=server.shutdown).start())
print(f"listening on 127.0.0.1:{PORT} as {GREETING}", flush=True)
server.serve_forever()
server.server_close()
sys.exit(0)
