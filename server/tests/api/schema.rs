//! The two migration directories describe the same schema: same files,
//! same tables, same columns in the same order, same indexes.

use std::collections::BTreeMap;

fn read(dir: &str) -> BTreeMap<String, String> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
    std::fs::read_dir(path)
        .unwrap()
        .map(|e| {
            let path = e.unwrap().path();
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            (name, std::fs::read_to_string(path).unwrap())
        })
        .collect()
}

/// `table -> column names` and the index names, from CREATE statements.
fn shape(sql: &str) -> (BTreeMap<String, Vec<String>>, Vec<String>) {
    let mut tables = BTreeMap::new();
    let mut indexes = Vec::new();
    let mut current: Option<(String, Vec<String>)> = None;
    for line in sql.lines().map(|l| l.split("--").next().unwrap().trim()) {
        if let Some(rest) = line.strip_prefix("CREATE TABLE ") {
            current = Some((rest.trim_end_matches(" (").to_owned(), Vec::new()));
        } else if let Some(rest) = line.strip_prefix("CREATE INDEX ") {
            indexes.push(rest.split_whitespace().next().unwrap().to_owned());
        } else if line.starts_with(");") {
            let (name, columns) = current.take().unwrap();
            tables.insert(name, columns);
        } else if let Some((_, columns)) = current.as_mut() {
            let word = line.split_whitespace().next().unwrap_or_default();
            if !word.is_empty() && !matches!(word, "PRIMARY" | "UNIQUE") {
                columns.push(word.to_owned());
            }
        }
    }
    (tables, indexes)
}

#[test]
fn sqlite_and_postgres_migrations_match() {
    let sqlite = read("migrations/sqlite");
    let postgres = read("migrations/postgres");
    assert_eq!(
        sqlite.keys().collect::<Vec<_>>(),
        postgres.keys().collect::<Vec<_>>()
    );
    for (file, sql) in &sqlite {
        let (tables, indexes) = shape(sql);
        assert!(!tables.is_empty(), "{file} creates no table");
        assert_eq!((tables, indexes), shape(&postgres[file]), "{file}");
    }
}
