//! `jiuzhu-server users …`: console accounts, managed by whoever runs the
//! server (no account and no default password ship with the software).

use std::io::{BufRead, IsTerminal};

use rules_core::packs;

use crate::auth::{MIN_PASSWORD_CHARS, hash_password};
use crate::config::UsersCommand;
use crate::db::Db;
use crate::workflow::Role;
use crate::{audit, clock};

/// Read a new password: twice without echo at a terminal, else the first
/// line of standard input (for scripts).
fn read_password() -> Result<String, String> {
    let password = if std::io::stdin().is_terminal() {
        let first = rpassword::prompt_password("password: ").map_err(|e| e.to_string())?;
        let second = rpassword::prompt_password("again: ").map_err(|e| e.to_string())?;
        if first != second {
            return Err("the two passwords differ".to_owned());
        }
        first
    } else {
        let mut line = String::new();
        std::io::stdin()
            .lock()
            .read_line(&mut line)
            .map_err(|e| format!("cannot read the password from standard input: {e}"))?;
        line.trim_end_matches(['\r', '\n']).to_owned()
    };
    if password.chars().count() < MIN_PASSWORD_CHARS {
        return Err(format!(
            "the password must have at least {MIN_PASSWORD_CHARS} characters"
        ));
    }
    Ok(password)
}

fn check_username(username: &str) -> Result<(), String> {
    let ok = (3..=32).contains(&username.len())
        && username.bytes().all(|b| {
            b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_' || b == b'-' || b == b'.'
        });
    if ok {
        Ok(())
    } else {
        Err("a username is 3–32 of a-z 0-9 . _ -".to_owned())
    }
}

fn check_account(
    username: &str,
    name: &str,
    office: &str,
    jurisdictions: &[String],
) -> Result<(), String> {
    check_username(username)?;
    if name.trim().is_empty() || office.trim().is_empty() {
        return Err("--name and --office must not be empty".to_owned());
    }
    if jurisdictions.is_empty() {
        return Err("at least one --jurisdiction is needed".to_owned());
    }
    for code in jurisdictions {
        if !packs::embedded_ref()
            .iter()
            .any(|p| &p.jurisdiction.code == code)
        {
            return Err(format!(
                "unknown jurisdiction {code:?} (see `screen --list-packs`)"
            ));
        }
    }
    Ok(())
}

/// Create an account (also used by the tests, which have no terminal).
pub async fn create(
    db: &Db,
    username: &str,
    name: &str,
    role: Role,
    office: &str,
    jurisdictions: &[String],
    password: &str,
) -> Result<(), String> {
    let db_err = |e: sqlx::Error| format!("database: {e}");
    check_account(username, name, office, jurisdictions)?;
    if password.chars().count() < MIN_PASSWORD_CHARS {
        return Err(format!(
            "the password must have at least {MIN_PASSWORD_CHARS} characters"
        ));
    }
    let password = password.to_owned();
    let hash = tokio::task::spawn_blocking(move || hash_password(&password))
        .await
        .map_err(|e| e.to_string())?;
    let mut tx = db.begin().await.map_err(db_err)?;
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO workers (username, display_name, role, office, password_hash, disabled, created_at) \
         VALUES ($1, $2, $3, $4, $5, 0, $6) RETURNING id",
    )
    .bind(username)
    .bind(name.trim())
    .bind(role.as_str())
    .bind(office.trim())
    .bind(&hash)
    .bind(clock::now_rfc3339())
    .fetch_one(&mut *tx)
    .await
    .map_err(|e| match &e {
        sqlx::Error::Database(d) if d.is_unique_violation() => {
            format!("the account {username} exists already")
        }
        _ => db_err(e),
    })?;
    for code in jurisdictions {
        sqlx::query(
            "INSERT INTO worker_jurisdictions (worker_id, jurisdiction) VALUES ($1, $2) \
             ON CONFLICT DO NOTHING",
        )
        .bind(id)
        .bind(code)
        .execute(&mut *tx)
        .await
        .map_err(db_err)?;
    }
    audit::record(
        &mut *tx,
        "server-cli",
        "account.add",
        Some(username),
        Some(role.as_str()),
    )
    .await
    .map_err(db_err)?;
    tx.commit().await.map_err(db_err)
}

