// SPDX-License-Identifier: MIT
#include "readycheck.h"

#include "localstore.h"
#include "signin.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QStorageInfo>

namespace outpost::sync {

namespace {

QString when(const QDateTime &t)
{
    return QLocale().toString(t.toLocalTime(), QLocale::ShortFormat);
}

QString waitsBecause(const client::OutboxEntry &e)
{
    if (e.blockedBy == QLatin1String("held"))
        return ReadyCheck::tr("held back by you (Outbox)");
    if (e.blockedBy == QLatin1String("conflict"))
        return ReadyCheck::tr("waits for a conflict to be resolved (Conflicts)");
    if (e.blockedBy == QLatin1String("syncIssue"))
        return ReadyCheck::tr("waits behind a change the server refused (Sync issues)");
    if (e.blockedBy == QLatin1String("inflight") || e.state == client::QueueState::Inflight)
        return ReadyCheck::tr("being sent");
    if (e.blockedBy == QLatin1String("attachment"))
        return ReadyCheck::tr("waits for its signature's picture to upload");
    if (!e.lastError.isEmpty())
        return ReadyCheck::tr("not sent yet: %1").arg(e.lastError);
    return ReadyCheck::tr("not sent yet: sync to send it");
}

QString firstFew(const QStringList &list, int total)
{
    QStringList shown = list.mid(0, 5);
    QString text = shown.join(QStringLiteral(", "));
    if (total > shown.size())
        text += ReadyCheck::tr(" and %1 more").arg(total - shown.size());
    return text;
}

} // namespace

QJsonObject ReadyItem::toJson() const
{
    QJsonObject o { { QStringLiteral("code"), code }, { QStringLiteral("ok"), ok },
        { QStringLiteral("text"), text } };
    if (!details.isEmpty())
        o.insert(QStringLiteral("details"), QJsonArray::fromStringList(details));
    return o;
}

bool ReadyReport::ready() const
{
    return std::all_of(items.begin(), items.end(), [](const ReadyItem &i) { return i.ok; });
}

QList<ReadyItem> ReadyReport::reasons() const
{
    QList<ReadyItem> out;
    for (const ReadyItem &i : items)
        if (!i.ok)
            out << i;
    return out;
}

QJsonObject ReadyReport::toJson() const
{
    QJsonArray checks;
    QJsonArray notReady;
    for (const ReadyItem &i : items) {
        checks.append(i.toJson());
        if (!i.ok)
            notReady.append(i.code);
    }
    QJsonArray pending;
    for (const client::OutboxEntry &e : facts.firstPending)
        pending.append(e.toJson());
    auto iso = [](const QDateTime &t) {
        return t.isValid() ? QJsonValue(t.toUTC().toString(Qt::ISODate)) : QJsonValue();
    };
    return QJsonObject {
        { QStringLiteral("ready"), ready() },
        { QStringLiteral("notReady"), notReady },
        { QStringLiteral("checkedAt"), iso(checkedAt) },
        { QStringLiteral("checks"), checks },
        { QStringLiteral("pending"), facts.pending },
        { QStringLiteral("pendingActions"), pending },
        { QStringLiteral("syncIssues"), facts.syncIssues },
        { QStringLiteral("lastSync"), iso(lastSync) },
        { QStringLiteral("lastSyncAgeSeconds"),
            lastSync.isValid() ? QJsonValue(double(lastSync.secsTo(checkedAt))) : QJsonValue() },
        { QStringLiteral("assignedCases"), facts.assignedCases },
        { QStringLiteral("casesMissing"), QJsonArray::fromStringList(facts.casesMissing) },
        { QStringLiteral("attachmentsListed"), facts.attachmentsListed },
        { QStringLiteral("attachmentsMissing"), QJsonArray::fromStringList(facts.attachmentsMissing) },
        { QStringLiteral("offlineSignInUntil"), iso(offlineUntil) },
        { QStringLiteral("freeBytes"), double(freeBytes) },
        { QStringLiteral("elapsedMs"), double(elapsedMs) },
    };
}

QString ReadyCheck::span(qint64 seconds)
{
    seconds = std::max<qint64>(seconds, 0);
    if (seconds < 90)
        return tr("%1 s").arg(seconds);
    if (seconds < 90 * 60)
        return tr("%1 min").arg((seconds + 30) / 60);
    if (seconds < 48 * 3600)
        return tr("%1 h").arg((seconds + 1800) / 3600);
    return tr("%1 days").arg(seconds / 86400);
}

ReadyReport ReadyCheck::run(
    client::LocalStore &store, const QString &userId, const ReadyOptions &options, const QDateTime &now)
{
    QElapsedTimer timer;
    timer.start();
    ReadyReport r;
    r.checkedAt = now;
    // The user the cases are assigned to: the session's user id as the sign-in stored it.
    QString user = userId;
    if (user.isEmpty())
        user = QJsonDocument::fromJson(store.syncValue(QString::fromLatin1(SignIn::UserKey)).toUtf8())
                   .object()
                   .value(QLatin1String("id"))
                   .toString();
    r.facts = store.reads().readiness(user, options.checkHealth, options.fullCheck);
    const client::ReadinessFacts &f = r.facts;
    r.lastSync = f.lastSuccess;

    // The outbox: empty, or what waits and why.
    {
        ReadyItem i { QStringLiteral("outbox"), f.pending == 0, {}, {} };
        if (i.ok) {
            i.text = tr("Outbox empty: everything you changed is on the server.");
        } else {
            i.text = (f.pending == 1 ? tr("1 change not on the server yet.")
                                     : tr("%1 changes not on the server yet.").arg(f.pending));
            for (const client::OutboxEntry &e : f.firstPending)
                i.details << tr("%1 — %2").arg(e.description, waitsBecause(e));
            if (f.pending > f.firstPending.size())
                i.details << tr("… and %1 more").arg(f.pending - f.firstPending.size());
        }
        r.items << i;
    }
    if (f.syncIssues > 0)
        r.items << ReadyItem { QStringLiteral("sync_issues"), false,
            f.syncIssues == 1 ? tr("1 change the server refused: see Sync issues.")
                              : tr("%1 changes the server refused: see Sync issues.").arg(f.syncIssues),
            {} };
    if (f.attachmentsToUpload > 0)
        r.items << ReadyItem { QStringLiteral("attachments_upload"), false,
            f.attachmentsToUpload == 1 ? tr("1 attachment not uploaded yet.")
                                       : tr("%1 attachments not uploaded yet.").arg(f.attachmentsToUpload),
            {} };

    // The last successful sync.
    {
        ReadyItem i { QStringLiteral("last_sync"), false, {}, {} };
        if (!f.lastSuccess.isValid()) {
            i.text = tr("This device has never synced.");
        } else {
            const qint64 age = f.lastSuccess.secsTo(now);
            i.ok = age <= std::chrono::duration_cast<std::chrono::seconds>(options.maxSyncAge).count();
            i.text = i.ok
                ? tr("Last sync %1 ago (%2).").arg(span(age), when(f.lastSuccess))
                : tr("Last sync %1 ago (%2): sync before you leave.").arg(span(age), when(f.lastSuccess));
        }
        r.items << i;
    }
    if (f.fullSyncInProgress || !f.hasSyncToken)
        r.items << ReadyItem { QStringLiteral("download"), false,
            tr("The download of your cases is not finished: sync to complete it."), {} };

    // Every assigned case and its attachments on the device.
    {
        ReadyItem i { QStringLiteral("cases"), f.casesMissing.isEmpty(), {}, {} };
        i.text = i.ok ? (f.assignedCases == 0
                         ? tr("No cases are assigned to you.")
                         : tr("All cases assigned to you (%1) are on this device.").arg(f.assignedCases))
                      : tr("Assigned cases not on this device: %1")
                            .arg(firstFew(f.casesMissing, int(f.casesMissing.size())));
        r.items << i;
    }
    {
        const int missing = int(f.attachmentsMissing.size());
        ReadyItem i { QStringLiteral("attachments"), missing == 0, {}, {} };
        if (i.ok)
            i.text = f.attachmentsListed == 0
                ? tr("Your cases have no attachments to take along.")
                : tr("All attachments of your cases (%1) are on this device.").arg(f.attachmentsListed);
        else {
            i.text = tr("Attachments of your cases not on this device (they open only online): %1 of %2.")
                         .arg(missing)
                         .arg(f.attachmentsListed);
            i.details = f.attachmentsMissing.mid(0, client::ReadinessFacts::ListLimit);
        }
        r.items << i;
    }

    // Case types and data pages, current as of the last sync.
    {
        ReadyItem i { QStringLiteral("case_types"), f.caseTypes > 0 && f.caseTypesMissing.isEmpty(), {}, {} };
        if (f.caseTypes == 0)
            i.text = tr("No case types on this device: sync first.");
        else if (!f.caseTypesMissing.isEmpty())
            i.text = tr("Case types missing on this device: %1")
                         .arg(f.caseTypesMissing.join(QStringLiteral(", ")));
        else
            i.text = tr("Case types on this device (%1), as of the last sync.").arg(f.caseTypes);
        r.items << i;
    }
    {
        ReadyItem i { QStringLiteral("data_pages"), f.dataPagesEmpty.isEmpty(), {}, {} };
        i.text = i.ok ? tr("Lists for lookups (data pages) on this device, as of the last sync.")
                      : tr("Lists for lookups missing on this device: %1")
                            .arg(f.dataPagesEmpty.join(QStringLiteral(", ")));
        r.items << i;
    }

    // Offline sign-in for the next hours.
    {
        r.offlineUntil = SignIn::offlineUntil(store);
        const qint64 hours = options.offlineFor.count();
        ReadyItem i { QStringLiteral("offline_signin"), false, {}, {} };
        if (!r.offlineUntil.isValid() || r.offlineUntil <= now) {
            i.text = tr("Signing in without the server is not allowed now: sign in online first.");
        } else {
            i.ok = now.secsTo(r.offlineUntil) >= hours * 3600;
            i.text = i.ok ? tr("You can sign in without the server until %1.").arg(when(r.offlineUntil))
                          : tr("You can sign in without the server only until %1 (less than %2 h from now): "
                               "sign in online again.")
                                .arg(when(r.offlineUntil))
                                .arg(hours);
        }
        r.items << i;
    }

    // Free space where the store lives.
    {
        const QStorageInfo disk(QFileInfo(store.path()).absolutePath());
        r.freeBytes = disk.isValid() ? disk.bytesAvailable() : -1;
        const QString free = QLocale().formattedDataSize(std::max<qint64>(r.freeBytes, 0));
        const QString need = QLocale().formattedDataSize(options.minFreeBytes);
        ReadyItem i { QStringLiteral("disk_space"), r.freeBytes >= options.minFreeBytes, {}, {} };
        i.text = i.ok
            ? tr("%1 free on this device.").arg(free)
            : tr("Only %1 free on this device; at least %2 are needed for a day's photos and notes.")
                  .arg(free, need);
        r.items << i;
    }

    if (options.checkHealth) {
        ReadyItem i { QStringLiteral("store_health"), f.healthProblem.isEmpty(), {}, {} };
        i.text = i.ok
            ? tr("The data on this device is healthy.")
            : tr("The data on this device is damaged (%1): export diagnostics and recover unsent work.")
                  .arg(f.healthProblem);
        r.items << i;
    }
    r.elapsedMs = timer.elapsed();
    return r;
}

} // namespace outpost::sync
