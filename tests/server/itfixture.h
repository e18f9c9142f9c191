// SPDX-License-Identifier: MIT
// Shared helpers of the outpostd integration tests (real process, real HTTP).
#pragma once

#include "httpclient.h"
#include "outpostdprocess.h"
#include "testdatabase.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>
#include <QUuid>

namespace outpost::testing {

/// Creates `database` (QSKIP when PostgreSQL is not configured) and starts `server` on it with the
/// demo data set of `demoCases` cases (no demo data when negative). Use inside a test function.
#define OUTPOST_START_SERVER(database, server, cases_)                                                       \
    do {                                                                                                     \
        QString why_;                                                                                        \
        if (!(database).create(&why_)) {                                                                     \
            if ((database).skipOnly())                                                                       \
                QSKIP(qPrintable(why_));                                                                     \
            QFAIL(qPrintable(why_));                                                                         \
        }                                                                                                    \
        ::outpost::testing::OutpostdProcess::Options o_;                                                     \
        o_.dbUrl = (database).url();                                                                         \
        o_.demo = (cases_) >= 0;                                                                             \
        o_.demoCases = qMax(0, int(cases_));                                                                 \
        QVERIFY2((server).start(o_, &why_), qPrintable(why_));                                               \
    } while (false)

/// A client of `server` signed in as `user` (demo password = user name).
#define OUTPOST_SIGNED_IN(client, server, user)                                                              \
    ::outpost::testing::HttpClient client((server).baseUrl());                                               \
    do {                                                                                                     \
        ::outpost::testing::HttpReply r_;                                                                    \
        client.setToken(client.signIn(QStringLiteral(user), QStringLiteral(user), {}, &r_));                 \
        QVERIFY2(!client.token().isEmpty(), qPrintable(r_.describe()));                                      \
    } while (false)

inline QString newUuid()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

/// One action object.
inline QJsonObject action(const QString &type, const QString &caseId, const QJsonObject &extra = {})
{
    QJsonObject a = extra;
    a.insert(QStringLiteral("id"), newUuid());
    a.insert(QStringLiteral("type"), type);
    a.insert(QStringLiteral("caseId"), caseId);
    a.insert(QStringLiteral("clientTime"), QStringLiteral("2026-11-23T09:00:00Z"));
    return a;
}

/// {"deviceId", "actions": [...]}.
inline QJsonObject batch(const QJsonArray &actions, const QString &device = QStringLiteral("it-device"))
{
    return { { QStringLiteral("deviceId"), device }, { QStringLiteral("actions"), actions } };
}

/// Every change of a full (or delta from `since`) feed, following `next`; `pages` counts the pages.
/// Fails the current test (returns empty) on a non-200 page.
inline QJsonArray readFeed(
    HttpClient &c, QString *next, const QString &since = {}, int limit = 1000, int *pages = nullptr)
{
    QJsonArray all;
    QString token = since;
    for (int page = 0; page < 10000; ++page) {
        QString path = QStringLiteral("/api/v1/sync/changes?limit=%1").arg(limit);
        if (!token.isEmpty())
            path += QStringLiteral("&since=") + QString::fromLatin1(QUrl::toPercentEncoding(token));
        const HttpReply r = c.get(path);
        if (r.status != 200) {
            qWarning("feed page failed: %s", qPrintable(r.describe()));
            return {};
        }
        const QJsonObject o = r.json();
        for (const auto &ch : o.value(QStringLiteral("changes")).toArray())
            all.append(ch);
        token = o.value(QStringLiteral("next")).toString();
        if (pages)
            *pages = page + 1;
        if (!o.value(QStringLiteral("more")).toBool())
            break;
    }
    *next = token;
    return all;
}

} // namespace outpost::testing
