"""A TCP forwarder between tally and the test database that a test can stall or take away,
to play a PostgreSQL that stops answering (SIGSTOP) or is stopped (connection refused)."""

from __future__ import annotations

import socket
import threading
from urllib.parse import parse_qs, urlencode, urlparse, urlunparse


class DatabaseProxy:
    def __init__(self, database_url: str) -> None:
        url = urlparse(database_url)
        query = parse_qs(url.query)
        host = query.pop("host", [url.hostname or "127.0.0.1"])[0]
        port = int(query.pop("port", [url.port or 5432])[0])
        # The embedded server listens on a unix socket (its URL names the folder in `host`).
        self._upstream: str | tuple[str, int] = f"{host}/.s.PGSQL.{port}" if host.startswith("/") else (host, port)
        self._url = url._replace(query=urlencode(query, doseq=True))
        self._flowing = threading.Event()
        self._flowing.set()
        self._sockets: list[socket.socket] = []
        self._lock = threading.Lock()
        self._listener = self._listen(0)
        self.port = self._listener.getsockname()[1]

    @property
    def url(self) -> str:
        netloc = f"{self._url.username or 'postgres'}@127.0.0.1:{self.port}"
        if self._url.password:
            netloc = f"{self._url.username}:{self._url.password}@127.0.0.1:{self.port}"
        return urlunparse(self._url._replace(netloc=netloc))

    def _listen(self, port: int) -> socket.socket:
        listener = socket.socket()
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(("127.0.0.1", port))
        listener.listen(64)
        threading.Thread(target=self._accept, args=(listener,), daemon=True).start()
        return listener

    def _accept(self, listener: socket.socket) -> None:
        while True:
            try:
                client, _ = listener.accept()
            except OSError:
                return  # listener closed
            threading.Thread(target=self._connect, args=(client,), daemon=True).start()

    def _connect(self, client: socket.socket) -> None:
        self._flowing.wait()  # a stalled server accepts (the kernel does) but never answers
        try:
            server = self._open_upstream()
        except OSError:
            client.close()
            return
        with self._lock:
            self._sockets += [client, server]
        threading.Thread(target=self._pump, args=(client, server), daemon=True).start()
        threading.Thread(target=self._pump, args=(server, client), daemon=True).start()

    def _open_upstream(self) -> socket.socket:
        if isinstance(self._upstream, str):
            server = socket.socket(socket.AF_UNIX)
            server.connect(self._upstream)
            return server
        return socket.create_connection(self._upstream)

    def _pump(self, source: socket.socket, target: socket.socket) -> None:
        try:
            while data := source.recv(65536):
                self._flowing.wait()
                target.sendall(data)
        except OSError:
            pass
        for sock in (source, target):
            try:
                sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass

    def stall(self) -> None:
        """Bytes are taken in and held: TCP stays up, nothing answers."""
        self._flowing.clear()

    def resume(self) -> None:
        self._flowing.set()

    def stop(self) -> None:
        """Every connection dropped and new ones refused, as when PostgreSQL is stopped."""
        # Shut down first: a close alone leaves the socket listening under the thread blocked in accept().
        try:
            self._listener.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass
        self._listener.close()
        with self._lock:
            sockets, self._sockets = self._sockets, []
        for sock in sockets:
            try:
                sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            sock.close()

    def start(self) -> None:
        self._listener = self._listen(self.port)

    def close(self) -> None:
        self.resume()
        self.stop()