/// Run one `users` command against the database; the message says what was done.
pub async fn run(db: &Db, command: UsersCommand) -> Result<String, String> {
    let db_err = |e: sqlx::Error| format!("database: {e}");
    match command {
        UsersCommand::Add {
            username,
            name,
            role,
            office,
            jurisdictions,
        } => {
            let role = Role::parse(&role)
                .ok_or_else(|| format!("unknown role {role:?}: township, county or admin"))?;
            // Check everything else before asking for a password.
            check_account(&username, &name, &office, &jurisdictions)?;
            if account_id(db, &username).await.is_ok() {
                return Err(format!("the account {username} exists already"));
            }
            let password = read_password()?;
            create(
                db,
                &username,
                &name,
                role,
                &office,
                &jurisdictions,
                &password,
            )
            .await?;
            Ok(format!(
                "created {username} ({}) for {}",
                role.as_str(),
                jurisdictions.join(", ")
            ))
        }
        UsersCommand::List => {
            let rows: Vec<(i64, String, String, String, String, i64)> = sqlx::query_as(
                "SELECT id, username, display_name, role, office, disabled FROM workers ORDER BY username",
            )
            .fetch_all(db)
            .await
            .map_err(db_err)?;
            let mut out = String::new();
            for (id, username, name, role, office, disabled) in rows {
                let codes: Vec<String> = sqlx::query_scalar(
                    "SELECT jurisdiction FROM worker_jurisdictions WHERE worker_id = $1 ORDER BY jurisdiction",
                )
                .bind(id)
                .fetch_all(db)
                .await
                .map_err(db_err)?;
                let state = if disabled != 0 { "disabled" } else { "active" };
                out.push_str(&format!(
                    "{username}\t{role}\t{state}\t{}\t{name}\t{office}\n",
                    codes.join(",")
                ));
            }
            if out.is_empty() {
                out.push_str("no accounts yet: create one with `jiuzhu-server users add`\n");
            }
            Ok(out.trim_end().to_owned())
        }
        UsersCommand::Passwd { username } => {
            let id = account_id(db, &username).await?;
            let password = read_password()?;
            let hash = tokio::task::spawn_blocking(move || hash_password(&password))
                .await
                .map_err(|e| e.to_string())?;
            let mut tx = db.begin().await.map_err(db_err)?;
            sqlx::query("UPDATE workers SET password_hash = $1 WHERE id = $2")
                .bind(&hash)
                .bind(id)
                .execute(&mut *tx)
                .await
                .map_err(db_err)?;
            end_sessions(&mut tx, id).await.map_err(db_err)?;
            audit::record(
                &mut *tx,
                "server-cli",
                "account.passwd",
                Some(&username),
                None,
            )
            .await
            .map_err(db_err)?;
            tx.commit().await.map_err(db_err)?;
            Ok(format!(
                "new password set for {username}; its sessions ended"
            ))
        }
        UsersCommand::Disable { username } => set_disabled(db, &username, true).await,
        UsersCommand::Enable { username } => set_disabled(db, &username, false).await,
    }
}

async fn account_id(db: &Db, username: &str) -> Result<i64, String> {
    sqlx::query_scalar("SELECT id FROM workers WHERE username = $1")
        .bind(username)
        .fetch_optional(db)
        .await
        .map_err(|e| format!("database: {e}"))?
        .ok_or_else(|| format!("no account {username}"))
}

async fn end_sessions(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    id: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM sessions WHERE worker_id = $1")
        .bind(id)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

async fn set_disabled(db: &Db, username: &str, disabled: bool) -> Result<String, String> {
    let db_err = |e: sqlx::Error| format!("database: {e}");
    let id = account_id(db, username).await?;
    let mut tx = db.begin().await.map_err(db_err)?;
    sqlx::query("UPDATE workers SET disabled = $1 WHERE id = $2")
        .bind(i64::from(disabled))
        .bind(id)
        .execute(&mut *tx)
        .await
        .map_err(db_err)?;
    if disabled {
        end_sessions(&mut tx, id).await.map_err(db_err)?;
    }
    let action = if disabled {
        "account.disable"
    } else {
        "account.enable"
    };
    audit::record(&mut *tx, "server-cli", action, Some(username), None)
        .await
        .map_err(db_err)?;
    tx.commit().await.map_err(db_err)?;
    Ok(if disabled {
        format!("{username} disabled; its sessions ended")
    } else {
        format!("{username} enabled")
    })
}
