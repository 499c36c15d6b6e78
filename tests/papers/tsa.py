#!/usr/bin/env python3
"""A local RFC 3161 timestamp authority for the tests: each POSTed TimeStampReq is answered by
`openssl ts -reply` with the test TSA's key, sent in two pieces 0.3 s apart. Prints the port it
listens on, then serves until killed. Usage: tsa.py CONFIG_FILE"""
import http.server
import os
import subprocess
import sys
import tempfile
import time

CONFIG = sys.argv[1]


class Handler(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        query = self.rfile.read(int(self.headers.get("Content-Length", "0")))
        with tempfile.TemporaryDirectory() as d:
            q, r = os.path.join(d, "q.tsq"), os.path.join(d, "r.tsr")
            with open(q, "wb") as f:
                f.write(query)
            done = subprocess.run(["openssl", "ts", "-reply", "-config", CONFIG, "-queryfile", q,
                                   "-out", r], capture_output=True, timeout=30)
            if done.returncode != 0:
                self.send_error(500, done.stderr.decode(errors="replace")[:200])
                return
            with open(r, "rb") as f:
                body = f.read()
        self.send_response(200)
        self.send_header("Content-Type", "application/timestamp-reply")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        # As a TSA across the Internet answers: the reply arrives in pieces. The signer must
        # wait for all of it (a reply read as it stood was once taken for a refusal).
        half = len(body) // 2
        self.wfile.write(body[:half])
        self.wfile.flush()
        time.sleep(0.3)
        self.wfile.write(body[half:])

    def log_message(self, *args):
        pass


server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
print(server.server_address[1], flush=True)
server.serve_forever()
