// SPDX-License-Identifier: MIT
#include "datapagecsv.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

#include <cmath>

namespace outpost::server {

namespace {

const QString kPage = QStringLiteral("page");
const QString kKey = QStringLiteral("key");
const QString kLabel = QStringLiteral("label");

bool isReserved(const QString &name)
{
    return name == kPage || name == kKey || name == kLabel;
}

QString numberText(double d)
{
    if (std::floor(d) == d && std::fabs(d) < 9007199254740992.0)
        return QString::number(qint64(d));
    return QString::number(d, 'g', QLocale::FloatingPointShortest);
}

QString cellOf(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::String:
        return v.toString();
    case QJsonValue::Double:
        return numberText(v.toDouble());
    case QJsonValue::Bool:
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Object:
        return QString::fromUtf8(QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact));
    case QJsonValue::Array:
        return QString::fromUtf8(QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact));
    default:
        return QString();
    }
}

/// The value of a non-empty cell in a column of this type, or an error message.
std::variant<QJsonValue, QString> valueOf(const QString &cell, DataPageCsv::Type type)
{
    switch (type) {
    case DataPageCsv::Type::Number: {
        bool ok = false;
        const double d = cell.trimmed().toDouble(&ok);
        if (!ok || !std::isfinite(d))
            return QStringLiteral("'%1' is not a number (this column holds numbers, e.g. 42 or 12.5).")
                .arg(cell);
        return QJsonValue(d);
    }
    case DataPageCsv::Type::Bool:
        if (cell == QLatin1String("true"))
            return QJsonValue(true);
        if (cell == QLatin1String("false"))
            return QJsonValue(false);
        return QStringLiteral("'%1' is neither true nor false (this column holds true or false).").arg(cell);
    case DataPageCsv::Type::Json: {
        QJsonParseError err;
        const QJsonDocument doc = QJsonDocument::fromJson(cell.toUtf8(), &err);
        if (err.error != QJsonParseError::NoError)
            return QStringLiteral("The value is not JSON (this column holds JSON objects or arrays): %1.")
                .arg(err.errorString());
        return doc.isObject() ? QJsonValue(doc.object()) : QJsonValue(doc.array());
    }
    case DataPageCsv::Type::Text:
        break;
    }
    return QJsonValue(cell);
}

/// The header's problems; on success the column of `key` and of `label`.
QList<csv::Problem> checkHeader(
    const csv::Record &header, const DataPageCsv::Limits &limits, int *keyColumn, int *labelColumn)
{
    QList<csv::Problem> out;
    const int line = header.line;
    if (header.fields.size() > limits.maxColumns)
        out.append({ line, 0,
            QStringLiteral("The header names %1 columns; a data page has at most %2.")
                .arg(header.fields.size())
                .arg(limits.maxColumns) });
    QSet<QString> seen;
    for (int i = 0; i < header.fields.size(); ++i) {
        const QString &name = header.fields.at(i);
        const int column = i + 1;
        if (name.trimmed().isEmpty())
            out.append({ line, column, QStringLiteral("The column has no name.") });
        else if (name.size() > limits.maxColumnNameChars)
            out.append({ line, column,
                QStringLiteral("A column name has at most %1 characters.").arg(limits.maxColumnNameChars) });
        else if (name == kPage)
            out.append({ line, column,
                QStringLiteral("'page' cannot be a column: the data page is named in the request.") });
        else if (seen.contains(name))
            out.append({ line, column, QStringLiteral("The column '%1' is named twice.").arg(name) });
        seen.insert(name);
        if (name == kKey)
            *keyColumn = i;
        if (name == kLabel)
            *labelColumn = i;
    }
    if (*keyColumn < 0)
        out.append({ line, 0, QStringLiteral("The header needs a 'key' column (and a 'label' column).") });
    if (*labelColumn < 0)
        out.append({ line, 0, QStringLiteral("The header needs a 'label' column.") });
    return out;
}

} // namespace

DataPageCsv::Types DataPageCsv::typesOf(const QList<QJsonObject> &docs)
{
    QHash<QString, int> kinds; // bit 1 number, 2 bool, 4 json, 8 text
    for (const QJsonObject &doc : docs)
        for (auto it = doc.constBegin(); it != doc.constEnd(); ++it) {
            if (isReserved(it.key()))
                continue;
            int bit = 8;
            switch (it.value().type()) {
            case QJsonValue::Double:
                bit = 1;
                break;
            case QJsonValue::Bool:
                bit = 2;
                break;
            case QJsonValue::Object:
            case QJsonValue::Array:
                bit = 4;
                break;
            case QJsonValue::Null:
                bit = 0;
                break;
            default:
                break;
            }
            kinds[it.key()] |= bit;
        }
    Types out;
    for (auto it = kinds.constBegin(); it != kinds.constEnd(); ++it)
        out.insert(it.key(),
            it.value() == 1       ? Type::Number
                : it.value() == 2 ? Type::Bool
                : it.value() == 4 ? Type::Json
                                  : Type::Text);
    return out;
}

