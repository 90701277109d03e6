"""How Anggaran Terbuka is served (gunicorn reads this file; `make run` uses it).

Sizing, for the 2-core machines Pemda IT provides: a request spends most of its time in Python (building
layouts and figures, 40-75 ms) and little waiting on DuckDB (2-10 ms), so more processes than cores only
add memory and contention. Two workers use both cores; four threads each keep a slow client or a
download from holding a whole core's worth of requests. Rendered pages are cached by data version on
disk and shared by both workers (see `serving/cache.py`), so a third worker would mostly duplicate
memory (~200 MB each).
"""

import os

bind = f"{os.environ.get('HOST', '127.0.0.1')}:{os.environ.get('PORT', '8050')}"
workers = int(os.environ.get("WORKERS", "2"))
worker_class = "gthread"  # threads share one process's DuckDB instance and caches
threads = int(os.environ.get("THREADS", "4"))

# A page render takes well under a second; a worker silent for 30 s is stuck and is replaced. A
# graceful stop lets requests in flight finish for 20 s.
timeout = 30
graceful_timeout = 20
keepalive = 5

# Replace each worker after many requests (jittered so both never restart together): a slow leak in a
# library can never grow without bound. Not fewer: at peak a worker answers ~150 requests/s (mostly from
# the cache), and a restart costs a cold in-memory cache and ~2 s of start-up.
max_requests = 50000
max_requests_jitter = 5000

# Request-line and header limits (gunicorn's own 400 / 431 beyond these). The app also answers 414 for
# a query string over its own limit and 413 for a body over 1 MB (app.py).
limit_request_line = 8190
limit_request_fields = 100
limit_request_field_size = 8190

# Only a reverse proxy on this machine may set X-Forwarded-* (see README, "Behind a reverse proxy").
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")

accesslog = "-"
access_log_format = '%(h)s "%(r)s" %(s)s %(B)s %(M)sms "%(a)s"'
errorlog = "-"
loglevel = os.environ.get("LOG_LEVEL", "info").lower()

# The app is imported in each worker after the fork (no preload): DuckDB connections, caches and
# threads are opened by the worker that uses them, never inherited from the master.
preload_app = False


def post_fork(server, worker):
    """Nothing is opened before the fork; say so in the log, with the worker's pid."""
    server.log.info("worker %s forked; it opens the database read-only on first use", worker.pid)


def post_worker_init(worker):
    """Dash finishes setting itself up on a worker's first request (that is when it registers the script
    paths it serves), and a second thread's first request can run while the first is still at it: after a
    restart, a browser fetching a page's scripts in parallel got a 404 for one of them. So each worker
    makes its first request itself, before it accepts any."""
    worker.wsgi.test_client().get("/_dash-dependencies")
