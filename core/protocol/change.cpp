// SPDX-License-Identifier: MIT
#include "protocol/change.h"

#include "protocol/jsonreader.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace outpost {

namespace {
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(outpost::Change)
};
const QList<std::pair<ChangeKind, QLatin1String>> kKinds = {
    { ChangeKind::CaseType, QLatin1String("caseType") },
    { ChangeKind::Case, QLatin1String("case") },
    { ChangeKind::Assignment, QLatin1String("assignment") },
    { ChangeKind::DataPage, QLatin1String("dataPage") },
    { ChangeKind::History, QLatin1String("history") },
};
} // namespace

QString changeKindName(ChangeKind k)
{
    for (const auto &[kind, name] : kKinds)
        if (kind == k)
            return name;
    return {};
}

std::optional<ChangeKind> changeKindFromName(const QString &n)
{
    for (const auto &[kind, name] : kKinds)
        if (n == name)
            return kind;
    return std::nullopt;
}

QJsonObject Change::toJson() const
{
    QJsonObject o { { QStringLiteral("kind"), changeKindName(kind) },
        { QStringLiteral("op"), remove ? QStringLiteral("remove") : QStringLiteral("upsert") },
        { QStringLiteral("id"), id }, { QStringLiteral("etag"), etag } };
    if (!remove)
        o.insert(QStringLiteral("data"), data);
    return o;
}

Result<Change> Change::fromJson(const QJsonObject &obj, const QString &path)
{
    JsonReader r(obj, path);
    Change c;
    const QString kind = r.requireString("kind");
    const QString op = r.requireString("op");
    c.id = r.requireString("id");
    c.etag = r.optionalString("etag").value_or(QString());
    if (!r.ok())
        return r.error();
    if (auto k = changeKindFromName(kind))
        c.kind = *k;
    else
        r.fail(r.pathOf("kind"), Tr::tr("Unknown change kind '%1'.").arg(kind));
    if (op == QLatin1String("remove"))
        c.remove = true;
    else if (op != QLatin1String("upsert"))
        r.fail(r.pathOf("op"), Tr::tr("Unknown change op '%1'.").arg(op));
    if (!c.remove)
        c.data = r.requireObject("data");
    if (!r.ok())
        return r.error();
    return c;
}

Result<ChangesPage> ChangesPage::fromJson(const QJsonObject &obj)
{
    JsonReader r(obj);
    ChangesPage page;
    const QJsonArray changes = r.requireArray("changes");
    page.next = r.requireString("next");
    page.more = r.requireBool("more");
    if (const std::optional<QJsonObject> total = r.optionalObject("total")) {
        JsonReader t(*total, QStringLiteral("total"));
        page.totalChanges = t.requireInteger("changes");
        page.totalCases = t.requireInteger("cases");
        if (!t.ok())
            return t.error();
    }
    if (!r.ok())
        return r.error();
    page.changes.reserve(changes.size());
    for (qsizetype i = 0; i < changes.size(); ++i) {
        // The field an error names, built only for an error (a full sync has 200,000 changes).
        const auto p = [i] { return QStringLiteral("changes[%1]").arg(i); };
        if (!changes.at(i).isObject())
            return Error(QStringLiteral("bad_response"), Tr::tr("Field '%1' must be an object.").arg(p()));
        const QJsonObject obj = changes.at(i).toObject();
        auto c = Change::fromJson(obj);
        if (!c)
            return Change::fromJson(obj, p()).error();
        page.changes.append(std::move(c).value());
    }
    return page;
}

} // namespace outpost
