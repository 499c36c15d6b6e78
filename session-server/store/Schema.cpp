#include "store/Schema.h"

#include "log/ChamberLog.h"
#include "store/Search.h"

namespace chamber::store {

const std::vector<Migration>& schemaMigrations() {
  static const std::vector<Migration> steps = {
      // 0 -> 1: the event log and what hangs off it.
      [](Database& db) {
        db.exec(R"(
          CREATE TABLE events(
            seq INTEGER PRIMARY KEY,
            ts_ms INTEGER NOT NULL,
            sitting INTEGER NOT NULL,
            actor TEXT NOT NULL,
            kind TEXT NOT NULL,
            audience INTEGER NOT NULL,
            subject TEXT NOT NULL,
            data TEXT NOT NULL,
            prev_hash TEXT NOT NULL,
            hash TEXT NOT NULL);
          CREATE TRIGGER events_append_only_update BEFORE UPDATE ON events
            BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END;
          CREATE TRIGGER events_append_only_delete BEFORE DELETE ON events
            BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END;
          -- The reply to every command, so that a retry gets the same answer.
          CREATE TABLE command_replies(
            principal TEXT NOT NULL, client_id TEXT NOT NULL, reply TEXT NOT NULL,
            PRIMARY KEY(principal, client_id)) WITHOUT ROWID;
          -- Secret ballots: a random key orders the rows; no voter, no time, no sequence.
          CREATE TABLE secret_ballots(
            id BLOB PRIMARY KEY, sitting INTEGER NOT NULL, vote TEXT NOT NULL,
            choices TEXT NOT NULL) WITHOUT ROWID;
          CREATE TABLE delegates(
            id TEXT PRIMARY KEY, seat INTEGER NOT NULL UNIQUE, name TEXT NOT NULL,
            title TEXT NOT NULL DEFAULT '', role TEXT NOT NULL,
            in_office INTEGER NOT NULL DEFAULT 1, pin_hash TEXT NOT NULL DEFAULT '');
          CREATE TABLE accounts(
            id TEXT PRIMARY KEY, name TEXT NOT NULL, title TEXT NOT NULL DEFAULT '',
            role TEXT NOT NULL, secret_hash TEXT NOT NULL);
          CREATE TABLE tokens(
            token_hash TEXT PRIMARY KEY, principal TEXT NOT NULL, role TEXT NOT NULL,
            label TEXT NOT NULL DEFAULT '', created_ms INTEGER NOT NULL,
            revoked INTEGER NOT NULL DEFAULT 0);
          CREATE TABLE documents(
            sha256 TEXT PRIMARY KEY, title TEXT NOT NULL, filename TEXT NOT NULL,
            mime TEXT NOT NULL, size INTEGER NOT NULL, classified INTEGER NOT NULL DEFAULT 0,
            created_ms INTEGER NOT NULL);
        )");
      },
      // 1 -> 2: reading one sitting's events (exports, the portal) without a scan.
      [](Database& db) { db.exec("CREATE INDEX events_by_sitting ON events(sitting, seq)"); },
      // 2 -> 3: published documents with the fields Decree 42/2022 asks for.
      [](Database& db) {
        db.exec(R"(
          CREATE TABLE publications(
            sha256 TEXT PRIMARY KEY REFERENCES documents(sha256), type TEXT NOT NULL,
            number TEXT NOT NULL UNIQUE, title TEXT NOT NULL, summary TEXT NOT NULL DEFAULT '',
            issuer TEXT NOT NULL, signer TEXT NOT NULL DEFAULT '', issued TEXT NOT NULL,
            effective TEXT NOT NULL DEFAULT '', sitting INTEGER NOT NULL DEFAULT 0,
            item TEXT NOT NULL DEFAULT '', published_ms INTEGER NOT NULL);
        )");
      },
      // 3 -> 4: secret choices are no longer stored at all (store/SecretBallots.h). The
      // rows of earlier releases are overwritten (secure_delete) and the table dropped;
      // closed votes keep their tally in vote.closed, open ones are voided at start.
      [](Database& db) { db.exec("DELETE FROM secret_ballots; DROP TABLE secret_ballots;"); },
      // 4 -> 5: device tokens expire; those of earlier releases 30 days after their issue.
      [](Database& db) {
        db.exec(
            "ALTER TABLE tokens ADD COLUMN expires_ms INTEGER NOT NULL DEFAULT 0;"
            "UPDATE tokens SET expires_ms = created_ms + 30 * 86400000;");
      },
      // 5 -> 6: the papers after the sitting. A stored PDF keeps what its signatures were
      // found to be when it arrived; a publication, when the vote that adopted it closed (the
      // time to publication is shown).
      [](Database& db) {
        db.exec(
            "ALTER TABLE documents ADD COLUMN signatures TEXT NOT NULL DEFAULT '[]';"
            "ALTER TABLE publications ADD COLUMN adopted_ms INTEGER NOT NULL DEFAULT 0;");
      },
      // 6 -> 7: citizens' petitions and search. Who sent a petition is personal data, kept
      // apart from the log (store/PetitionSenders.h); the full-text index of the portal's
      // texts uses the tokenizer that folds Vietnamese diacritics (store/Search.h).
      [](Database& db) {
        registerVietnameseTokenizer(db);
        db.exec(R"(
          CREATE TABLE petition_senders(
            id INTEGER PRIMARY KEY, code TEXT NOT NULL, name TEXT NOT NULL DEFAULT '',
            contact TEXT NOT NULL DEFAULT '', contact_key TEXT NOT NULL DEFAULT '',
            consent_ms INTEGER NOT NULL, created_ms INTEGER NOT NULL);
          CREATE INDEX petition_senders_by_code ON petition_senders(code);
          CREATE INDEX petition_senders_by_contact ON petition_senders(contact_key, created_ms);
          CREATE VIRTUAL TABLE search USING fts5(
            kind UNINDEXED, ref UNINDEXED, page UNINDEXED, title, body,
            tokenize = 'vietnamese');
          -- Which rows of the index hold what (FTS5 cannot look its UNINDEXED columns up).
          CREATE TABLE search_rows(
            kind TEXT NOT NULL, ref TEXT NOT NULL, row INTEGER NOT NULL,
            PRIMARY KEY(kind, ref, row)) WITHOUT ROWID;
        )");
      },
      // 7 -> 8: a stored reply keeps the digest of its command: the same id sent again with
      // another command is refused (id_reused), never answered with the first one's reply.
      // Replies of earlier releases have none and answer any retry as before.
      [](Database& db) {
        db.exec("ALTER TABLE command_replies ADD COLUMN digest TEXT NOT NULL DEFAULT ''");
      },
  };
  return steps;
}

void ensureSchema(Database& db) {
  registerVietnameseTokenizer(db);  // the search index needs it on every connection
  const int before = db.userVersion();
  migrate(db, schemaMigrations());
  // The WAL may still hold pages of what a migration overwrote (e.g. old secret ballots):
  // write it into the database and empty it.
  const int after = static_cast<int>(schemaMigrations().size());
  if (before < after) {
    db.exec("PRAGMA wal_checkpoint(TRUNCATE)");
    if (before > 0)
      log::get("store")->info("database migrated from schema {} to {}", before, after);
  }
}

}  // namespace chamber::store
