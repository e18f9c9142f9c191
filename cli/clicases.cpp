// SPDX-License-Identifier: MIT
// Offline work on cases, queued exactly as the GUI queues it, and the queue reports.
#include "clicontext.h"
#include "fieldvalues.h"
#include "localstore.h"
#include "rules/caselabels.h"
#include "rules/fieldvalue.h"
#include "rules/rulesengine.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>

namespace outpost::cli {

namespace {

QJsonObject caseJson(const client::LocalCase &c)
{
    QJsonObject o = c.record.toJson();
    o.insert(QStringLiteral("pendingCount"), c.pendingCount);
    o.insert(QStringLiteral("hasConflict"), c.hasConflict);
    o.insert(QStringLiteral("hasIssue"), c.hasIssue);
    o.insert(QStringLiteral("removedOnServer"), c.removedOnServer);
    o.insert(QStringLiteral("localOnly"), c.isLocalOnly);
    return o;
}

/// Text shown below a heading, each line indented.
QString indented(const QString &text, int by = 2)
{
    QStringList lines = text.split(QLatin1Char('\n'));
    for (QString &l : lines)
        l.prepend(QString(by, QLatin1Char(' ')));
    return lines.join(QLatin1Char('\n'));
}

/// Data-page labels as the store holds them, so that a lookup field reads "S-007 (Substation 7)" as
/// in the app.
LookupLabel storeLabels(const client::LocalStore &store)
{
    return [&store](const QString &page, const QString &key) {
        for (const DataPageRow &r : store.reads().dataPageRows(page, key, 5))
            if (r.key == key)
                return r.label;
        return QString();
    };
}

/// Prints what a local operation did: the case as it is now.
int reportCase(Context &ctx, client::LocalStore &store, const QString &id, const char *verb)
{
    const auto c = store.reads().caseById(id);
    if (ctx.json) {
        printJson(ctx, c ? caseJson(*c) : QJsonObject { { QStringLiteral("id"), id } });
    } else {
        ctx.out << verb << ' ' << (c ? c->record.id : id) << " (queued; " << store.reads().pendingCount()
                << " pending)\n";
    }
    return ExitOk;
}

Result<CaseType> typeOfCase(client::LocalStore &store, const QString &id)
{
    const auto c = store.reads().caseById(id);
    if (!c)
        return Error(QStringLiteral("not_found"), QStringLiteral("No case %1 on this device.").arg(id));
    const auto t = store.reads().caseType(c->record.caseType);
    if (!t)
        return Error(QStringLiteral("unknown_case_type"),
            QStringLiteral("Case type %1 is unknown.").arg(c->record.caseType));
    return *t;
}

QString shortTime(const QString &rfc3339)
{
    const QDateTime t = QDateTime::fromString(rfc3339, Qt::ISODateWithMs);
    return t.isValid() ? QLocale().toString(t.toLocalTime(), QLocale::ShortFormat) : rfc3339;
}

/// The case's history as the feed brought it, oldest first.
QJsonArray historyJson(const client::LocalStore &store, const QString &caseId)
{
    QJsonArray out;
    for (const client::HistoryRecord &h : store.reads().caseHistory(caseId))
        out.append(h.toJson());
    return out;
}

/// The server's notes (from the history), then those queued here (`pending`), oldest first.
QJsonArray notesJson(const client::LocalStore &store, const QString &caseId, const QString &me)
{
    QJsonArray out;
    for (const client::HistoryRecord &h : store.reads().caseHistory(caseId))
        if (h.action == QLatin1String("note"))
            out.append(QJsonObject { { QStringLiteral("at"), h.at }, { QStringLiteral("by"), h.by },
                { QStringLiteral("text"), h.text }, { QStringLiteral("pending"), false } });
    for (const client::QueuedAction &a : store.reads().queuedActions(caseId))
        if (a.action.type == ActionType::Note)
            out.append(
                QJsonObject { { QStringLiteral("at"), a.action.clientTime }, { QStringLiteral("by"), me },
                    { QStringLiteral("text"), a.action.text }, { QStringLiteral("pending"), true } });
    return out;
}

/// The case's attachments (the server's list, then those attached here and not listed yet), each
/// with whether a copy is on this device (`onDevice`: it opens offline).
QJsonArray attachmentsJson(const client::LocalStore &store, const client::LocalCase &c)
{
    QJsonArray out;
    QSet<QString> listed;
    for (const AttachmentRef &r : c.record.attachments) {
        QJsonObject o = r.toJson();
        o.insert(QStringLiteral("onDevice"), !store.reads().attachmentCopy(r.id).isEmpty());
        o.insert(QStringLiteral("uploaded"), true);
        out.append(o);
        listed.insert(r.id);
    }
    for (const client::AttachmentInfo &a : store.reads().attachments(c.record.id)) {
        if (listed.contains(a.id))
            continue;
        out.append(QJsonObject { { QStringLiteral("id"), a.id }, { QStringLiteral("name"), a.name },
            { QStringLiteral("mime"), a.mime }, { QStringLiteral("size"), a.size },
            { QStringLiteral("sha256"), a.sha256 },
            { QStringLiteral("onDevice"), !store.reads().attachmentCopy(a.id).isEmpty() },
            { QStringLiteral("uploaded"), a.uploaded } });
    }
    return out;
}

} // namespace

int cmdCaseList(Context &ctx)
{
    auto store = openProfileStore(ctx);
    if (!store.ok())
        return fail(ctx, store.error());
    client::CaseFilter filter;
    filter.includeResolved = ctx.flags.contains(QStringLiteral("all"));
    filter.caseType = ctx.options.value(QStringLiteral("type"));
    filter.status = ctx.options.value(QStringLiteral("status"));
    filter.limit = 100000;
    const QList<client::LocalCase> cases = (*store)->reads().cases(filter);
    if (ctx.json) {
        QJsonArray arr;
        for (const auto &c : cases)
            arr.append(caseJson(c));
        printJson(ctx, arr);
        return ExitOk;
    }
    for (const auto &c : cases) {
        QString marks;
        if (c.pendingCount)
            marks += QStringLiteral(" [%1 pending]").arg(c.pendingCount);
        if (c.hasConflict)
            marks += QStringLiteral(" [conflict]");
        if (c.hasIssue)
            marks += QStringLiteral(" [sync issue]");
        ctx.out << c.record.id << '\t' << c.record.caseType << '\t' << c.record.status << '\t'
                << c.record.title << marks << '\n';
    }
    if (cases.isEmpty())
        ctx.out << "No cases.\n";
    return ExitOk;
}

int cmdCaseShow(Context &ctx)
{
    if (ctx.positional.size() != 1)
        return usage(ctx, QStringLiteral("case show needs exactly one ID"));
    Profile profile;
    auto store = openProfileStore(ctx, &profile);
    if (!store.ok())
        return fail(ctx, store.error());
    const auto c = (*store)->reads().caseById(ctx.positional.first());
    if (!c)
        return fail(ctx,
            Error(QStringLiteral("not_found"),
                QStringLiteral("No case %1 on this device.").arg(ctx.positional.first())));
    if (ctx.json) {
        QJsonObject o = caseJson(*c);
        QJsonArray conflicts;
        for (const auto &k : (*store)->reads().conflicts(c->record.id))
            conflicts.append(
                QJsonObject { { QStringLiteral("field"), k.field }, { QStringLiteral("base"), k.base },
                    { QStringLiteral("mine"), k.mine }, { QStringLiteral("theirs"), k.theirs } });
        o.insert(QStringLiteral("conflicts"), conflicts);
        QJsonArray assignments;
        const QList<Assignment> as = (*store)->reads().assignments(c->record.id);
        for (const Assignment &a : as)
            assignments.append(a.toJson());
        o.insert(QStringLiteral("assignments"), assignments);
        // The assignment due first (as the worklist shows it): what the dispatcher asked for.
        o.insert(QStringLiteral("instructions"), as.isEmpty() ? QString() : as.first().instructions);
        o.insert(QStringLiteral("dueAt"),
            as.isEmpty() || as.first().dueAt.isEmpty() ? QJsonValue() : as.first().dueAt);
        o.insert(QStringLiteral("history"), historyJson(**store, c->record.id));
        o.insert(QStringLiteral("notes"), notesJson(**store, c->record.id, profile.user));
        o.insert(QStringLiteral("attachments"), attachmentsJson(**store, *c));
        printJson(ctx, o);
        return ExitOk;
    }
    const auto type = (*store)->reads().caseType(c->record.caseType);
    // Names for people in the system's language, with the name a command takes in parentheses.
    const QString lang = userLanguage();
    const auto named = [](const QString &label, const QString &name) {
        return label == name ? name : QStringLiteral("%1 (%2)").arg(label, name);
    };
    ctx.out << c->record.id << "  " << c->record.title << "\n"
            << "type:     " << named(type ? type->titleText(lang) : c->record.caseType, c->record.caseType)
            << "\n"
            << "status:   "
            << named(statusLabel(type ? &*type : nullptr, c->record.status, lang), c->record.status) << "\n"
            << "assignee: " << (c->record.assignee.isEmpty() ? QStringLiteral("—") : c->record.assignee)
            << "\n"
            << "etag:     " << c->record.etag << "\n"
            << "pending:  " << c->pendingCount << (c->hasConflict ? "  (conflict)" : "")
            << (c->hasIssue ? "  (sync issue)" : "") << "\n";
    // What the dispatcher asked for: due date and instructions of each assignment.
    for (const Assignment &a : (*store)->reads().assignments(c->record.id)) {
        const QDateTime due = QDateTime::fromString(a.dueAt, Qt::ISODateWithMs);
        if (!a.dueAt.isEmpty())
            ctx.out << "due:      "
                    << (due.isValid() ? QLocale().toString(due.toLocalTime(), QLocale::ShortFormat) : a.dueAt)
                    << "\n";
        if (!a.instructions.isEmpty())
            ctx.out << "instructions:\n" << indented(a.instructions) << "\n";
    }
    if (type) {
        for (const FieldDef &f : type->fields)
            ctx.out << "  " << type->fieldLabel(f.name, lang) << ": "
                    << formatFieldValue(&f, c->record.fields.value(f.name), storeLabels(**store)) << "\n";
    } else {
        for (auto it = c->record.fields.begin(); it != c->record.fields.end(); ++it)
            ctx.out << "  " << it.key() << ": " << formatFieldValue(nullptr, it.value()) << "\n";
    }
    const QJsonArray notes = notesJson(**store, c->record.id, profile.user);
    if (!notes.isEmpty()) {
        ctx.out << "notes:\n";
        for (const QJsonValue &v : notes) {
            const QJsonObject n = v.toObject();
            ctx.out << "  " << shortTime(n.value(QLatin1String("at")).toString()) << "  "
                    << n.value(QLatin1String("by")).toString()
                    << (n.value(QLatin1String("pending")).toBool() ? "  (not sent yet)" : "") << "\n"
                    << indented(n.value(QLatin1String("text")).toString(), 4) << "\n";
        }
    }
    const QJsonArray files = attachmentsJson(**store, *c);
    if (!files.isEmpty()) {
        ctx.out << "attachments:\n";
        for (const QJsonValue &v : files) {
            const QJsonObject a = v.toObject();
            ctx.out << "  " << a.value(QLatin1String("id")).toString() << "  "
                    << a.value(QLatin1String("name")).toString() << "  "
                    << QLocale().formattedDataSize(a.value(QLatin1String("size")).toInteger()) << "  "
                    << (a.value(QLatin1String("onDevice")).toBool() ? "on this device" : "on the server only")
                    << "\n";
        }
    }
    const QList<client::HistoryRecord> history = (*store)->reads().caseHistory(c->record.id);
    if (!history.isEmpty()) {
        ctx.out << "history:\n";
        for (const client::HistoryRecord &h : history) {
            ctx.out << "  " << shortTime(h.at) << "  " << h.by << "  " << h.action;
            QStringList changes;
            for (auto it = h.changes.begin(); it != h.changes.end(); ++it) {
                const QJsonArray pair = it.value().toArray();
                const FieldDef *f = type ? type->field(it.key()) : nullptr;
                changes << QStringLiteral("%1: %2 → %3")
                               .arg(it.key(), formatFieldValue(f, pair.at(0)),
                                   formatFieldValue(f, pair.at(1)));
            }
            if (!changes.isEmpty())
                ctx.out << "  " << changes.join(QStringLiteral("; "));
            ctx.out << "\n";
        }
    }
    return ExitOk;
}

int cmdCaseCreate(Context &ctx)
{
    if (ctx.positional.isEmpty())
        return usage(ctx, QStringLiteral("case create needs a TYPE"));
    auto store = openProfileStore(ctx);
    if (!store.ok())
        return fail(ctx, store.error());
    const QString typeName = ctx.positional.first();
    const auto type = (*store)->reads().caseType(typeName);
    if (!type) {
        QStringList names;
        for (const CaseType &t : (*store)->reads().caseTypes())
            names << t.name;
        return fail(ctx,
            Error(QStringLiteral("unknown_case_type"),
                QStringLiteral("No case type %1 on this device (known: %2; sync first?).")
                    .arg(typeName,
                        names.isEmpty() ? QStringLiteral("none") : names.join(QStringLiteral(", ")))));
    }
    auto fields = parseFieldValues(*type, ctx.positional.mid(1));
    if (!fields.ok())
        return fail(ctx, fields.error());
    // The title follows the server's rule (core's RulesEngine): refused here, nothing queued.
    const QString title = ctx.options.value(QStringLiteral("title"));
    if (const QString why = RulesEngine::checkTitle(title); !why.isEmpty())
        return fail(
            ctx, Error(QStringLiteral("validation_failed"), why, { { QStringLiteral("title"), why } }));
    auto id = (*store)->edits().createCase(
        typeName, fields.value(), title, ctx.options.value(QStringLiteral("queue")));
    if (!id.ok())
        return fail(ctx, id.error());
    return reportCase(ctx, **store, id.value(), "Created");
}

int cmdCaseUpdate(Context &ctx)
{
    if (ctx.positional.size() < 2)
        return usage(ctx, QStringLiteral("case update needs an ID and at least one FIELD=VALUE"));
    auto store = openProfileStore(ctx);
    if (!store.ok())
        return fail(ctx, store.error());
    const QString id = ctx.positional.first();
    auto type = typeOfCase(**store, id);
    if (!type.ok())
        return fail(ctx, type.error());
    auto fields = parseFieldValues(type.value(), ctx.positional.mid(1));
    if (!fields.ok())
        return fail(ctx, fields.error());
    if (Status s = (*store)->edits().updateFields(id, fields.value()); !s.ok())
        return fail(ctx, s.error());
    return reportCase(ctx, **store, id, "Updated");
}

int cmdCaseTransition(Context &ctx)
{
    if (ctx.positional.size() < 2)
        return usage(ctx, QStringLiteral("case transition needs an ID and a FLOWACTION"));
    auto store = openProfileStore(ctx);
    if (!store.ok())
        return fail(ctx, store.error());
    const QString id = ctx.positional.at(0);
    auto type = typeOfCase(**store, id);
    if (!type.ok())
        return fail(ctx, type.error());
    auto fields = parseFieldValues(type.value(), ctx.positional.mid(2));
    if (!fields.ok())
        return fail(ctx, fields.error());
    if (Status s = (*store)->edits().runFlowAction(id, ctx.positional.at(1), fields.value()); !s.ok())
        return fail(ctx, s.error());
    return reportCase(ctx, **store, id, "Moved");
}

int cmdCaseNote(Context &ctx)
{
    if (ctx.positional.size() < 2)
        return usage(ctx, QStringLiteral("case note needs an ID and a TEXT"));
    auto store = openProfileStore(ctx);
    if (!store.ok())
        return fail(ctx, store.error());
    const QString id = ctx.positional.at(0);
    if (Status s = (*store)->edits().addNote(id, ctx.positional.mid(1).join(QLatin1Char(' '))); !s.ok())
        return fail(ctx, s.error());
    return reportCase(ctx, **store, id, "Noted on");
}

int cmdOutbox(Context &ctx)
{
    auto store = openProfileStore(ctx);
    if (!store.ok())
        return fail(ctx, store.error());
    const auto entries = (*store)->reads().outbox();
    if (ctx.json) {
        QJsonArray arr;
        for (const auto &e : entries)
            arr.append(QJsonObject { { QStringLiteral("seq"), e.seq },
                { QStringLiteral("actionId"), e.actionId }, { QStringLiteral("caseId"), e.caseId },
                { QStringLiteral("type"), actionTypeName(e.type) },
                { QStringLiteral("state"), client::queueStateName(e.state) },
                { QStringLiteral("blockedBy"), e.blockedBy }, { QStringLiteral("attempts"), e.attempts },
                { QStringLiteral("lastError"), e.lastError },
                { QStringLiteral("description"), e.description } });
        printJson(ctx, arr);
        return ExitOk;
    }
    for (const auto &e : entries)
        ctx.out << e.seq << '\t' << client::queueStateName(e.state)
                << (e.blockedBy.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(e.blockedBy)) << '\t'
                << e.description << '\n';
    if (entries.isEmpty())
        ctx.out << "The outbox is empty.\n";
    return ExitOk;
}

int cmdConflicts(Context &ctx)
{
    auto store = openProfileStore(ctx);
    if (!store.ok())
        return fail(ctx, store.error());
    const auto conflicts = (*store)->reads().conflicts();
    if (ctx.json) {
        QJsonArray arr;
        for (const auto &k : conflicts)
            arr.append(
                QJsonObject { { QStringLiteral("caseId"), k.caseId }, { QStringLiteral("field"), k.field },
                    { QStringLiteral("label"), k.label }, { QStringLiteral("base"), k.base },
                    { QStringLiteral("mine"), k.mine }, { QStringLiteral("theirs"), k.theirs },
                    { QStringLiteral("policy"), conflictRuleName(k.policy) } });
        printJson(ctx, arr);
        return ExitOk;
    }
    for (const auto &k : conflicts)
        ctx.out << k.caseId << '\t' << (k.label.isEmpty() ? k.field : k.label) << ": mine "
                << formatFieldValue(nullptr, k.mine) << ", server " << formatFieldValue(nullptr, k.theirs)
                << ", was " << formatFieldValue(nullptr, k.base) << '\n';
    if (conflicts.isEmpty())
        ctx.out << "No conflicts.\n";
    return ExitOk;
}

} // namespace outpost::cli