QByteArray DataPageCsv::write(QList<DataPageRow> rows)
{
    std::sort(
        rows.begin(), rows.end(), [](const DataPageRow &a, const DataPageRow &b) { return a.key < b.key; });
    QSet<QString> names;
    for (const DataPageRow &r : std::as_const(rows))
        for (auto it = r.data.constBegin(); it != r.data.constEnd(); ++it)
            if (!isReserved(it.key()))
                names.insert(it.key());
    QStringList columns(names.cbegin(), names.cend());
    std::sort(columns.begin(), columns.end());
    QByteArray out;
    out.reserve(int(rows.size()) * 64 + 64);
    csv::appendRecord(out, QStringList { kKey, kLabel } + columns);
    QStringList record;
    for (const DataPageRow &r : std::as_const(rows)) {
        record.clear();
        record << r.key << r.label;
        for (const QString &c : std::as_const(columns))
            record << cellOf(r.data.value(c));
        csv::appendRecord(out, record);
    }
    return out;
}

DataPageCsv::Parsed DataPageCsv::read(
    const QString &page, const csv::Table &table, const Types &types, const Limits &limits)
{
    Parsed out;
    out.errors = table.problems;
    auto finish = [&out]() {
        std::stable_sort(
            out.errors.begin(), out.errors.end(), [](const csv::Problem &a, const csv::Problem &b) {
                return a.line != b.line ? a.line < b.line : a.column < b.column;
            });
        return out;
    };
    if (table.records.isEmpty()) {
        if (!table.fatal)
            out.errors.append({ 1, 0,
                QStringLiteral("The file is empty: its first row names the columns (key, label, …).") });
        return finish();
    }
    const csv::Record &header = table.records.constFirst();
    int keyColumn = -1, labelColumn = -1;
    const QList<csv::Problem> headerProblems = checkHeader(header, limits, &keyColumn, &labelColumn);
    if (!headerProblems.isEmpty()) {
        out.errors += headerProblems;
        return finish();
    }
    const QStringList &names = header.fields;
    QHash<QString, int> lineOfKey;
    lineOfKey.reserve(table.records.size());
    out.rows.reserve(table.records.size() - 1);
    for (qsizetype i = 1; i < table.records.size(); ++i) {
        const csv::Record &rec = table.records.at(i);
        if (rec.fields.size() == 1 && rec.fields.constFirst().isEmpty() && names.size() > 1) {
            out.errors.append({ rec.line, 0, QStringLiteral("The line is empty.") });
            continue;
        }
        if (rec.fields.size() != names.size()) {
            out.errors.append({ rec.line, 0,
                QStringLiteral("The row has %1 values; the header names %2 columns.")
                    .arg(rec.fields.size())
                    .arg(names.size()) });
            continue;
        }
        DataPageRow row;
        row.page = page;
        row.key = rec.fields.at(keyColumn);
        row.label = rec.fields.at(labelColumn);
        if (row.key.isEmpty()) {
            out.errors.append({ rec.line, keyColumn + 1, QStringLiteral("The key is empty.") });
        } else if (row.key.size() > limits.maxKeyChars) {
            out.errors.append({ rec.line, keyColumn + 1,
                QStringLiteral("A key has at most %1 characters.").arg(limits.maxKeyChars) });
        } else if (row.key.trimmed() != row.key) {
            out.errors.append({ rec.line, keyColumn + 1,
                QStringLiteral("The key '%1' begins or ends with a space.").arg(row.key) });
        } else {
            const auto it = lineOfKey.constFind(row.key);
            if (it != lineOfKey.constEnd())
                out.errors.append({ rec.line, keyColumn + 1,
                    QStringLiteral("The key '%1' is already on line %2.").arg(row.key).arg(it.value()) });
            else
                lineOfKey.insert(row.key, rec.line);
        }
        if (row.label.isEmpty())
            row.label = row.key;
        for (int c = 0; c < names.size(); ++c) {
            if (c == keyColumn || c == labelColumn || rec.fields.at(c).isEmpty())
                continue;
            const auto v = valueOf(rec.fields.at(c), types.value(names.at(c), Type::Text));
            if (const QString *problem = std::get_if<QString>(&v))
                out.errors.append({ rec.line, c + 1, *problem });
            else
                row.data.insert(names.at(c), std::get<QJsonValue>(v));
        }
        row.data = row.toJson();
        out.rows.append(std::move(row));
    }
    return finish();
}

QJsonObject DataPageCsv::previewOf(const DataPageRow &row)
{
    QJsonObject o = row.data;
    o.remove(kPage);
    return o;
}

} // namespace outpost::server
