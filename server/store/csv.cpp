// SPDX-License-Identifier: MIT
#include "csv.h"

#include <QStringDecoder>

#include <algorithm>

namespace outpost::server::csv {

namespace {

/// The offset of the first byte that does not belong to well-formed UTF-8 (no overlong forms, no
/// surrogates, nothing above U+10FFFF), or -1.
qsizetype firstInvalidUtf8(const QByteArray &bytes, qsizetype from)
{
    const auto *p = reinterpret_cast<const unsigned char *>(bytes.constData());
    const qsizetype n = bytes.size();
    qsizetype i = from;
    while (i < n) {
        const unsigned char c = p[i];
        if (c < 0x80) {
            ++i;
            continue;
        }
        int len = 0;
        unsigned char lo = 0x80, hi = 0xBF;
        if (c >= 0xC2 && c <= 0xDF) {
            len = 2;
        } else if (c >= 0xE0 && c <= 0xEF) {
            len = 3;
            if (c == 0xE0)
                lo = 0xA0;
            else if (c == 0xED)
                hi = 0x9F;
        } else if (c >= 0xF0 && c <= 0xF4) {
            len = 4;
            if (c == 0xF0)
                lo = 0x90;
            else if (c == 0xF4)
                hi = 0x8F;
        } else {
            return i;
        }
        if (i + len > n)
            return i;
        if (p[i + 1] < lo || p[i + 1] > hi)
            return i;
        for (int k = 2; k < len; ++k)
            if (p[i + k] < 0x80 || p[i + k] > 0xBF)
                return i;
        i += len;
    }
    return -1;
}

int lineAt(const QByteArray &bytes, qsizetype offset)
{
    return int(std::count(bytes.cbegin(), bytes.cbegin() + offset, '\n')) + 1;
}

class Parser
{
public:
    Parser(const QByteArray &bytes, const Limits &limits, Table &out)
        : m_b(bytes)
        , m_limits(limits)
        , m_out(out)
    { }

    void run(qsizetype start)
    {
        m_pos = start;
        while (m_pos < m_b.size()) {
            if (m_out.records.size() >= m_limits.maxRecords) {
                fatal(0, QStringLiteral("The file has more than %1 rows.").arg(m_limits.maxRecords - 1));
                return;
            }
            if (!record())
                return;
        }
    }

private:
    void fatal(int column, const QString &message)
    {
        m_out.problems.append({ m_line, column, message });
        m_out.fatal = true;
    }

    /// Reads one record and its line break; false on a fatal problem.
    bool record()
    {
        Record rec;
        rec.line = m_line;
        const qsizetype n = m_b.size();
        while (true) {
            const int column = int(rec.fields.size()) + 1;
            QString value;
            if (m_pos < n && m_b.at(m_pos) == '"') {
                if (!quoted(column, &value))
                    return false;
            } else if (!unquoted(column, &value)) {
                return false;
            }
            if (value.size() > m_limits.maxFieldChars)
                m_out.problems.append({ rec.line, column,
                    QStringLiteral("The value is longer than %1 characters.").arg(m_limits.maxFieldChars) });
            rec.fields.append(value);
            if (m_pos >= n)
                break;
            const char c = m_b.at(m_pos);
            if (c == ',') {
                ++m_pos;
                continue;
            }
            if (c == '\n') {
                ++m_pos;
                ++m_line;
                break;
            }
            if (c == '\r' && m_pos + 1 < n && m_b.at(m_pos + 1) == '\n') {
                m_pos += 2;
                ++m_line;
                break;
            }
            if (c == '\r') {
                fatal(column,
                    QStringLiteral("A carriage return without a line feed: end lines with CRLF or LF."));
                return false;
            }
            fatal(column,
                QStringLiteral(
                    "Text after a closing quote: quote the whole value and double the quotes inside it."));
            return false;
        }
        m_out.records.append(std::move(rec));
        return true;
    }

    bool quoted(int column, QString *value)
    {
        const int startLine = m_line;
        const qsizetype n = m_b.size();
        QByteArray raw;
        ++m_pos; // the opening quote
        qsizetype from = m_pos;
        while (true) {
            const qsizetype q = m_b.indexOf('"', m_pos);
            if (q < 0) {
                m_line = startLine;
                fatal(column, QStringLiteral("A quote opened here is never closed."));
                return false;
            }
            m_line += int(std::count(m_b.cbegin() + m_pos, m_b.cbegin() + q, '\n'));
            if (q + 1 < n && m_b.at(q + 1) == '"') {
                raw.append(QByteArrayView(m_b).sliced(from, q + 1 - from)); // one quote of the two
                m_pos = q + 2;
                from = m_pos;
                continue;
            }
            raw.append(QByteArrayView(m_b).sliced(from, q - from));
            m_pos = q + 1;
            break;
        }
        *value = decode(raw);
        return true;
    }

    bool unquoted(int column, QString *value)
    {
        const qsizetype n = m_b.size();
        const qsizetype start = m_pos;
        while (m_pos < n) {
            const char c = m_b.at(m_pos);
            if (c == ',' || c == '\n' || c == '\r')
                break;
            if (c == '"') {
                fatal(column,
                    QStringLiteral(
                        "A quote inside an unquoted value: quote the whole value and double the quotes "
                        "inside it."));
                return false;
            }
            ++m_pos;
        }
        *value = decode(QByteArrayView(m_b).sliced(start, m_pos - start));
        return true;
    }

    /// A field's text. QString::fromUtf8 drops a leading U+FEFF as a byte order mark: a value may
    /// start with one (only the file's first bytes are a byte order mark), and it stays.
    QString decode(QByteArrayView bytes) { return m_utf8(bytes); }

    const QByteArray &m_b;
    const Limits &m_limits;
    QStringDecoder m_utf8 { QStringDecoder::Utf8,
        QStringDecoder::Flag::Stateless | QStringDecoder::Flag::ConvertInitialBom };
    Table &m_out;
    qsizetype m_pos = 0;
    int m_line = 1;
};

} // namespace

Table parse(const QByteArray &bytes, const Limits &limits)
{
    Table out;
    const qsizetype start = bytes.startsWith("\xEF\xBB\xBF") ? 3 : 0;
    const qsizetype bad = firstInvalidUtf8(bytes, start);
    if (bad >= 0) {
        out.problems.append({ lineAt(bytes, bad), 0,
            QStringLiteral("The file is not UTF-8 (byte %1 of the file). Save it as \"CSV UTF-8\".")
                .arg(bad + 1) });
        out.fatal = true;
        return out;
    }
    Parser(bytes, limits, out).run(start);
    return out;
}

void appendRecord(QByteArray &out, const QStringList &fields)
{
    bool first = true;
    for (const QString &f : fields) {
        if (!first)
            out.append(',');
        first = false;
        const QByteArray u = f.toUtf8();
        // A field that starts with U+FEFF is quoted too: unquoted at the start of a file, the
        // reader would take it for the byte order mark and drop it.
        const bool quote = u.contains(',') || u.contains('"') || u.contains('\n') || u.contains('\r')
            || u.startsWith("\xEF\xBB\xBF");
        if (!quote) {
            out.append(u);
            continue;
        }
        out.append('"');
        for (char c : u) {
            if (c == '"')
                out.append('"');
            out.append(c);
        }
        out.append('"');
    }
    out.append("\r\n");
}

} // namespace outpost::server::csv
