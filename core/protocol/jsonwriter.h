// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QString>

namespace outpost {

/// Appends `s` as a JSON string literal (quotes included) in UTF-8: `"` and `\` escaped, control
/// characters as \n, \t, ... or \u00XX; everything else as it is.
void appendJsonString(QByteArray &out, QStringView s);

/// Writes one compact JSON object straight into bytes. For the hot paths of outpostd, where building
/// a QJsonObject (a sorted map) and serialising it costs more than the data in it; a value already
/// serialised (a case's fields, as stored) goes in as it is. Keys are ASCII names, written unescaped.
class JsonObjectWriter
{
public:
    explicit JsonObjectWriter(qsizetype reserve = 256);

    JsonObjectWriter &string(const char *key, QStringView value);
    /// An empty string is written as null.
    JsonObjectWriter &stringOrNull(const char *key, QStringView value);
    JsonObjectWriter &integer(const char *key, qint64 value);
    /// `json` must be one complete, valid JSON value.
    JsonObjectWriter &raw(const char *key, QByteArrayView json);
    /// The object's text; the writer is empty afterwards.
    QByteArray take();

private:
    void key(const char *key);
    QByteArray m_out;
};

} // namespace outpost
