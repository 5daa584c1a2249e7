"""gunicorn settings of the site (`gunicorn -c python:dashboard.gunicorn_conf …`; the Makefile and
the tests use it; `--bind`, `--workers` and the like on the command line override it).

- No control socket: gunicorn 23+ otherwise opens `~/.gunicorn/gunicorn.ctl`, one path shared by
  every instance of the user, so a second instance takes it over and removes it on exit.
- Request line, header count and header size limits; a worker silent for `timeout` seconds is
  restarted (per-request limits of the expensive routes are in dashboard/limits.py).
"""

workers = 2
threads = 4
timeout = 60
graceful_timeout = 20
keepalive = 5
limit_request_line = 4094
limit_request_fields = 60
limit_request_field_size = 8190
control_socket_disable = True
