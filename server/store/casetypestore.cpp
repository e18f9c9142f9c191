// SPDX-License-Identifier: MIT
#include "casetypestore.h"

#include "catalog.h"
#include "rules/rulesengine.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace outpost::server {

namespace {

/// "line L, column C" of a byte offset.
QString positionOf(const QByteArray &json, int offset)
{
    const QByteArray before = json.left(offset);
    const int line = int(before.count('\n')) + 1;
    const int column = int(before.size() - (before.lastIndexOf('\n') + 1)) + 1;
    return QStringLiteral("line %1, column %2").arg(line).arg(column);
}

/// What a compatible upgrade adds, for people.
QStringList additions(const CaseType &older, const CaseType &newer)
{
    QStringList out;
    for (const FieldDef &f : newer.fields)
        if (!older.field(f.name))
            out.append(QStringLiteral("field '%1' was added").arg(f.name));
    for (const QString &s : newer.statuses)
        if (!older.statuses.contains(s))
            out.append(QStringLiteral("status '%1' was added").arg(s));
    return out;
}

} // namespace

QJsonObject CaseTypeStore::Check::toJson() const
{
    QJsonArray errs;
    for (const Problem &p : errors)
        errs.append(
            QJsonObject { { QStringLiteral("path"), p.path }, { QStringLiteral("message"), p.message } });
    return QJsonObject { { QStringLiteral("valid"), valid() }, { QStringLiteral("errors"), errs },
        { QStringLiteral("verdict"), verdict.isEmpty() ? QJsonValue() : QJsonValue(verdict) },
        { QStringLiteral("reasons"), QJsonArray::fromStringList(reasons) } };
}

CaseTypeStore::Check CaseTypeStore::validate(const QString &name, const QByteArray &json)
{
    Check c;
    QJsonParseError err;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &err);
    if (json.trimmed().isEmpty()) {
        c.errors.append({ QString(), QStringLiteral("The case type is empty: a JSON object is expected.") });
        return c;
    }
    if (err.error != QJsonParseError::NoError) {
        c.errors.append({ QString(),
            QStringLiteral("The JSON is malformed at %1: %2.")
                .arg(positionOf(json, err.offset), err.errorString()) });
        return c;
    }
    if (!doc.isObject()) {
        c.errors.append({ QString(), QStringLiteral("A case type is a JSON object.") });
        return c;
    }
    auto type = CaseType::fromJson(doc.object());
    if (!type) {
        const Error &e = type.error();
        if (e.fields.isEmpty())
            c.errors.append({ QString(), e.message });
        for (auto it = e.fields.constBegin(); it != e.fields.constEnd(); ++it)
            c.errors.append({ it.key(), it.value() });
        return c;
    }
    const CaseType &t = type.value();
    if (!name.isEmpty() && t.name != name)
        c.errors.append({ QStringLiteral("name"),
            QStringLiteral("The case type's name '%1' must match the path's '%2'.").arg(t.name, name) });
    if (t.name.size() > 100)
        c.errors.append(
            { QStringLiteral("name"), QStringLiteral("A case type's name has at most 100 characters.") });
    if (t.version < 1)
        c.errors.append({ QStringLiteral("version"), QStringLiteral("The version must be positive.") });
    c.type = t;
    return c;
}

Result<QList<CaseTypeStore::Summary>> CaseTypeStore::list()
{
    auto txr = Tx::begin(m_db, Tx::Mode::Read);
    if (!txr)
        return txr.error();
    auto q = txr.value().run(QStringLiteral("SELECT name, version, doc FROM case_types ORDER BY name"));
    if (!q)
        return q.error();
    QList<Summary> out;
    while (q.value().next()) {
        const QString name = q.value().value(0).toString();
        const QJsonObject doc = QJsonDocument::fromJson(q.value().value(2).toString().toUtf8()).object();
        out.append({ name, q.value().value(1).toInt(), doc.value(QLatin1String("title")).toString(name),
            doc.value(QLatin1String("titles")).toObject(),
            doc.value(QLatin1String("statusLabels")).toObject() });
    }
    return out;
}

Result<QStringList> CaseTypeStore::withSignatureFields()
{
    auto txr = Tx::begin(m_db, Tx::Mode::Read);
    if (!txr)
        return txr.error();
    // The stored documents are compact JSON (Catalog::saveCaseType), where `"type":"signature"` can
    // only be a field's type: a text of the document has its quotes escaped.
    auto q = txr.value().run(QStringLiteral("SELECT name FROM case_types WHERE doc LIKE ? ORDER BY name"),
        { QStringLiteral("%\"type\":\"signature\"%") });
    if (!q)
        return q.error();
    QStringList out;
    while (q.value().next())
        out.append(q.value().value(0).toString());
    return out;
}

Result<std::optional<QByteArray>> CaseTypeStore::document(const QString &name)
{
    auto txr = Tx::begin(m_db, Tx::Mode::Read);
    if (!txr)
        return txr.error();
    auto q = txr.value().run(QStringLiteral("SELECT doc FROM case_types WHERE name = ?"), { name });
    if (!q)
        return q.error();
    if (!q.value().next())
        return std::optional<QByteArray>();
    return std::optional<QByteArray>(q.value().value(0).toString().toUtf8());
}

Result<CaseTypeStore::Check> CaseTypeStore::check(const QString &name, const QByteArray &json)
{
    Check c = validate(name, json);
    if (!c.type)
        return c;
    auto txr = Tx::begin(m_db, Tx::Mode::Read);
    if (!txr)
        return txr.error();
    auto old = Catalog::caseType(txr.value(), c.type->name);
    if (!old)
        return old.error();
    if (!old.value()) {
        c.verdict = QStringLiteral("new");
        return c;
    }
    const CaseType &stored = *old.value();
    if (c.type->version <= stored.version)
        c.errors.append({ QStringLiteral("version"),
            QStringLiteral("The version must increase (stored: %1, sent: %2).")
                .arg(stored.version)
                .arg(c.type->version) });
    c.reasons = RulesEngine::incompatibilities(stored, *c.type);
    if (c.reasons.isEmpty()) {
        c.verdict = QStringLiteral("compatible");
        c.reasons = additions(stored, *c.type);
    } else {
        c.verdict = QStringLiteral("fullSync");
    }
    return c;
}

} // namespace outpost::server
