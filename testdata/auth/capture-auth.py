#!/usr/bin/env python3
"""Capture what a real RTSP client sends when it authenticates.

A throw-away RTSP server on 127.0.0.1 that answers the first DESCRIBE or ANNOUNCE
without credentials with 401 and the WWW-Authenticate challenges given on the
command line (fixed nonce), then plays along (DESCRIBE 200 with a one-track SDP,
SETUP 200, PLAY/RECORD 200) so the client also authenticates SETUP and PLAY or
RECORD, and records every request. It verifies nothing: the Java tests of
rtsp-auth do that with the recorded Authorization values.

Usage (see capture-all.sh for the commands that produced the corpus files):

    capture-auth.py --out FILE --client-name NAME --user U --password P \
        --challenge basic --challenge digest-md5 [--qop] [--opaque X] \
        -- CLIENT COMMAND ... {port} ...

The client command is started with {port} replaced by the listening port; the
capture ends when the client exits, or is terminated once PLAY/RECORD was
answered (or after --timeout seconds). With --stale-keepalive the capture goes
on: the first keep-alive after PLAY is answered with 401 and stale=true (a new
nonce), and the capture ends after the next keep-alive.
"""

import argparse
import json
import socket
import subprocess
import sys
import threading
import time

DONE = threading.Event()

SDP = (
    "v=0\r\n"
    "o=- 0 0 IN IP4 127.0.0.1\r\n"
    "s=capture\r\n"
    "c=IN IP4 0.0.0.0\r\n"
    "t=0 0\r\n"
    "m=video 0 RTP/AVP 96\r\n"
    "a=rtpmap:96 H264/90000\r\n"
    "a=fmtp:96 packetization-mode=1; sprop-parameter-sets=Z2QADKzZQ8Vv/ACAAIhAAAADAEAAAAwDxQplgA==,aOvjyyLA; profile-level-id=64000C\r\n"
    "a=control:trackID=0\r\n"
)


def challenge_values(kinds, realm, nonce, qop, opaque, stale=False):
    out = []
    for kind in kinds:
        if kind == "basic":
            out.append('Basic realm="%s"' % realm)
            continue
        alg = {"digest-md5": "MD5", "digest-sha256": "SHA-256", "digest-implicit": None}[kind]
        v = 'Digest realm="%s", nonce="%s"' % (realm, nonce)
        if opaque:
            v += ', opaque="%s"' % opaque
        if stale:
            v += ', stale="TRUE"'
        if alg:
            v += ', algorithm="%s"' % alg
        if qop:
            v += ', qop="auth"'
        out.append(v)
    return out


def read_message(f):
    """Reads one RTSP request (start line, headers, body) from a binary file object."""
    lines = []
    while True:
        line = f.readline()
        if not line:
            return None
        if line.startswith(b"$") and not lines:
            # interleaved frame from a publisher: skip it
            header = line[:4]
            while len(header) < 4:
                more = f.read(4 - len(header))
                if not more:
                    return None
                header += more
            size = (header[2] << 8) | header[3]
            already = line[4:]
            rest = size - len(already)
            if rest > 0:
                f.read(rest)
            continue
        if line in (b"\r\n", b"\n"):
            if lines:
                break
            continue
        lines.append(line)
    raw = b"".join(lines).decode("utf-8", "surrogateescape")
    start = lines[0].decode("utf-8", "surrogateescape").strip()
    headers = []
    for l in lines[1:]:
        text = l.decode("utf-8", "surrogateescape").rstrip("\r\n")
        k, _, v = text.partition(":")
        headers.append((k.strip(), v.strip()))
    length = 0
    for k, v in headers:
        if k.lower() == "content-length":
            length = int(v)
    body = f.read(length) if length else b""
    return start, headers, body, raw


def header(headers, name):
    vals = [v for k, v in headers if k.lower() == name.lower()]
    return vals


