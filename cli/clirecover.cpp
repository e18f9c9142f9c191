// SPDX-License-Identifier: MIT
// A damaged store: `outpost recover` salvages its unsent work into a fresh store, and
// `export-diagnostics` still writes what can be read (read-only, without the integrity gate).
#include "clicontext.h"
#include "localstore.h"
#include "redact.h"

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QSysInfo>

namespace outpost::cli {

int cmdRecover(Context &ctx)
{
    auto p = loadProfile(ctx.profileDir);
    if (!p.ok())
        return fail(ctx, p.error());
    if (auto st = unlockProfileStore(p.value()); !st.ok())
        return fail(ctx, st.error());
    // Only a store that does not open: a healthy one has nothing to recover.
    {
        auto store = client::LocalStore::open(p->storePath);
        if (store.ok()) {
            if (ctx.json)
                printJson(ctx,
                    QJsonObject {
                        { QStringLiteral("store"), p->storePath }, { QStringLiteral("damaged"), false } });
            else
                ctx.out << "The store is not damaged; nothing to recover: " << p->storePath << "\n";
            return ExitOk;
        }
        if (store.error().code != QLatin1String("store_damaged"))
            return fail(ctx, store.error());
    }
    auto report = client::LocalStore::recoverUnsentWork(p->storePath);
    if (!report.ok())
        return fail(ctx, report.error());
    if (ctx.json) {
        QJsonObject o = report->toJson();
        o.insert(QStringLiteral("damaged"), true);
        printJson(ctx, o);
    } else {
        ctx.out << "Recovered " << report->actions << " unsent change(s) and " << report->attachments
                << " attachment(s) into a fresh store; they are sent at the next sync.\n"
                << "The damaged store is kept as " << report->movedTo << "\n";
        for (const QString &e : report->errors)
            ctx.out << "  not readable: " << e << "\n";
    }
    return ExitOk;
}

int exportDamagedDiagnostics(Context &ctx, const Profile &profile, const Error &why)
{
    // Read-only, no integrity gate: what still reads of the queue, for support.
    const QJsonObject salvage = client::LocalStore::salvagePendingWork(profile.storePath);
    QJsonArray outbox;
    for (const QJsonValue &v : salvage.value(QStringLiteral("outbox")).toArray()) {
        const QJsonObject row = v.toObject();
        const QJsonObject action = row.value(QStringLiteral("action")).toObject();
        outbox.append(QJsonObject { { QStringLiteral("seq"), row.value(QStringLiteral("seq")) },
            { QStringLiteral("state"), row.value(QStringLiteral("state")) },
            { QStringLiteral("actionId"), action.value(QStringLiteral("id")) },
            { QStringLiteral("caseId"), action.value(QStringLiteral("caseId")) },
            { QStringLiteral("type"), action.value(QStringLiteral("type")) } });
    }
    QJsonArray errors;
    for (const QJsonValue &e : salvage.value(QStringLiteral("errors")).toArray())
        errors.append(redactSecrets(e.toString()));
    const QJsonObject doc { { QStringLiteral("versions"),
                                QJsonObject { { QStringLiteral("outpost"), QStringLiteral(OUTPOST_VERSION) },
                                    { QStringLiteral("qt"), QString::fromLatin1(qVersion()) },
                                    { QStringLiteral("os"), QSysInfo::prettyProductName() },
                                    { QStringLiteral("protocol"), 1 } } },
        { QStringLiteral("profile"),
            QJsonObject { { QStringLiteral("server"), profile.server.toString() },
                { QStringLiteral("user"), profile.user } } },
        { QStringLiteral("storeDamaged"), why.toJson() }, { QStringLiteral("outbox"), outbox },
        { QStringLiteral("syncIssues"), salvage.value(QStringLiteral("syncIssues")).toArray().size() },
        { QStringLiteral("readErrors"), errors },
        { QStringLiteral("exportedAt"), QDateTime::currentDateTimeUtc().toString(Qt::ISODate) } };
    QSaveFile f(ctx.positional.first());
    if (!f.open(QIODevice::WriteOnly))
        return fail(ctx,
            Error(QStringLiteral("file_error"),
                QStringLiteral("Cannot write %1: %2").arg(f.fileName(), f.errorString())));
    f.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
    f.write(QJsonDocument(doc).toJson(QJsonDocument::Indented));
    if (!f.commit())
        return fail(ctx,
            Error(QStringLiteral("file_error"),
                QStringLiteral("Cannot write %1: %2").arg(f.fileName(), f.errorString())));
    if (ctx.json)
        printJson(ctx,
            QJsonObject { { QStringLiteral("file"), f.fileName() }, { QStringLiteral("storeDamaged"), true },
                { QStringLiteral("queuedActions"), outbox.size() } });
    else
        ctx.out << "The store is damaged; wrote what could be read (" << outbox.size()
                << " queued actions) to " << f.fileName()
                << "\nRecover the unsent work with: outpost recover\n";
    return ExitOk;
}

} // namespace outpost::cli
