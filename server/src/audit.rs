//! The audit log: every view, export and change of a case and every sign-in,
//! with who and when. Written in the same transaction as the change it
//! records where there is one; admins read it in the console.

use sqlx::{Any, Executor};

use crate::clock;

/// Append one entry. `subject` is a tracking code or an account name, never
/// personal data; `detail` is short and free of personal data too.
pub async fn record<'e, E: Executor<'e, Database = Any>>(
    executor: E,
    actor: &str,
    action: &str,
    subject: Option<&str>,
    detail: Option<&str>,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO audit_log (at, actor, action, subject, detail) VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(clock::now_rfc3339())
    .bind(actor)
    .bind(action)
    .bind(subject)
    .bind(detail)
    .execute(executor)
    .await?;
    Ok(())
}