def serve(conn, args, record):
    f = conn.makefile("rb")
    session = "12345678"
    playing = False
    stale_sent = False
    while True:
        msg = read_message(f)
        if msg is None:
            return
        start, headers, body, raw = msg
        method, url, _ = (start.split(" ") + ["", ""])[:3]
        cseq = (header(headers, "CSeq") or ["0"])[0]
        auth = header(headers, "Authorization")
        record.append({
            "method": method,
            "url": url,
            "authorization": auth,
            "raw": raw,
        })
        extra = ""
        status = "200 OK"
        out_body = b""
        needs_auth = method not in ("OPTIONS",) or args.challenge_options
        if args.stale_keepalive and playing and auth and method in ("GET_PARAMETER", "OPTIONS"):
            if stale_sent:
                # the keep-alive after the stale challenge: record it and stop
                conn.sendall(("RTSP/1.0 200 OK\r\nCSeq: %s\r\nServer: capture-auth\r\nSession: %s\r\n\r\n"
                              % (cseq, session)).encode())
                DONE.set()
                time.sleep(0.3)
                return
            # pretend the nonce expired: challenge again with stale=true and a new nonce
            stale_sent = True
            status = "401 Unauthorized"
            for v in challenge_values(args.challenge, args.realm, args.stale_keepalive, args.qop, args.opaque,
                                      stale=True):
                extra += "WWW-Authenticate: %s\r\n" % v
        elif needs_auth and not auth:
            status = "401 Unauthorized"
            for v in challenge_values(args.challenge, args.realm, args.nonce, args.qop, args.opaque):
                extra += "WWW-Authenticate: %s\r\n" % v
        elif method == "OPTIONS":
            extra += "Public: OPTIONS, DESCRIBE, ANNOUNCE, SETUP, PLAY, RECORD, PAUSE, TEARDOWN, GET_PARAMETER\r\n"
        elif method == "DESCRIBE":
            out_body = SDP.encode()
            base = url if url.endswith("/") else url + "/"
            extra += "Content-Base: %s\r\nContent-Type: application/sdp\r\n" % base
        elif method == "SETUP":
            transport = (header(headers, "Transport") or ["RTP/AVP/TCP;unicast;interleaved=0-1"])[0]
            # a short session timeout makes keep-alives come sooner (GStreamer: after 20 s)
            timeout = 6 if args.stale_keepalive else 60
            extra += "Transport: %s\r\nSession: %s;timeout=%d\r\n" % (transport.split(",")[0], session, timeout)
        elif method in ("PLAY", "RECORD"):
            extra += "Session: %s\r\n" % session
        elif method == "TEARDOWN":
            extra += "Session: %s\r\n" % session
        if out_body:
            extra += "Content-Length: %d\r\n" % len(out_body)
        resp = ("RTSP/1.0 %s\r\nCSeq: %s\r\nServer: capture-auth\r\n%s\r\n" % (status, cseq, extra)).encode() + out_body
        conn.sendall(resp)
        if method in ("PLAY", "RECORD") and status.startswith("200") and args.stale_keepalive:
            playing = True
        elif method in ("PLAY", "RECORD") and status.startswith("200"):
            # enough: the client authenticated DESCRIBE/ANNOUNCE, SETUP and PLAY/RECORD
            DONE.set()
            time.sleep(0.3)
            return
        if method == "TEARDOWN":
            return


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--out", required=True)
    p.add_argument("--client-name", required=True)
    p.add_argument("--user", required=True)
    p.add_argument("--password", required=True)
    p.add_argument("--realm", default="ipcam")
    p.add_argument("--nonce", default="a2f1c7d9e4b3058f6e1d2c3b4a596877")
    p.add_argument("--challenge", action="append", required=True,
                   choices=["basic", "digest-md5", "digest-sha256", "digest-implicit"])
    p.add_argument("--qop", action="store_true")
    p.add_argument("--opaque")
    p.add_argument("--challenge-options", action="store_true")
    p.add_argument("--stale-keepalive", metavar="NEW_NONCE",
                   help="after PLAY, answer the first keep-alive with 401, stale=true and this new nonce, "
                        "then record the next keep-alive")
    p.add_argument("--note", default="")
    p.add_argument("--timeout", type=float, default=15)
    p.add_argument("command", nargs=argparse.REMAINDER)
    args = p.parse_args()
    cmd = args.command[1:] if args.command and args.command[0] == "--" else args.command

    srv = socket.socket()
    srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    srv.bind(("127.0.0.1", 0))
    srv.listen(4)
    port = srv.getsockname()[1]
    argv = [a.replace("{port}", str(port)) for a in cmd]

    connections = []

    def accept_loop():
        while True:
            try:
                conn, _ = srv.accept()
            except OSError:
                return
            record = []
            connections.append(record)
            with conn:
                try:
                    serve(conn, args, record)
                except (ConnectionError, OSError):
                    pass

    t = threading.Thread(target=accept_loop, daemon=True)
    t.start()
    proc = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    output = []
    reader = threading.Thread(target=lambda: output.append(proc.stdout.read()), daemon=True)
    reader.start()
    deadline = time.monotonic() + args.timeout
    while proc.poll() is None and not DONE.is_set() and time.monotonic() < deadline:
        time.sleep(0.05)
    if proc.poll() is None:
        # the capture is complete (or the client hangs): some clients retry forever, stop them
        time.sleep(0.3)
        proc.terminate()
        try:
            proc.wait(5)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
    reader.join(5)
    srv.close()

    result = {
        "client": args.client_name,
        "command": " ".join(a if " " not in a else "'" + a + "'" for a in cmd),
        "port": port,
        "user": args.user,
        "pass": args.password,
        "realm": args.realm,
        "nonce": args.nonce,
        "opaque": args.opaque,
        "qop": "auth" if args.qop else None,
        "challenges": challenge_values(args.challenge, args.realm, args.nonce, args.qop, args.opaque),
        "staleChallenges": challenge_values(args.challenge, args.realm, args.stale_keepalive, args.qop, args.opaque,
                                            stale=True) if args.stale_keepalive else None,
        "clientExitCode": proc.returncode,
        "clientOutputTail": b"".join(output).decode("utf-8", "replace").strip().splitlines()[-5:],
        "note": args.note,
        "connections": connections,
    }
    with open(args.out, "w", encoding="utf-8") as out:
        json.dump(result, out, indent=2, ensure_ascii=False)
        out.write("\n")
    n = sum(1 for c in connections for r in c if r["authorization"])
    print("%s: %d connection(s), %d request(s) with Authorization, client exit %d"
          % (args.out, len(connections), n, proc.returncode))


if __name__ == "__main__":
    sys.exit(main())
