// SPDX-License-Identifier: MIT
#pragma once

#include <QList>
#include <QMetaType>
#include <QString>
#include <QVariant>

#include <optional>

namespace outpost::testing {

/// A fresh, empty database for one test (or one data row):
/// - SQLite: a file in a private temp dir;
/// - PostgreSQL: `CREATE DATABASE outpost_it_<random>` on the cluster named by the environment
///   variable OUTPOST_TEST_PG_URL (a postgresql:// URL of any database on it with the right to
///   create databases), dropped again (WITH (FORCE)) by the destructor.
///
/// Typical data-driven use:
/// \code
///   void tst::health_data() { TestDatabase::addColumns(); }
///   void tst::health() {
///       QFETCH(TestDatabase::Kind, db);
///       TestDatabase database(db);
///       QString why;
///       if (!database.create(&why)) QSKIP(qPrintable(why));
///       ... database.url() ...
///   }
/// \endcode
class TestDatabase
{
public:
    enum class Kind { SQLite, PostgreSQL };

    explicit TestDatabase(Kind kind);
    ~TestDatabase();
    TestDatabase(const TestDatabase &) = delete;
    TestDatabase &operator=(const TestDatabase &) = delete;

    /// Creates the database. False with the reason when it cannot: for PostgreSQL without
    /// OUTPOST_TEST_PG_URL the reason says so (callers QSKIP with it); other failures are real
    /// errors (callers QFAIL, see skipOnly()).
    bool create(QString *why);
    /// True when the last create() failed only because PostgreSQL is not configured.
    bool skipOnly() const { return m_skipOnly; }

    Kind kind() const { return m_kind; }
    QString url() const { return m_url; } // "sqlite:/tmp/.../outpostd.sqlite" or "postgresql://..."
    QString directory() const; // a private temp dir that lives as long as this object
    static QString name(Kind kind); // "sqlite" / "postgresql"

    /// Adds the column `db` (TestDatabase::Kind) and the rows "sqlite" and "postgresql".
    static void addColumns();

    /// Runs one SQL statement on the PostgreSQL cluster (the database of `url`), false + reason on error.
    static bool pgExec(const QString &url, const QString &sql, QString *why);
    /// Runs one SQL statement directly on the database of `url` ("sqlite:PATH" or "postgresql://…"),
    /// on a connection of its own, beside the service: to look at what the service stored, or to
    /// break it on purpose. The rows it returned (empty for statements without any); nullopt and
    /// the reason when it failed.
    static std::optional<QList<QVariantList>> sql(const QString &url, const QString &statement, QString *why);
    /// The first column of the first row of `statement` on `url`, or an invalid QVariant (with a
    /// warning) when it failed or returned nothing.
    static QVariant scalar(const QString &url, const QString &statement);

private:
    struct Private;
    Kind m_kind;
    QString m_url;
    QString m_adminUrl;
    QString m_pgName;
    bool m_skipOnly = false;
    Private *d;
};

} // namespace outpost::testing

Q_DECLARE_METATYPE(outpost::testing::TestDatabase::Kind)
