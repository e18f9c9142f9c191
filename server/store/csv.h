// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace outpost::server::csv {

/// One record of a CSV file and the (1-based) line it starts on.
struct Record {
    int line = 0;
    QStringList fields;
};

/// A problem with the file: its line, the (1-based) column when one field is at fault (0: the
/// whole line), and what is wrong, in words for the person who wrote the file.
struct Problem {
    int line = 0;
    int column = 0;
    QString message;
};

struct Limits {
    int maxRecords = 200001; // the header row included
    int maxFieldChars = 2000;
};

struct Table {
    QList<Record> records;
    QList<Problem> problems;
    /// The file could not be read to its end (not UTF-8, a quote left open, a stray quote, too
    /// many records): `records` holds what came before the problem, and nothing after it is known.
    bool fatal = false;
};

/// Strict RFC 4180: UTF-8 (a leading byte order mark is skipped), fields separated by commas,
/// records by CRLF or LF (the last one may end without), fields with commas, quotes or line breaks
/// in double quotes, a quote inside them doubled. Anything else is a Problem with its line: bytes
/// that are not UTF-8, a quote in an unquoted field, text after a closing quote, a quote left
/// open, a carriage return without a line feed. Ragged rows are the caller's to judge.
Table parse(const QByteArray &bytes, const Limits &limits = {});

/// Appends one record, fields quoted only where RFC 4180 needs it (and a field that starts with
/// U+FEFF, which would read as a byte order mark at the start of a file), ended by CRLF.
void appendRecord(QByteArray &out, const QStringList &fields);

} // namespace outpost::server::csv
