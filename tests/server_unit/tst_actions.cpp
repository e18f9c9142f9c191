// SPDX-License-Identifier: MIT
// Unit tests of outpostd: actions, attachments, push hints, concurrent writers.
// Service::handler().handle() without sockets, on a temp SQLite file and on a fresh PostgreSQL database.
#include "servicetestbase.h"

#include <QCryptographicHash>
#include <QScopeGuard>
#include <QThread>

using namespace outpost;
using namespace outpost::server;
using namespace outpost::server::testing;

class TestActions : public ServiceTestBase
{
    Q_OBJECT
public:
    using ServiceTestBase::ServiceTestBase;

private Q_SLOTS:
    void createWithTempIdThenUpdateLater()
    {
        const QString tmp = QStringLiteral("tmp-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
        QJsonObject create = action(QStringLiteral("create"), tmp,
            { { QStringLiteral("caseType"), QStringLiteral("repair") },
                { QStringLiteral("fields"),
                    QJsonObject { { QStringLiteral("site"), QStringLiteral("S-007") },
                        { QStringLiteral("reportedAt"), QStringLiteral("2026-11-23T08:00:00Z") } } } });
        QJsonObject res = firstResult(post(alice, { create }));
        QCOMPARE(res.value(QStringLiteral("status")).toString(), QStringLiteral("applied"));
        const QString id = res.value(QStringLiteral("caseId")).toString();
        QVERIFY(id.startsWith(QLatin1String("C-")));
        QCOMPARE(res.value(QStringLiteral("mappedIds")).toObject().value(tmp).toString(), id);
        QCOMPARE(res.value(QStringLiteral("etag")).toString(), QStringLiteral("\"1\""));
        // A later request still uses the temp id.
        res = firstResult(post(alice,
            { action(QStringLiteral("update"), tmp,
                { { QStringLiteral("baseEtag"), QStringLiteral("\"1\"") },
                    { QStringLiteral("fields"), QJsonObject { { QStringLiteral("urgent"), true } } } }) }));
        QCOMPARE(res.value(QStringLiteral("status")).toString(), QStringLiteral("applied"));
        QCOMPARE(res.value(QStringLiteral("caseId")).toString(), id);
        QCOMPARE(
            caseOf(id).value(QStringLiteral("fields")).toObject().value(QStringLiteral("urgent")).toBool(),
            true);
        // An administrator creating a case for a queue leaves it in the queue's pool.
        const QString tmp2 = QStringLiteral("tmp-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
        res = firstResult(post(carol,
            { action(QStringLiteral("create"), tmp2,
                { { QStringLiteral("caseType"), QStringLiteral("installation") },
                    { QStringLiteral("queue"), QStringLiteral("south") },
                    { QStringLiteral("fields"),
                        QJsonObject { { QStringLiteral("site"), QStringLiteral("S-002") },
                            { QStringLiteral("kind"), QStringLiteral("battery") } } } }) }));
        QCOMPARE(res.value(QStringLiteral("status")).toString(), QStringLiteral("applied"));
        QVERIFY(res.value(QStringLiteral("case")).toObject().value(QStringLiteral("assignee")).isNull());
        QCOMPARE(
            h->call("GET", QStringLiteral("/api/v1/cases/") + res.value(QStringLiteral("caseId")).toString(),
                 {}, bob)
                .status,
            200);
        QCOMPARE(
            h->call("GET", QStringLiteral("/api/v1/cases/") + res.value(QStringLiteral("caseId")).toString(),
                 {}, alice)
                .status,
            404);
        // bob cannot use alice's temp ids.
        res = firstResult(post(bob,
            { action(QStringLiteral("note"), tmp, { { QStringLiteral("text"), QStringLiteral("hi") } }) }));
        QCOMPARE(res.value(QStringLiteral("status")).toString(), QStringLiteral("gone"));
    }

    void exactlyOnceOnRetry()
    {
        const QString id = someCase(QStringLiteral("alice"), QStringLiteral("installation"));
        const QString etag = caseOf(id).value(QStringLiteral("etag")).toString();
        const QJsonArray actions {
            action(QStringLiteral("update"), id,
                { { QStringLiteral("baseEtag"), etag },
                    { QStringLiteral("fields"), QJsonObject { { QStringLiteral("capacityKw"), 77 } } } }),
            action(
                QStringLiteral("note"), id, { { QStringLiteral("text"), QStringLiteral("Gate code 4711") } })
        };
        const QJsonObject first = post(alice, actions);
        const QJsonObject second = post(alice, actions);
        QCOMPARE(second, first);
        QCOMPARE(firstResult(first).value(QStringLiteral("status")).toString(), QStringLiteral("applied"));
        const QJsonArray entries
            = Harness::json(h->call("GET", QStringLiteral("/api/v1/cases/%1/history").arg(id), {}, alice))
                  .value(QStringLiteral("entries"))
                  .toArray();
        int updates = 0, notes = 0;
        for (const QJsonValue &e : entries) {
            const QJsonObject o = e.toObject();
            if (o.value(QStringLiteral("action")).toString() == QLatin1String("update")) {
                ++updates;
                QCOMPARE(o.value(QStringLiteral("changes"))
                             .toObject()
                             .value(QStringLiteral("capacityKw"))
                             .toArray()
                             .at(1)
                             .toInt(),
                    77);
                QCOMPARE(o.value(QStringLiteral("by")).toString(), QStringLiteral("alice"));
                QCOMPARE(o.value(QStringLiteral("deviceId")).toString(), QStringLiteral("laptop-1"));
                QCOMPARE(
                    o.value(QStringLiteral("clientTime")).toString(), QStringLiteral("2026-11-23T10:00:00Z"));
            }
            if (o.value(QStringLiteral("action")).toString() == QLatin1String("note")) {
                ++notes;
                QCOMPARE(o.value(QStringLiteral("text")).toString(), QStringLiteral("Gate code 4711"));
            }
        }
        QCOMPARE(updates, 1);
        QCOMPARE(notes, 1);
        QCOMPARE(caseOf(id).value(QStringLiteral("etag")).toString(),
            firstResult(first).value(QStringLiteral("etag")).toString());

        // Same id, other payload: id_reused, nothing changed.
        QJsonObject reused = actions.at(0).toObject();
        reused.insert(QStringLiteral("fields"), QJsonObject { { QStringLiteral("capacityKw"), 1 } });
        const QJsonObject res = firstResult(post(alice, { reused }));
        QCOMPARE(res.value(QStringLiteral("status")).toString(), QStringLiteral("rejected"));
        QCOMPARE(res.value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString(),
            QStringLiteral("id_reused"));
        QCOMPARE(
            caseOf(id).value(QStringLiteral("fields")).toObject().value(QStringLiteral("capacityKw")).toInt(),
            77);
    }

    void manyActionsAndRepeatedIdsInOneRequest()
    {
        // 130 notes (more than one stored-result lookup and several multi-row inserts), with the first
        // id once more in the same request (same payload: the stored result) and once with another
        // payload (id_reused); then the whole request again: every result as before, nothing twice.
        const QString id = someCase(QStringLiteral("alice"), QStringLiteral("repair"));
        QVERIFY(!id.isEmpty());
        auto historyCount = [&] {
            return Harness::json(
                h->call("GET", QStringLiteral("/api/v1/cases/%1/history").arg(id), {}, alice))
                .value(QStringLiteral("entries"))
                .toArray()
                .size();
        };
        const qsizetype before = historyCount();
        QJsonArray actions;
        for (int i = 0; i < 130; ++i)
            actions.append(action(
                QStringLiteral("note"), id, { { QStringLiteral("text"), QStringLiteral("n%1").arg(i) } }));
        const QJsonObject firstNote = actions.at(0).toObject();
        actions.append(firstNote);
        QJsonObject changed = firstNote;
        changed.insert(QStringLiteral("text"), QStringLiteral("other"));
        actions.append(changed);
        const QJsonObject first = post(alice, actions);
        const QJsonArray results = first.value(QStringLiteral("results")).toArray();
        QCOMPARE(results.size(), 132);
        for (int i = 0; i < 130; ++i)
            QCOMPARE(results.at(i).toObject().value(QStringLiteral("status")).toString(),
                QStringLiteral("applied"));
        QCOMPARE(results.at(130).toObject(), results.at(0).toObject());
        QCOMPARE(results.at(131)
                     .toObject()
                     .value(QStringLiteral("error"))
                     .toObject()
                     .value(QStringLiteral("code"))
                     .toString(),
            QStringLiteral("id_reused"));
        QCOMPARE(historyCount(), before + 130);
        QCOMPARE(post(alice, actions), first);
        QCOMPARE(historyCount(), before + 130);
    }

    void oneCaseChangedSeveralTimesInOneRequest()
    {
        // The request's cases are read once up front; every later action on the same case must see
        // what the earlier ones did: the second update is based on the first one's etag (a conflict
        // if it met the case as loaded), and the note's answer carries the case after both.
        const QString id = someCase(QStringLiteral("alice"), QStringLiteral("repair"));
        QVERIFY(!id.isEmpty());
        const QJsonObject before = caseOf(id);
        const QString etag = before.value(QStringLiteral("etag")).toString();
        const qint64 version = etag.mid(1, etag.size() - 2).toLongLong();
        const QString next = QStringLiteral("\"%1\"").arg(version + 1);
        const bool urgent
            = !before.value(QStringLiteral("fields")).toObject().value(QStringLiteral("urgent")).toBool();
        const QJsonObject results = post(alice,
            { action(QStringLiteral("update"), id,
                  { { QStringLiteral("baseEtag"), etag },
                      { QStringLiteral("fields"), QJsonObject { { QStringLiteral("urgent"), urgent } } } }),
                action(QStringLiteral("update"), id,
                    { { QStringLiteral("baseEtag"), next },
                        { QStringLiteral("fields"),
                            QJsonObject {
                                { QStringLiteral("notes"), QStringLiteral("second \"edit\"") } } } }),
                action(
                    QStringLiteral("note"), id, { { QStringLiteral("text"), QStringLiteral("after both") } }),
                action(QStringLiteral("update"), id,
                    { { QStringLiteral("baseEtag"), etag },
                        { QStringLiteral("fields"),
                            QJsonObject { { QStringLiteral("urgent"), !urgent } } } }) });
        const QJsonArray r = results.value(QStringLiteral("results")).toArray();
        QCOMPARE(r.size(), 4);
        QCOMPARE(r.at(0).toObject().value(QStringLiteral("status")).toString(), QStringLiteral("applied"));
        QCOMPARE(r.at(0).toObject().value(QStringLiteral("etag")).toString(), next);
        QCOMPARE(r.at(1).toObject().value(QStringLiteral("status")).toString(), QStringLiteral("applied"));
        QCOMPARE(r.at(2).toObject().value(QStringLiteral("status")).toString(), QStringLiteral("applied"));
        const QJsonObject afterNote = r.at(2).toObject().value(QStringLiteral("case")).toObject();
        QCOMPARE(
            afterNote.value(QStringLiteral("etag")).toString(), QStringLiteral("\"%1\"").arg(version + 2));
        QCOMPARE(
            afterNote.value(QStringLiteral("fields")).toObject().value(QStringLiteral("urgent")).toBool(),
            urgent);
        QCOMPARE(
            afterNote.value(QStringLiteral("fields")).toObject().value(QStringLiteral("notes")).toString(),
            QStringLiteral("second \"edit\""));
        // The last update still names the first etag: the case moved on within this request.
        QCOMPARE(r.at(3).toObject().value(QStringLiteral("status")).toString(), QStringLiteral("conflict"));
        QCOMPARE(
            caseOf(id).value(QStringLiteral("etag")).toString(), QStringLiteral("\"%1\"").arg(version + 2));
        QCOMPARE(caseOf(id).value(QStringLiteral("fields")).toObject(),
            afterNote.value(QStringLiteral("fields")).toObject());
    }

    void awkwardTextArrivesIntact()
    {
        // Quotes, backslashes, question marks, comment and statement syntax, non-ASCII: stored and read
        // back byte for byte (values reach PostgreSQL inlined by the driver's own quoting).
        const QString id = someCase(QStringLiteral("alice"), QStringLiteral("inspection"));
        QVERIFY(!id.isEmpty());
        const QStringList texts { QStringLiteral("it's ok?' -- ; DROP TABLE cases; --"),
            QStringLiteral("back\\slash \\' \\\\ end\\"), QStringLiteral("? ?? $1 :name \"quoted\" '?'"),
            QStringLiteral("Grüße, 東京, emoji 🔧, tab\tnewline\n") };
        QJsonArray actions;
        for (const QString &t : texts)
            actions.append(action(QStringLiteral("note"), id, { { QStringLiteral("text"), t } }));
        const QJsonObject res = post(alice, actions);
        for (const QJsonValue &r : res.value(QStringLiteral("results")).toArray())
            QCOMPARE(r.toObject().value(QStringLiteral("status")).toString(), QStringLiteral("applied"));
        QStringList seen;
        for (const QJsonValue &e :
            Harness::json(h->call("GET", QStringLiteral("/api/v1/cases/%1/history").arg(id), {}, alice))
                .value(QStringLiteral("entries"))
                .toArray())
            seen.append(e.toObject().value(QStringLiteral("text")).toString());
        for (const QString &t : texts)
            QVERIFY2(seen.contains(t), qPrintable(t));
        QCOMPARE(caseOf(id).value(QStringLiteral("id")).toString(), id); // the cases table is still there
    }

    void unchangedCasesOmittedWhenAsked()
    {
        // Protocol extension omitUnchangedCases: an applied note answers caseId and etag without the
        // case it left as it was; an update that changed the case still carries it; without the flag
        // every applied result carries the case (protocol v1).
        const QString id = someCase(QStringLiteral("alice"), QStringLiteral("inspection"));
        const QJsonObject before = caseOf(id);
        const QJsonObject note = action(
            QStringLiteral("note"), id, { { QStringLiteral("text"), QStringLiteral("Gate code 4711") } });
        const QJsonObject update = action(QStringLiteral("update"), id,
            { { QStringLiteral("baseEtag"), before.value(QStringLiteral("etag")) },
                { QStringLiteral("fields"), QJsonObject { { QStringLiteral("passed"), true } } } });
        QJsonObject body = batch({ note, update });
        body.insert(QStringLiteral("omitUnchangedCases"), true);
        const QJsonArray lean = Harness::json(h->callJson("POST", kActions, body, alice))
                                    .value(QStringLiteral("results"))
                                    .toArray();
        QCOMPARE(lean.size(), 2);
        const QJsonObject noted = lean.at(0).toObject();
        QCOMPARE(noted.value(QStringLiteral("status")).toString(), QStringLiteral("applied"));
        QCOMPARE(noted.value(QStringLiteral("caseId")).toString(), id);
        QCOMPARE(noted.value(QStringLiteral("etag")), before.value(QStringLiteral("etag")));
        QVERIFY(!noted.contains(QStringLiteral("case")));
        const QJsonObject updated = lean.at(1).toObject();
        QCOMPARE(updated.value(QStringLiteral("status")).toString(), QStringLiteral("applied"));
        QCOMPARE(updated.value(QStringLiteral("case"))
                     .toObject()
                     .value(QStringLiteral("fields"))
                     .toObject()
                     .value(QStringLiteral("passed")),
            QJsonValue(true));

        // A retry answers the first result as it was stored.
        QCOMPARE(Harness::json(h->callJson("POST", kActions, batch({ note }), alice))
                     .value(QStringLiteral("results"))
                     .toArray()
                     .at(0)
                     .toObject(),
            noted);
        // Without the flag a note carries its case.
        const QJsonObject full = firstResult(post(alice,
            { action(QStringLiteral("note"), id, { { QStringLiteral("text"), QStringLiteral("Again") } }) }));
        QCOMPARE(full.value(QStringLiteral("case")).toObject().value(QStringLiteral("id")).toString(), id);
        // Not a boolean: the request is refused and changes nothing.
        const QJsonObject after = caseOf(id);
        body = batch(
            { action(QStringLiteral("note"), id, { { QStringLiteral("text"), QStringLiteral("x") } }) });
        body.insert(QStringLiteral("omitUnchangedCases"), QStringLiteral("yes"));
        QCOMPARE(h->callJson("POST", kActions, body, alice).status, 400);
        QCOMPARE(caseOf(id), after);
    }

    void conflictOnStaleEtag()
    {
        const QString id = someCase(QStringLiteral("bob"), QStringLiteral("inspection"));
        const QJsonObject before = caseOf(id);
        const QJsonObject res = firstResult(post(bob,
            { action(QStringLiteral("update"), id,
                { { QStringLiteral("baseEtag"), QStringLiteral("\"0\"") },
                    { QStringLiteral("fields"),
                        QJsonObject { { QStringLiteral("priority"), QStringLiteral("low") } } } }) }));
        QCOMPARE(res.value(QStringLiteral("status")).toString(), QStringLiteral("conflict"));
        QCOMPARE(res.value(QStringLiteral("case")).toObject().value(QStringLiteral("etag")),
            before.value(QStringLiteral("etag")));
        QCOMPARE(caseOf(id), before);
    }

    void rejectedWithFieldMessages()
    {
        const QString id = someCase(QStringLiteral("bob"), QStringLiteral("inspection"));
        const QJsonObject before = caseOf(id);
        QJsonObject res = firstResult(post(bob,
            { action(QStringLiteral("update"), id,
                { { QStringLiteral("baseEtag"), before.value(QStringLiteral("etag")) },
                    { QStringLiteral("fields"),
                        QJsonObject { { QStringLiteral("readingKw"), -5 },
                            { QStringLiteral("priority"), QStringLiteral("urgent") },
                            { QStringLiteral("permitNo"), QStringLiteral("nope") },
                            { QStringLiteral("site"), QStringLiteral("S-999") } } } }) }));
        QCOMPARE(res.value(QStringLiteral("status")).toString(), QStringLiteral("rejected"));
        const QJsonObject err = res.value(QStringLiteral("error")).toObject();
        QCOMPARE(err.value(QStringLiteral("code")).toString(), QStringLiteral("validation_failed"));
        const QJsonObject fields = err.value(QStringLiteral("fields")).toObject();
        QVERIFY(fields.contains(QStringLiteral("readingKw")));
        QVERIFY(fields.contains(QStringLiteral("priority")));
        QVERIFY(fields.contains(QStringLiteral("permitNo")));
        QVERIFY(fields.contains(QStringLiteral("site")));
        QCOMPARE(caseOf(id), before);
        // A transition whose preconditions fail: per-field messages too.
        res = firstResult(post(bob,
            { action(QStringLiteral("transition"), id,
                { { QStringLiteral("baseEtag"), before.value(QStringLiteral("etag")) },
                    { QStringLiteral("flowAction"), QStringLiteral("complete") } }) }));
        QCOMPARE(res.value(QStringLiteral("status")).toString(), QStringLiteral("rejected"));
        QVERIFY(!res.value(QStringLiteral("error"))
                     .toObject()
                     .value(QStringLiteral("fields"))
                     .toObject()
                     .isEmpty());
    }

    void goneIntoSyncIssuesAndReapply()
    {
        const QString id = someCase(QStringLiteral("bob"), QStringLiteral("repair"));
        const QString etag = caseOf(id).value(QStringLiteral("etag")).toString();
        QJsonObject res = firstResult(post(bob,
            { action(QStringLiteral("transition"), id,
                { { QStringLiteral("baseEtag"), etag },
                    { QStringLiteral("flowAction"), QStringLiteral("withdraw") } }) }));
        QCOMPARE(res.value(QStringLiteral("status")).toString(), QStringLiteral("applied"));
        const QString etag2 = res.value(QStringLiteral("etag")).toString();
        const QJsonObject late = action(QStringLiteral("update"), id,
            { { QStringLiteral("baseEtag"), etag2 },
                { QStringLiteral("fields"),
                    QJsonObject { { QStringLiteral("notes"), QStringLiteral("late edit") } } } });
        res = firstResult(post(bob, { late }));
        QCOMPARE(res.value(QStringLiteral("status")).toString(), QStringLiteral("gone"));
        // Still readable by its assignee while resolved; history shows the transition.
        QCOMPARE(h->call("GET", QStringLiteral("/api/v1/cases/") + id, {}, bob).status, 200);
        QCOMPARE(h->call("GET", QStringLiteral("/api/v1/admin/sync-issues"), {}, bob).status, 403);
        const QJsonArray issues
            = Harness::json(h->call("GET", QStringLiteral("/api/v1/admin/sync-issues?state=open"), {}, carol))
                  .value(QStringLiteral("issues"))
                  .toArray();
        QString issueId;
        for (const QJsonValue &v : issues)
            if (v.toObject().value(QStringLiteral("action")).toObject().value(QStringLiteral("id"))
                == late.value(QStringLiteral("id")))
                issueId = v.toObject().value(QStringLiteral("id")).toString();
        QVERIFY(!issueId.isEmpty());
        auto r
            = h->call("POST", QStringLiteral("/api/v1/admin/sync-issues/%1/reapply").arg(issueId), {}, carol);
        QCOMPARE(r.status, 200);
        QCOMPARE(Harness::json(r)
                     .value(QStringLiteral("result"))
                     .toObject()
                     .value(QStringLiteral("status"))
                     .toString(),
            QStringLiteral("applied"));
        QCOMPARE(
            caseOf(id).value(QStringLiteral("fields")).toObject().value(QStringLiteral("notes")).toString(),
            QStringLiteral("late edit"));
        QCOMPARE(
            h->call("POST", QStringLiteral("/api/v1/admin/sync-issues/%1/reapply").arg(issueId), {}, carol)
                .status,
            409);
        // Out of scope is gone too: alice on bob's case.
        const QString bobs = someCase(QStringLiteral("bob"), QStringLiteral("installation"));
        res = firstResult(post(alice,
            { action(QStringLiteral("note"), bobs, { { QStringLiteral("text"), QStringLiteral("x") } }) }));
        QCOMPARE(res.value(QStringLiteral("status")).toString(), QStringLiteral("gone"));
        QCOMPARE(h->call("GET", QStringLiteral("/api/v1/cases/") + bobs, {}, alice).status, 404);
        QCOMPARE(h->call("GET", QStringLiteral("/api/v1/cases/C-1"), {}, alice).status, 404);
    }

    void skippedAfterNonAppliedOnSameCase()
    {
        const QString id = someCase(QStringLiteral("alice"), QStringLiteral("repair"));
        const QString etag = caseOf(id).value(QStringLiteral("etag")).toString();
        const QJsonObject note = action(
            QStringLiteral("note"), id, { { QStringLiteral("text"), QStringLiteral("after the conflict") } });
        const QJsonArray results = post(alice,
            { action(QStringLiteral("update"), id,
                  { { QStringLiteral("baseEtag"), QStringLiteral("\"999\"") },
                      { QStringLiteral("fields"), QJsonObject { { QStringLiteral("urgent"), true } } } }),
                note })
                                       .value(QStringLiteral("results"))
                                       .toArray();
        QCOMPARE(results.size(), 2);
        QCOMPARE(
            results.at(0).toObject().value(QStringLiteral("status")).toString(), QStringLiteral("conflict"));
        QCOMPARE(
            results.at(1).toObject().value(QStringLiteral("status")).toString(), QStringLiteral("skipped"));
        // The same holds when the later action names the case by its temp id.
        const QString tmp = QStringLiteral("tmp-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
        const QJsonObject created = firstResult(post(alice,
            { action(QStringLiteral("create"), tmp,
                { { QStringLiteral("caseType"), QStringLiteral("installation") },
                    { QStringLiteral("fields"),
                        QJsonObject { { QStringLiteral("site"), QStringLiteral("S-003") },
                            { QStringLiteral("kind"), QStringLiteral("solar") } } } }) }));
        const QString createdId = created.value(QStringLiteral("caseId")).toString();
        const QJsonArray viaTemp = post(alice,
            { action(QStringLiteral("update"), createdId,
                  { { QStringLiteral("baseEtag"), QStringLiteral("\"42\"") },
                      { QStringLiteral("fields"),
                          QJsonObject { { QStringLiteral("commissioned"), true } } } }),
                action(QStringLiteral("note"), tmp,
                    { { QStringLiteral("text"), QStringLiteral("via temp id") } }) })
                                       .value(QStringLiteral("results"))
                                       .toArray();
        QCOMPARE(
            viaTemp.at(0).toObject().value(QStringLiteral("status")).toString(), QStringLiteral("conflict"));
        QCOMPARE(
            viaTemp.at(1).toObject().value(QStringLiteral("status")).toString(), QStringLiteral("skipped"));
        QCOMPARE(viaTemp.at(1).toObject().value(QStringLiteral("caseId")).toString(), createdId);
        // Skipped results are not stored: the note goes through when sent again.
        QCOMPARE(firstResult(post(alice, { note })).value(QStringLiteral("status")).toString(),
            QStringLiteral("applied"));
        QCOMPARE(caseOf(id).value(QStringLiteral("etag")).toString(), etag);
    }

    void badActionRequestsChangeNothing()
    {
        const QString id = someCase(QStringLiteral("alice"), QStringLiteral("inspection"));
        const QJsonObject before = caseOf(id);
        const QJsonObject good = action(QStringLiteral("update"), id,
            { { QStringLiteral("baseEtag"), before.value(QStringLiteral("etag")) },
                { QStringLiteral("fields"), QJsonObject { { QStringLiteral("passed"), true } } } });
        int status = 0;
        QJsonObject r = post(alice, { good, action(QStringLiteral("explode"), id) }, &status);
        QCOMPARE(status, 400);
        QVERIFY(r.value(QStringLiteral("error"))
                    .toObject()
                    .value(QStringLiteral("message"))
                    .toString()
                    .contains(QLatin1String("actions[1]")));
        r = post(alice, { good, QJsonObject { { QStringLiteral("id"), 5 } } }, &status);
        QCOMPARE(status, 400);
        QCOMPARE(caseOf(id), before);
        QCOMPARE(h->call("POST", kActions, "{\"actions\": [", alice).status, 400);
        QJsonObject nul = good;
        nul.insert(QStringLiteral("id"), QString(QStringLiteral("a") + QChar(0) + QStringLiteral("b")));
        post(alice, { good, nul }, &status);
        QCOMPARE(status, 400);
        QCOMPARE(h->callJson("POST", QStringLiteral("/api/v1/session"),
                      { { QStringLiteral("username"), QString(QStringLiteral("al") + QChar(0)) },
                          { QStringLiteral("password"), QStringLiteral("x") } },
                      {})
                     .status,
            400);
        QCOMPARE(h->call("POST", kActions, "[]", alice).status, 400);
        QJsonArray many;
        for (int i = 0; i < 501; ++i)
            many.append(
                action(QStringLiteral("note"), id, { { QStringLiteral("text"), QStringLiteral("n") } }));
        post(alice, many, &status);
        QCOMPARE(status, 413);
        QCOMPARE(caseOf(id), before);
        QCOMPARE(h->call("POST", kActions, QByteArray(2 << 20, ' '), alice).status, 413);
    }

    void databaseFailureIs503AndChangesNothing()
    {
        // The audit table vanishing mid-request stands in for any database failure: the update
        // before it in the same transaction must not stay.
        const QString id = someCase(QStringLiteral("alice"), QStringLiteral("inspection"));
        const QJsonObject before = caseOf(id);
        auto sql = [&](const QString &statement) {
            QString why;
            const bool ok = h->sql(statement, &why).has_value();
            if (!ok)
                qWarning("%s", qPrintable(why));
            return ok;
        };
        QVERIFY(sql(QStringLiteral("ALTER TABLE audit RENAME TO audit_away")));
        int status = 0;
        const QJsonObject r = post(alice,
            { action(QStringLiteral("update"), id,
                { { QStringLiteral("baseEtag"), before.value(QStringLiteral("etag")) },
                    { QStringLiteral("fields"), QJsonObject { { QStringLiteral("readingKw"), 99 } } } }) },
            &status);
        QVERIFY(sql(QStringLiteral("ALTER TABLE audit_away RENAME TO audit")));
        QCOMPARE(status, 503);
        QCOMPARE(r.value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString(),
            QStringLiteral("unavailable"));
        QCOMPARE(caseOf(id), before);
    }

    void survivesDroppedConnections()
    {
        if (m_backend != Harness::Backend::PostgreSQL)
            QSKIP("PostgreSQL only");
        // The server ends every session of the service (as a restart would); the next requests work.
        QString why;
        QVERIFY2(h->sql(QStringLiteral("SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                                       " WHERE datname = current_database() AND pid <> pg_backend_pid()"),
                     &why),
            qPrintable(why));
        const QString id = someCase(QStringLiteral("alice"), QStringLiteral("repair"));
        QVERIFY(!id.isEmpty());
        QCOMPARE(firstResult(post(alice,
                                 { action(QStringLiteral("note"), id,
                                     { { QStringLiteral("text"), QStringLiteral("after restart") } }) }))
                     .value(QStringLiteral("status"))
                     .toString(),
            QStringLiteral("applied"));
    }

    void concurrentWriters()
    {
        // Several worker threads at once, as the transport runs them: every create applies once,
        // and two edits racing on one case from the same etag give one applied and one conflict.
        const QString id = someCase(QStringLiteral("alice"), QStringLiteral("inspection"));
        const QString etag = caseOf(id).value(QStringLiteral("etag")).toString();
        QList<QThread *> threads;
        QList<QJsonObject> raceResults(2);
        QList<QStringList> created(4);
        for (int t = 0; t < 2; ++t)
            threads.append(QThread::create([&, t] {
                raceResults[t] = firstResult(post(alice,
                    { action(QStringLiteral("update"), id,
                        { { QStringLiteral("baseEtag"), etag },
                            { QStringLiteral("fields"),
                                QJsonObject { { t ? QStringLiteral("passed") : QStringLiteral("readingKw"),
                                    t ? QJsonValue(true) : QJsonValue(7) } } } }) }));
            }));
        for (int t = 0; t < 4; ++t)
            threads.append(QThread::create([&, t] {
                for (int i = 0; i < 5; ++i) {
                    const QString tmp
                        = QStringLiteral("tmp-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
                    const QJsonObject r = firstResult(post(bob,
                        { action(QStringLiteral("create"), tmp,
                            { { QStringLiteral("caseType"), QStringLiteral("installation") },
                                { QStringLiteral("fields"),
                                    QJsonObject { { QStringLiteral("site"), QStringLiteral("S-001") },
                                        { QStringLiteral("kind"), QStringLiteral("solar") } } } }) }));
                    created[t].append(r.value(QStringLiteral("status")).toString() + QLatin1Char(' ')
                        + r.value(QStringLiteral("caseId")).toString());
                }
            }));
        for (QThread *t : threads)
            t->start();
        for (QThread *t : threads) {
            QVERIFY(t->wait(60000));
            delete t;
        }
        QStringList statuses { raceResults[0].value(QStringLiteral("status")).toString(),
            raceResults[1].value(QStringLiteral("status")).toString() };
        statuses.sort();
        QCOMPARE(statuses, (QStringList { QStringLiteral("applied"), QStringLiteral("conflict") }));
        QSet<QString> ids;
        for (const QStringList &l : created)
            for (const QString &r : l) {
                QVERIFY2(r.startsWith(QLatin1String("applied C-")), qPrintable(r));
                ids.insert(r);
            }
        QCOMPARE(ids.size(), 20);
    }

    void pushHints()
    {
        RecordingHub local, remote;
        h->service()->setNotifyHub(&local);
        // A second instance on the same database hears about the first one's writes (PostgreSQL).
        auto other = h->open(h->options());
        QVERIFY(other.ok());
        other.value()->setNotifyHub(&remote);
        auto detach = qScopeGuard([&] {
            other.value().reset();
            h->service()->setNotifyHub(nullptr);
        });
        const QString id = someCase(QStringLiteral("alice"), QStringLiteral("installation"));
        QCOMPARE(firstResult(post(alice,
                                 { action(QStringLiteral("note"), id,
                                     { { QStringLiteral("text"), QStringLiteral("push") } }) }))
                     .value(QStringLiteral("status"))
                     .toString(),
            QStringLiteral("applied"));
        // A note changes no field but is a new history entry in the feed (include=history): the
        // case's people hear of it, nobody else.
        QVERIFY(local.received().contains(QStringLiteral("alice {\"type\":\"changes\"}")));
        QVERIFY(!local.received().contains(QStringLiteral("bob {\"type\":\"changes\"}")));
        const QString etag = caseOf(id).value(QStringLiteral("etag")).toString();
        QCOMPARE(firstResult(post(alice,
                                 { action(QStringLiteral("update"), id,
                                     { { QStringLiteral("baseEtag"), etag },
                                         { QStringLiteral("fields"),
                                             QJsonObject { { QStringLiteral("commissioned"), true } } } }) }))
                     .value(QStringLiteral("status"))
                     .toString(),
            QStringLiteral("applied"));
        const QStringList got = local.received();
        QVERIFY(got.contains(QStringLiteral("alice {\"type\":\"changes\"}")));
        QVERIFY(got.contains(QStringLiteral("carol {\"type\":\"changes\"}")));
        QVERIFY(!got.contains(QStringLiteral("bob {\"type\":\"changes\"}")));
        QVERIFY(h->callJson("POST", QStringLiteral("/api/v1/admin/full-sync"), {}, carol).status == 200);
        QVERIFY(local.received().contains(QStringLiteral("* {\"type\":\"fullSyncRequired\"}")));
        if (m_backend == Harness::Backend::PostgreSQL) {
            QTRY_VERIFY_WITH_TIMEOUT(
                remote.received().contains(QStringLiteral("alice {\"type\":\"changes\"}")), 10000);
            QTRY_VERIFY_WITH_TIMEOUT(
                remote.received().contains(QStringLiteral("* {\"type\":\"fullSyncRequired\"}")), 10000);
        } else {
            QVERIFY(remote.received().isEmpty());
        }
    }

    void attachments()
    {
        const QString id = someCase(QStringLiteral("alice"), QStringLiteral("inspection"));
        const QString uuid = QUuid::createUuid().toString(QUuid::WithoutBraces);
        const QByteArray bytes("\x89PNG fake image bytes", 21);
        const QString path = QStringLiteral("/api/v1/attachments/%1?caseId=%2&name=photo.png").arg(uuid, id);
        const QString etag = caseOf(id).value(QStringLiteral("etag")).toString();
        auto r = h->call("PUT", path, bytes, alice, "image/png");
        QCOMPARE(r.status, 201);
        QCOMPARE(Harness::json(r).value(QStringLiteral("sha256")).toString(),
            QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex()));
        QCOMPARE(h->call("PUT", path, bytes, alice, "image/png").status, 200);
        QCOMPARE(h->call("PUT", path, bytes + "x", alice, "image/png").status, 409);
        QCOMPARE(
            h->call("PUT", QStringLiteral("/api/v1/attachments/..%2Fetc?caseId=") + id, bytes, alice).status,
            400);
        QCOMPARE(
            h->call("PUT", QStringLiteral("/api/v1/attachments/../etc?caseId=") + id, bytes, alice).status,
            400);
        QCOMPARE(h->call("PUT",
                      QStringLiteral("/api/v1/attachments/%1?caseId=C-1")
                          .arg(QUuid::createUuid().toString(QUuid::WithoutBraces)),
                      bytes, alice)
                     .status,
            404);
        QCOMPARE(h->call("PUT", QStringLiteral("/api/v1/attachments/not-a-uuid?caseId=") + id, bytes, alice)
                     .status,
            400);
        QCOMPARE(h->call("PUT",
                      QStringLiteral("/api/v1/attachments/%1?caseId=%2")
                          .arg(QUuid::createUuid().toString(QUuid::WithoutBraces), id),
                      bytes, bob)
                     .status,
            404);
        const QJsonObject c = caseOf(id);
        QVERIFY(c.value(QStringLiteral("etag")).toString() != etag);
        QCOMPARE(c.value(QStringLiteral("attachments"))
                     .toArray()
                     .at(0)
                     .toObject()
                     .value(QStringLiteral("name"))
                     .toString(),
            QStringLiteral("photo.png"));
        r = h->call("GET", QStringLiteral("/api/v1/attachments/") + uuid, {}, alice);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.body, bytes);
        QCOMPARE(r.contentType, QByteArray("image/png"));
        QCOMPARE(h->call("GET", QStringLiteral("/api/v1/attachments/") + uuid, {}, bob).status, 404);
    }
};

int main(int argc, char **argv)
{
    return runOnBothDatabases<TestActions>(argc, argv);
}

#include "tst_actions.moc"
