// SPDX-License-Identifier: MIT
#include "jsonwriter.h"

namespace outpost {

void appendJsonString(QByteArray &out, QStringView s)
{
    static const char hex[] = "0123456789abcdef";
    const QByteArray utf8 = s.toUtf8();
    out.reserve(out.size() + utf8.size() + 2);
    out.append('"');
    qsizetype plainFrom = 0;
    for (qsizetype i = 0; i < utf8.size(); ++i) {
        const auto c = static_cast<unsigned char>(utf8.at(i));
        if (c >= 0x20 && c != '"' && c != '\\')
            continue; // bytes of multi-byte UTF-8 sequences are >= 0x80 and pass as they are
        out.append(utf8.constData() + plainFrom, i - plainFrom);
        plainFrom = i + 1;
        switch (c) {
        case '"':
            out.append("\\\"");
            break;
        case '\\':
            out.append("\\\\");
            break;
        case '\n':
            out.append("\\n");
            break;
        case '\r':
            out.append("\\r");
            break;
        case '\t':
            out.append("\\t");
            break;
        case '\b':
            out.append("\\b");
            break;
        case '\f':
            out.append("\\f");
            break;
        default:
            out.append("\\u00");
            out.append(hex[c >> 4]);
            out.append(hex[c & 0xf]);
        }
    }
    out.append(utf8.constData() + plainFrom, utf8.size() - plainFrom);
    out.append('"');
}

JsonObjectWriter::JsonObjectWriter(qsizetype reserve)
{
    m_out.reserve(reserve);
    m_out.append('{');
}

void JsonObjectWriter::key(const char *key)
{
    if (m_out.size() > 1)
        m_out.append(',');
    m_out.append('"').append(key).append("\":");
}

JsonObjectWriter &JsonObjectWriter::string(const char *k, QStringView value)
{
    key(k);
    appendJsonString(m_out, value);
    return *this;
}

JsonObjectWriter &JsonObjectWriter::stringOrNull(const char *k, QStringView value)
{
    if (value.isEmpty()) {
        key(k);
        m_out.append("null");
        return *this;
    }
    return string(k, value);
}

JsonObjectWriter &JsonObjectWriter::integer(const char *k, qint64 value)
{
    key(k);
    m_out.append(QByteArray::number(value));
    return *this;
}

JsonObjectWriter &JsonObjectWriter::raw(const char *k, QByteArrayView json)
{
    key(k);
    m_out.append(json);
    return *this;
}

QByteArray JsonObjectWriter::take()
{
    m_out.append('}');
    QByteArray out = std::move(m_out);
    m_out = QByteArray();
    m_out.append('{');
    return out;
}

} // namespace outpost
