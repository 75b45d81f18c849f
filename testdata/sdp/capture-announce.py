#!/usr/bin/env python3
"""Capture the SDP body of one RTSP ANNOUNCE.

Listens on 127.0.0.1:PORT, accepts ONE connection, answers OPTIONS and ANNOUNCE with
"200 OK" (echoing CSeq), writes the ANNOUNCE body byte for byte to OUTFILE, refuses the
following SETUP with 461 and closes the connection. The publishing tool then gives up,
which is fine: only its SDP is wanted.

usage: capture-announce.py PORT OUTFILE [TIMEOUT_SECONDS]
"""
import socket
import sys


def read_message(conn, buf):
    """Reads one RTSP request; returns (start_line, headers, body, rest_of_buffer) or None at EOF."""
    while b"\r\n\r\n" not in buf:
        chunk = conn.recv(65536)
        if not chunk:
            return None
        buf += chunk
    head, buf = buf.split(b"\r\n\r\n", 1)
    lines = head.decode("utf-8", "replace").split("\r\n")
    headers = {}
    for line in lines[1:]:
        if ":" in line:
            name, value = line.split(":", 1)
            headers[name.strip().lower()] = value.strip()
    length = int(headers.get("content-length", "0"))
    while len(buf) < length:
        chunk = conn.recv(65536)
        if not chunk:
            return None
        buf += chunk
    return lines[0], headers, buf[:length], buf[length:]


def main():
    port, outfile = int(sys.argv[1]), sys.argv[2]
    timeout = float(sys.argv[3]) if len(sys.argv) > 3 else 20.0
    srv = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    srv.bind(("127.0.0.1", port))
    srv.listen(1)
    srv.settimeout(timeout)
    conn, _ = srv.accept()
    conn.settimeout(timeout)
    buf = b""
    captured = False
    while True:
        msg = read_message(conn, buf)
        if msg is None:
            break
        start, headers, body, buf = msg
        method = start.split(" ", 1)[0]
        cseq = headers.get("cseq", "0")
        if method == "OPTIONS":
            reply = ("RTSP/1.0 200 OK\r\nCSeq: %s\r\n"
                     "Public: OPTIONS, ANNOUNCE, SETUP, RECORD, TEARDOWN\r\n\r\n" % cseq)
        elif method == "ANNOUNCE":
            with open(outfile, "wb") as f:
                f.write(body)
            captured = True
            reply = "RTSP/1.0 200 OK\r\nCSeq: %s\r\n\r\n" % cseq
        else:
            reply = "RTSP/1.0 461 Unsupported Transport\r\nCSeq: %s\r\n\r\n" % cseq
        conn.sendall(reply.encode())
        if method not in ("OPTIONS", "ANNOUNCE"):
            break
    conn.close()
    srv.close()
    print("captured" if captured else "no ANNOUNCE received", file=sys.stderr)
    sys.exit(0 if captured else 1)


if __name__ == "__main__":
    main()
