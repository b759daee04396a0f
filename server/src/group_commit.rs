//! Group commit for SQLite filings: one transaction, one `fsync`, for all
//! the applications that arrived while the previous commit was on disk.
//!
//! SQLite takes one writer at a time and, with `synchronous = FULL`, waits
//! for the disk on every commit (several milliseconds on this kind of
//! machine). Committing each filing alone caps filings at a few hundred a
//! second however many arrive at once. Here a single task takes every job
//! waiting, runs them one after another in one transaction, commits once,
//! and only then answers each job: nothing is acknowledged before it is
//! durable.
//!
//! A job that finds its key taken writes nothing and answers `None` (its
//! first statement is an `INSERT … ON CONFLICT DO NOTHING`), so the rest of
//! the group goes on. Any error fails the whole group: it is rolled back and
//! every job gets the error (the app retries with the same idempotency key).

use std::future::Future;
use std::pin::Pin;

use sqlx::AnyConnection;
use tokio::sync::{mpsc, oneshot};

use crate::db::Db;

/// Most jobs in one transaction: bounds the latency a job can add to others.
const MAX_BATCH: usize = 128;

type BoxFuture<'a, T> = Pin<Box<dyn Future<Output = T> + Send + 'a>>;

/// What a job answers: the new row's id, or `None` when it wrote nothing
/// because its unique key was taken.
pub type Answer = Result<Option<i64>, sqlx::Error>;

/// The work of one job, run in the group's transaction.
pub type Work = Box<dyn for<'c> FnOnce(&'c mut AnyConnection) -> BoxFuture<'c, Answer> + Send>;

struct Job {
    work: Work,
    reply: oneshot::Sender<Answer>,
}

/// The queue of the writer task.
#[derive(Clone)]
pub struct GroupCommit {
    jobs: mpsc::Sender<Job>,
}

impl GroupCommit {
    /// Start the writer task. It takes `turn` for each batch, the lock other
    /// SQLite writers (the console's) take too.
    pub fn start(db: Db, turn: std::sync::Arc<tokio::sync::Mutex<()>>) -> GroupCommit {
        let (jobs, queue) = mpsc::channel(4 * MAX_BATCH);
        tokio::spawn(writer(db, turn, queue));
        GroupCommit { jobs }
    }

    /// Run `work` in the next batch; resolves once the batch is committed
    /// (or with the job's own error, or the commit's).
    pub async fn run(&self, work: Work) -> Answer {
        let (reply, answer) = oneshot::channel();
        self.jobs
            .send(Job { work, reply })
            .await
            .map_err(|_| sqlx::Error::PoolClosed)?;
        answer.await.map_err(|_| sqlx::Error::PoolClosed)?
    }
}

async fn writer(
    db: Db,
    turn: std::sync::Arc<tokio::sync::Mutex<()>>,
    mut queue: mpsc::Receiver<Job>,
) {
    let mut batch = Vec::with_capacity(MAX_BATCH);
    while queue.recv_many(&mut batch, MAX_BATCH).await > 0 {
        let _turn = turn.lock().await;
        run_batch(&db, std::mem::take(&mut batch)).await;
    }
}

/// Run every job, commit, then answer each job. If anything fails (a job,
/// the commit) no job is durable: the transaction is rolled back (by being
/// dropped) and every job gets an error (a job not reached yet sees its
/// answer dropped, which `run` reports as an error too).
async fn run_batch(db: &Db, jobs: Vec<Job>) {
    let mut done = Vec::with_capacity(jobs.len());
    let committed: Result<(), sqlx::Error> = async {
        let mut tx = db.begin().await?;
        for Job { work, reply } in jobs {
            let id = work(&mut tx).await?;
            done.push((reply, id));
        }
        tx.commit().await
    }
    .await;
    match committed {
        Ok(()) => {
            for (reply, id) in done {
                // The client may have gone; the case stands all the same.
                let _ = reply.send(Ok(id));
            }
        }
        Err(e) => {
            tracing::error!(error = %e, jobs = done.len(), "group commit failed");
            for (reply, _) in done {
                let _ = reply.send(Err(sqlx::Error::Protocol("group commit failed".to_owned())));
            }
        }
    }
}
