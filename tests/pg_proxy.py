"""A loopback TCP proxy to PostgreSQL that a test can cut and restore: the server "goes away"
(every connection through it is closed and new ones are refused) and comes back on the same
port; or the link stalls (connections stay open, nothing is forwarded) and flows again. Its own
thread and asyncio loop; no Qt."""

from __future__ import annotations

import asyncio
import threading

from sqlalchemy.engine import make_url


class CuttableProxy:
    def __init__(self, host: str, port: int) -> None:
        self.target = (host, port)
        self.port = 0
        self._writers: set[asyncio.StreamWriter] = set()
        self._server: asyncio.Server | None = None
        self._loop = asyncio.new_event_loop()
        self._flowing: asyncio.Event | None = None
        self._thread = threading.Thread(target=self._loop.run_forever, name="pg-cut-proxy",
                                        daemon=True)
        self._thread.start()
        self._call(self._listen())
        self.url = ""

    @classmethod
    def to_url(cls, url: str) -> CuttableProxy:
        """A proxy to the server of `url`; its `url` is the same database through the proxy."""
        parsed = make_url(url)
        proxy = cls(parsed.host or "127.0.0.1", parsed.port or 5432)
        proxy.url = parsed.set(host="127.0.0.1", port=proxy.port).render_as_string(
            hide_password=False)
        return proxy

    def _call(self, coro: object) -> object:
        return asyncio.run_coroutine_threadsafe(coro, self._loop).result(10)  # type: ignore[arg-type]

    async def _listen(self) -> None:
        if self._flowing is None:
            self._flowing = asyncio.Event()
            self._flowing.set()
        self._server = await asyncio.start_server(self._client, "127.0.0.1", self.port)
        self.port = self._server.sockets[0].getsockname()[1]

    async def _client(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            up_reader, up_writer = await asyncio.open_connection(*self.target)
        except OSError:
            writer.close()
            return
        self._writers.update((writer, up_writer))

        async def pump(src: asyncio.StreamReader, dst: asyncio.StreamWriter) -> None:
            try:
                while data := await src.read(65536):
                    assert self._flowing is not None
                    await self._flowing.wait()
                    dst.write(data)
                    await dst.drain()
            except (ConnectionError, OSError):
                pass
            finally:
                dst.close()

        await asyncio.gather(pump(reader, up_writer), pump(up_reader, writer))
        self._writers.difference_update((writer, up_writer))

    async def _cut(self) -> None:
        if self._server is not None:
            self._server.close()
            self._server = None
        for writer in list(self._writers):
            writer.transport.abort()  # a reset, as when the server's host goes away
        self._writers.clear()

    def cut(self) -> None:
        """Close every connection through the proxy and refuse new ones."""
        self._call(self._cut())

    def resume(self) -> None:
        """Accept connections again, on the same port."""
        self._call(self._listen())

    def stall(self) -> None:
        """Keep every connection open but forward nothing (accepted data waits)."""
        assert self._flowing is not None
        self._loop.call_soon_threadsafe(self._flowing.clear)

    def flow(self) -> None:
        """Forward again, what waited first."""
        assert self._flowing is not None
        self._loop.call_soon_threadsafe(self._flowing.set)

    def stop(self) -> None:
        self._call(self._cut())
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(5)
