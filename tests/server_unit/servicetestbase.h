// SPDX-License-Identifier: MIT
#pragma once

// The fixture the unit tests share: a Service on a fresh database with the demo data (40 cases),
// signed-in tokens for alice, bob and carol, and small helpers for the feed and actions.
#include "harness.h"

#include <QMutex>
#include <QSet>
#include <QTest>
#include <QUuid>

namespace outpost::server::testing {
inline const QString kChanges = QStringLiteral("/api/v1/sync/changes");
inline const QString kActions = QStringLiteral("/api/v1/sync/actions");

inline QJsonObject action(const QString &type, const QString &caseId, const QJsonObject &extra = {})
{
    QJsonObject a { { QStringLiteral("id"), QUuid::createUuid().toString(QUuid::WithoutBraces) },
        { QStringLiteral("type"), type }, { QStringLiteral("caseId"), caseId },
        { QStringLiteral("clientTime"), QStringLiteral("2026-11-23T10:00:00Z") } };
    for (auto it = extra.begin(); it != extra.end(); ++it)
        a.insert(it.key(), it.value());
    return a;
}

inline QJsonObject batch(const QJsonArray &actions)
{
    return { { QStringLiteral("deviceId"), QStringLiteral("laptop-1") },
        { QStringLiteral("actions"), actions } };
}

/// Records what the service pushes (the transport's hub is not part of these tests).
class RecordingHub : public http::NotifyHub
{
public:
    void publish(const QSet<QString> &userIds, const QByteArray &text) override
    {
        QMutexLocker lock(&m_mutex);
        for (const QString &u : userIds)
            m_received.append(u + QLatin1Char(' ') + QString::fromUtf8(text));
    }
    void publishAll(const QByteArray &text) override
    {
        QMutexLocker lock(&m_mutex);
        m_received.append(QStringLiteral("* ") + QString::fromUtf8(text));
    }
    int subscriberCount() const override { return 0; }
    QStringList received()
    {
        QMutexLocker lock(&m_mutex);
        return m_received;
    }
    void clear()
    {
        QMutexLocker lock(&m_mutex);
        m_received.clear();
    }

private:
    QMutex m_mutex;
    QStringList m_received;
};

struct Feed {
    QList<QJsonObject> changes;
    QString next;
    int pages = 0;
    int status = 200;
};

class ServiceTestBase : public QObject
{
    Q_OBJECT
public:
    explicit ServiceTestBase(Harness::Backend backend)
        : m_backend(backend)
    { }

protected:
    Harness::Backend m_backend;
    std::unique_ptr<Harness> h;
    QString alice, bob, carol;

    Feed readFeed(const QString &token, const QString &since, int limit = 1000)
    {
        Feed f;
        QString cursor = since;
        for (;;) {
            const auto r = h->call(
                "GET", kChanges + QStringLiteral("?since=%1&limit=%2").arg(cursor).arg(limit), {}, token);
            f.status = r.status;
            if (r.status != 200)
                return f;
            const QJsonObject o = Harness::json(r);
            const QJsonArray page = o.value(QStringLiteral("changes")).toArray();
            if (page.size() > limit)
                qWarning() << "page larger than limit";
            for (const QJsonValue &v : page)
                f.changes.append(v.toObject());
            ++f.pages;
            cursor = o.value(QStringLiteral("next")).toString();
            if (!o.value(QStringLiteral("more")).toBool())
                break;
            if (f.pages > 10000)
                break;
        }
        f.next = cursor;
        return f;
    }

    QJsonObject caseOf(const QString &id)
    {
        return Harness::json(h->call("GET", QStringLiteral("/api/v1/cases/") + id, {}, carol));
    }

    QJsonObject post(const QString &token, const QJsonArray &actions, int *status = nullptr)
    {
        const auto r = h->callJson("POST", kActions, batch(actions), token);
        if (status)
            *status = r.status;
        return Harness::json(r);
    }

    QJsonObject firstResult(const QJsonObject &response)
    {
        return response.value(QStringLiteral("results")).toArray().at(0).toObject();
    }

    /// A case of the given user in the given status from the demo data.
    QString someCase(const QString &assignee, const QString &caseType)
    {
        const Feed f = readFeed(carol, QStringLiteral("0"), 5000);
        for (const QJsonObject &c : f.changes) {
            const QJsonObject d = c.value(QStringLiteral("data")).toObject();
            if (c.value(QStringLiteral("kind")).toString() == QLatin1String("case")
                && d.value(QStringLiteral("assignee")).toString() == assignee
                && d.value(QStringLiteral("caseType")).toString() == caseType
                && !d.value(QStringLiteral("status")).toString().startsWith(QLatin1String("Resolved-")))
                return c.value(QStringLiteral("id")).toString();
        }
        return {};
    }

private Q_SLOTS:
    void initTestCase()
    {
        h = std::make_unique<Harness>(m_backend);
        QString why;
        if (!h->prepare(&why)) {
            if (h->skipOnly())
                QSKIP(qPrintable(why));
            QFAIL(qPrintable(why));
        }
        auto s = h->open(h->options());
        QVERIFY2(s.ok(), qPrintable(s.error().toString()));
        h->setService(std::move(s).value());
        QVERIFY(h->service()->seedDemo(40).ok());
        alice = h->signIn(QStringLiteral("alice"));
        bob = h->signIn(QStringLiteral("bob"));
        carol = h->signIn(QStringLiteral("carol"));
        QVERIFY(!alice.isEmpty() && !bob.isEmpty() && !carol.isEmpty());
    }

    void cleanupTestCase() { h.reset(); }
};

/// Runs a test class once on SQLite and once on PostgreSQL (skipped without OUTPOST_TEST_PG_URL).
template <typename T> int runOnBothDatabases(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    int status = 0;
    {
        T sqlite(Harness::Backend::SQLite);
        status |= QTest::qExec(&sqlite, argc, argv);
    }
    {
        T pg(Harness::Backend::PostgreSQL);
        status |= QTest::qExec(&pg, argc, argv);
    }
    return status;
}

} // namespace outpost::server::testing
