//! The server's integration tests, one binary (zero2prod's `tests/api/`):
//! in-process tests drive `server::app` with `oneshot`; `binary` runs the
//! real executable. With `JIUZHU_TEST_POSTGRES` set to a PostgreSQL URL
//! every in-process test runs against its own fresh database there instead
//! of SQLite (`cargo xtask test` runs both).

mod applications;
mod binary;
mod console;
mod documents;
mod helpers;
mod http;
mod schema;
